import type { EngagementEvent } from '../engagement/engagement-event';
import type { Lead } from '../lead';
import { leadDisplayName } from '../lead';
import { DAY_MS, findPatternMatch, formatNumber, isoDateToEpoch, matchesPattern, normalizeLabel, toIsoDate } from './match-rules';
import { ANSWER_KIND_LABELS, classifyAnswer } from './classify-answer';
import type { AnswerKind } from './classify-answer';
import { SENIORITY_LABELS, classifyTitle } from './classify-title';
import { parseBudgetAnswer, parseTimelineAnswer } from './parse-form-answer';
import type { ParsedBudget, ParsedTimeline } from './parse-form-answer';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';
import type { DefinitionVersion, EngagementSignal, SqlDefinition } from './sql-definition';

import { decideAuto, decideByRep, type CriterionGroup, type CriterionResult, type CriterionStatus } from './criterion-result';
import { acceptedSeniority, compileDefinition, FUNCTION_LABELS, type CompiledDefinition } from './compile-definition';
import { collectAnswers, misread, pickAnswer, pickAnswerByMeaning, type AnswerFound } from './form-answers';
import { evaluateDisqualifier } from './evaluate-disqualifier';
import { judgeCountry } from './judge-country';

export type { CriterionGroup, CriterionResult, CriterionStatus } from './criterion-result';

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

const FIT_LABELS: Record<string, string> = {
  'fit.employees': 'Company size in range',
  'fit.industry': 'Industry we serve',
  'fit.title': 'Title or function we sell to',
  'fit.country': 'Country we sell to',
};

