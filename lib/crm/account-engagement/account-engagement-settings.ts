import { z } from 'zod';

/*
 * What the admin enters for Account Engagement (public; the sign-in is the Salesforce connection's,
 * with the `pardot_api` scope): the Business Unit id (Setup → Account Engagement → Business Unit
 * Setup, 18 characters starting 0Uv) and whether the business unit is on the demo host (developer
 * and sandbox orgs: pi.demo.pardot.com) or production (pi.pardot.com).
 */

export const ACCOUNT_ENGAGEMENT_HOSTS = { production: 'https://pi.pardot.com', demo: 'https://pi.demo.pardot.com' } as const;
export type AccountEngagementHost = keyof typeof ACCOUNT_ENGAGEMENT_HOSTS;

const BUSINESS_UNIT_ID = /^0Uv[A-Za-z0-9]{15}$/;

export const accountEngagementSettingsSchema = z.object({
  businessUnitId: z.string().trim().regex(BUSINESS_UNIT_ID),
  host: z.enum(['production', 'demo']).catch('production'),
});
export type AccountEngagementSettings = z.infer<typeof accountEngagementSettingsSchema>;

/** Field → problem, in the admin's words (empty: fine). */
export function checkAccountEngagementSettings(settings: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  const id = settings.businessUnitId?.trim() ?? '';
  if (!id) problems.businessUnitId = 'Enter the Business Unit id (Setup → Account Engagement → Business Unit Setup).';
  else if (!BUSINESS_UNIT_ID.test(id)) problems.businessUnitId = 'A Business Unit id is 18 characters and starts with 0Uv.';
  if (settings.host !== undefined && settings.host !== 'production' && settings.host !== 'demo') problems.host = 'Choose production or demo.';
  return problems;
}

export function readAccountEngagementSettings(raw: Record<string, string> | null): AccountEngagementSettings | null {
  const parsed = accountEngagementSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
