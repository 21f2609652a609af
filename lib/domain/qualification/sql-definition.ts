import { z } from 'zod';
import { ENGAGEMENT_KINDS } from '../engagement/engagement-event';
import { SENIORITIES, TITLE_FUNCTIONS } from './classify-title';

/**
 * The shared, versioned SQL (sales-qualified lead) definition: the one written answer to
 * "is this lead qualified?" that marketing and sales both test against. Admins edit it as JSON,
 * so every pattern is a plain string (a case-insensitive regular expression) validated here.
 */

/** Fixed ids of the BANT criteria: rep evidence and `required` refer to them. */
export const BANT_CRITERION_IDS = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantCriterionId = (typeof BANT_CRITERION_IDS)[number];

export const FIT_CRITERION_IDS = ['fit.employees', 'fit.industry', 'fit.title', 'fit.country'] as const;
export const ENGAGEMENT_CRITERION_ID = 'engagement';
export const DISQUALIFIER_IDS = [
  'disq.competitor',
  'disq.personal_email',
  'disq.student',
  'disq.below_minimum',
  'disq.wrong_geography',
] as const;
export type DisqualifierId = (typeof DISQUALIFIER_IDS)[number];

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

/** A case-insensitive regular expression, kept as its source text so the definition stays JSON. */
export const patternSchema = z
  .string()
  .min(1, 'pattern must not be empty')
  .refine(isValidRegex, { message: 'not a valid regular expression' });

/** "gmail.com" matches the domain and its subdomains; "*.edu" matches any domain ending in ".edu". */
export const domainPatternSchema = z
  .string()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'expected a domain like "gmail.com" or "*.edu"');

export const definitionVersionSchema = z.union([
  z.number().int().nonnegative(),
  z.string().regex(SEMVER, 'expected an integer or a semantic version like "1.2.0"'),
]);
export type DefinitionVersion = z.infer<typeof definitionVersionSchema>;

export const isoDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const changeLogEntrySchema = z.object({
  version: definitionVersionSchema,
  date: isoDateSchema,
  author: z.string().min(1),
  summary: z.string().min(1),
});
export type ChangeLogEntry = z.infer<typeof changeLogEntrySchema>;

export const moneySchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code like "USD"'),
});
export type Money = z.infer<typeof moneySchema>;

/** Seniorities a definition can name ("C-level / VP / Head of / Owner"); "student" is a disqualifier, never a rank. */
export const senioritySchema = z.enum(SENIORITIES.filter((s) => s !== 'student') as [Exclude<(typeof SENIORITIES)[number], 'student'>, ...Exclude<(typeof SENIORITIES)[number], 'student'>[]]);
export const titleFunctionSchema = z.enum(TITLE_FUNCTIONS);

export const budgetRuleSchema = z.object({
  label: z.string().default('Budget: a stated amount and currency'),
  /** Deals below this are not worth a sales cycle; also drives the below-minimum disqualifier. */
  minimum: moneySchema.optional(),
  /** Form question (label) whose answer states a budget, e.g. "budget". Omit to leave budget to the rep. */
  formQuestionPattern: patternSchema.optional(),
  /** Currency assumed when a form answer gives a number without one. */
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).optional(),
});

export const authorityRuleSchema = z.object({
  label: z.string().default('Authority: a named decision maker and their role'),
  /** Job titles that make the lead themself the decision maker (auto "met", the lead is the named person). */
  decisionMakerTitlePatterns: z.array(patternSchema).default([]),
  /**
   * Seniorities that make the lead the decision maker, read from the title whatever its phrasing
   * ("CFO", "Chief Financial Officer", "VP, Finance", "Dir. Ops"). Optional: older definitions
   * that only list patterns keep working as they did.
   */
  decisionMakerSeniorities: z.array(senioritySchema).optional(),
  /** Limits those seniorities to these functions (owners and chief executives always decide). Omit for any function. */
  decisionMakerFunctions: z.array(titleFunctionSchema).min(1).optional(),
});

export const needRuleSchema = z.object({
  label: z.string().default('Need: a stated problem'),
  /** Form question whose answer states the problem, e.g. "challenge|problem|looking to". */
  formQuestionPattern: patternSchema.optional(),
});

