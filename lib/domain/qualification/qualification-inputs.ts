import { z } from 'zod';
import { engagementKindSchema } from '../engagement/engagement-event';
import type { EngagementEvent, EngagementKind } from '../engagement/engagement-event';
import { leadSchema } from '../lead';
import type { Lead, LeadRef } from '../lead';
import { MAX_MATCHED_TEXT } from './match-rules';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';

/*
 * What the SQL definition was evaluated on when the rep decided, written with the disposition to
 * the CRM (`baton_qualification_inputs`), so a later draft definition can be replayed against the
 * leads sales actually worked ("backtest against the last N months"). Without it a disposition
 * only says what the rep decided, not what the rules saw.
 *
 * Kept to what rules can match: the lead's fields, and of each engagement event what
 * `evaluateDefinition` reads. Likely-bot events and events after the decision are left out
 * because no rule counts them. HubSpot caps a string property at 65,536 characters, and busy
 * leads have thousands of page views, so version 2 stores events compactly (version 1 stored one
 * object per event and kept only the newest ~300 of a busy lead):
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
/** Under HubSpot's 65,536-character limit for string properties, with headroom for its own escaping. */
export const MAX_QUALIFICATION_INPUTS_CHARS = 65_000;

/** Version 1's cap on ids. */
const MAX_EVENT_ID = 200;
/** Version 1's caps, still enforced when reading version 1. */
const V1_MAX_TITLE = 300;
const V1_MAX_URL = 500;
const V1_MAX_ANSWER_QUESTION = 200;
const MAX_ANSWER = 1_000;
const MAX_ANSWERS_PER_EVENT = 30;
/** A title, URL or question longer than this matches no differently (see matchesPattern). */
const MAX_TEXT = MAX_MATCHED_TEXT;
/** When the lead alone is too large (pathological CRM values), its strings are cut to this. */
const TRIMMED_STRING = 300;
const TRIMMED_SOURCE_DETAIL = 5;
/** Base-36 digits of one age or gap: 36^10 seconds is far beyond any date, and a safe integer. */
const MAX_AGE_DIGITS = 10;

// Rep evidence is stored as the rep left it and checked when replayed: evidence that no longer
// passes today's rules must cost the replay that criterion, not the whole lead.
const storedEvidenceSchema = z.record(
  z.string().min(1).max(100),
  z.object({
    status: z.enum(['met', 'unmet']),
    evidence: z.record(z.string(), z.unknown()).optional(),
    by: z.string().optional(),
    at: z.number().int().optional(),
  }),
);

const storedLeadSchema = leadSchema.omit({ ref: true });
type StoredLead = z.infer<typeof storedLeadSchema>;

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
type Entry = z.infer<typeof entrySchema>;

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

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** One counted event, as the evaluator can tell it apart: texts cut where rules stop reading. */
interface Normalized {
  id: string;
  kind: EngagementKind;
  at: number;
  title?: string;
  url?: string;
  /** Question, answer pairs; only on form submissions with at least one answer. */
  answers?: [string, string][];
}

function normalize(e: EngagementEvent): Normalized {
  const out: Normalized = { id: e.id, kind: e.kind, at: e.occurredAt };
  if (e.title !== undefined) out.title = cut(e.title, MAX_TEXT);
  if (e.url !== undefined) out.url = cut(e.url, MAX_TEXT);
  // The evaluator reads answers only on form submissions, and an empty set is no answer.
  if (e.kind === 'form_submission' && e.answers) {
    const entries = Object.entries(e.answers).slice(0, MAX_ANSWERS_PER_EVENT);
    if (entries.length) out.answers = entries.map(([q, a]) => [cut(q, MAX_TEXT), cut(a, MAX_ANSWER)]);
  }
  return out;
}

/** Everything but the id: two events with equal content and id are one event delivered twice. */
const contentKey = (e: Normalized) => JSON.stringify([e.kind, e.at, e.title ?? null, e.url ?? null, e.answers ?? null]);

