/*
 * The sandbox Marketo instance's people and activity, keyed by the seeded leads' emails (the
 * Salesforce org's Leads are built from the portal's contacts: lib/sandbox/salesforce/). Some
 * leads are in Marketo, some in Account Engagement (lib/sandbox/account-engagement/), the rest in
 * neither. Times are relative to the seed's clock. Titles and URLs include hostile text on purpose.
 */

const SITE = 'https://www.tessellate.io';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Activity types as `/rest/v1/activities/types.json` lists them (the standard ids, a subset). */
export const SANDBOX_MARKETO_ACTIVITY_TYPES = [
  { id: 1, name: 'Visit Webpage', description: 'User visits a web page', primaryAttribute: { name: 'Webpage ID', dataType: 'integer' }, attributes: [{ name: 'Webpage URL', dataType: 'string' }, { name: 'Query Parameters', dataType: 'string' }, { name: 'Referrer URL', dataType: 'string' }] },
  { id: 2, name: 'Fill Out Form', description: 'User fills out and submits form on web page', primaryAttribute: { name: 'Webform ID', dataType: 'integer' }, attributes: [{ name: 'Referrer URL', dataType: 'string' }, { name: 'Form Fields', dataType: 'text' }] },
  { id: 3, name: 'Click Link', description: 'User clicks link on a page', primaryAttribute: { name: 'Link ID', dataType: 'integer' }, attributes: [{ name: 'Referrer URL', dataType: 'string' }] },
  { id: 7, name: 'Email Delivered', description: 'Email is delivered to a lead', primaryAttribute: { name: 'Mailing ID', dataType: 'integer' }, attributes: [{ name: 'Campaign Run ID', dataType: 'integer' }] },
  { id: 10, name: 'Open Email', description: 'User opens Marketo Email', primaryAttribute: { name: 'Mailing ID', dataType: 'integer' }, attributes: [{ name: 'Device', dataType: 'string' }] },
  { id: 11, name: 'Click Email', description: 'User clicks on a link in a Marketo Email', primaryAttribute: { name: 'Mailing ID', dataType: 'integer' }, attributes: [{ name: 'Link', dataType: 'string' }] },
  { id: 12, name: 'New Lead', description: 'New person/record is added to the lead database', primaryAttribute: { name: 'Lead ID', dataType: 'integer' }, attributes: [] },
  { id: 41, name: 'Interesting Moment', description: 'Interesting moment', primaryAttribute: { name: 'Marketo Asset ID', dataType: 'integer' }, attributes: [{ name: 'Type', dataType: 'string' }, { name: 'Description', dataType: 'string' }] },
  { id: 104, name: 'Change Status in Progression', description: 'Change a status in a program progression', primaryAttribute: { name: 'Program ID', dataType: 'integer' }, attributes: [{ name: 'New Status', dataType: 'string' }, { name: 'Old Status', dataType: 'string' }] },
] as const;

export interface SandboxMarketoActivity {
  id: number;
  marketoGUID: string;
  leadId: number;
  activityDate: number;
  activityTypeId: number;
  primaryAttributeValueId: number;
  primaryAttributeValue: string;
  attributes: { name: string; value: string }[];
  campaignId: number;
}

export interface SandboxMarketoLead {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  createdAt: number;
  updatedAt: number;
}

export interface SandboxMarketoData {
  leads: SandboxMarketoLead[];
  /** Every activity of the instance, oldest first (the stream paging tokens point into). */
  activities: SandboxMarketoActivity[];
}

/** Seeded people in Marketo, by email (Salesforce sandbox Leads of the same people). */
export const MARKETO_SEEDED_EMAILS = {
  /** Demo lead: a rich, recent history (form, visits, email, webinar), created 60 days ago. */
  demoPrimary: 'elena.marsh@brightlinelogistics.com',
  /** Created 200 days ago: older web visits are gone (the 90-day retention notice); hostile titles. */
  atRisk: 'samuel.brennan@oakridgecap.com',
  /** ~350 web visits in the last 90 days: activities come in two pages. */
  longHistory: 'leila.haddad@meridianretail.com',
} as const;

/** Marketo keeps a form's submitted fields PHP-serialized (string lengths in UTF-8 bytes). */
function phpSerialize(fields: Record<string, string>): string {
  const s = (text: string) => `s:${Buffer.byteLength(text, 'utf8')}:"${text}";`;
  return `a:${Object.keys(fields).length}:{${Object.entries(fields).map(([k, v]) => s(k) + s(v)).join('')}}`;
}