export const timelineRuleSchema = z.object({
  label: z.string().default('Timeline: a target date'),
  /** When set, the date must fall within this many days of "now". */
  withinDays: z.number().int().positive().optional(),
  formQuestionPattern: patternSchema.optional(),
});

export const fitRulesSchema = z.object({
  employees: z
    .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: 'min must not exceed max',
    })
    .optional(),
  /** Allow list, compared case- and punctuation-insensitively. */
  industries: z.array(z.string().min(1)).min(1).optional(),
  titlePatterns: z.array(patternSchema).min(1).optional(),
  /** Seniorities we sell to whatever the function (e.g. C-level and owners), read from the title. */
  titleSeniorities: z.array(senioritySchema).min(1).optional(),
  /** Functions we sell to, read from the title across phrasings ("Dir. Ops" is operations). */
  titleFunctions: z.array(titleFunctionSchema).min(1).optional(),
  /** ISO 3166 alpha-2 codes or common English names; both are normalised. */
  allowedCountries: z.array(z.string().min(1)).min(1).optional(),
  blockedCountries: z.array(z.string().min(1)).optional(),
});

export const engagementSignalSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/, 'use lower-case letters, digits, "_", "-" or "."'),
    label: z.string().min(1),
    eventKinds: z.array(z.enum(ENGAGEMENT_KINDS)).min(1),
    titlePattern: patternSchema.optional(),
    urlPattern: patternSchema.optional(),
    minCount: z.number().int().positive().default(1),
    /** Only events within this many days before "now" count; omit for all history. */
    withinDays: z.number().int().positive().optional(),
  });
export type EngagementSignal = z.infer<typeof engagementSignalSchema>;

export const disqualifierRulesSchema = z.object({
  /** The admin's list of competitors' domains, matched against the lead's e-mail and website domains. */
  competitorDomains: z.array(domainPatternSchema).default([]),
  personalEmailDomains: z.array(domainPatternSchema).default([]),
  /**
   * Also Baton's maintained list of free e-mail providers (personal-email-domains.ts). Omitted: on
   * whenever `personalEmailDomains` lists any domain; true turns the check on by itself; false keeps only the admin's list.
   */
  builtInPersonalEmailDomains: z.boolean().optional(),
  studentEmailDomains: z.array(domainPatternSchema).default([]),
  /**
   * Also a student's title ("MBA candidate", "Intern"), academic domains (.edu, .ac.uk, uni-*.de, ...)
   * and universities as the company. Omitted: on whenever `studentEmailDomains` lists any domain.
   */
  builtInStudentSignals: z.boolean().optional(),
  /** Fires when the budget (rep or form) is below `bant.budget.minimum` in the same currency. */
  belowMinimumDealSize: z.boolean().default(false),
  /** Fires when the country is blocked, or outside `fit.allowedCountries` when that list is set. */
  wrongGeography: z.boolean().default(false),
});

export const sqlDefinitionSchema = z
  .object({
    id: z.string().min(1),
    version: definitionVersionSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    publishedAt: z.iso.datetime({ message: 'expected an ISO 8601 date-time like "2026-11-01T00:00:00Z"' }),
    changeLog: z.array(changeLogEntrySchema).min(1, 'a definition needs at least one change-log entry'),
    bant: z.object({
      budget: budgetRuleSchema,
      authority: authorityRuleSchema,
      need: needRuleSchema,
      timeline: timelineRuleSchema,
    }),
    fit: fitRulesSchema.default({}),
    engagement: z.object({
      label: z.string().default('Engagement signal (any of)'),
      signals: z.array(engagementSignalSchema).default([]),
    }),
    disqualifiers: disqualifierRulesSchema,
    /** Criterion ids that must all be met for "sales-qualified" (disqualifiers always apply). */
    required: z.array(z.string()).min(1),
  })
  .superRefine((def, ctx) => {
    const configured = new Set(configuredCriterionIds(def));
    def.required.forEach((id, i) => {
      if (id.startsWith('disq.')) {
        ctx.addIssue({ code: 'custom', path: ['required', i], message: `"${id}" is a disqualifier: disqualifiers always apply and cannot be required` });
      } else if (!configured.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['required', i], message: `"${id}" is not a criterion this definition configures (known: ${[...configured].filter((c) => !c.startsWith('disq.')).join(', ')})` });
      }
    });
    const seen = new Set<string>();
    def.engagement.signals.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['engagement', 'signals', i, 'id'], message: `duplicate signal id "${s.id}"` });
      seen.add(s.id);
    });
    if (def.disqualifiers.belowMinimumDealSize && !def.bant.budget.minimum) {
      ctx.addIssue({ code: 'custom', path: ['disqualifiers', 'belowMinimumDealSize'], message: 'needs bant.budget.minimum to compare against' });
    }
    if (def.disqualifiers.wrongGeography && !def.fit.allowedCountries && !def.fit.blockedCountries?.length) {
      ctx.addIssue({ code: 'custom', path: ['disqualifiers', 'wrongGeography'], message: 'needs fit.allowedCountries or fit.blockedCountries' });
    }
    const newest = def.changeLog.at(-1);
    if (newest && String(newest.version) !== String(def.version)) {
      ctx.addIssue({ code: 'custom', path: ['changeLog', def.changeLog.length - 1, 'version'], message: `the last change-log entry must describe the current version ${String(def.version)}` });
    }
  });
