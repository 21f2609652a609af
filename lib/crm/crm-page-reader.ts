import type { LeadPage } from './pages/lead-page';

/**
 * How one CRM's record pages are recognised. The content script loads every provider's reader
 * (4 kB gzip budget for the whole script), so a reader is plain regular expressions and nothing
 * else; the rest of what Baton knows of the CRM is in its descriptor (crm-descriptor.ts).
 */
export interface CrmPageReader {
  /** The provider kind (lib/crm/<kind>/). */
  kind: string;
  /** The record page this https URL shows, if it is one of this CRM's. */
  readPage(url: URL): LeadPage | null;
  /** The record page a sandbox CRM speaking this CRM's dialect shows (demo and test builds only). */
  readSandboxPage?(url: URL): LeadPage | null;
  /** Match patterns of the CRM's app pages (content-script matches, web-accessible resources). */
  pageMatches: readonly string[];
}
