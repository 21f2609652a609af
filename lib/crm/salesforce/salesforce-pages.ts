import type { CrmPageReader } from '../crm-page-reader';
import type { LeadPage } from '../pages/lead-page';

/*
 * Salesforce's Lead and Contact record URLs (Lightning and Classic). Pure regular expressions: this
 * runs in the content script. Baton recognises these pages; reading and writing them is the
 * Salesforce provider's next step.
 */

export const SALESFORCE_KIND = 'salesforce';

const LIGHTNING_HOST = /^([a-z0-9-]+(?:--[a-z0-9]+)?)(?:\.sandbox)?\.lightning\.force\.com$/;
const CLASSIC_HOST = /^([a-z0-9-]+(?:--[a-z0-9]+)?)(?:\.sandbox)?\.my\.salesforce\.com$/;
const LIGHTNING_RECORD = /^\/lightning\/r\/(Lead|Contact)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view(?:\/|$)/;
// Classic record URLs are the bare id: 00Q = Lead, 003 = Contact.
const CLASSIC_RECORD = /^\/((00Q|003)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/|$)/;

export const SALESFORCE_PAGE_MATCHES = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];

export function readSalesforcePage(url: URL): LeadPage | null {
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (LIGHTNING_HOST.test(host)) {
    const m = LIGHTNING_RECORD.exec(url.pathname);
    return m ? { crm: SALESFORCE_KIND, account: host, objectType: m[1] === 'Lead' ? 'lead' : 'contact', id: m[2]!, origin: url.origin } : null;
  }
  if (CLASSIC_HOST.test(host)) {
    const m = CLASSIC_RECORD.exec(url.pathname);
    return m ? { crm: SALESFORCE_KIND, account: host, objectType: m[2] === '00Q' ? 'lead' : 'contact', id: m[1]!, origin: url.origin } : null;
  }
  return null;
}

/** Found by the content script's registry (page-readers.ts) by its file name and export name. */
export const crmPages: CrmPageReader = { kind: SALESFORCE_KIND, readPage: readSalesforcePage, pageMatches: SALESFORCE_PAGE_MATCHES };
