/**
 * Pure page readers: which CRM record, if any, a URL shows. They run in the content script
 * (budget: 4 kB gzip for the whole script), so they are plain regular expressions with no zod and
 * no dependencies; the background re-validates what they return with zod before using it.
 *
 * The environment is a parameter: the sandbox CRM on localhost is only recognised in demo/test
 * builds, never in production.
 */
export type LeadPageCrm = 'hubspot' | 'salesforce' | 'sandbox';

export interface LeadPage {
  crm: LeadPageCrm;
  /** HubSpot portal id; Salesforce my-domain host; sandbox portal id. */
  account: string;
  /** `contact` (HubSpot contact, Salesforce Contact), `lead` (Salesforce Lead, HubSpot Leads object 0-136). */
  objectType: 'contact' | 'lead';
  id: string;
  /** Origin of the page; for the sandbox it is also the API base URL. */
  origin: string;
}

export interface PageEnvironment {
  /** Recognise the local sandbox CRM (demo and test builds only). */
  sandbox: boolean;
}

const HUBSPOT_HOST = /^app(?:-[a-z]{2,3}\d{0,2})?\.hubspot\.com$/;
// /contacts/{portal}/record/{objectTypeId}/{id} (current UI) and /contacts/{portal}/contact/{id} (older UI).
const HUBSPOT_RECORD = /^\/contacts\/(\d+)\/(?:record\/(0-1|0-136)|(contact))\/(\d+)(?:\/|$)/;
const SALESFORCE_LIGHTNING_HOST = /^([a-z0-9-]+(?:--[a-z0-9]+)?)(?:\.sandbox)?\.lightning\.force\.com$/;
const SALESFORCE_CLASSIC_HOST = /^([a-z0-9-]+(?:--[a-z0-9]+)?)(?:\.sandbox)?\.my\.salesforce\.com$/;
const SALESFORCE_RECORD = /^\/lightning\/r\/(Lead|Contact)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view(?:\/|$)/;
// Classic record URLs are the bare id: 00Q = Lead, 003 = Contact.
const SALESFORCE_CLASSIC_RECORD = /^\/((00Q|003)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/|$)/;
const SANDBOX_HOST = /^(?:127\.0\.0\.1|localhost)$/;

export function readLeadPage(href: string, env: PageEnvironment): LeadPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();

  if (url.protocol === 'https:' && HUBSPOT_HOST.test(host)) return readHubSpotPath(url, 'hubspot');

  if (url.protocol === 'https:') {
    const lightning = SALESFORCE_LIGHTNING_HOST.exec(host);
    if (lightning) {
      const m = SALESFORCE_RECORD.exec(url.pathname);
      return m ? { crm: 'salesforce', account: host, objectType: m[1] === 'Lead' ? 'lead' : 'contact', id: m[2]!, origin: url.origin } : null;
    }
    if (SALESFORCE_CLASSIC_HOST.test(host)) {
      const m = SALESFORCE_CLASSIC_RECORD.exec(url.pathname);
      return m ? { crm: 'salesforce', account: host, objectType: m[2] === '00Q' ? 'lead' : 'contact', id: m[1]!, origin: url.origin } : null;
    }
    return null;
  }

  if (env.sandbox && url.protocol === 'http:' && SANDBOX_HOST.test(host)) return readHubSpotPath(url, 'sandbox');
  return null;
}

// The sandbox CRM uses HubSpot's record URL forms, so one path reader serves both.
function readHubSpotPath(url: URL, crm: 'hubspot' | 'sandbox'): LeadPage | null {
  const m = HUBSPOT_RECORD.exec(url.pathname);
  if (!m) return null;
  return { crm, account: m[1]!, objectType: m[2] === '0-136' ? 'lead' : 'contact', id: m[4]!, origin: url.origin };
}

/** Two readings name the same record (the panel is re-targeted only when this changes). */
export function isSameLeadPage(a: LeadPage | null, b: LeadPage | null): boolean {
  if (!a || !b) return a === b;
  return a.crm === b.crm && a.account === b.account && a.objectType === b.objectType && a.id === b.id && a.origin === b.origin;
}
