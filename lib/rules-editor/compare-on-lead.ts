import { evaluateDefinition, RepEvidenceError } from '../domain/qualification/evaluate-definition';
import type { CriterionResult, Evaluation, Verdict } from '../domain/qualification/evaluate-definition';
import type { EvaluatorInputs } from '../domain/qualification/qualification-inputs';
import { parseSqlDefinition } from '../domain/qualification/sql-definition';
import type { FieldError, SqlDefinition } from '../domain/qualification/sql-definition';

/**
 * "Test against a lead": the definition in force and the draft evaluated on one lead's inputs,
 * with the evaluator the panel runs, lined up criterion by criterion. Pure.
 */
export interface LeadComparisonRow {
  id: string;
  label: string;
  current: CriterionResult | null;
  draft: CriterionResult | null;
  /** The draft answers differently (status, or the criterion is new or gone). */
  changed: boolean;
}

export interface LeadComparison {
  current: Evaluation;
  /** Null when the draft is not a valid definition yet (see draftErrors). */
  draft: Evaluation | null;
  draftErrors: FieldError[];
  rows: LeadComparisonRow[];
  /** Set when the rep's recorded evidence does not fit a definition and was left out for it. */
  evidenceNotes: string[];
}

function evaluate(def: SqlDefinition, inputs: EvaluatorInputs, notes: string[], which: string): Evaluation {
  const base = { lead: inputs.lead, events: inputs.events, now: inputs.evaluatedAt };
  try {
    return evaluateDefinition(def, { ...base, repEvidence: inputs.repEvidence });
  } catch (err) {
    if (!(err instanceof RepEvidenceError)) throw err;
    notes.push(`The rep’s recorded evidence does not fit ${which} and was left out: ${err.message}`);
    return evaluateDefinition(def, base);
  }
}

export function compareOnLead(current: SqlDefinition, draft: unknown, inputs: EvaluatorInputs): LeadComparison {
  const notes: string[] = [];
  const now = evaluate(current, inputs, notes, 'the definition in force');
  const parsed = parseSqlDefinition(draft);
  const next = parsed.ok ? evaluate(parsed.value, inputs, notes, 'the draft') : null;
  const ids = [...now.criteria.map((c) => c.id), ...(next?.criteria ?? []).map((c) => c.id).filter((id) => !now.criteria.some((c) => c.id === id))];
  const rows = ids.map((id) => {
    const a = now.criteria.find((c) => c.id === id) ?? null;
    const b = next?.criteria.find((c) => c.id === id) ?? null;
    return { id, label: (b ?? a)!.label, current: a, draft: b, changed: next !== null && a?.status !== b?.status };
  });
  return { current: now, draft: next, draftErrors: parsed.ok ? [] : parsed.errors, rows, evidenceNotes: notes };
}

/** "Not yet: missing Budget, Timeline"; `labelOf` names a criterion id. */
export function describeVerdict(verdict: Verdict, labelOf: (id: string) => string): string {
  if (verdict.kind === 'sales_qualified') return 'Sales-qualified';
  if (verdict.kind === 'disqualified') return `Disqualified: ${verdict.reason}`;
  return `Not yet: missing ${verdict.missing.map(labelOf).join(', ')}`;
}
