import { salesforceId } from './salesforce-ids';
import { SANDBOX_SCENARIOS } from '../scenarios';

/**
 * The sandbox Salesforce org tells the HubSpot portal's story: each seeded Lead is built from the
 * HubSpot contact of the same person, and its id is derived from that contact's id, so tests and
 * demos can name them.
 */
export function leadIdForContact(hubspotContactId: string): string {
  return salesforceId('00Q', Number(hubspotContactId));
}

export function contactIdForContact(hubspotContactId: string): string {
  return salesforceId('003', Number(hubspotContactId));
}

export const SALESFORCE_ORG_ID = salesforceId('00D', 2_400_001);
export const SALESFORCE_MY_DOMAIN = 'baton-sandbox';

/** Seeded Leads by scenario (same names as SANDBOX_SCENARIOS). */
export const SALESFORCE_LEAD_SCENARIOS = Object.fromEntries(
  Object.entries(SANDBOX_SCENARIOS).map(([name, contactId]) => [name, leadIdForContact(contactId)]),
) as { [K in keyof typeof SANDBOX_SCENARIOS]: string };

/** HubSpot contacts that become Leads: the twelve scenarios, a spread of statuses, two dispositioned ones, one converted. */
export const LEAD_SOURCE_CONTACTS: readonly string[] = [
  ...Object.values(SANDBOX_SCENARIOS),
  '115', '116', '117', '118', '119', '121', '122', '125', '126', '127', '1001', '1002', '113',
];

/** HubSpot contacts with open deals or closed-won business: Contacts (003). The first was converted from a Lead. */
export const CONTACT_SOURCE_CONTACTS: readonly string[] = ['113', '114', '120', '123'];

/** The Lead converted into a Contact (its HubSpot contact has an open deal). */
export const CONVERTED_LEAD_SOURCE = '113';
