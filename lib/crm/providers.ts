import type { CrmProvider } from './crm-provider';

/**
 * Every CRM provider the background can use. Each provider folder has a `<kind>-provider.ts`
 * exporting `crmProvider`; the build finds them (as crm-descriptors.ts finds the lighter
 * descriptors), so adding a CRM changes no file here. Same order as the descriptors.
 */
const found = import.meta.glob<CrmProvider>('./*/*-provider.ts', { eager: true, import: 'crmProvider' });

export const CRM_PROVIDERS: readonly CrmProvider[] = Object.values(found)
  
  .sort((a, b) => a.descriptor.rank - b.descriptor.rank);
