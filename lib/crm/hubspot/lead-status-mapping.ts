import { z } from 'zod';

/**
 * Which `hs_lead_status` value a disposition sets on a HubSpot contact. Admin-editable (portals
 * rename and add lead statuses), versioned like the other shared settings.
 */
export const leadStatusMappingSchema = z.object({
  version: z.number().int().positive(),
  rejected: z.string().min(1),
  recycled: z.string().min(1),
  /** Accepted and still working it. */
  working: z.string().min(1),
  opportunityCreated: z.string().min(1),
  /** Rejected with the "unreachable after N attempts" reason. */
  unreachable: z.string().min(1),
});
export type LeadStatusMapping = z.infer<typeof leadStatusMappingSchema>;

/** HubSpot's default lead status options (see CRM-FACTS.md). */
export const DEFAULT_LEAD_STATUS_MAPPING: LeadStatusMapping = {
  version: 1,
  rejected: 'UNQUALIFIED',
  recycled: 'BAD_TIMING',
  working: 'CONNECTED',
  opportunityCreated: 'OPEN_DEAL',
  unreachable: 'ATTEMPTED_TO_CONTACT',
};
