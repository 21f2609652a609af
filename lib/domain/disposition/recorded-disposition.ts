import { z } from 'zod';
import { ACCEPTED_STAGES } from './disposition';
import { DISPOSITION_OUTCOMES } from './disposition-reasons';

/**
 * The disposition the CRM holds for a lead, read back from Baton's own fields on the record: what
 * any rep (in any browser) recorded last. CRM-neutral: each adapter maps its fields into this, and
 * the panel says it in a rep's words (describeRecordedDisposition).
 */
export const recordedDispositionSchema = z.object({
  /** The disposition's id when the CRM has it (written last: the disposition was fully written). */
  id: z.string().nullable(),
  outcome: z.enum(DISPOSITION_OUTCOMES),
  /** For an accepted lead, when the CRM records it. */
  acceptedStage: z.enum(ACCEPTED_STAGES).nullable(),
  reasonId: z.string().nullable(),
  /** The reason's label as written with the disposition (labels can be renamed since). */
  reasonLabel: z.string().nullable(),
  /** Who recorded it, as written (a rep's name, or their CRM user id when Baton had no name). */
  by: z.string().nullable(),
  /** When the rep decided (epoch ms). */
  decidedAt: z.number().int(),
});
export type RecordedDisposition = z.infer<typeof recordedDispositionSchema>;

/** What the panel's header and brief show for a recorded outcome. */
export interface RecordedOutcomeWords {
  outcome: string;
  by: string | null;
  at: number;
}

/**
 * A recorded disposition in a rep's words: "Rejected — Went with a competitor", never `rejected` or
 * `competitor`. The reason is named by today's label when the list still has it, else by the label
 * written with it, else by its id made readable.
 */
export function describeRecordedDisposition(recorded: RecordedDisposition, reasonLabels: ReadonlyMap<string, string>): RecordedOutcomeWords {
  const outcome =
    recorded.outcome === 'accepted'
      ? recorded.acceptedStage === 'opportunity_created'
        ? 'Accepted — opportunity created'
        : recorded.acceptedStage === 'working'
          ? 'Accepted — working it'
          : 'Accepted'
      : recorded.outcome === 'recycled'
        ? 'Recycled'
        : 'Rejected';
  const reason = recorded.reasonId ? (reasonLabels.get(recorded.reasonId) ?? recorded.reasonLabel ?? readableId(recorded.reasonId)) : recorded.reasonLabel;
  return { outcome: reason ? `${outcome} — ${reason}` : outcome, by: recorded.by, at: recorded.decidedAt };
}

/** "bad_timing" → "Bad timing": an id no list knows any more, said as words. */
function readableId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : id;
}
