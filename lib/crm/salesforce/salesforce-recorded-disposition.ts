import { z } from 'zod';
import type { RecordedDisposition } from '../../domain/disposition/recorded-disposition';
import { BATON_FIELD_NAMES } from './salesforce-baton-fields';
import { isSalesforceId } from './salesforce-schemas';
import { parseSalesforceTime } from './salesforce-values';

const F = BATON_FIELD_NAMES;

/** The Baton fields the panel reads back from a Lead or Contact (what the writer puts there; salesforce-baton-fields.ts). */
export const SALESFORCE_RECORDED_DISPOSITION_FIELDS = [F.disposition, F.reason, F.reasonId, F.dispositionAt, F.rep, F.dispositionId] as const;

const text = z.string().trim().min(1).nullish().catch(null);

/** Only what is used; a value that does not fit is absent. */
const recordedSchema = z.looseObject({
  [F.disposition]: z.enum(['accepted', 'recycled', 'rejected']).nullish().catch(null),
  [F.reason]: text,
  [F.reasonId]: text,
  [F.dispositionAt]: text,
  [F.rep]: text,
  [F.dispositionId]: text,
});

/**
 * The disposition on a Salesforce Lead or Contact, from Baton's fields, or null when it has none.
 * Salesforce's Baton fields keep no accepted stage (the Lead Status says it), so an accepted lead
 * reads as accepted.
 */
export function fromSalesforceRecordedDisposition(record: Readonly<Record<string, unknown>>): RecordedDisposition | null {
  const parsed = recordedSchema.safeParse(record);
  if (!parsed.success) return null;
  const values = parsed.data;
  const outcome = values[F.disposition];
  const decidedAt = parseSalesforceTime(values[F.dispositionAt] ?? null);
  if (!outcome || decidedAt === null) return null;
  const rep = values[F.rep] ?? null;
  return {
    id: values[F.dispositionId] ?? null,
    outcome,
    acceptedStage: null,
    reasonId: outcome === 'accepted' ? null : (values[F.reasonId] ?? null),
    reasonLabel: outcome === 'accepted' ? null : (values[F.reason] ?? null),
    // The writer falls back to the rep's user id when it had no name: an id is not a name.
    by: rep !== null && !isSalesforceId(rep) ? rep : null,
    decidedAt,
  };
}
