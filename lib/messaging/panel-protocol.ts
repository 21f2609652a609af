import * as z from 'zod/mini';
import { ENGAGEMENT_KINDS } from '../domain/engagement/engagement-kinds';
import { TOUCH_DIRECTIONS, TOUCH_KINDS } from '../domain/touch-kinds';
import { CLOCK_STARTS, ESCALATION_ACTIONS, SLA_DURATION_UNITS, SLA_TIME_BASES } from '../domain/sla/sla-vocabulary';

/**
 * What the background answers the lead panel: the panel renders, the background computes.
 *
 * The background holds the lead context, the team's rules and the rep's evidence, so it builds a
 * view model (lib/background/panel-view.ts) and the panel only draws it, plus the one thing that
 * must stay live on the page: the SLA countdown, which gets the inputs of computeSlaStatus.
 *
 * One definition of the contract for both ends: the background's builders return these types,
 * and the panel validates every answer with these schemas. They are written with zod/mini (the
 * panel's bundle budget) and check the shape that crosses; the domain's own rules (evidence
 * requirements, policy refinements) were applied by the background with the domain schemas.
 * Keep this module free of runtime imports of 'zod' and of modules that import it.
 */

const nullableString = () => z.nullable(z.string());
const count = () => z.number().check(z.int(), z.nonnegative());

/** Every answer is either data or an error the UI can show as it is (see responseSchema in protocol.ts). */
export const responseEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ kind: z.string(), message: z.string(), retryable: z._default(z.boolean(), false) }) }),
]);

// ------------------------------------------------------------------------------------------------
// Outbox (what the rep recorded and where it stands)

/** One outbox entry as the panel shows it (the background describes it; the panel only renders). */
export const outboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['disposition', 'contact-attempt']),
  state: z.enum(['queued', 'delivering', 'delivered', 'retrying', 'parked', 'failed']),
  tone: z.enum(['ok', 'pending', 'warning', 'error']),
  label: z.string(),
  detail: nullableString(),
  createdAt: z.number(),
  /** What was recorded, in a few words ("Rejected — Competitor"). */
  summary: z.string(),
  /**
   * A dead letter (or parked disposition) that a later disposition for the lead supersedes: that
   * one, for the rep. The background refuses a plain resend of it; `delivered` says whether
   * "Send anyway" (replace the later one in the CRM) is on offer.
   */
  supersededBy: z.nullable(z.object({ id: z.string(), summary: z.string(), createdAt: z.number(), delivered: z.boolean() })),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** Baton's CRM connection stops (`expiring`) or stopped (`stopped`) working: what the rep should do. */
export const connectionNoticeSchema = z.object({ level: z.enum(['expiring', 'stopped']), message: z.string() });
export type ConnectionNotice = z.infer<typeof connectionNoticeSchema>;

/**
 * A stored outbox record Baton cannot read (corrupt, or written by a newer version): kept as it
 * is, never sent. The rep sees it and what failed, instead of a write that silently vanished.
 */
export const unreadableOutboxItemSchema = z.object({
  /** The record's id when it has one. */
  id: nullableString(),
  /** "Unreadable — kept, not sent". */
  label: z.string(),
  /** What it seems to be, from the parts that could be read ("Disposition saved 22 Nov 14:05"). */
  summary: z.string(),
  /** What failed, for the rep (and for support). */
  detail: z.string(),
  createdAt: z.nullable(z.number()),
});
export type UnreadableOutboxItem = z.infer<typeof unreadableOutboxItemSchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxItemSchema),
  attemptsMade: count(),
  /** Null when the connection is fine as far as the background knows. */
  connection: z.nullable(connectionNoticeSchema),
  /**
   * Unreadable records: `items` are this lead's and those whose lead cannot be read; `total`
   * counts them in the whole outbox. Absent from answers of backgrounds that did not report them.
   */
  unreadable: z.optional(z.object({ total: count(), items: z.array(unreadableOutboxItemSchema) })),
  /**
   * The newest outcome recorded for this lead from this browser and not failed ("Rejected —
   * Competitor", who decided, when): the header shows it instead of a countdown to first touch.
   * Absent from answers of backgrounds that did not report it.
   */
  recorded: z.optional(z.nullable(z.object({ outcome: z.string(), by: nullableString(), at: z.number() }))),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

/** Field errors from validating a disposition, keyed by field path, for the form to show in place. */
export const dispositionSaveResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), item: outboxItemSchema }),
  z.object({ ok: z.literal(false), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
]);
export type DispositionSaveResult = z.infer<typeof dispositionSaveResultSchema>;

// ------------------------------------------------------------------------------------------------
// Qualification: the shared SQL definition applied to this lead, with the rep's evidence

const criterionViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  group: z.enum(['bant', 'fit', 'engagement', 'disqualifier']),
  status: z.enum(['met', 'unmet', 'unknown']),
  decidedBy: z.enum(['auto', 'rep']),
  evidence: z.nullable(z.record(z.string(), z.unknown())),
  explanation: z.string(),
  source: z.optional(z.string()),
  /** What a "met" needs, in words ("an amount and a currency"), for the evidence form. */
  needs: z.string(),
});
export type CriterionView = z.infer<typeof criterionViewSchema>;

export const qualificationViewSchema = z.object({
  definitionId: z.string(),
  definitionVersion: z.union([z.number(), z.string()]),
  definitionName: z.string(),
  criteria: z.array(criterionViewSchema),
  verdict: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sales_qualified') }),
    z.object({ kind: z.literal('not_yet'), missing: z.array(z.string()) }),
    z.object({ kind: z.literal('disqualified'), rule: z.string(), reason: z.string() }),
  ]),
  /** Stored evidence that no longer fits the definition was set aside: why, for the rep. */
  evidenceProblem: nullableString(),
});
export type QualificationView = z.infer<typeof qualificationViewSchema>;

/** The answer to evidence/put: the stored evidence and the checklist re-evaluated with it (null: the lead could not be read). */
export const evidencePutResultSchema = z.object({
  evidence: z.record(z.string(), z.unknown()),
  qualification: z.nullable(qualificationViewSchema),
});
export type EvidencePutResult = z.infer<typeof evidencePutResultSchema>;

// ------------------------------------------------------------------------------------------------
// SLA: the inputs of computeSlaStatus, so the countdown ticks every second in business time

const timeOfDayBlockSchema = z.object({ start: z.string(), end: z.string() });
const dayBlocksSchema = z.array(timeOfDayBlockSchema);
const slaDurationSchema = z.object({ amount: z.number(), unit: z.enum(SLA_DURATION_UNITS), basis: z.enum(SLA_TIME_BASES) });

const slaRulesSchema = z.object({
  id: z.string(),
  version: z.string(),
  calendar: z.object({
    timeZone: z.string(),
    region: z.optional(z.string()),
    weeklyHours: z.object({ mon: dayBlocksSchema, tue: dayBlocksSchema, wed: dayBlocksSchema, thu: dayBlocksSchema, fri: dayBlocksSchema, sat: dayBlocksSchema, sun: dayBlocksSchema }),
    holidays: z.array(z.object({ date: z.string(), name: z.optional(z.string()), regions: z.optional(z.array(z.string())), hours: z.optional(dayBlocksSchema) })),
    hoursPerBusinessDay: z.number(),
  }),
  clock: z.object({ start: z.enum(CLOCK_STARTS), countingTouchKinds: z.array(z.enum(TOUCH_KINDS)), ownerOnly: z.boolean() }),
  segments: z.array(z.object({ id: z.string(), label: z.string(), minEmployees: z.optional(z.number()), maxEmployees: z.optional(z.number()) })),
  /** The background chose the tier for this lead; the panel gets that one tier, without its rule. */
  tiers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      target: slaDurationSchema,
      atRiskShare: z.number(),
      escalations: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          action: z.enum(ESCALATION_ACTIONS),
          after: z.union([z.object({ share: z.number() }), slaDurationSchema]),
        }),
      ),
      nextStep: z.string(),
    }),
  ),
  defaultTierId: z.string(),
});

const conversionSchema = z.nullable(z.object({ name: z.string(), at: z.nullable(z.number()) }));

export const slaInputsSchema = z.object({
  lead: z.object({
    owner: z.nullable(z.object({ id: z.string() })),
    ownerAssignedAt: z.nullable(z.number()),
    handedOffAt: z.nullable(z.number()),
    createdAt: z.nullable(z.number()),
    employees: z.nullable(z.number()),
    recentConversion: conversionSchema,
    firstConversion: conversionSchema,
    source: nullableString(),
    lifecycleStage: nullableString(),
  }),
  touches: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(TOUCH_KINDS),
      occurredAt: z.number(),
      ownerId: nullableString(),
      automated: z.boolean(),
      // The countdown runs computeSlaStatus with these touches: an inbound one must not stop it.
      direction: z.enum(TOUCH_DIRECTIONS),
      connected: z.nullable(z.boolean()),
      summary: nullableString(),
    }),
  ),
  policy: slaRulesSchema,
});
export type SlaInputs = z.infer<typeof slaInputsSchema>;

// ------------------------------------------------------------------------------------------------
// The lead panel view

const statementSchema = z.object({ text: z.string(), eventIds: z.array(z.string()) });

