import { z } from 'zod';
import { engagementEventSchema } from '../engagement/engagement-event';
import type { EngagementEvent } from '../engagement/engagement-event';
import { leadSchema } from '../lead';
import type { Lead } from '../lead';
import { evaluateDefinition } from './evaluate-definition';
import type { Verdict } from './evaluate-definition';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';
import type { DefinitionVersion, SqlDefinition } from './sql-definition';

/**
 * "What if we had used this definition last quarter?" Replays past leads, each at the time it was
 * evaluated (so window rules see what was known then), and scores the verdicts against what
 * actually happened.
 */
export const leadOutcomeSchema = z.object({
  opportunityCreated: z.boolean(),
  /** Unset while an opportunity is still open: such leads are left out of the "won" scores. */
  won: z.boolean().optional(),
  amount: z.number().nonnegative().optional(),
});
export type LeadOutcome = z.infer<typeof leadOutcomeSchema>;

export const pastLeadSchema = z.object({
  lead: leadSchema,
  events: z.array(engagementEventSchema).default([]),
  repEvidence: repEvidenceSchema.optional(),
  outcome: leadOutcomeSchema,
  /** Epoch ms: the "now" to evaluate this lead at. */
  evaluatedAt: z.number().int(),
});
export interface PastLead {
  lead: Lead;
  events: readonly EngagementEvent[];
  repEvidence?: RepEvidence;
  outcome: LeadOutcome;
  evaluatedAt: number;
}

export interface ConfusionCounts {
  /** Passed and the outcome happened. */
  tp: number;
  /** Passed, the outcome did not happen. */
  fp: number;
  /** Did not pass, the outcome did not happen. */
  tn: number;
  /** Did not pass, the outcome happened anyway (the leads the definition would have lost). */
  fn: number;
}

export interface Scores {
  /** Leads scored (for "won": only leads whose outcome is settled). */
  n: number;
  confusion: ConfusionCounts;
  /** tp / (tp + fp); null when the definition passed no lead (undefined, not zero). */
  precision: number | null;
  /** tp / (tp + fn); null when no lead had the outcome. */
  recall: number | null;
}

export interface BacktestLeadResult {
  key: string;
  verdict: Verdict;
  passed: boolean;
  outcome: LeadOutcome;
}

export interface BacktestReport {
  definitionId: string;
  definitionVersion: DefinitionVersion;
  total: number;
  passed: number;
  notYet: number;
  disqualified: number;
  /** How often each disqualifier fired, by rule id (sorted). */
  disqualifiedBy: Record<string, number>;
  /** How often each criterion was missing in a "not yet", by id (sorted). */
  missingBy: Record<string, number>;
  opportunity: Scores;
  won: Scores;
  leads: BacktestLeadResult[];
}

/** A lead's identity across CRMs, used to line up two backtests. */
export function pastLeadKey(lead: Pick<Lead, 'ref'>): string {
  return `${lead.ref.crm}:${lead.ref.account}:${lead.ref.id}`;
}

function scorePairs(pairs: readonly { passed: boolean; actual: boolean }[]): Scores {
  const confusion: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const { passed, actual } of pairs) {
    if (passed && actual) confusion.tp++;
    else if (passed) confusion.fp++;
    else if (actual) confusion.fn++;
    else confusion.tn++;
  }
  const divide = (num: number, den: number) => (den === 0 ? null : roundTo4(num / den));
  return {
    n: pairs.length,
    confusion,
    precision: divide(confusion.tp, confusion.tp + confusion.fp),
    recall: divide(confusion.tp, confusion.tp + confusion.fn),
  };
}

// Four decimals: enough to compare versions, and the same digits on every machine.
function roundTo4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function sortCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether a lead's outcome counts as "won" (false when no opportunity; undefined while open). */
function readWon(outcome: LeadOutcome): boolean | undefined {
  if (!outcome.opportunityCreated) return false;
  return outcome.won;
}

