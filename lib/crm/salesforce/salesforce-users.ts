import { SALESFORCE_ID_PATTERN, type SalesforceUserRef } from './salesforce-schemas';

/* Who did something in Salesforce: a user or a queue, a person or an automation. */

/** User ids start with 005, queues (groups) with 00G. */
export function isUserId(id: string | null | undefined): id is string {
  return typeof id === 'string' && SALESFORCE_ID_PATTERN.test(id) && id.startsWith('005');
}

/**
 * Users that are not a person at the keyboard: Salesforce's Automated Process user, integration
 * users (the "Salesforce API Only System Integrations" profile, named integration users of
 * marketing tools and dialers).
 */
export function isAutomatedUser(user: SalesforceUserRef): boolean {
  if (!user) return false;
  if (user.UserType === 'AutomatedProcess') return true;
  const profile = user.Profile?.Name ?? '';
  if (/integration|api only/i.test(profile)) return true;
  return /\b(integration|automated process|platform integration|marketo|pardot|account engagement|hubspot|outreach|salesloft)\b/i.test(user.Name ?? '');
}
