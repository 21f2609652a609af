/* One checklist line and how it is decided: by Baton from the data, or by the rep's evidence. */
import { formatNumber } from './match-rules';
import type { RepEvidenceEntry } from './rep-evidence';

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
  /** Where the decision came from: "Record: job title" (a field of the CRM record, named as a rep would), a form and its question, "Rep". */
  source?: string;
}

export function describeEvidence(entry: RepEvidenceEntry): string {
  const e = entry.evidence as Record<string, unknown> | undefined;
  if (!e) return 'no evidence given';
  if ('amount' in e) return `budget ${formatNumber(e.amount as number)} ${String(e.currency)}`;
  if ('name' in e) return `${String(e.name)} (${String(e.role)})`;
  if ('problem' in e) return `problem "${String(e.problem)}"`;
  if ('date' in e) return `date ${String(e.date)}`;
  return `note "${String(e.note)}"`;
}

export function decideByRep(id: string, label: string, group: CriterionGroup, entry: RepEvidenceEntry): CriterionResult {
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

export function decideAuto(id: string, label: string, group: CriterionGroup, status: CriterionStatus, explanation: string, evidence: Record<string, unknown> | null = null, source?: string): CriterionResult {
  return source === undefined
    ? { id, label, group, status, decidedBy: 'auto', evidence, explanation }
    : { id, label, group, status, decidedBy: 'auto', evidence, explanation, source };
}
