import type { CrmPageReader } from './crm-page-reader';

/**
 * Every CRM's page reader, for the content script. Each provider folder has a `<kind>-pages.ts`
 * exporting `crmPages`; the build finds them, so adding a CRM changes no file here.
 */
const found = import.meta.glob<CrmPageReader>('./*/*-pages.ts', { eager: true, import: 'crmPages' });

export const CRM_PAGE_READERS: readonly CrmPageReader[] = Object.values(found);
