import { z } from 'zod';
import type { Disposition } from './disposition';

/**
 * Some CRMs keep a lead as a record of its own, beside the person, with a stage in a pipeline and
 * a disqualification reason chosen from the CRM's own list; marketing reports on those. This is
 * what a disposition sets there: per pipeline, the stage each outcome moves an open lead record
 * to, and Baton's reasons as the CRM's reason options. Chosen by the admin from the CRM's real
 * values and published with the lead-status mapping; absent, each provider picks by meaning.
 */

const stageChoiceSchema = z.string().min(1).max(200).nullable();

/** The stage an outcome moves a lead record to in one pipeline; null: leave the stage as it is. */
export const leadRecordStagesSchema = z.object({
  working: stageChoiceSchema,
  opportunityCreated: stageChoiceSchema,
  recycled: stageChoiceSchema,
  rejected: stageChoiceSchema,
});
export type LeadRecordStages = z.infer<typeof leadRecordStagesSchema>;
export type LeadRecordOutcome = keyof LeadRecordStages;

export const leadRecordMappingSchema = z.object({
  /** Off: dispositions leave the CRM's lead records alone. */
  enabled: z.boolean(),
  /** Pipeline id → its stages. A pipeline not listed here gets the provider's choice by meaning. */
  stages: z.record(z.string().min(1).max(200), leadRecordStagesSchema),
  /**
   * Baton reason id → the CRM's reason option. A reason not listed gets the provider's choice by
   * meaning; an empty string maps it to no reason at all.
   */
  reasons: z.record(z.string().min(1).max(100), z.string().max(200)),
});
export type LeadRecordMapping = z.infer<typeof leadRecordMappingSchema>;

/** Which of the stages a disposition moves its lead record to. */
export function leadRecordOutcome(disposition: Pick<Disposition, 'outcome' | 'acceptedStage'>): LeadRecordOutcome {
  switch (disposition.outcome) {
    case 'accepted':
      return disposition.acceptedStage === 'opportunity_created' ? 'opportunityCreated' : 'working';
    case 'recycled':
      return 'recycled';
    case 'rejected':
      return 'rejected';
  }
}

/** Whether a disposition ends the lead record as disqualified (and so carries a reason there). */
export function disqualifiesLeadRecord(outcome: LeadRecordOutcome): boolean {
  return outcome === 'recycled' || outcome === 'rejected';
}
