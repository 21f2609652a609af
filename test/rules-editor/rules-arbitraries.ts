import fc from 'fast-check';
import { DISPOSITION_OUTCOMES, dispositionReasonListSchema } from '../../lib/domain/disposition/disposition-reasons';
import { ENGAGEMENT_KINDS } from '../../lib/domain/engagement/engagement-event';
import { TOUCH_KINDS } from '../../lib/domain/touch-kinds';
import { SENIORITIES, TITLE_FUNCTIONS } from '../../lib/domain/qualification/classify-title';
import { BANT_CRITERION_IDS, sqlDefinitionSchema } from '../../lib/domain/qualification/sql-definition';
import { WEEKDAYS } from '../../lib/domain/sla/calendar-vocabulary';
import { slaPolicySchema } from '../../lib/domain/sla/sla-policy';
import { CLOCK_STARTS, CONVERSION_FIELDS, ESCALATION_ACTIONS, SLA_DURATION_UNITS, SLA_TIME_BASES } from '../../lib/domain/sla/sla-vocabulary';

/**
 * Valid values of each rule set's schema, reaching every field (optional ones present and absent),
 * as the stored JSON holds them: parsed by the schema (defaults applied), then through JSON.
 */

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = fc.string({ minLength: 1, maxLength: 12 });
const nonEmpty = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { minLength: 1, maxLength });

const pattern = fc.oneof(
  fc.constantFrom('\\b(chief|c[etfmoir]o|cro)\\b', 'budget', 'vp|head of', '^demo', 'pricing$', '[a-z]+\\d?'),
  text.filter((s) => {
    try {
      new RegExp(s, 'i');
      return true;
    } catch {
      return false;
    }
  }),
);
const domain = fc.stringMatching(/^(\*\.)?[a-z0-9-]{1,8}(\.[a-z0-9-]{1,5}){0,2}$/);
const currency = fc.stringMatching(/^[A-Z]{3}$/);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const amount = fc.oneof(fc.nat({ max: 10_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }));
const positiveInt = fc.integer({ min: 1, max: 100_000 });
const definitionVersion = fc.oneof(fc.nat({ max: 1000 }), fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }), fc.nat({ max: 30 }), opt(fc.constantFrom('beta.1', 'rc-2'))).map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre}` : ''}`));

function valid<T>(arb: fc.Arbitrary<unknown>, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): fc.Arbitrary<T> {
  return arb
    .map((v) => schema.safeParse(v))
    .filter((r) => r.success)
    .map((r) => JSON.parse(JSON.stringify(r.data)) as T);
}

const employees = fc.tuple(opt(fc.nat({ max: 5000 })), opt(fc.integer({ min: 1, max: 100_000 }))).map(([min, max]) => ({
  min,
  max: max === undefined || min === undefined ? max : Math.max(min, max),
}));

const signal = fc.record({
  id: fc.stringMatching(/^[a-z0-9_.-]{1,10}$/),
  label: text,
  eventKinds: fc.subarray([...ENGAGEMENT_KINDS], { minLength: 1 }),
  titlePattern: opt(pattern),
  urlPattern: opt(pattern),
  minCount: positiveInt,
  withinDays: opt(positiveInt),
});

const ranks = SENIORITIES.filter((s) => s !== 'student');

export const sqlDefinitionArb = valid<Record<string, unknown>>(
  fc
    .record({
      id: text,
      version: definitionVersion,
      name: text,
      description: opt(fc.string({ maxLength: 20 })),
      publishedAt: isoDateTime,
      changeLog: nonEmpty(fc.record({ version: definitionVersion, date: isoDate, author: text, summary: text })),
      bant: fc.record({
        budget: fc.record({ label: fc.string({ maxLength: 15 }), minimum: opt(fc.record({ amount, currency })), formQuestionPattern: opt(pattern), defaultCurrency: opt(currency) }),
        authority: fc.record({
          label: text,
          decisionMakerTitlePatterns: fc.array(pattern, { maxLength: 3 }),
          decisionMakerSeniorities: opt(fc.subarray(ranks)),
          decisionMakerFunctions: opt(fc.subarray([...TITLE_FUNCTIONS], { minLength: 1, maxLength: 4 })),
        }),
        need: fc.record({ label: text, formQuestionPattern: opt(pattern) }),
        timeline: fc.record({ label: text, withinDays: opt(positiveInt), formQuestionPattern: opt(pattern) }),
      }),
      fit: fc.record({
        employees: opt(employees),
        industries: opt(nonEmpty(text)),
        titlePatterns: opt(nonEmpty(pattern)),
        titleSeniorities: opt(fc.subarray(ranks, { minLength: 1 })),
        titleFunctions: opt(fc.subarray([...TITLE_FUNCTIONS], { minLength: 1, maxLength: 4 })),
        allowedCountries: opt(nonEmpty(text)),
        blockedCountries: opt(fc.array(text, { maxLength: 3 })),
      }),
      engagement: fc.record({ label: text, signals: fc.uniqueArray(signal, { maxLength: 3, selector: (s) => s.id }) }),
      disqualifiers: fc.record({
        competitorDomains: fc.array(domain, { maxLength: 3 }),
        personalEmailDomains: fc.array(domain, { maxLength: 3 }),
        builtInPersonalEmailDomains: opt(fc.boolean()),
        studentEmailDomains: fc.array(domain, { maxLength: 3 }),
        builtInStudentSignals: opt(fc.boolean()),
        belowMinimumDealSize: fc.boolean(),
        wrongGeography: fc.boolean(),
      }),
      required: fc.subarray([...BANT_CRITERION_IDS], { minLength: 1 }),
    })
    .map((d) => {
      // The publishing rule: the last change-log entry describes the current version; only
      // rules the definition configures can be required.
      const changeLog = [...d.changeLog.slice(0, -1), { ...d.changeLog.at(-1)!, version: d.version }];
      const disqualifiers = {
        ...d.disqualifiers,
        belowMinimumDealSize: d.disqualifiers.belowMinimumDealSize && d.bant.budget.minimum !== undefined,
        wrongGeography: d.disqualifiers.wrongGeography && (d.fit.allowedCountries !== undefined || (d.fit.blockedCountries?.length ?? 0) > 0),
      };
      return { ...d, changeLog, disqualifiers };
    }),
  sqlDefinitionSchema,
);

