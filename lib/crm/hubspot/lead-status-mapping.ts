import type { LeadStatusMapping } from '../../domain/disposition/lead-status-mapping';

/** HubSpot's default `hs_lead_status` options (see CRM-FACTS.md): where a portal's mapping starts. */
export const DEFAULT_LEAD_STATUS_MAPPING: LeadStatusMapping = {
  version: 1,
  rejected: 'UNQUALIFIED',
  recycled: 'BAD_TIMING',
  working: 'CONNECTED',
  opportunityCreated: 'OPEN_DEAL',
  unreachable: 'ATTEMPTED_TO_CONTACT',
};