export type SqlDefinition = z.infer<typeof sqlDefinitionSchema>;
/** What an admin writes (defaults not yet applied). */
export type SqlDefinitionInput = z.input<typeof sqlDefinitionSchema>;

/** Criterion ids in evaluation (and display) order, only for the rules this definition configures. */
export function configuredCriterionIds(def: Pick<SqlDefinition, 'fit' | 'engagement' | 'disqualifiers' | 'bant'>): string[] {
  const ids: string[] = [...BANT_CRITERION_IDS];
  if (def.fit.employees) ids.push('fit.employees');
  if (def.fit.industries) ids.push('fit.industry');
  if (def.fit.titlePatterns || def.fit.titleSeniorities || def.fit.titleFunctions) ids.push('fit.title');
  if (def.fit.allowedCountries || def.fit.blockedCountries?.length) ids.push('fit.country');
  if (def.engagement.signals.length) ids.push(ENGAGEMENT_CRITERION_ID);
  const d = def.disqualifiers;
  if (d.competitorDomains.length) ids.push('disq.competitor');
  if (usesPersonalEmailCheck(d)) ids.push('disq.personal_email');
  if (usesStudentCheck(d)) ids.push('disq.student');
  if (d.belowMinimumDealSize) ids.push('disq.below_minimum');
  if (d.wrongGeography) ids.push('disq.wrong_geography');
  return ids;
}

type DisqualifierRules = z.infer<typeof disqualifierRulesSchema>;

export function usesPersonalEmailCheck(d: Pick<DisqualifierRules, 'personalEmailDomains' | 'builtInPersonalEmailDomains'>): boolean {
  return d.personalEmailDomains.length > 0 || d.builtInPersonalEmailDomains === true;
}
export function usesBuiltInPersonalEmailDomains(d: Pick<DisqualifierRules, 'personalEmailDomains' | 'builtInPersonalEmailDomains'>): boolean {
  return d.builtInPersonalEmailDomains ?? d.personalEmailDomains.length > 0;
}
export function usesStudentCheck(d: Pick<DisqualifierRules, 'studentEmailDomains' | 'builtInStudentSignals'>): boolean {
  return d.studentEmailDomains.length > 0 || d.builtInStudentSignals === true;
}
export function usesBuiltInStudentSignals(d: Pick<DisqualifierRules, 'studentEmailDomains' | 'builtInStudentSignals'>): boolean {
  return d.builtInStudentSignals ?? d.studentEmailDomains.length > 0;
}

export interface FieldError {
  /** Dotted field path, e.g. "bant.budget.minimum.currency"; "(root)" for the whole document. */
  path: string;
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** Validates an already-parsed JSON value as a definition. */
export function parseSqlDefinition(value: unknown): ImportResult<SqlDefinition> {
  const parsed = sqlDefinitionSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error.issues) };
}

/** Imports a definition from JSON text (an admin's file), reporting errors by field path. */
export function importSqlDefinition(json: string): ImportResult<SqlDefinition> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseSqlDefinition(value);
}

/** Exports a definition as stable, pretty JSON (validated first, so an export can always be re-imported). */
export function exportSqlDefinition(def: SqlDefinitionInput): string {
  return `${JSON.stringify(sqlDefinitionSchema.parse(def), null, 2)}\n`;
}