function evaluateBudget(def: SqlDefinition, answers: readonly AnswerFound[]): CriterionResult {
  const rule = def.bant.budget;
  const parse = (a: AnswerFound) => parseBudgetAnswer(a.answer, rule.defaultCurrency);
  const picked =
    pickAnswer<ParsedBudget>(answers, rule.formQuestionPattern, parse, (p) => p.kind !== 'unreadable') ??
    (rule.formQuestionPattern ? pickAnswerByMeaning<ParsedBudget>(answers, 'budget', [def.bant.timeline.formQuestionPattern], parse, (p) => p.kind === 'amount') : undefined);
  if (!picked) {
    return decideAuto('budget', rule.label, 'bant', 'unknown', rule.formQuestionPattern ? 'No form answer states a budget; the rep must record an amount and currency' : 'Budget is decided by the rep: record an amount and currency');
  }
  const { found, parsed } = picked;
  const source = found.origin;
  if (parsed.kind === 'none') return decideAuto('budget', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" states no budget`, null, source);
  if (parsed.kind === 'unreadable') {
    const kind = classifyAnswer(found.answer);
    const why = kind === 'budget' || kind === 'problem' || kind === 'other' ? parsed.why : `the answer ${misread(kind)}`;
    return decideAuto('budget', rule.label, 'bant', 'unknown', `Form answer "${found.answer}" does not give a budget (${why})`, null, source);
  }
  const evidence = { amount: parsed.amount, currency: parsed.currency };
  const stated = `${formatNumber(parsed.amount)} ${parsed.currency}`;
  const min = rule.minimum;
  if (min && min.currency === parsed.currency && parsed.amount < min.amount) {
    return decideAuto('budget', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" reads as ${stated}, below the minimum ${formatNumber(min.amount)} ${min.currency}`, evidence, source);
  }
  return decideAuto('budget', rule.label, 'bant', 'met', `Form answer "${found.answer}" reads as ${stated}`, evidence, source);
}

function evaluateAuthority(def: SqlDefinition, compiled: CompiledDefinition, lead: Lead): CriterionResult {
  const rule = def.bant.authority;
  if (!lead.jobTitle) return decideAuto('authority', rule.label, 'bant', 'unknown', 'No job title in the CRM; the rep must name the decision maker and their role');
  const evidence = { name: leadDisplayName(lead), role: lead.jobTitle };
  const reading = compiled.authoritySeniorities.size ? classifyTitle(lead.jobTitle) : undefined;
  // "Assistant to the CEO" names a CEO but is not one; a student is never the buyer.
  const student = reading?.seniorities.includes('student') ?? false;
  const seniority = reading && !student ? acceptedSeniority(reading, compiled.authoritySeniorities, compiled.authorityFunctions) : undefined;
  if (seniority && reading) {
    return decideAuto('authority', rule.label, 'bant', 'met', `Title '${lead.jobTitle}' names a decision-maker role ("${reading.matched ?? lead.jobTitle}")`, evidence, 'Record: job title');
  }
  const match = student ? undefined : findPatternMatch(rule.decisionMakerTitlePatterns, lead.jobTitle);
  if (match) {
    return decideAuto('authority', rule.label, 'bant', 'met', `Title '${lead.jobTitle}' names a decision-maker role ("${match.matched}")`, evidence, 'Record: job title');
  }
  const read = reading ? ` (reads as ${reading.seniorities.map((s) => SENIORITY_LABELS[s]).join(', ')}${reading.functions.length ? `, ${reading.functions.map((f) => FUNCTION_LABELS[f]).join(', ')}` : ''})` : '';
  // Not the decision maker themself does not mean there is none: the rep still has to find out.
  return decideAuto('authority', rule.label, 'bant', 'unknown', `Title '${lead.jobTitle}' names no decision-maker role${read}; the rep must name the decision maker`, null, 'Record: job title');
}

/** A free-text answer to another question ("Message") still states the problem when it reads as one. */
const MIN_WORDS_OUTSIDE_THE_NEED_QUESTION = 3;

function evaluateNeed(def: SqlDefinition, answers: readonly AnswerFound[]): CriterionResult {
  const rule = def.bant.need;
  if (!rule.formQuestionPattern) return decideAuto('need', rule.label, 'bant', 'unknown', 'Need is decided by the rep: record the stated problem');
  let notAProblem: { found: AnswerFound; kind: AnswerKind } | undefined;
  for (const a of answers) {
    if (a.answer.trim() === '' || !matchesPattern(rule.formQuestionPattern, a.question)) continue;
    const kind = classifyAnswer(a.answer);
    if (kind === 'problem') return decideAuto('need', rule.label, 'bant', 'met', `Form answer states the problem: "${a.answer.trim()}"`, { problem: a.answer.trim() }, a.origin);
    notAProblem ??= { found: a, kind };
  }
  // Answers to questions about budget or timeline are those, whatever they say.
  const elsewhere = [def.bant.budget.formQuestionPattern, def.bant.timeline.formQuestionPattern].filter((p): p is string => p !== undefined);
  for (const a of answers) {
    if (a.answer.trim() === '' || matchesPattern(rule.formQuestionPattern, a.question) || elsewhere.some((p) => matchesPattern(p, a.question))) continue;
    if (a.answer.trim().split(/\s+/).length < MIN_WORDS_OUTSIDE_THE_NEED_QUESTION || classifyAnswer(a.answer) !== 'problem') continue;
    return decideAuto('need', rule.label, 'bant', 'met', `Form answer to "${a.question}" states the problem: "${a.answer.trim()}"`, { problem: a.answer.trim() }, a.origin);
  }
  if (notAProblem) {
    const { found, kind } = notAProblem;
    return decideAuto('need', rule.label, 'bant', 'unknown', `Form answer "${found.answer.trim()}" ${kind === 'nothing' ? 'states nothing' : `is ${ANSWER_KIND_LABELS[kind]}, not a problem`}; the rep must record the problem`, null, found.origin);
  }
  return decideAuto('need', rule.label, 'bant', 'unknown', 'No form answer states a problem; the rep must record it');
}

function evaluateTimeline(def: SqlDefinition, answers: readonly AnswerFound[], now: number): CriterionResult {
  const rule = def.bant.timeline;
  const parse = (a: AnswerFound) => parseTimelineAnswer(a.answer, a.answeredAt);
  const picked =
    pickAnswer<ParsedTimeline>(answers, rule.formQuestionPattern, parse, (p) => p.kind !== 'unreadable') ??
    (rule.formQuestionPattern ? pickAnswerByMeaning<ParsedTimeline>(answers, 'timeline', [def.bant.budget.formQuestionPattern], parse, (p) => p.kind === 'date') : undefined);
  if (!picked) return decideAuto('timeline', rule.label, 'bant', 'unknown', rule.formQuestionPattern ? 'No form answer gives a timeline; the rep must record a date' : 'Timeline is decided by the rep: record a date');
  const { found, parsed } = picked;
  if (parsed.kind === 'none') return decideAuto('timeline', rule.label, 'bant', 'unmet', `Form answer "${found.answer}" states no buying timeline`, null, found.origin);
  if (parsed.kind === 'unreadable') {
    const kind = classifyAnswer(found.answer);
    const why = kind === 'timeline' || kind === 'problem' || kind === 'other' ? parsed.why : `the answer ${misread(kind)}`;
    return decideAuto('timeline', rule.label, 'bant', 'unknown', `Form answer "${found.answer}" gives no date (${why})`, null, found.origin);
  }
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

function evaluateFit(def: SqlDefinition, compiled: CompiledDefinition, id: string, lead: Lead): CriterionResult {
  const label = FIT_LABELS[id]!;
  const fit = def.fit;
  switch (id) {
    case 'fit.employees': {
      const range = fit.employees!;
      const wanted = `${range.min === undefined ? '' : formatNumber(range.min)}–${range.max === undefined ? '' : formatNumber(range.max)}`;
      if (lead.employees === null) return decideAuto(id, label, 'fit', 'unknown', `No employee count in the CRM (wanted ${wanted})`);
      const ok = (range.min === undefined || lead.employees >= range.min) && (range.max === undefined || lead.employees <= range.max);
      return decideAuto(id, label, 'fit', ok ? 'met' : 'unmet', `${formatNumber(lead.employees)} employees is ${ok ? 'within' : 'outside'} ${wanted}`, { employees: lead.employees }, 'Record: number of employees');
    }
    case 'fit.industry': {
      if (!lead.industry) return decideAuto(id, label, 'fit', 'unknown', 'No industry in the CRM');
      const norm = normalizeLabel(lead.industry);
      const match = fit.industries!.find((i) => normalizeLabel(i) === norm);
      return match
        ? decideAuto(id, label, 'fit', 'met', `Industry '${lead.industry}' is on the list ('${match}')`, { industry: lead.industry }, 'Record: industry')
        : decideAuto(id, label, 'fit', 'unmet', `Industry '${lead.industry}' is not on the list`, { industry: lead.industry }, 'Record: industry');
    }
    case 'fit.title': {
      if (!lead.jobTitle) return decideAuto(id, label, 'fit', 'unknown', 'No job title in the CRM');
      const match = fit.titlePatterns ? findPatternMatch(fit.titlePatterns, lead.jobTitle) : undefined;
      if (!match && (compiled.fitSeniorities.size || compiled.fitFunctions.size)) {
        const reading = classifyTitle(lead.jobTitle);
        const seniority = reading.seniorities.find((s) => compiled.fitSeniorities.has(s));
        const fn = reading.functions.find((f) => compiled.fitFunctions.has(f));
        if (seniority || fn) {
          const what = seniority ? `${SENIORITY_LABELS[seniority]}: "${reading.matched ?? lead.jobTitle}"` : `${FUNCTION_LABELS[fn!]}`;
          return decideAuto(id, label, 'fit', 'met', `Title '${lead.jobTitle}' is a role we sell to (${what})`, { jobTitle: lead.jobTitle }, 'Record: job title');
        }
      }
      return match
        ? decideAuto(id, label, 'fit', 'met', `Title '${lead.jobTitle}' is a role we sell to ("${match.matched}")`, { jobTitle: lead.jobTitle }, 'Record: job title')
        : decideAuto(id, label, 'fit', 'unmet', `Title '${lead.jobTitle}' is none of the titles or functions we sell to`, { jobTitle: lead.jobTitle }, 'Record: job title');
    }
    default: {
      if (!lead.country) return decideAuto(id, label, 'fit', 'unknown', 'No country in the CRM');
      const v = judgeCountry(def, lead.country);
      return decideAuto(id, label, 'fit', v.allowed ? 'met' : 'unmet', v.why, { country: lead.country }, 'Record: country');
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

/** A website given on a form ("Company website: https://www.pipewise.com/about"), as a bare domain. */
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

  const compiled = compileDefinition(definition);
  let budget: CriterionResult | undefined;
  for (const id of compiled.criterionIds) {
    let result: CriterionResult;
    if (id === 'budget') result = budget = withRep(id, () => evaluateBudget(definition, answers));
    else if (id === 'authority') result = withRep(id, () => evaluateAuthority(definition, compiled, lead));
    else if (id === 'need') result = withRep(id, () => evaluateNeed(definition, answers));
    else if (id === 'timeline') result = withRep(id, () => evaluateTimeline(definition, answers, now));
    else if (id.startsWith('fit.')) result = withRep(id, () => evaluateFit(definition, compiled, id, lead));
    else if (id === 'engagement') result = withRep(id, () => evaluateEngagement(definition, events, now));
    else result = withRep(id, () => evaluateDisqualifier(definition, compiled, id, lead, budget!, answers));
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