function trimLead(lead: StoredLead): StoredLead {
  const s = (v: string | null) => (v === null ? null : cut(v, TRIMMED_STRING));
  return {
    ...lead,
    firstName: s(lead.firstName),
    lastName: s(lead.lastName),
    email: s(lead.email),
    phone: s(lead.phone),
    jobTitle: s(lead.jobTitle),
    company: s(lead.company),
    industry: s(lead.industry),
    country: s(lead.country),
    lifecycleStage: s(lead.lifecycleStage),
    leadStatus: s(lead.leadStatus),
    owner: lead.owner ? { id: cut(lead.owner.id, TRIMMED_STRING), name: s(lead.owner.name), email: s(lead.owner.email) } : null,
    ownerAssignedBy: lead.ownerAssignedBy ? { type: cut(lead.ownerAssignedBy.type, TRIMMED_STRING), label: s(lead.ownerAssignedBy.label) } : null,
    source: s(lead.source),
    sourceDetail: lead.sourceDetail.slice(0, TRIMMED_SOURCE_DETAIL).map((d) => cut(d, TRIMMED_STRING)),
    latestSource: s(lead.latestSource),
    campaign: s(lead.campaign),
    firstConversion: lead.firstConversion ? { ...lead.firstConversion, name: cut(lead.firstConversion.name, TRIMMED_STRING) } : null,
    recentConversion: lead.recentConversion ? { ...lead.recentConversion, name: cut(lead.recentConversion.name, TRIMMED_STRING) } : null,
    formAnswers: lead.formAnswers.map((a) => ({ ...a, question: cut(a.question, MAX_TEXT), answer: cut(a.answer, MAX_ANSWER), form: s(a.form) })),
  };
}

/** Events sorted newest first, ties in a total order, so the same history always encodes the same way. */
function compareNewestFirst(a: Normalized, b: Normalized): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ka = contentKey(a);
  const kb = contentKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The events as stored: counted ones only, duplicates once, and which of them keep their id. */
function prepareEvents(events: readonly EngagementEvent[], evaluatedAt: number): { events: Normalized[]; storedIds: (string | undefined)[] } {
  const byId = new Map<string, Map<string, Normalized>>();
  for (const e of events) {
    if (e.likelyBot || e.occurredAt > evaluatedAt) continue;
    const n = normalize(e);
    let contents = byId.get(n.id);
    if (!contents) byId.set(n.id, (contents = new Map()));
    const key = contentKey(n);
    if (!contents.has(key)) contents.set(key, n);
  }
  const sorted: Normalized[] = [];
  const shared = new Set<string>();
  for (const [id, contents] of byId) {
    if (contents.size > 1) shared.add(id);
    for (const n of contents.values()) sorted.push(n);
  }
  sorted.sort(compareNewestFirst);
  // The id each kept-id event is stored under: itself, or for a very long one a stand-in that is
  // no other stored id (only the partition into distinct ids matters to the counts).
  const keep = sorted.map((e) => shared.has(e.id) || e.answers !== undefined);
  const storedIds = new Map<string, string>();
  const taken = new Set<string>();
  for (const [i, e] of sorted.entries()) if (keep[i] && e.id.length <= MAX_TEXT) taken.add(e.id);
  for (const [i, e] of sorted.entries()) {
    if (!keep[i] || storedIds.has(e.id)) continue;
    let stored = e.id;
    for (let n = 0; stored.length > MAX_TEXT || (stored !== e.id && taken.has(stored)); n++) stored = `${e.id.slice(0, MAX_EVENT_ID)}#${n}`;
    taken.add(stored);
    storedIds.set(e.id, stored);
  }
  return { events: sorted, storedIds: sorted.map((e, i) => (keep[i] ? storedIds.get(e.id) : undefined)) };
}

/** The stored form of the newest `count` events: string table and entries. Pure. */
function encodeEvents(events: readonly Normalized[], storedIds: readonly (string | undefined)[], count: number, evaluatedAt: number): { s: string[]; e: Entry[] } {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (text: string) => {
    let i = indexOf.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      indexOf.set(text, i);
    }
    return i;
  };
  const entries: Entry[] = [];
  const collapsed = new Map<string, { entry: Entry; ages: number[] }>();
  for (let i = 0; i < count; i++) {
    const e = events[i]!;
    const id = storedIds[i];
    const head = (): Entry => {
      const entry: Entry = { k: ref(e.kind) };
      if (e.title !== undefined) entry.n = ref(e.title);
      if (e.url !== undefined) entry.u = ref(e.url);
      if (id !== undefined) entry.i = ref(id);
      return entry;
    };
    if (e.answers) {
      const entry = head();
      entry.m = e.at;
      entry.a = e.answers.flatMap(([q, a]) => [ref(q), ref(a)]);
      entries.push(entry);
      continue;
    }
    const key = JSON.stringify([e.kind, e.title ?? null, e.url ?? null, id ?? null]);
    let group = collapsed.get(key);
    if (!group) {
      group = { entry: head(), ages: [] };
      collapsed.set(key, group);
      entries.push(group.entry);
    }
    // Rounded up: "at most N days old" reads the same on the rounded age (see the top comment).
    group.ages.push(Math.ceil((evaluatedAt - e.at) / 1000));
  }
  for (const { entry, ages } of collapsed.values()) {
    // Events come newest first, so ages only grow and the gaps are never negative.
    entry.t = ages.map((age, j) => (j === 0 ? age : age - ages[j - 1]!).toString(36)).join(',');
  }
  return { s: strings, e: entries };
}

