import type { CrmDescriptor } from '../crm-descriptor';
import { crmPages, HUBSPOT_API_HOSTS } from './hubspot-pages';
import { DEFAULT_LEAD_STATUS_MAPPING } from './lead-status-mapping';
import { HUBSPOT_SOURCE_LABELS } from './hubspot-sources';

/** Found by the registry (crm-descriptors.ts) by its file name and export name. */
export const crmDescriptor: CrmDescriptor = {
  ...crmPages,
  label: 'HubSpot',
  rank: 1,
  // Sandbox pages had the kind "sandbox" before the registry; the sandbox speaks HubSpot's dialect.
  legacyKinds: ['sandbox'],
  apiHosts: HUBSPOT_API_HOSTS,
  defaultLeadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING,
  sourceLabels: HUBSPOT_SOURCE_LABELS,
  // Text properties hold at most 65,536 characters (HubSpot's properties API).
  maxTextPropertyLength: 65_536,
};
