import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import type { DrillDimension } from '../../lib/domain/insights/insight-drill';
import type { CountRow, OutcomeRow } from '../../lib/domain/insights/insights-report';
import type { BarRow } from './bar-chart';
import type { Column } from './insight-table';
import { describeSource, formatCount, formatRate, humanizeId } from './insights-format';

/*
 * Bars and table columns that several report sections share: outcomes (by campaign, source,
 * channel) and counts of reasons or objections (by campaign, source, channel).
 */

export const outcomeSeries = [
  { id: 'accepted', label: 'Accepted' },
  { id: 'recycled', label: 'Recycled' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'undecided', label: 'No disposition' },
];

export function outcomeBars(rows: OutcomeRow[], label: (row: OutcomeRow) => string): BarRow[] {
  return rows.map((row) => ({
    key: row.key,
    label: label(row),
    segments: [
      { series: 'accepted', value: row.accepted },
      { series: 'recycled', value: row.recycled },
      { series: 'rejected', value: row.rejected },
      { series: 'undecided', value: Math.max(0, row.handedOff - row.dispositioned) },
    ],
    note: row.acceptanceRate === null ? 'no dispositions' : `${formatRate(row.acceptanceRate)} accepted`,
  }));
}

/** "12 leads", "1 lead". */
export function leadsWord(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'lead' : 'leads'}`;
}

const OUTCOME_WORDS = { handed_off: 'handed off', dispositioned: 'with a disposition', accepted: 'accepted', recycled: 'recycled', rejected: 'rejected' } as const;

export function outcomeColumns(first: string, label: (row: OutcomeRow) => string, dimension: DrillDimension): Column<OutcomeRow>[] {
  const drill = (subset: keyof typeof OUTCOME_WORDS, count: (r: OutcomeRow) => number) => (r: OutcomeRow) => ({
    dimension,
    key: r.key,
    subset,
    title: `${label(r)}: ${leadsWord(count(r))} ${OUTCOME_WORDS[subset]}`,
  });
  return [
    { header: first, cell: label },
    { header: 'Handed off', cell: (r) => formatCount(r.handedOff), numeric: true, drill: drill('handed_off', (r) => r.handedOff) },
    { header: 'Dispositioned', cell: (r) => formatCount(r.dispositioned), numeric: true, drill: drill('dispositioned', (r) => r.dispositioned) },
    { header: 'Accepted', cell: (r) => formatCount(r.accepted), numeric: true, drill: drill('accepted', (r) => r.accepted) },
    { header: 'Recycled', cell: (r) => formatCount(r.recycled), numeric: true, drill: drill('recycled', (r) => r.recycled) },
    { header: 'Rejected', cell: (r) => formatCount(r.rejected), numeric: true, drill: drill('rejected', (r) => r.rejected) },
    { header: 'Acceptance rate', cell: (r) => formatRate(r.acceptanceRate), numeric: true },
  ];
}

const OBJECTION_LABELS = new Map(DEFAULT_DISPOSITION_REASONS.objectionTags.map((tag) => [tag.id, tag.label]));

/** An objection tag in words (the default list's label, else its id made readable). */
export function objectionLabel(id: string): string {
  return OBJECTION_LABELS.get(id) ?? humanizeId(id);
}

/** A reason or objection row's item in words: the label recorded with it, never a bare id. */
export function itemLabel(row: CountRow, kind: 'reason' | 'objection'): string {
  if (kind === 'objection') return objectionLabel(row.key);
  return row.label === row.key ? humanizeId(row.key) : row.label;
}

export const countColumns = (group: string, item: string, groupLabel: (row: CountRow) => string = (r) => r.groupLabel, drill?: { dimension: DrillDimension; kind: 'reason' | 'objection' }): Column<CountRow>[] => [
  { header: group, cell: groupLabel },
  { header: item, cell: (r) => itemLabel(r, drill?.kind ?? 'reason') },
  {
    header: 'Leads',
    cell: (r) => formatCount(r.count),
    numeric: true,
    ...(drill
      ? { drill: (r: CountRow) => ({ dimension: drill.dimension, key: r.group, subset: drill.kind, item: r.key, title: `${groupLabel(r)}: ${leadsWord(r.count)} — ${itemLabel(r, drill.kind)}` }) }
      : {}),
  },
];

export function countBars(rows: CountRow[], groupLabel: (row: CountRow) => string = (r) => r.groupLabel, kind: 'reason' | 'objection' = 'reason'): BarRow[] {
  return [...rows].sort((a, b) => b.count - a.count).map((r) => ({ key: `${r.group}|${r.key}`, label: `${groupLabel(r)}: ${itemLabel(r, kind)}`, segments: [{ series: 'value', value: r.count }], note: formatCount(r.count) }));
}

/** A row keyed by source: "(no source)" and the like read as the unknown source. */
export const sourceLabel = (r: { key: string }) => describeSource(r.key.startsWith('(') ? null : r.key);