/**
 * Builds the inputs record for one decision, under `maxChars` when encoded. Pure.
 * `maxChars` is a parameter so tests can exercise the cap without 65 kB fixtures.
 */
export function buildQualificationInputs(input: EvaluatorInputs, maxChars = MAX_QUALIFICATION_INPUTS_CHARS): QualificationInputsV2 {
  const { ref: _ref, ...lead } = input.lead;
  const { events, storedIds } = prepareEvents(input.events, input.evaluatedAt);
  const repEvidence = input.repEvidence && Object.keys(input.repEvidence).length ? storedEvidenceSchema.safeParse(input.repEvidence) : null;

  let record: QualificationInputsV2 = {
    v: QUALIFICATION_INPUTS_VERSION,
    evaluatedAt: input.evaluatedAt,
    lead,
    ...(repEvidence?.success ? { repEvidence: repEvidence.data } : {}),
    s: [],
    e: [],
    droppedEvents: 0,
    trimmed: false,
  };
  const withNewest = (r: QualificationInputsV2, count: number): QualificationInputsV2 => ({ ...r, ...encodeEvents(events, storedIds, count, input.evaluatedAt), droppedEvents: events.length - count });
  const size = (r: QualificationInputsV2) => JSON.stringify(r).length;
  // Fallbacks, mildest first: shorten the lead's strings; then drop its oldest form answers and the rep evidence.
  const fallbacks: ((r: QualificationInputsV2) => QualificationInputsV2)[] = [
    (r) => ({ ...r, lead: trimLead(r.lead), trimmed: true }),
    (r) => {
      const { repEvidence: _dropped, ...rest } = r;
      const answers = [...r.lead.formAnswers];
      let next: QualificationInputsV2 = { ...rest, lead: { ...r.lead, formAnswers: answers }, trimmed: true };
      while (answers.length && size(next) > maxChars) {
        answers.pop();
        next = { ...next, lead: { ...next.lead, formAnswers: [...answers] } };
      }
      return next;
    },
  ];
  for (let level = 0; ; level++) {
    // Nearly always everything fits at once; otherwise as many of the newest events as fit.
    const all = withNewest(record, events.length);
    if (size(all) <= maxChars) return all;
    const kept = withNewest(record, largest(events.length - 1, (k) => size(withNewest(record, k)) <= maxChars));
    if (size(kept) <= maxChars || level >= fallbacks.length) return kept;
    record = fallbacks[level]!(record);
  }
}

/**
 * The largest k in [0, max] with fits(k), by binary search: the size grows with k, give or take a
 * digit of `droppedEvents`, and whatever is returned was checked to fit (unless nothing does).
 */