/** The "before you call" brief as the panel shows it; every statement links to its events. */
const briefViewSchema = z.object({
  trigger: statementSchema,
  buyingStage: z.object({ text: z.string() }),
  recency: z.object({ text: z.string() }),
  frequency: z.object({ text: z.string() }),
  theirWords: z.array(z.object({ question: z.string(), answer: z.string(), answeredAt: z.nullable(z.number()) })),
  theirWordsOmitted: count(),
  interests: z.array(z.object({ topicId: z.string(), label: z.string(), text: z.string(), count: z.number(), eventIds: z.array(z.string()) })),
  objections: z.array(z.object({ ruleId: z.string(), label: z.string(), responseAngle: z.string(), eventIds: z.array(z.string()) })),
  nextStep: z.nullable(z.object({ label: z.string(), tier: nullableString() })),
  opener: z.object({ text: z.string() }),
  ignored: z.object({ likelyBot: count() }),
});
export type BriefView = z.infer<typeof briefViewSchema>;

/** One engagement event as the timeline draws it (text only; the panel links https: URLs alone). */
const timelineEventSchema = z.object({
  id: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  occurredAt: z.number(),
  campaign: z.optional(z.string()),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
  answers: z.optional(z.record(z.string(), z.string())),
  likelyBot: z.optional(z.boolean()),
  botReason: z.optional(z.string()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

const OUTCOMES = ['accepted', 'recycled', 'rejected'] as const;

/** What the Outcome tab offers, and what each choice would write, from the admin's lists. */
const outcomeViewSchema = z.object({
  reasons: z.array(z.object({ id: z.string(), label: z.string(), appliesTo: z.array(z.enum(['recycled', 'rejected'])), requiresAttempts: z.boolean(), active: z.boolean() })),
  objectionTags: z.array(z.object({ id: z.string(), label: z.string(), active: z.boolean() })),
  /** The CRM lead status each outcome (and reason) sets, for the confirm step. */
  leadStatuses: z.array(
    z.object({
      outcome: z.enum(OUTCOMES),
      acceptedStage: z.nullable(z.enum(['working', 'opportunity_created'])),
      reasonId: nullableString(),
      leadStatus: z.string(),
      /** The CRM's own label for that status ("Unqualified"), when the CRM lists its values; absent otherwise. */
      leadStatusLabel: z.optional(z.string()),
    }),
  ),
  unreachableAfterAttempts: count(),
  /** "Default SQL definition v3": what the decision will be recorded against. */
  definitionLabel: z.string(),
});
export type OutcomeView = z.infer<typeof outcomeViewSchema>;

export const leadPanelViewSchema = z.object({
  lead: z.object({
    ref: z.object({ crm: z.string(), id: z.string() }),
    name: z.string(),
    jobTitle: nullableString(),
    company: nullableString(),
    industry: nullableString(),
    employees: z.nullable(z.number()),
    country: nullableString(),
    lifecycleStage: nullableString(),
    leadStatus: nullableString(),
    /** The CRM's own label for the lead status ("Attempted to contact"), when the CRM lists its values. */
    leadStatusLabel: z.optional(z.string()),
    owner: z.nullable(z.object({ id: z.string(), name: nullableString(), email: nullableString() })),
    ownerAssignedAt: z.nullable(z.number()),
    ownerAssignedBy: z.nullable(z.object({ type: z.string(), label: nullableString() })),
    source: nullableString(),
    sourceDetail: z.array(z.string()),
    campaign: nullableString(),
  }),
  /** Epoch ms when the context was read from the CRM. */
  fetchedAt: z.number(),
  sources: z.array(z.object({ source: z.string(), label: z.string(), status: z.enum(['ok', 'degraded', 'unavailable', 'error']), message: z.optional(z.string()) })),
  /** Normalised engagement, newest first. */
  events: z.array(timelineEventSchema),
  brief: briefViewSchema,
  qualification: qualificationViewSchema,
  sla: slaInputsSchema,
  outcome: outcomeViewSchema,
  /**
   * The outcome the CRM holds for this lead (Baton's fields on the record: any rep's, from any
   * browser), in a rep's words, who and when. The panel shows this browser's own newer entry
   * instead (components/panel/recorded-outcome.ts). Absent from older backgrounds' answers.
   */
  recorded: z.optional(z.nullable(z.object({ outcome: z.string(), by: nullableString(), at: z.number() }))),
});
export type LeadPanelView = z.infer<typeof leadPanelViewSchema>;

export const leadViewResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    page: z.object({ crm: z.string(), account: z.string(), objectType: z.enum(['contact', 'lead']), id: z.string(), origin: z.string() }),
    view: leadPanelViewSchema,
  }),
  /** The tab is not on a lead record (the panel is about to be removed). */
  z.object({ status: z.literal('no-lead') }),
]);
export type LeadViewResult = z.infer<typeof leadViewResultSchema>;
