import { z } from 'zod';
import { engagementKindSchema } from '../engagement/engagement-event';
import type { EngagementEvent } from '../engagement/engagement-event';
import { leadSchema } from '../lead';
import type { Lead, LeadRef } from '../lead';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';

/*
 * What the SQL definition was evaluated on when the rep decided, written with the disposition to
 * the CRM (`baton_qualification_inputs`), so a later draft definition can be replayed against the
 * leads sales actually worked ("backtest against the last N months"). Without it a disposition
 * only says what the rep decided, not what the rules saw.
 *
 * Kept to what rules can match: the lead's fields, and engagement events with the fields
 * `evaluateDefinition` reads (kind, time, title, url, form answers, id for dedup). Likely-bot
 * events and events after the decision are left out because no rule counts them. Events use
 * one- and two-letter keys: they are most of the bytes.
 *
 * HubSpot caps a string property at 65,536 characters. When the inputs would not fit, the
 * oldest events go first (rules look at recent windows); only if the lead alone is too large are
 * its strings shortened. Both are recorded, so a backtest can say its replay was approximate.
 *
 * Every string here is prospect- or rep-supplied: plain text, never markup.
 */

export const QUALIFICATION_INPUTS_VERSION = 1;
/** Under HubSpot's 65,536-character limit for string properties, with headroom for its own escaping. */
export const MAX_QUALIFICATION_INPUTS_CHARS = 65_000;

const MAX_EVENT_ID = 200;
const MAX_TITLE = 300;
const MAX_URL = 500;
const MAX_ANSWER_QUESTION = 200;
const MAX_ANSWER = 1_000;
const MAX_ANSWERS_PER_EVENT = 30;
/** When the lead alone is too large (pathological CRM values), its strings are cut to this. */
const TRIMMED_STRING = 300;
const TRIMMED_SOURCE_DETAIL = 5;

const inputEventSchema = z.object({
  /** Source-qualified event id: rules count distinct ids. */
  id: z.string().min(1).max(MAX_EVENT_ID),
  k: engagementKindSchema,
  /** occurredAt, epoch ms. */
  t: z.number().int(),
  ti: z.string().max(MAX_TITLE).optional(),
  u: z.string().max(MAX_URL).optional(),
  /** Form answers (question -> answer). */
  a: z.record(z.string().max(MAX_ANSWER_QUESTION), z.string().max(MAX_ANSWER)).optional(),
});
export type QualificationInputEvent = z.infer<typeof inputEventSchema>;

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

export const qualificationInputsSchema = z.object({
  v: z.literal(QUALIFICATION_INPUTS_VERSION),
  /** The evaluation's "now" (epoch ms): window rules are replayed as of this instant. */
  evaluatedAt: z.number().int(),
  /** The lead as the evaluator saw it; `ref` is left out (the contact the property sits on is the lead). */
  lead: leadSchema.omit({ ref: true }),
  /** Newest first. */
  events: z.array(inputEventSchema),
  repEvidence: storedEvidenceSchema.optional(),
  /** Oldest events left out to stay under the size limit. */
  droppedEvents: z.number().int().nonnegative().default(0),
  /** The lead's own strings (or its rep evidence) had to be shortened: the replay is approximate. */
  trimmed: z.boolean().default(false),
});
export type QualificationInputs = z.output<typeof qualificationInputsSchema>;

export interface EvaluatorInputs {
  lead: Lead;
  events: readonly EngagementEvent[];
  repEvidence?: RepEvidence;
  evaluatedAt: number;
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function toInputEvent(e: EngagementEvent): QualificationInputEvent {
  const out: QualificationInputEvent = { id: cut(e.id, MAX_EVENT_ID), k: e.kind, t: e.occurredAt };
  if (e.title !== undefined) out.ti = cut(e.title, MAX_TITLE);
  if (e.url !== undefined) out.u = cut(e.url, MAX_URL);
  if (e.kind === 'form_submission' && e.answers) {
    const entries = Object.entries(e.answers).slice(0, MAX_ANSWERS_PER_EVENT);
    if (entries.length) out.a = Object.fromEntries(entries.map(([q, a]) => [cut(q, MAX_ANSWER_QUESTION), cut(a, MAX_ANSWER)]));
  }
  return out;
}

function trimLead(lead: QualificationInputs['lead']): QualificationInputs['lead'] {
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
    formAnswers: lead.formAnswers.map((a) => ({ ...a, question: cut(a.question, MAX_ANSWER_QUESTION), answer: cut(a.answer, MAX_ANSWER), form: s(a.form) })),
  };
}

