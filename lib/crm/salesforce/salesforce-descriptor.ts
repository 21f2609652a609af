import type { CrmDescriptor } from '../crm-descriptor';
import { crmPages } from './salesforce-pages';

/**
 * Salesforce: its record pages are recognised (the panel says Baton cannot connect to it yet). The
 * lead-status default mirrors an org's out-of-the-box Lead Status picklist; the provider will read
 * the org's own values once it connects.
 */
export const crmDescriptor: CrmDescriptor = {
  ...crmPages,
  label: 'Salesforce',
  rank: 2,
  // None until the provider connects: Baton asks for no host it does not call. (Its API is on the
  // org's own my-domain host, https://*.my.salesforce.com.)
  apiHosts: [],
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
