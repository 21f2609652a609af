import { z } from 'zod';
import { engagementKindSchema } from '../engagement/engagement-event';
import type { EngagementEvent } from '../engagement/engagement-event';
import { leadSchema } from '../lead';
import type { Lead } from '../lead';
import { MAX_MATCHED_TEXT } from './match-rules';
import type { RepEvidence } from './rep-evidence';

/*
 * What the SQL definition was evaluated on when the rep decided, written with the disposition to
 * the CRM (in a text field of Baton's), so a later draft definition can be replayed against the
 * leads sales actually worked ("backtest against the last N months"). Without it a disposition
 * only says what the rep decided, not what the rules saw.
 *
 * Kept to what rules can match: the lead's fields, and of each engagement event what
 * `evaluateDefinition` reads. Likely-bot events and events after the decision are left out
 * because no rule counts them. CRMs cap a text field (65,536 characters is the smallest cap of the
 * CRMs Baton writes to), and busy leads have thousands of page views, so version 2 stores events
 * compactly (version 1 stored one object per event and kept only the newest ~300 of a busy lead):
 *
 *   { v: 2, evaluatedAt, lead, repEvidence?, s: [strings...], e: [entries...], droppedEvents, trimmed }
 *
 * - `s` is a string table: every kind, title, URL, form question and answer, and kept event id is
 *   written once; entries refer to it by index.
 * - An entry is one (kind, title, URL) with every time it happened: `{ k, n?, u?, t }`, `k`/`n`/`u`
 *   indexes into `s`, `t` the occurrences as ages before `evaluatedAt` in whole seconds, newest
 *   first, the first absolute and the rest as gaps, base 36, comma-separated ("2f,0,1bx").
 *   10,000 views of a handful of pages take a few bytes per view.
 *
 * Why this is exact for the evaluator (decode(encode(x)) evaluates as x does):
 * - Times: window rules ask "at most N whole days before now". Ages are rounded *up* to the second,
 *   and N days is a whole number of seconds, so `age <= N days` holds before and after rounding.
 *   Form submissions with answers are the one place a time is read otherwise (answers are ordered
 *   by it and timelines are read from its calendar day): they keep their exact epoch ms in `m`
 *   (`{ k, n?, u?, m, a, i }`, `a` the answers as question, answer, question, answer... indexes).
 * - Ids: rules read an event id only to count distinct events ("3+ pricing visits") and to name
 *   an untitled form. Events are decoded with synthetic ids ("~0", "~1"...), except where the id
 *   itself carries meaning, which keep theirs in `i`: form submissions with answers, and events
 *   whose id is shared with a different event (the same event delivered twice, counted once).
 *   Exact duplicates (same id, same content) are kept once, which counts the same. The decoder
 *   lengthens the synthetic prefix ("~~0"...) until no kept id starts with it, so the two never
 *   collide; a kept id longer than MAX_TEXT is stored as a distinct stand-in.
 * - Texts: rules match at most the first MAX_MATCHED_TEXT characters of a title, URL or form
 *   question, so those are cut there; answers are cut at MAX_ANSWER, at most
 *   MAX_ANSWERS_PER_EVENT per form (as in version 1). What still differs after decoding is
 *   wording only: explanations quote a title past its first 1,000 characters, or an id over
 *   1,000 characters, as stored; a signal's evidence lists the synthetic ids; and the unmet
 *   engagement line's "N events" counts the stored events (no bots, duplicates or later events).
 *
 * Only if the compact form still does not fit are the oldest events dropped (rules look at recent
 * windows), then the lead's own strings shortened. Both are recorded (`droppedEvents`, `trimmed`),
 * so a backtest can say its replay was approximate. Version 1 payloads, already in CRMs and in
 * outbox entries queued before this version, are still read (and still written as they are).
 *
 * Every string here is prospect- or rep-supplied: plain text, never markup.
 */

export const QUALIFICATION_INPUTS_VERSION = 2;
/** Versions this Baton can replay. */
export const READABLE_QUALIFICATION_INPUTS_VERSIONS = [1, 2] as const;
/** Under the smallest CRM text-field limit (65,536 characters), with headroom for the CRM's own escaping. */
export const MAX_QUALIFICATION_INPUTS_CHARS = 65_000;

/** Version 1's cap on ids. */
export const MAX_EVENT_ID = 200;
/** Version 1's caps, still enforced when reading version 1. */
const V1_MAX_TITLE = 300;
const V1_MAX_URL = 500;
const V1_MAX_ANSWER_QUESTION = 200;
export const MAX_ANSWER = 1_000;
export const MAX_ANSWERS_PER_EVENT = 30;
/** A title, URL or question longer than this matches no differently (see matchesPattern). */
export const MAX_TEXT = MAX_MATCHED_TEXT;
/** Base-36 digits of one age or gap: 36^10 seconds is far beyond any date, and a safe integer. */
const MAX_AGE_DIGITS = 10;