export function backtestDefinition(definition: SqlDefinition, pastLeads: readonly PastLead[]): BacktestReport {
  const leads: BacktestLeadResult[] = [];
  const disqualifiedBy = new Map<string, number>();
  const missingBy = new Map<string, number>();
  let notYet = 0;
  let disqualified = 0;
  for (const past of pastLeads) {
    const { verdict } = evaluateDefinition(definition, {
      lead: past.lead,
      events: past.events,
      ...(past.repEvidence ? { repEvidence: past.repEvidence } : {}),
      now: past.evaluatedAt,
    });
    if (verdict.kind === 'disqualified') {
      disqualified++;
      disqualifiedBy.set(verdict.rule, (disqualifiedBy.get(verdict.rule) ?? 0) + 1);
    } else if (verdict.kind === 'not_yet') {
      notYet++;
      for (const id of verdict.missing) missingBy.set(id, (missingBy.get(id) ?? 0) + 1);
    }
    leads.push({ key: pastLeadKey(past.lead), verdict, passed: verdict.kind === 'sales_qualified', outcome: past.outcome });
  }
  const wonPairs = leads.flatMap((l) => {
    const won = readWon(l.outcome);
    return won === undefined ? [] : [{ passed: l.passed, actual: won }];
  });
  return {
    definitionId: definition.id,
    definitionVersion: definition.version,
    total: leads.length,
    passed: leads.filter((l) => l.passed).length,
    notYet,
    disqualified,
    disqualifiedBy: sortCounts(disqualifiedBy),
    missingBy: sortCounts(missingBy),
    opportunity: scorePairs(leads.map((l) => ({ passed: l.passed, actual: l.outcome.opportunityCreated }))),
    won: scorePairs(wonPairs),
    leads,
  };
}

export interface LeadFlip {
  key: string;
  from: Verdict['kind'];
  to: Verdict['kind'];
  /** Direction that matters to a reviewer: the lead now passes, or no longer passes. */
  change: 'now_passes' | 'no_longer_passes' | 'still_fails';
  outcome: LeadOutcome;
}

export interface BacktestComparison {
  base: Omit<BacktestReport, 'leads'>;
  candidate: Omit<BacktestReport, 'leads'>;
  /** Leads whose verdict kind differs between the two definitions, in input order. */
  flips: LeadFlip[];
  deltas: {
    passed: number;
    opportunityPrecision: number | null;
    opportunityRecall: number | null;
    wonPrecision: number | null;
    wonRecall: number | null;
  };
}

const subtractScores = (a: number | null, b: number | null) => (a === null || b === null ? null : roundTo4(b - a));

function dropLeads(report: BacktestReport): Omit<BacktestReport, 'leads'> {
  const { leads: _leads, ...rest } = report;
  return rest;
}

/** Backtests two definitions (e.g. v1 and a proposed v2) on the same leads and lists what changes. */
export function compareDefinitions(base: SqlDefinition, candidate: SqlDefinition, pastLeads: readonly PastLead[]): BacktestComparison {
  const a = backtestDefinition(base, pastLeads);
  const b = backtestDefinition(candidate, pastLeads);
  const flips: LeadFlip[] = [];
  a.leads.forEach((la, i) => {
    const lb = b.leads[i]!;
    if (la.verdict.kind === lb.verdict.kind) return;
    const change = lb.passed && !la.passed ? 'now_passes' : la.passed && !lb.passed ? 'no_longer_passes' : 'still_fails';
    flips.push({ key: la.key, from: la.verdict.kind, to: lb.verdict.kind, change, outcome: la.outcome });
  });
  return {
    base: dropLeads(a),
    candidate: dropLeads(b),
    flips,
    deltas: {
      passed: b.passed - a.passed,
      opportunityPrecision: subtractScores(a.opportunity.precision, b.opportunity.precision),
      opportunityRecall: subtractScores(a.opportunity.recall, b.opportunity.recall),
      wonPrecision: subtractScores(a.won.precision, b.won.precision),
      wonRecall: subtractScores(a.won.recall, b.won.recall),
    },
  };
}