export function seedMarketo(now: number): SandboxMarketoData {
  const leads: SandboxMarketoLead[] = [];
  const activities: Omit<SandboxMarketoActivity, 'id' | 'marketoGUID'>[] = [];
  const person = (id: number, email: string, firstName: string, lastName: string, createdDaysAgo: number) => {
    leads.push({ id, email, firstName, lastName, createdAt: now - createdDaysAgo * DAY, updatedAt: now - HOUR });
    return id;
  };
  const add = (leadId: number, ago: number, typeId: number, primary: string, attributes: Record<string, string> = {}, campaignId = 0) =>
    activities.push({ leadId, activityDate: now - ago, activityTypeId: typeId, primaryAttributeValueId: 5000 + activities.length, primaryAttributeValue: primary, attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })), campaignId });

  const elena = person(3101, MARKETO_SEEDED_EMAILS.demoPrimary, 'Elena', 'Marsh', 60);
  add(elena, 60 * DAY, 12, 'Elena Marsh');
  add(elena, 12 * DAY, 104, 'Webinar: Freight visibility in 30 minutes', { 'New Status': 'Registered', 'Old Status': 'Invited' }, 71);
  add(elena, 10 * DAY, 104, 'Webinar: Freight visibility in 30 minutes', { 'New Status': 'Attended', 'Old Status': 'Registered' }, 71);
  add(elena, 5 * DAY, 7, 'Q3 Product Digest', {}, 72);
  add(elena, 5 * DAY - 2 * HOUR, 10, 'Q3 Product Digest', { Device: 'Mac' }, 72);
  add(elena, 5 * DAY - 2 * HOUR + 40_000, 11, 'Q3 Product Digest', { Link: `${SITE}/integrations/sap?utm_source=marketo` }, 72);
  add(elena, 2 * DAY, 1, 'www.tessellate.io/integrations', { 'Webpage URL': `${SITE}/integrations`, 'Referrer URL': 'https://www.google.com/' });
  add(elena, 2 * DAY - 5 * MINUTE, 41, 'Web', { Type: 'Web', Description: 'Looked at the SAP integration three times this week' });
  add(elena, 1 * DAY, 1, 'www.tessellate.io/pricing', { 'Webpage URL': `${SITE}/pricing` });
  add(elena, 40 * MINUTE, 2, 'Talk to sales (Marketo form)', { 'Referrer URL': `${SITE}/contact-sales`, 'Form Fields': phpSerialize({ FirstName: 'Elena', Email: MARKETO_SEEDED_EMAILS.demoPrimary, Comment: 'Need EDI with our 3PLs before peak season', Timeline: 'This quarter' }) });

  const samuel = person(3104, MARKETO_SEEDED_EMAILS.atRisk, 'Samuel', 'Brennan', 200);
  add(samuel, 200 * DAY, 12, 'Samuel Brennan');
  add(samuel, 150 * DAY, 2, 'Whitepaper: Capital operations benchmark', { 'Referrer URL': `${SITE}/resources/benchmark` });
  add(samuel, 30 * DAY, 1, '<img src=x onerror=alert(1)> Pricing', { 'Webpage URL': 'javascript:alert(1)' });
  add(samuel, 10 * DAY, 3, `${SITE}/security`, { 'Referrer URL': `${SITE}/pricing` });

  const leila = person(3108, MARKETO_SEEDED_EMAILS.longHistory, 'Leila', 'Haddad', 300);
  add(leila, 300 * DAY, 12, 'Leila Haddad');
  add(leila, 280 * DAY, 2, 'Newsletter signup', { 'Referrer URL': `${SITE}/blog` });
  const pages = ['pricing', 'integrations', 'blog/retail-ops', 'security', 'customers/meridian-like', 'docs/api'];
  for (let i = 0; i < 350; i++) {
    const page = pages[i % pages.length]!;
    add(leila, 85 * DAY - i * 5 * HOUR, 1, `www.tessellate.io/${page}`, { 'Webpage URL': `${SITE}/${page}` });
  }

  const sorted = activities.sort((a, b) => a.activityDate - b.activityDate || a.leadId - b.leadId);
  return {
    leads,
    activities: sorted.map((a, i) => ({ ...a, id: 900_001 + i, marketoGUID: `${900_001 + i}` })),
  };
}
