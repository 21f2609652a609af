import type { CrmPageReader } from '../crm-page-reader';
import type { LeadPage } from '../pages/lead-page';

/*
 * HubSpot's record URLs. Pure regular expressions with no dependencies: this runs in the content
 * script (4 kB gzip budget for all of it).
 */

export const HUBSPOT_KIND = 'hubspot';

const HUBSPOT_HOST = /^app(?:-[a-z]{2,3}\d{0,2})?\.hubspot\.com$/;
// /contacts/{portal}/record/{objectTypeId}/{id} (current UI) and /contacts/{portal}/contact/{id} (older UI).
const HUBSPOT_RECORD = /^\/contacts\/(\d+)\/(?:record\/(0-1|0-136)|(contact))\/(\d+)(?:\/|$)/;

/** Where HubSpot's app pages live (content-script matches, web-accessible resources). */
export const HUBSPOT_PAGE_MATCHES = ['https://app.hubspot.com/*', 'https://*.hubspot.com/*'];
/**
 * Where its API lives (host permissions for the background's requests): Baton calls only
 * api.hubapi.com, so the manifest asks for nothing wider (no other *.hubapi.com host).
 */
export const HUBSPOT_API_HOSTS = ['https://api.hubapi.com/*'];

export function readHubSpotPage(url: URL): LeadPage | null {
  if (url.protocol !== 'https:' || !HUBSPOT_HOST.test(url.hostname.toLowerCase())) return null;
  return readHubSpotRecordPath(url);
}

/** The sandbox CRM speaks HubSpot's dialect, record URLs included, so one path reader serves both. */
export function readHubSpotRecordPath(url: URL): LeadPage | null {
  const m = HUBSPOT_RECORD.exec(url.pathname);
  if (!m) return null;
  return { crm: HUBSPOT_KIND, account: m[1]!, objectType: m[2] === '0-136' ? 'lead' : 'contact', id: m[4]!, origin: url.origin };
}

/** Found by the content script's registry (page-readers.ts) by its file name and export name. */
export const crmPages: CrmPageReader = {
  kind: HUBSPOT_KIND,
  readPage: readHubSpotPage,
  readSandboxPage: readHubSpotRecordPath,
  pageMatches: HUBSPOT_PAGE_MATCHES,
};
