import type { EngagementSourceFormDescription } from '../engagement-source-form';

/** Found by the options page (engagement-sources-section.tsx) by its file name and export name. */
export const engagementSourceForm: EngagementSourceFormDescription = {
  kind: 'account-engagement',
  label: 'Account Engagement (Pardot)',
  hint: "Visitor activity from Account Engagement, read with Baton's Salesforce sign-in (its External Client App needs the pardot_api scope).",
  fields: [
    { name: 'businessUnitId', label: 'Business Unit id', kind: 'text', placeholder: '0Uv…', help: 'Setup → Account Engagement → Business Unit Setup (18 characters, starts with 0Uv).' },
    {
      name: 'host',
      label: 'Account Engagement site',
      kind: 'choice',
      choices: [
        { value: 'production', label: 'Production (pi.pardot.com)' },
        { value: 'demo', label: 'Developer or sandbox org (pi.demo.pardot.com)' },
      ],
      help: 'Developer and sandbox orgs use the demo site.',
    },
  ],
  sandboxNote: "On the sandbox CRM, Baton reads the sandbox's Account Engagement: Business Unit id 0UvSANDBOX00000001.",
};
