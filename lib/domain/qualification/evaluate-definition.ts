import type { EngagementEvent } from '../engagement/engagement-event';
import type { Lead } from '../lead';
import { leadDisplayName } from '../lead';
import {
  DAY_MS,
  emailDomain,
  findMatchingDomain,
  findPatternMatch,
  formatNumber,
  isoDateToEpoch,
  matchesPattern,
  normalizeCountry,
  normalizeLabel,
  toIsoDate,
} from './match-rules';
import { parseBudgetAnswer, parseTimelineAnswer } from './parse-form-answer';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence, RepEvidenceEntry } from './rep-evidence';
import { configuredCriterionIds } from './sql-definition';
import type { DefinitionVersion, EngagementSignal, SqlDefinition } from './sql-definition';

export type CriterionGroup = 'bant' | 'fit' | 'engagement' | 'disqualifier';
export type CriterionStatus = 'met' | 'unmet' | 'unknown';

/**
 * One checklist line. Status reads the same way in every group: "met" is good news. For a
 * disqualifier, "met" means the lead passes it ("Not a competitor"); "unmet" means it fires.
 */
export interface CriterionResult {
  id: string;
  label: string;
  group: CriterionGroup;
  status: CriterionStatus;
  decidedBy: 'auto' | 'rep';
  evidence: Record<string, unknown> | null;
  /** Why, naming the data: "Title 'VP Sales' names a decision-maker role ("VP")". */
  explanation: string;
  /** Where the decision came from: "CRM: jobtitle", "Form: What is your budget?", "Rep". */
  source?: string;
}

export type Verdict =
  | { kind: 'sales_qualified' }
  | { kind: 'not_yet'; missing: string[] }
  | { kind: 'disqualified'; rule: string; reason: string };

export interface Evaluation {
  definitionId: string;
  definitionVersion: DefinitionVersion;
  /** The "now" the evaluation was made at (epoch ms). */
  evaluatedAt: number;
  criteria: CriterionResult[];
  verdict: Verdict;
}

export interface EvaluationInput {
  lead: Lead;
  events?: readonly EngagementEvent[];
  repEvidence?: RepEvidence;
  /** Epoch ms: the evaluation's "now". Nothing here reads the clock. */
  now: number;
}

export class RepEvidenceError extends Error {}

const DISQUALIFIER_LABELS: Record<string, string> = {
  'disq.competitor': 'Not a competitor',
  'disq.personal_email': 'Business email (not a personal address)',
  'disq.student': 'Not a student address',
  'disq.below_minimum': 'At or above the minimum deal size',
  'disq.wrong_geography': 'In a geography we sell to',
};

const FIT_LABELS: Record<string, string> = {
  'fit.employees': 'Company size in range',
  'fit.industry': 'Industry we serve',
  'fit.title': 'Title or function we sell to',
  'fit.country': 'Country we sell to',
};

interface AnswerFound {
  question: string;
  answer: string;
  answeredAt: number;
  origin: string;
}

