import type { CrmDescriptor } from '../crm-descriptor';
import { crmPages } from './salesforce-pages';

/**
 * Salesforce: its record pages (salesforce-pages.ts) and its API, on each org's My Domain host. The
 * lead-status default mirrors an org's out-of-the-box Lead Status picklist; the provider will read
 * the org's own values once it connects.
 */
export const crmDescriptor: CrmDescriptor = {
  ...crmPages,
  label: 'Salesforce',
  rank: 2,
  // Every org's API (and OAuth endpoints) is on its own My Domain host; never the Lightning host.
  apiHosts: ['https://*.my.salesforce.com/*'],
  defaultLeadStatusMapping: {
    version: 1,
    rejected: 'Closed - Not Converted',
    recycled: 'Open - Not Contacted',
    working: 'Working - Contacted',
    opportunityCreated: 'Working - Contacted',
    unreachable: 'Closed - Not Converted',
  },
  // Long Text Area fields hold at most 131,072 characters.
  maxTextPropertyLength: 131_072,
};
