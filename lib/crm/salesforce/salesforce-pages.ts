import type { CrmPageReader } from '../crm-page-reader';
import type { LeadPage } from '../pages/lead-page';
import { salesforceApiHost } from './salesforce-api-host';

/*
 * Salesforce's Lead and Contact record URLs, in one tested module (Salesforce warns the format may
 * change). Pure regular expressions: this runs in the content script (4 kB gzip for all of it).
 * - Lightning `/lightning/r/Lead/{id}/view`, `/lightning/r/{id}/view`; in console apps the path is
 *   the focused tab (`ws=` names the workspace tab, which is not what the rep looks at);
 * - legacy `/one/one.app#/sObject/{id}/view`; Classic `/{id}` on the My Domain host.
 * Key prefixes: 00Q Lead, 003 Contact. The account is the org's API host (`acme.my.salesforce.com`),
 * whichever of its hosts shows the page; ids are read as 18-character ids, so a Classic page's
 * 15-character id names the same record as its Lightning page.
 */

export const SALESFORCE_KIND = 'salesforce';

const ID = '((00Q|003)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)';
const LIGHTNING_RECORD = new RegExp(`^/lightning/r/(?:Lead/(?=00Q)|Contact/(?=003))?${ID}/view(?:/|$)`);
const ONE_APP_RECORD = new RegExp(`^#/sObject/${ID}(?:/view)?(?:[/?]|$)`);
const CLASSIC_RECORD = new RegExp(`^/${ID}(?:/|$)`);
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const SALESFORCE_PAGE_MATCHES = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];

export function readSalesforcePage(url: URL): LeadPage | null {
  const account = url.protocol === 'https:' ? salesforceApiHost(url.hostname) : null;
  if (!account) return null;
  const m =
    LIGHTNING_RECORD.exec(url.pathname) ??
    (url.pathname === '/one/one.app' ? ONE_APP_RECORD.exec(url.hash) : null) ??
    (url.hostname.endsWith('.my.salesforce.com') ? CLASSIC_RECORD.exec(url.pathname) : null);
  return m ? recordPage(m, account, url.origin) : null;
}

/** The sandbox CRM serves Lightning-like record pages (`http://127.0.0.1:PORT/lightning/r/Lead/{id}/view`); its host is the account. */
export function readSalesforceSandboxPage(url: URL): LeadPage | null {
  const m = LIGHTNING_RECORD.exec(url.pathname);
  return m ? recordPage(m, url.host, url.origin) : null;
}

function recordPage(m: RegExpExecArray, account: string, origin: string): LeadPage {
  return { crm: SALESFORCE_KIND, account, objectType: m[2] === '00Q' ? 'lead' : 'contact', id: toId18(m[1]!), origin };
}

/** The 18-character form of a 15-character id: a case checksum of each 5-character chunk. */
export function toId18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 15; chunk += 5) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id[chunk + i]!)) bits |= 1 << i;
    suffix += CHECKSUM[bits];
  }
  return id + suffix;
}

/** Found by the content script's registry (page-readers.ts) by its file name and export name. */
export const crmPages: CrmPageReader = {
  kind: SALESFORCE_KIND,
  readPage: readSalesforcePage,
  readSandboxPage: readSalesforceSandboxPage,
  pageMatches: SALESFORCE_PAGE_MATCHES,
};