/** All form answers known at `now`, newest first, in a total order so ties break the same way everywhere. */
function collectAnswers(lead: Lead, events: readonly EngagementEvent[], now: number): AnswerFound[] {
  const found: AnswerFound[] = [];
  for (const a of lead.formAnswers) {
    if (a.answeredAt <= now) found.push({ question: a.question, answer: a.answer, answeredAt: a.answeredAt, origin: `CRM form answer "${a.question}"` });
  }
  for (const e of events) {
    if (e.kind !== 'form_submission' || !e.answers || e.occurredAt > now || e.likelyBot) continue;
    for (const [question, answer] of Object.entries(e.answers)) {
      found.push({ question, answer, answeredAt: e.occurredAt, origin: `Form "${e.title ?? e.id}": "${question}"` });
    }
  }
  return found.sort((a, b) => b.answeredAt - a.answeredAt || compareText(a.question, b.question) || compareText(a.answer, b.answer) || compareText(a.origin, b.origin));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findAnswer(answers: readonly AnswerFound[], pattern: string | undefined): AnswerFound | undefined {
  if (!pattern) return undefined;
  return answers.find((a) => a.answer.trim() !== '' && matchesPattern(pattern, a.question));
}

function describeEvidence(entry: RepEvidenceEntry): string {
  const e = entry.evidence as Record<string, unknown> | undefined;
  if (!e) return 'no evidence given';
  if ('amount' in e) return `budget ${formatNumber(e.amount as number)} ${String(e.currency)}`;
  if ('name' in e) return `${String(e.name)} (${String(e.role)})`;
  if ('problem' in e) return `problem "${String(e.problem)}"`;
  if ('date' in e) return `date ${String(e.date)}`;
  return `note "${String(e.note)}"`;
}

function decideByRep(id: string, label: string, group: CriterionGroup, entry: RepEvidenceEntry): CriterionResult {
  return {
    id,
    label,
    group,
    status: entry.status,
    decidedBy: 'rep',
    evidence: entry.evidence ? { ...entry.evidence } : null,
    explanation: `Rep marked ${entry.status === 'met' ? 'met' : 'not met'}: ${describeEvidence(entry)}`,
    source: entry.by ? `Rep: ${entry.by}` : 'Rep',
  };
}

function decideAuto(id: string, label: string, group: CriterionGroup, status: CriterionStatus, explanation: string, evidence: Record<string, unknown> | null = null, source?: string): CriterionResult {
  return source === undefined
    ? { id, label, group, status, decidedBy: 'auto', evidence, explanation }
    : { id, label, group, status, decidedBy: 'auto', evidence, explanation, source };
}

function evaluateBudget(def: SqlDefinition, answers: readonly AnswerFound[]): CriterionResult {
  const rule = def.bant.budget;
  const found = findAnswer(answers, rule.formQuestionPattern);
  if (!found) {
    return decideAuto('budget', rule.label, 'bant', 'unknown', rule.formQuestionPattern ? 'No form answer states a budget; the rep must record an amount and currency' : 'Budget is decided by the rep: record an amount and currency');
  }
  const parsed = parseBudgetAnswer(found.answer, rule.defaultCurrency);
  const source = found.origin;
  if (parsed.kind === 'none') return decideAuto('budget', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" states no budget`, null, source);
  if (parsed.kind === 'unreadable') return decideAuto('budget', rule.label, 'bant', 'unknown', `Form answer "${found.answer}" does not give a budget (${parsed.why})`, null, source);
  const evidence = { amount: parsed.amount, currency: parsed.currency };
  const stated = `${formatNumber(parsed.amount)} ${parsed.currency}`;
  const min = rule.minimum;
  if (min && min.currency === parsed.currency && parsed.amount < min.amount) {
    return decideAuto('budget', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" reads as ${stated}, below the minimum ${formatNumber(min.amount)} ${min.currency}`, evidence, source);
  }
  return decideAuto('budget', rule.label, 'bant', 'met', `Form answer "${found.answer}" reads as ${stated}`, evidence, source);
}

function evaluateAuthority(def: SqlDefinition, lead: Lead): CriterionResult {
  const rule = def.bant.authority;
  if (!lead.jobTitle) return decideAuto('authority', rule.label, 'bant', 'unknown', 'No job title in the CRM; the rep must name the decision maker and their role');
  const match = findPatternMatch(rule.decisionMakerTitlePatterns, lead.jobTitle);
  if (match) {
    return decideAuto('authority', rule.label, 'bant', 'met', `Title '${lead.jobTitle}' names a decision-maker role ("${match.matched}")`, { name: leadDisplayName(lead), role: lead.jobTitle }, 'CRM: jobtitle');
  }
  // Not the decision maker themself does not mean there is none: the rep still has to find out.
  return decideAuto('authority', rule.label, 'bant', 'unknown', `Title '${lead.jobTitle}' names no decision-maker role; the rep must name the decision maker`, null, 'CRM: jobtitle');
}

function evaluateNeed(def: SqlDefinition, answers: readonly AnswerFound[]): CriterionResult {
  const rule = def.bant.need;
  const found = findAnswer(answers, rule.formQuestionPattern);
  if (!found) return decideAuto('need', rule.label, 'bant', 'unknown', rule.formQuestionPattern ? 'No form answer states a problem; the rep must record it' : 'Need is decided by the rep: record the stated problem');
  return decideAuto('need', rule.label, 'bant', 'met', `Form answer states the problem: "${found.answer.trim()}"`, { problem: found.answer.trim() }, found.origin);
}

function evaluateTimeline(def: SqlDefinition, answers: readonly AnswerFound[], now: number): CriterionResult {
  const rule = def.bant.timeline;
  const found = findAnswer(answers, rule.formQuestionPattern);
  if (!found) return decideAuto('timeline', rule.label, 'bant', 'unknown', rule.formQuestionPattern ? 'No form answer gives a timeline; the rep must record a date' : 'Timeline is decided by the rep: record a date');
  const parsed = parseTimelineAnswer(found.answer, found.answeredAt);
  if (parsed.kind === 'none') return decideAuto('timeline', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" states no buying timeline`, null, found.origin);
  if (parsed.kind === 'unreadable') return decideAuto('timeline', rule.label, 'bant', 'unknown', `Form answer "${found.answer}" gives no date (${parsed.why})`, null, found.origin);
  return checkTimelineDate(def, parsed.date, now, `Form answer "${found.answer}" (${parsed.reading})`, found.origin);
}

function checkTimelineDate(def: SqlDefinition, date: string, now: number, what: string, source: string): CriterionResult {
  const rule = def.bant.timeline;
  const evidence = { date };
  const today = toIsoDate(now);
  if (date < today) return decideAuto('timeline', rule.label, 'bant', 'unknown', `${what} gives ${date}, already past on ${today}; the rep must confirm a new date`, evidence, source);
  if (rule.withinDays !== undefined) {
    const limit = toIsoDate(isoDateToEpoch(today) + rule.withinDays * DAY_MS);
    if (date > limit) return decideAuto('timeline', rule.label, 'bant', 'unmet', `${what} gives ${date}, beyond ${rule.withinDays} days (${limit})`, evidence, source);
    return decideAuto('timeline', rule.label, 'bant', 'met', `${what} gives ${date}, within ${rule.withinDays} days (${limit})`, evidence, source);
  }
  return decideAuto('timeline', rule.label, 'bant', 'met', `${what} gives ${date}`, evidence, source);
}

function judgeCountry(def: SqlDefinition, country: string): { allowed: boolean; why: string } {
  const code = normalizeCountry(country);
  const blocked = (def.fit.blockedCountries ?? []).find((c) => normalizeCountry(c) === code);
  if (blocked) return { allowed: false, why: `Country '${country}' is blocked ('${blocked}')` };
  if (def.fit.allowedCountries) {
    const allowed = def.fit.allowedCountries.find((c) => normalizeCountry(c) === code);
    return allowed
      ? { allowed: true, why: `Country '${country}' is on the allowed list ('${allowed}')` }
      : { allowed: false, why: `Country '${country}' is not on the allowed list` };
  }
  return { allowed: true, why: `Country '${country}' is not blocked` };
}

function evaluateFit(def: SqlDefinition, id: string, lead: Lead): CriterionResult {
  const label = FIT_LABELS[id]!;
  const fit = def.fit;
  switch (id) {
    case 'fit.employees': {
      const range = fit.employees!;
      const wanted = `${range.min === undefined ? '' : formatNumber(range.min)}–${range.max === undefined ? '' : formatNumber(range.max)}`;
      if (lead.employees === null) return decideAuto(id, label, 'fit', 'unknown', `No employee count in the CRM (wanted ${wanted})`);
      const ok = (range.min === undefined || lead.employees >= range.min) && (range.max === undefined || lead.employees <= range.max);
      return decideAuto(id, label, 'fit', ok ? 'met' : 'unmet', `${formatNumber(lead.employees)} employees is ${ok ? 'within' : 'outside'} ${wanted}`, { employees: lead.employees }, 'CRM: numemployees');
    }
    case 'fit.industry': {
      if (!lead.industry) return decideAuto(id, label, 'fit', 'unknown', 'No industry in the CRM');
      const norm = normalizeLabel(lead.industry);
      const match = fit.industries!.find((i) => normalizeLabel(i) === norm);
      return match
        ? decideAuto(id, label, 'fit', 'met', `Industry '${lead.industry}' is on the list ('${match}')`, { industry: lead.industry }, 'CRM: industry')
        : decideAuto(id, label, 'fit', 'unmet', `Industry '${lead.industry}' is not on the list`, { industry: lead.industry }, 'CRM: industry');
    }
    case 'fit.title': {
      if (!lead.jobTitle) return decideAuto(id, label, 'fit', 'unknown', 'No job title in the CRM');
      const match = findPatternMatch(fit.titlePatterns!, lead.jobTitle);
      return match
        ? decideAuto(id, label, 'fit', 'met', `Title '${lead.jobTitle}' is a role we sell to ("${match.matched}")`, { jobTitle: lead.jobTitle }, 'CRM: jobtitle')
        : decideAuto(id, label, 'fit', 'unmet', `Title '${lead.jobTitle}' is none of the titles or functions we sell to`, { jobTitle: lead.jobTitle }, 'CRM: jobtitle');
    }
    default: {
      if (!lead.country) return decideAuto(id, label, 'fit', 'unknown', 'No country in the CRM');
      const v = judgeCountry(def, lead.country);
      return decideAuto(id, label, 'fit', v.allowed ? 'met' : 'unmet', v.why, { country: lead.country }, 'CRM: country');
    }
  }
}

interface SignalResult {
  id: string;
  label: string;
  met: boolean;
  count: number;
  minCount: number;
  eventIds: string[];
}

function evaluateSignal(signal: EngagementSignal, events: readonly EngagementEvent[], now: number): SignalResult {
  const since = signal.withinDays === undefined ? -Infinity : now - signal.withinDays * DAY_MS;
  const ids: string[] = [];
  for (const e of events) {
    if (e.occurredAt > now || e.occurredAt < since || e.likelyBot) continue;
    if (!signal.eventKinds.includes(e.kind)) continue;
    if (signal.titlePattern && !matchesPattern(signal.titlePattern, e.title)) continue;
    if (signal.urlPattern && !matchesPattern(signal.urlPattern, e.url)) continue;
    ids.push(e.id);
  }
  // Duplicate ids are the same event delivered twice; count it once.
  const eventIds = [...new Set(ids)].sort();
  return { id: signal.id, label: signal.label, met: eventIds.length >= signal.minCount, count: eventIds.length, minCount: signal.minCount, eventIds };
}

function evaluateEngagement(def: SqlDefinition, events: readonly EngagementEvent[], now: number): CriterionResult {
  const results = def.engagement.signals.map((s) => evaluateSignal(s, events, now));
  const hit = results.filter((r) => r.met);
  const describeWindow = (s: EngagementSignal) => (s.withinDays === undefined ? '' : ` in the last ${s.withinDays} days`);
  const evidence = { signals: results };
  if (hit.length) {
    const names = hit.map((r) => `${r.label} (${r.count} event${r.count === 1 ? '' : 's'})`).join('; ');
    return decideAuto('engagement', def.engagement.label, 'engagement', 'met', `Signal met: ${names}`, evidence, `Engagement: ${hit.map((r) => `${r.count} ${r.label.toLowerCase()}`).join(', ')}`);
  }
  const near = def.engagement.signals
    .map((s, i) => `${s.label}: ${results[i]!.count}/${s.minCount}${describeWindow(s)}`)
    .join('; ');
  return decideAuto('engagement', def.engagement.label, 'engagement', 'unmet', `No engagement signal met (${near})`, evidence, `Engagement: ${events.length} events`);
}

function evaluateDisqualifier(def: SqlDefinition, id: string, lead: Lead, budget: CriterionResult): CriterionResult {
  const label = DISQUALIFIER_LABELS[id]!;
  const d = def.disqualifiers;
  const judgeDomain = (patterns: readonly string[], what: string): CriterionResult => {
    const domain = emailDomain(lead.email);
    if (!domain) return decideAuto(id, label, 'disqualifier', 'unknown', 'No usable email address in the CRM');
    const match = findMatchingDomain(patterns, domain);
    return match
      ? decideAuto(id, label, 'disqualifier', 'unmet', `Email domain '${domain}' matches ${what} domain '${match}'`, { domain }, 'CRM: email')
      : decideAuto(id, label, 'disqualifier', 'met', `Email domain '${domain}' is not a ${what} domain`, { domain }, 'CRM: email');
  };
  switch (id) {
    case 'disq.competitor':
      return judgeDomain(d.competitorDomains, 'competitor');
    case 'disq.personal_email':
      return judgeDomain(d.personalEmailDomains, 'personal email');
    case 'disq.student':
      return judgeDomain(d.studentEmailDomains, 'student');
    case 'disq.below_minimum': {
      const min = def.bant.budget.minimum!;
      const minText = `${formatNumber(min.amount)} ${min.currency}`;
      const ev = budget.evidence as { amount?: unknown; currency?: unknown } | null;
      if (!ev || typeof ev.amount !== 'number' || typeof ev.currency !== 'string') {
        return decideAuto(id, label, 'disqualifier', 'unknown', `No budget amount yet to compare with the minimum ${minText}`);
      }
      const by = budget.decidedBy === 'rep' ? 'Rep' : 'Form';
      const stated = `${formatNumber(ev.amount)} ${ev.currency}`;
      // No exchange rates: a fixed rate table would make the answer depend on when it was loaded.
      if (ev.currency !== min.currency) return decideAuto(id, label, 'disqualifier', 'unknown', `${by} budget ${stated} is in a different currency from the minimum ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source);
      return ev.amount < min.amount
        ? decideAuto(id, label, 'disqualifier', 'unmet', `${by} budget ${stated} is below the minimum deal size ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source)
        : decideAuto(id, label, 'disqualifier', 'met', `${by} budget ${stated} meets the minimum deal size ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source);
    }
    default: {
      if (!lead.country) return decideAuto(id, label, 'disqualifier', 'unknown', 'No country in the CRM');
      const v = judgeCountry(def, lead.country);
      return decideAuto(id, label, 'disqualifier', v.allowed ? 'met' : 'unmet', v.why, { country: lead.country }, 'CRM: country');
    }
  }
}

/**
 * The rep's evidence replaces what the CRM says, but the shared definition still judges it: a rep
 * cannot call a 40k budget "met" under a 50k minimum, or a date a year out "met" under a 90-day
 * timeline. Otherwise the two teams would get different answers from the same definition.
 */
function checkRepConstraints(def: SqlDefinition, result: CriterionResult, now: number): CriterionResult {
  if (result.status !== 'met' || !result.evidence) return result;
  const ev = result.evidence;
  if (result.id === 'budget' && typeof ev.amount === 'number' && typeof ev.currency === 'string') {
    const min = def.bant.budget.minimum;
    if (min && min.currency === ev.currency && ev.amount < min.amount) {
      return { ...result, status: 'unmet', explanation: `Rep-stated budget ${formatNumber(ev.amount)} ${ev.currency} is below the minimum ${formatNumber(min.amount)} ${min.currency}` };
    }
  }
  if (result.id === 'timeline' && typeof ev.date === 'string' && def.bant.timeline.withinDays !== undefined) {
    const limit = toIsoDate(isoDateToEpoch(toIsoDate(now)) + def.bant.timeline.withinDays * DAY_MS);
    if (ev.date > limit) {
      return { ...result, status: 'unmet', explanation: `Rep-stated date ${ev.date} is beyond ${def.bant.timeline.withinDays} days (${limit})` };
    }
  }
  return result;
}

/**
 * Evaluates one lead against the definition. Pure and deterministic: "now" is a parameter,
 * event order does not matter, and every explanation is built without locale formatting.
 * Throws RepEvidenceError when the rep evidence is invalid (a "met" without the evidence asked for).
 */
export function evaluateDefinition(definition: SqlDefinition, input: EvaluationInput): Evaluation {
  const { lead, now } = input;
  const events = input.events ?? [];
  let rep: RepEvidence = {};
  if (input.repEvidence && Object.keys(input.repEvidence).length) {
    const parsed = repEvidenceSchema.safeParse(input.repEvidence);
    if (!parsed.success) throw new RepEvidenceError(parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('\n'));
    rep = parsed.data;
  }
  const answers = collectAnswers(lead, events, now);
  const results: CriterionResult[] = [];
  const withRep = (id: string, computed: () => CriterionResult): CriterionResult => {
    const entry = Object.prototype.hasOwnProperty.call(rep, id) ? rep[id] : undefined;
    if (!entry) return computed();
    const base = computed();
    return checkRepConstraints(definition, decideByRep(id, base.label, base.group, entry), now);
  };

  let budget: CriterionResult | undefined;
  for (const id of configuredCriterionIds(definition)) {
    let result: CriterionResult;
    if (id === 'budget') result = budget = withRep(id, () => evaluateBudget(definition, answers));
    else if (id === 'authority') result = withRep(id, () => evaluateAuthority(definition, lead));
    else if (id === 'need') result = withRep(id, () => evaluateNeed(definition, answers));
    else if (id === 'timeline') result = withRep(id, () => evaluateTimeline(definition, answers, now));
    else if (id.startsWith('fit.')) result = withRep(id, () => evaluateFit(definition, id, lead));
    else if (id === 'engagement') result = withRep(id, () => evaluateEngagement(definition, events, now));
    else result = withRep(id, () => evaluateDisqualifier(definition, id, lead, budget!));
    results.push(result);
  }
  return {
    definitionId: definition.id,
    definitionVersion: definition.version,
    evaluatedAt: now,
    criteria: results,
    verdict: decideVerdict(definition, results),
  };
}

/** Disqualifiers first (in definition order), then every required criterion must be met. */
export function decideVerdict(definition: SqlDefinition, criteria: readonly CriterionResult[]): Verdict {
  const fired = criteria.find((c) => c.group === 'disqualifier' && c.status === 'unmet');
  if (fired) return { kind: 'disqualified', rule: fired.id, reason: fired.explanation };
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const missing = definition.required.filter((id) => byId.get(id)?.status !== 'met');
  return missing.length ? { kind: 'not_yet', missing } : { kind: 'sales_qualified' };
}
