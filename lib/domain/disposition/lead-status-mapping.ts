import { z } from 'zod';
import type { Disposition } from './disposition';
import { leadRecordMappingSchema } from './lead-record-mapping';

/**
 * Which of the CRM's own lead-status values a disposition sets on the record. A domain concept
 * with a default per CRM provider (each provider's descriptor has one); admin-editable, because
 * teams rename and add lead statuses, and versioned like the other shared settings.
 */
export const leadStatusMappingSchema = z.object({
  version: z.number().int().positive(),
  /** The CRM (provider kind) whose status values these are; absent: the CRM Baton connects to by default. */
  crm: z.string().min(1).optional(),
  rejected: z.string().min(1),
  recycled: z.string().min(1),
  /** Accepted and still working it. */
  working: z.string().min(1),
  opportunityCreated: z.string().min(1),
  /** Rejected with the "unreachable after N attempts" reason. */
  unreachable: z.string().min(1),
  /** The CRM's separate lead records (stage, disqualification reason); absent in mappings saved before it: chosen by meaning. */
  leadRecord: leadRecordMappingSchema.optional(),
});
export type LeadStatusMapping = z.infer<typeof leadStatusMappingSchema>;

/** The default reason list's "Unreachable after repeated attempts". */
const UNREACHABLE_REASON_ID = 'unreachable';

/** The lead status a disposition sets. "Unreachable" wins over the outcome: it is the truthful status either way. */
export function toLeadStatus(disposition: Pick<Disposition, 'outcome' | 'acceptedStage' | 'reasonId'>, mapping: LeadStatusMapping): string {
  if (disposition.outcome !== 'accepted' && disposition.reasonId === UNREACHABLE_REASON_ID) return mapping.unreachable;
  switch (disposition.outcome) {
    case 'accepted':
      return disposition.acceptedStage === 'opportunity_created' ? mapping.opportunityCreated : mapping.working;
    case 'recycled':
      return mapping.recycled;
    case 'rejected':
      return mapping.rejected;
  }
}