// Rep evidence is stored as the rep left it and checked when replayed: evidence that no longer
// passes today's rules must cost the replay that criterion, not the whole lead.
export const storedEvidenceSchema = z.record(
  z.string().min(1).max(100),
  z.object({
    status: z.enum(['met', 'unmet']),
    evidence: z.record(z.string(), z.unknown()).optional(),
    by: z.string().optional(),
    at: z.number().int().optional(),
  }),
);

const storedLeadSchema = leadSchema.omit({ ref: true });
export type StoredLead = z.infer<typeof storedLeadSchema>;

// ---- Version 1: one object per event (read, and written only by outbox entries queued before version 2).

const inputEventV1Schema = z.object({
  /** Source-qualified event id: rules count distinct ids. */
  id: z.string().min(1).max(MAX_EVENT_ID),
  k: engagementKindSchema,
  /** occurredAt, epoch ms. */
  t: z.number().int(),
  ti: z.string().max(V1_MAX_TITLE).optional(),
  u: z.string().max(V1_MAX_URL).optional(),
  /** Form answers (question -> answer). */
  a: z.record(z.string().max(V1_MAX_ANSWER_QUESTION), z.string().max(MAX_ANSWER)).optional(),
});

export const qualificationInputsV1Schema = z.object({
  v: z.literal(1),
  /** The evaluation's "now" (epoch ms): window rules are replayed as of this instant. */
  evaluatedAt: z.number().int(),
  /** The lead as the evaluator saw it; `ref` is left out (the contact the property sits on is the lead). */
  lead: storedLeadSchema,
  /** Newest first. */
  events: z.array(inputEventV1Schema),
  repEvidence: storedEvidenceSchema.optional(),
  /** Oldest events left out to stay under the size limit. */
  droppedEvents: z.number().int().nonnegative().default(0),
  /** The lead's own strings (or its rep evidence) had to be shortened: the replay is approximate. */
  trimmed: z.boolean().default(false),
});
export type QualificationInputsV1 = z.output<typeof qualificationInputsV1Schema>;

// ---- Version 2: string table and collapsed occurrences (see the comment at the top).

const indexSchema = z.number().int().nonnegative();
const AGES = new RegExp(`^[0-9a-z]{1,${MAX_AGE_DIGITS}}(?:,[0-9a-z]{1,${MAX_AGE_DIGITS}})*$`);

const entrySchema = z
  .object({
    /** Kind (index into `s`). */
    k: indexSchema,
    /** Title (index into `s`). */
    n: indexSchema.optional(),
    /** URL (index into `s`). */
    u: indexSchema.optional(),
    /** Id every occurrence carries (index into `s`); without it each occurrence gets a synthetic id. */
    i: indexSchema.optional(),
    /** Occurrences: ages in whole seconds before `evaluatedAt`, newest first, then gaps; base 36. */
    t: z.string().regex(AGES, 'expected base-36 ages separated by commas').optional(),
    /** One occurrence at this exact instant (epoch ms): form submissions with answers. */
    m: z.number().int().optional(),
    /** Form answers: question, answer, question, answer... (indexes into `s`). */
    a: z.array(indexSchema).max(2 * MAX_ANSWERS_PER_EVENT).refine((a) => a.length % 2 === 0, 'expected question/answer pairs').optional(),
  })
  .refine((e) => (e.t === undefined) !== (e.m === undefined), 'an entry has either ages (t) or one exact time (m)');
export type Entry = z.infer<typeof entrySchema>;

export const qualificationInputsV2Schema = z.object({
  v: z.literal(2),
  /** The evaluation's "now" (epoch ms): window rules are replayed as of this instant, ages are counted back from it. */
  evaluatedAt: z.number().int(),
  /** The lead as the evaluator saw it; `ref` is left out (the contact the property sits on is the lead). */
  lead: storedLeadSchema,
  repEvidence: storedEvidenceSchema.optional(),
  /** String table. */
  s: z.array(z.string().max(MAX_TEXT)),
  /** Event entries, by their newest occurrence, newest first. */
  e: z.array(entrySchema),
  /** Oldest events (occurrences) left out to stay under the size limit. */
  droppedEvents: z.number().int().nonnegative().default(0),
  /** The lead's own strings (or its rep evidence) had to be shortened: the replay is approximate. */
  trimmed: z.boolean().default(false),
});
export type QualificationInputsV2 = z.output<typeof qualificationInputsV2Schema>;

/** Either version: outbox entries queued before version 2 hold a version-1 record and are delivered as they are. */
export const qualificationInputsSchema = z.discriminatedUnion('v', [qualificationInputsV1Schema, qualificationInputsV2Schema]);
export type QualificationInputs = z.output<typeof qualificationInputsSchema>;

export interface EvaluatorInputs {
  lead: Lead;
  events: readonly EngagementEvent[];
  repEvidence?: RepEvidence;
  evaluatedAt: number;
}