const time = fc.integer({ min: 0, max: 48 }).map((n) => (n === 48 ? '24:00' : `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`));
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
/** Non-overlapping blocks of one day, in any order. */
const dayBlocks = fc
  .uniqueArray(time, { maxLength: 6 })
  .map((times) => [...times].sort((a, b) => minutesOf(a) - minutesOf(b)))
  .map((sorted) => {
    const blocks: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) blocks.push({ start: sorted[i]!, end: sorted[i + 1]! });
    return blocks;
  })
  .chain((blocks) => fc.shuffledSubarray(blocks, { minLength: blocks.length, maxLength: blocks.length }));

const duration = fc.record({ amount, unit: fc.constantFrom(...SLA_DURATION_UNITS), basis: fc.constantFrom(...SLA_TIME_BASES) });

export const slaPolicyArb = valid<Record<string, unknown>>(
  fc
    .record({
      id: text,
      name: text,
      version: text,
      updatedAt: isoDateTime,
      changeLog: fc.array(fc.record({ version: text, at: isoDateTime, author: opt(fc.string({ maxLength: 8 })), summary: text }), { maxLength: 2 }),
      calendar: fc.record({
        timeZone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'),
        region: opt(text),
        weeklyHours: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, dayBlocks])) as Record<(typeof WEEKDAYS)[number], typeof dayBlocks>),
        holidays: fc.array(fc.record({ date: isoDate, name: opt(fc.string({ maxLength: 10 })), regions: opt(nonEmpty(text, 2)), hours: opt(dayBlocks) }), { maxLength: 3 }),
        hoursPerBusinessDay: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.double({ min: 0.25, max: 24, noNaN: true })),
      }),
      clock: fc.record({ start: fc.constantFrom(...CLOCK_STARTS), countingTouchKinds: fc.subarray([...TOUCH_KINDS], { minLength: 1 }), ownerOnly: fc.boolean() }),
      segments: fc.uniqueArray(
        fc.record({ id: text, label: text, minEmployees: opt(fc.nat({ max: 500 })), maxEmployees: opt(fc.integer({ min: 500, max: 100_000 })) }),
        { maxLength: 3, selector: (s) => s.id },
      ),
      tiers: fc.uniqueArray(
        fc.record({
          id: text,
          label: text,
          when: opt(
            fc.record({
              triggers: opt(nonEmpty(text)),
              conversion: fc.constantFrom(...CONVERSION_FIELDS),
              sources: opt(nonEmpty(text)),
              lifecycleStages: opt(nonEmpty(text)),
            }),
          ),
          target: duration,
          atRiskShare: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
          escalations: fc.array(
            fc.record({
              id: text,
              label: text,
              action: fc.constantFrom(...ESCALATION_ACTIONS),
              after: fc.oneof(fc.record({ share: fc.double({ min: 0, max: 5, noNaN: true }) }), duration),
            }),
            { maxLength: 2 },
          ),
          nextStep: text,
        }),
        { minLength: 1, maxLength: 3, selector: (t) => t.id },
      ),
      segmentPick: fc.nat(),
    })
    .map(({ segmentPick, ...p }) => {
      // Tier rules may only name segments the policy defines.
      const segmentIds = p.segments.map((s) => s.id);
      const tiers = p.tiers.map((t, i) => (t.when && segmentIds.length && (segmentPick + i) % 2 ? { ...t, when: { ...t.when, segments: [segmentIds[(segmentPick + i) % segmentIds.length]!] } } : t));
      return { ...p, tiers, defaultTierId: tiers[segmentPick % tiers.length]!.id };
    }),
  slaPolicySchema,
);

const slug = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const outcomesUsingReasons = DISPOSITION_OUTCOMES.filter((o): o is 'recycled' | 'rejected' => o !== 'accepted');

export const dispositionReasonsArb = valid<Record<string, unknown>>(
  fc
    .record({
      version: fc.integer({ min: 1, max: 500 }),
      changeLog: nonEmpty(fc.record({ version: fc.integer({ min: 1, max: 500 }), date: isoDate, author: text, summary: text })),
      reasons: fc.uniqueArray(
        fc.record({ id: slug, label: text, appliesTo: fc.subarray(outcomesUsingReasons, { minLength: 1 }), requiresAttempts: fc.boolean(), active: fc.boolean() }),
        { minLength: 1, maxLength: 4, selector: (r) => r.id },
      ),
      objectionTags: fc.uniqueArray(fc.record({ id: slug, label: text, active: fc.boolean() }), { maxLength: 4, selector: (t) => t.id }),
    })
    .map((l) => ({ ...l, changeLog: [...l.changeLog.slice(0, -1), { ...l.changeLog.at(-1)!, version: l.version }] })),
  dispositionReasonListSchema,
);
