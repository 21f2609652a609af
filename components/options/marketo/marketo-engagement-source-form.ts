import type { EngagementSourceFormDescription } from '../engagement-source-form';

/** Found by the options page (engagement-sources-section.tsx) by its file name and export name. */
export const engagementSourceForm: EngagementSourceFormDescription = {
  kind: 'marketo',
  label: 'Marketo Engage',
  hint: "Activity from Marketo's REST API, read with an API-only user that has a read-only activity role.",
  fields: [
    { name: 'endpoint', label: 'REST endpoint', kind: 'text', placeholder: 'https://123-ABC-456.mktorest.com', help: 'Admin → Web Services → REST API → Endpoint (without /rest).' },
    { name: 'clientId', label: 'Client id', kind: 'text', help: "Admin → LaunchPoint → Baton's custom service → View Details." },
    { name: 'clientSecret', label: 'Client secret', kind: 'secret', help: 'From the same View Details. Kept by Baton in this browser, never shown again.' },
  ],
  sandboxNote: 'On the sandbox CRM, Baton reads the sandbox\'s Marketo: enter any mktorest.com endpoint, client id baton-sandbox-marketo and client secret sandbox-marketo-secret.',
};
