import type { CountRow, OutcomeRow } from '../../lib/domain/insights/insights-report';
import type { BarRow } from './bar-chart';
import type { Column } from './insight-table';
import { describeSource, formatCount, formatRate } from './insights-format';

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

export function outcomeColumns(first: string, label: (row: OutcomeRow) => string): Column<OutcomeRow>[] {
  return [
    { header: first, cell: label },
    { header: 'Handed off', cell: (r) => formatCount(r.handedOff), numeric: true },
    { header: 'Dispositioned', cell: (r) => formatCount(r.dispositioned), numeric: true },
    { header: 'Accepted', cell: (r) => formatCount(r.accepted), numeric: true },
    { header: 'Recycled', cell: (r) => formatCount(r.recycled), numeric: true },
    { header: 'Rejected', cell: (r) => formatCount(r.rejected), numeric: true },
    { header: 'Acceptance rate', cell: (r) => formatRate(r.acceptanceRate), numeric: true },
  ];
}

export const countColumns = (group: string, item: string, groupLabel: (row: CountRow) => string = (r) => r.groupLabel): Column<CountRow>[] => [
  { header: group, cell: groupLabel },
  { header: item, cell: (r) => r.label },
  { header: 'Leads', cell: (r) => formatCount(r.count), numeric: true },
];

export function countBars(rows: CountRow[], groupLabel: (row: CountRow) => string = (r) => r.groupLabel): BarRow[] {
  return [...rows].sort((a, b) => b.count - a.count).map((r) => ({ key: `${r.group}|${r.key}`, label: `${groupLabel(r)}: ${r.label}`, segments: [{ series: 'value', value: r.count }], note: formatCount(r.count) }));
}

/** A row keyed by source: "(no source)" and the like read as the unknown source. */
export const sourceLabel = (r: { key: string }) => describeSource(r.key.startsWith('(') ? null : r.key);