/** Length of `JSON.stringify(base with these events)`, computed from per-event lengths (exact). */
function sizeWith(baseChars: number, eventChars: readonly number[], count: number): number {
  let total = baseChars;
  for (let i = 0; i < count; i++) total += (eventChars[i] as number) + (i > 0 ? 1 : 0);
  return total;
}

/**
 * Builds the inputs record for one decision, under `maxChars` when encoded. Pure.
 * `maxChars` is a parameter so tests can exercise the cap without 65 kB fixtures.
 */
export function buildQualificationInputs(input: EvaluatorInputs, maxChars = MAX_QUALIFICATION_INPUTS_CHARS): QualificationInputs {
  const { ref: _ref, ...lead } = input.lead;
  const events = input.events
    .filter((e) => !e.likelyBot && e.occurredAt <= input.evaluatedAt)
    .sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(toInputEvent);
  const eventChars = events.map((e) => JSON.stringify(e).length);
  const repEvidence = input.repEvidence && Object.keys(input.repEvidence).length ? storedEvidenceSchema.safeParse(input.repEvidence) : null;

  let record: QualificationInputs = {
    v: QUALIFICATION_INPUTS_VERSION,
    evaluatedAt: input.evaluatedAt,
    lead,
    events: [],
    ...(repEvidence?.success ? { repEvidence: repEvidence.data } : {}),
    droppedEvents: 0,
    trimmed: false,
  };
  // Fallbacks, mildest first: shorten the lead's strings; then drop its oldest form answers and the rep evidence.
  const fallbacks: ((r: QualificationInputs) => QualificationInputs)[] = [
    (r) => ({ ...r, lead: trimLead(r.lead), trimmed: true }),
    (r) => {
      const { repEvidence: _dropped, ...rest } = r;
      const answers = [...r.lead.formAnswers];
      let next: QualificationInputs = { ...rest, lead: { ...r.lead, formAnswers: answers }, trimmed: true };
      while (answers.length && JSON.stringify(next).length > maxChars) {
        answers.pop();
        next = { ...next, lead: { ...next.lead, formAnswers: [...answers] } };
      }
      return next;
    },
  ];
  for (let level = 0; ; level++) {
    // `droppedEvents` is written with its final digits up front, so the size check is exact.
    const base = (dropped: number) => JSON.stringify({ ...record, droppedEvents: dropped }).length;
    let keep = events.length;
    while (keep > 0 && sizeWith(base(events.length - keep), eventChars, keep) > maxChars) keep = shrink(keep, (k) => sizeWith(base(events.length - k), eventChars, k) <= maxChars);
    if (sizeWith(base(events.length - keep), eventChars, keep) <= maxChars || level >= fallbacks.length) {
      return { ...record, events: events.slice(0, keep), droppedEvents: events.length - keep };
    }
    record = fallbacks[level]!(record);
  }
}

/** The largest k < current with fits(k), by binary search (size grows with k). */
function shrink(current: number, fits: (k: number) => boolean): number {
  let lo = 0;
  let hi = current - 1;
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
  if (version !== QUALIFICATION_INPUTS_VERSION) return { ok: false, why: 'unknown_version', detail: `version ${JSON.stringify(version) ?? 'missing'}` };
  const parsed = qualificationInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, why: 'invalid', detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' };
  }
  const p = parsed.data;
  const evidence = p.repEvidence ? repEvidenceSchema.safeParse(p.repEvidence) : null;
  const events: EngagementEvent[] = p.events.map((e) => ({
    id: e.id,
    kind: e.k,
    occurredAt: e.t,
    source: 'baton-qualification-inputs',
    ...(e.ti !== undefined ? { title: e.ti } : {}),
    ...(e.u !== undefined ? { url: e.u } : {}),
    ...(e.a !== undefined ? { answers: e.a } : {}),
  }));
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
