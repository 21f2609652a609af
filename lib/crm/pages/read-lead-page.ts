import type { CrmPageReader } from '../crm-page-reader';
import { CRM_PAGE_READERS } from '../page-readers';
import type { LeadPage, PageEnvironment } from './lead-page';

/**
 * Which CRM record, if any, a URL shows: asks each registered CRM's pure page reader. Runs in the
 * content script (budget: 4 kB gzip for the whole script), so the readers are plain regular
 * expressions with no zod; the background re-validates what they return before using it.
 *
 * The environment is a parameter: the sandbox CRM on localhost is only recognised in demo/test
 * builds, never in production. It speaks a vendor's dialect, so the vendor's reader reads it.
 */
const SANDBOX_HOST = /^(?:127\.0\.0\.1|localhost)$/;

export function readLeadPage(href: string, env: PageEnvironment, readers: readonly CrmPageReader[] = CRM_PAGE_READERS): LeadPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    for (const reader of readers) {
      const page = reader.readPage(url);
      if (page) return page;
    }
    return null;
  }
  if (env.sandbox && url.protocol === 'http:' && SANDBOX_HOST.test(url.hostname.toLowerCase())) {
    for (const reader of readers) {
      const page = reader.readSandboxPage?.(url);
      if (page) return page;
    }
  }
  return null;
}