function largest(max: number, fits: (k: number) => boolean): number {
  let lo = 0;
  let hi = max;
  if (!fits(lo)) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function encodeQualificationInputs(inputs: QualificationInputs): string {
  return JSON.stringify(inputs);
}

export type DecodedInputs =
  | { ok: true; inputs: EvaluatorInputs; approximate: boolean; evidenceSetAside: boolean }
  | { ok: false; why: 'not_json' | 'unknown_version' | 'invalid'; detail: string };

const SOURCE = 'baton-qualification-inputs';

function decodeV1Events(p: QualificationInputsV1): EngagementEvent[] {
  return p.events.map((e) => ({
    id: e.id,
    kind: e.k,
    occurredAt: e.t,
    source: SOURCE,
    ...(e.ti !== undefined ? { title: e.ti } : {}),
    ...(e.u !== undefined ? { url: e.u } : {}),
    ...(e.a !== undefined ? { answers: e.a } : {}),
  }));
}

/** Version 2 events, newest first; a string naming the first problem when the payload is inconsistent. */
function decodeV2Events(p: QualificationInputsV2): EngagementEvent[] | string {
  const text = (i: number | undefined, where: string): string | undefined | Error => {
    if (i === undefined) return undefined;
    const value = p.s[i];
    return value === undefined ? new Error(`${where}: no string ${i} (the table has ${p.s.length})`) : value;
  };
  const events: EngagementEvent[] = [];
  // Synthetic ids: a prefix no kept id starts with, then a counter.
  const keptIds = [...new Set(p.e.flatMap((entry) => (entry.i === undefined ? [] : [p.s[entry.i] ?? ''])))];
  let prefix = '~';
  while (keptIds.some((id) => id.startsWith(prefix))) prefix += '~';
  let synthetic = 0;
  for (const [index, entry] of p.e.entries()) {
    const where = `e.${index}`;
    const kind = engagementKindSchema.safeParse(p.s[entry.k]);
    if (!kind.success) return `${where}.k: not an engagement kind`;
    const title = text(entry.n, `${where}.n`);
    const url = text(entry.u, `${where}.u`);
    const id = text(entry.i, `${where}.i`);
    for (const t of [title, url, id]) if (t instanceof Error) return t.message;
    const base = (occurredAt: number): EngagementEvent => ({
      id: (id as string | undefined) ?? `${prefix}${synthetic++}`,
      kind: kind.data,
      occurredAt,
      source: SOURCE,
      ...(title !== undefined ? { title: title as string } : {}),
      ...(url !== undefined ? { url: url as string } : {}),
    });
    if (entry.m !== undefined) {
      const event = base(entry.m);
      if (entry.a?.length) {
        const pairs: [string, string][] = [];
        for (let j = 0; j < entry.a.length; j += 2) {
          const q = p.s[entry.a[j]!];
          const a = p.s[entry.a[j + 1]!];
          if (q === undefined || a === undefined) return `${where}.a: no string ${q === undefined ? entry.a[j] : entry.a[j + 1]}`;
          pairs.push([q, a]);
        }
        // fromEntries defines own properties: a question named "__proto__" stays a question.
        event.answers = Object.fromEntries(pairs);
      }
      events.push(event);
      continue;
    }
    let age = 0;
    for (const [j, part] of (entry.t as string).split(',').entries()) {
      age = j === 0 ? Number.parseInt(part, 36) : age + Number.parseInt(part, 36);
      const occurredAt = p.evaluatedAt - age * 1000;
      if (!Number.isSafeInteger(occurredAt)) return `${where}.t: an age out of range`;
      events.push(base(occurredAt));
    }
  }
  // Newest first, as version 1; the evaluator does not depend on the order.
  return events.sort((a, b) => b.occurredAt - a.occurredAt);
}

/**
 * Reads the property back into what `evaluateDefinition` takes. `ref` is the contact the property
 * was read from. Never throws: a CRM value is untrusted, and one bad record must not stop a backtest.
 */
export function decodeQualificationInputs(text: string, ref: LeadRef): DecodedInputs {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, why: 'not_json', detail: err instanceof Error ? err.message : String(err) };
  }
  const version = typeof raw === 'object' && raw !== null && 'v' in raw ? (raw as { v: unknown }).v : undefined;
  if (!(READABLE_QUALIFICATION_INPUTS_VERSIONS as readonly unknown[]).includes(version)) {
    const newer = typeof version === 'number' && version > QUALIFICATION_INPUTS_VERSION;
    return {
      ok: false,
      why: 'unknown_version',
      detail: `version ${JSON.stringify(version) ?? 'missing'}${newer ? ', written by a newer Baton' : ''}; this Baton reads versions ${READABLE_QUALIFICATION_INPUTS_VERSIONS.join(' and ')}`,
    };
  }
  const parsed = qualificationInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, why: 'invalid', detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' };
  }
  const p = parsed.data;
  const events = p.v === 1 ? decodeV1Events(p) : decodeV2Events(p);
  if (typeof events === 'string') return { ok: false, why: 'invalid', detail: events };
  const evidence = p.repEvidence ? repEvidenceSchema.safeParse(p.repEvidence) : null;
  return {
    ok: true,
    inputs: {
      lead: { ...p.lead, ref },
      events,
      ...(evidence?.success ? { repEvidence: evidence.data } : {}),
      evaluatedAt: p.evaluatedAt,
    },
    approximate: p.droppedEvents > 0 || p.trimmed,
    evidenceSetAside: evidence !== null && !evidence.success,
  };
}
