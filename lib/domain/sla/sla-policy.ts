import { z } from 'zod';
import { TOUCH_KINDS } from '../lead';
import { businessCalendarSchema } from './business-calendar-schema';
import { CLOCK_STARTS, CONVERSION_FIELDS, ESCALATION_ACTIONS, SLA_DURATION_UNITS, SLA_TIME_BASES } from './sla-vocabulary';

/**
 * SLA policy: versioned JSON that RevOps edits, exports and imports. Tiers are ordered and the
 * first whose rule matches the lead wins; `defaultTierId` catches the rest, so every lead with an
 * owner gets a deadline.
 */


export const slaDurationSchema = z.object({
  amount: z.number().nonnegative(),
  unit: z.enum(SLA_DURATION_UNITS),
  /** business: counted on the policy calendar (and the owner's out-of-office); wall: elapsed real time. */
  basis: z.enum(SLA_TIME_BASES),
});
export type SlaDuration = z.infer<typeof slaDurationSchema>;


export const escalationStepSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  action: z.enum(ESCALATION_ACTIONS),
  /** Either a share of the tier target (1 = at the deadline, 2 = twice the target) or a duration from the clock start. */
  after: z.union([z.strictObject({ share: z.number().nonnegative() }), slaDurationSchema.strict()]),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;


/** All present criteria must hold; within one list any entry may match. Strings compare case-insensitively. */
export const tierRuleSchema = z.object({
  /**
   * Substrings of the conversion (form/event) name that triggered the handoff, e.g. "demo",
   * "contact sales". `recent` reads recentConversion, falling back to firstConversion when the CRM
   * only has one.
   */
  triggers: z.array(z.string().min(1)).min(1).optional(),
  conversion: z.enum(CONVERSION_FIELDS).default('recent'),
  /** lead.source values, e.g. PAID_SEARCH. */
  sources: z.array(z.string().min(1)).min(1).optional(),
  /** Segment ids defined on the policy. A lead with unknown employee count is in no segment. */
  segments: z.array(z.string().min(1)).min(1).optional(),
  lifecycleStages: z.array(z.string().min(1)).min(1).optional(),
});
export type TierRule = z.infer<typeof tierRuleSchema>;

export const slaTierSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Absent: the tier matches every lead. */
  when: tierRuleSchema.optional(),
  target: slaDurationSchema,
  /** Share of the target after which an untouched lead is "at risk". */
  atRiskShare: z.number().gt(0).lt(1).default(0.75),
  escalations: z.array(escalationStepSchema).default([]),
  /** The agreed next step for this kind of handoff, shown in the brief ("Book the demo"). */
  nextStep: z.string().min(1),
});
export type SlaTier = z.infer<typeof slaTierSchema>;

export const segmentSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    /** Inclusive bounds on lead.employees; absent = unbounded. */
    minEmployees: z.number().int().nonnegative().optional(),
    maxEmployees: z.number().int().nonnegative().optional(),
  })
  .refine((s) => s.minEmployees === undefined || s.maxEmployees === undefined || s.minEmployees <= s.maxEmployees, {
    message: 'minEmployees must not exceed maxEmployees',
    path: ['maxEmployees'],
  });
export type Segment = z.infer<typeof segmentSchema>;


export const clockSchema = z.object({
  /** owner_assigned: lead.ownerAssignedAt; handed_off: lead.handedOffAt; each falls back to the other, then createdAt. */
  start: z.enum(CLOCK_STARTS).default('owner_assigned'),
  /** Touch kinds that stop the clock (automated touches never do). */
  countingTouchKinds: z.array(z.enum(TOUCH_KINDS)).min(1).default(['call', 'email', 'meeting', 'social']),
  /** Only a touch by the lead's current owner stops the clock. */
  ownerOnly: z.boolean().default(true),
});
export type SlaClock = z.infer<typeof clockSchema>;

export const changeLogEntrySchema = z.object({
  version: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  author: z.string().optional(),
  summary: z.string().min(1),
});

export const salesManagerSchema = z.object({
  /** The CRM's owner (user) id. */
  ownerId: z.string().min(1),
  /** Their name as the CRM gave it when the admin chose them (for the task's text). */
  name: z.string().nullable().default(null),
});
export type SalesManager = z.infer<typeof salesManagerSchema>;

export const slaPolicySchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    version: z.string().min(1),
    updatedAt: z.iso.datetime({ offset: true }),
    changeLog: z.array(changeLogEntrySchema).default([]),
    calendar: businessCalendarSchema,
    clock: clockSchema.default({ start: 'owner_assigned', countingTouchKinds: ['call', 'email', 'meeting', 'social'], ownerOnly: true }),
    segments: z.array(segmentSchema).default([]),
    tiers: z.array(slaTierSchema).min(1),
    defaultTierId: z.string().min(1),
    /**
     * Who "tell the sales manager" steps reach: a CRM owner (user) the admin chose. Optional, so
     * policies saved before it existed still parse; absent, the lead's owner gets the task, told to
     * pass it on.
     */
    salesManager: salesManagerSchema.optional(),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    const segmentIds = new Set(policy.segments.map((s) => s.id));
    policy.tiers.forEach((tier, i) => {
      if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', message: `duplicate tier id "${tier.id}"`, path: ['tiers', i, 'id'] });
      ids.add(tier.id);
      tier.when?.segments?.forEach((s, j) => {
        if (!segmentIds.has(s)) {
          ctx.addIssue({ code: 'custom', message: `unknown segment "${s}" (define it in segments)`, path: ['tiers', i, 'when', 'segments', j] });
        }
      });
    });
    if (!ids.has(policy.defaultTierId)) {
      ctx.addIssue({ code: 'custom', message: `no tier with id "${policy.defaultTierId}"`, path: ['defaultTierId'] });
    }
  });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

/**
 * What the SLA engine reads of a policy (computeSlaStatus, selectSlaTier): a policy without its
 * name, dates and change log still times a lead. The panel gets one of these from the background.
 */
export type SlaRules = Pick<SlaPolicy, 'id' | 'version' | 'calendar' | 'clock' | 'segments' | 'tiers' | 'defaultTierId'>;
