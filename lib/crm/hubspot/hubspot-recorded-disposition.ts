import { z } from 'zod';
import type { RecordedDisposition } from '../../domain/disposition/recorded-disposition';
import { BATON_PROPERTY_NAMES } from './baton-properties';
import { parseHubSpotTime } from './hubspot-map-helpers';

const P = BATON_PROPERTY_NAMES;

/** The Baton contact properties the panel reads back (what the writer puts there; baton-properties.ts). */
export const HUBSPOT_RECORDED_DISPOSITION_PROPERTIES = [P.disposition, P.stage, P.reason, P.reasonId, P.dispositionAt, P.rep, P.dispositionId] as const;

const text = z.string().trim().min(1).nullish().catch(null);

/** Only what is used; a value that does not fit is absent, and the disposition with it when it is the outcome or the time. */
const recordedSchema = z.object({
  [P.disposition]: z.enum(['accepted', 'recycled', 'rejected']).nullish().catch(null),
  [P.stage]: z.enum(['working', 'opportunity_created']).nullish().catch(null),
  [P.reason]: text,
  [P.reasonId]: text,
  [P.dispositionAt]: text,
  [P.rep]: text,
  [P.dispositionId]: text,
});

/**
 * The disposition on a HubSpot contact, from Baton's properties, or null when it has none (never
 * dispositioned, properties not set up, or cleared). Another rep's outcome shows in the panel
 * from this.
 */
export function fromHubSpotRecordedDisposition(properties: Readonly<Record<string, string | null | undefined>>): RecordedDisposition | null {
  const parsed = recordedSchema.safeParse(properties);
  if (!parsed.success) return null;
  const values = parsed.data;
  const outcome = values[P.disposition];
  const decidedAt = parseHubSpotTime(values[P.dispositionAt] ?? null);
  if (!outcome || decidedAt === null) return null;
  return {
    id: values[P.dispositionId] ?? null,
    outcome,
    acceptedStage: outcome === 'accepted' ? (values[P.stage] ?? null) : null,
    reasonId: outcome === 'accepted' ? null : (values[P.reasonId] ?? null),
    reasonLabel: outcome === 'accepted' ? null : (values[P.reason] ?? null),
    by: repName(values[P.rep] ?? null),
    decidedAt,
  };
}

/** The writer falls back to the rep's owner id when it had no name: a number is not a name. */
function repName(written: string | null): string | null {
  return written !== null && !/^\d+$/.test(written) ? written : null;
}
