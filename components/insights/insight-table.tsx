import { downloadTextFile } from '../options/download-text-file';
import type { DrillInput } from '../../lib/domain/insights/insight-drill';
import { DrillButton } from './drill-context';
import { plainLabel } from './insights-format';
import { toCsv } from './to-csv';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  numeric?: boolean;
  /** The leads behind this cell's count (a button opens them); null: not a count of leads. */
  drill?: (row: Row) => Omit<DrillInput, 'title'> & { title: string } | null;
}

/**
 * A table with its CSV export: both built from the same formatted cells, so the file is what is
 * shown. Folded under its chart (a disclosure): the chart is the finding, the table the evidence.
 */
export function InsightTable<Row>({ caption, columns, rows, fileName, rowKey, open = false }: { caption: string; columns: Column<Row>[]; rows: Row[]; fileName: string; rowKey: (row: Row) => string; open?: boolean }) {
  const cells = rows.map((row) => columns.map((column) => plainLabel(column.cell(row))));
  const exportCsv = () => downloadTextFile(`${fileName}.csv`, toCsv(columns.map((c) => c.header), cells), 'text/csv;charset=utf-8');
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-3">
      <details className="group min-w-0 flex-1" open={open}>
        <summary className="inline-flex cursor-pointer items-center gap-1 rounded px-1 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">▸</span>
          {`Table: ${caption} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`}
        </summary>
      <div className="mt-1 overflow-x-auto">
        <table className="w-full border-collapse text-left text-xs" data-table={fileName}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              {columns.map((column) => (
                <th key={column.header} scope="col" className={`px-2 py-1 font-semibold text-slate-700 ${column.numeric ? 'text-right' : ''}`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((row, index) => (
              <tr key={rowKey(rows[index] as Row)} className="border-b border-slate-100">
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 font-normal text-slate-800">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={`px-2 py-1 text-slate-800 ${columns[i]?.numeric ? 'text-right tabular-nums' : ''}`}>
                      <DrillCell drill={columns[i]?.drill?.(rows[index] as Row) ?? null} text={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </details>
      <button type="button" onClick={exportCsv} className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700" aria-label={`Export CSV: ${caption}`}>
        Export CSV
      </button>
    </div>
  );
}

/** A count that opens the leads behind it (zero opens nothing: there is nothing to list). */
function DrillCell({ drill, text }: { drill: (Omit<DrillInput, 'title'> & { title: string }) | null; text: string }) {
  if (!drill || text === '0' || text === '—') return <>{text}</>;
  return <DrillButton drill={drill}>{text}</DrillButton>;
}

export function InsightSection({ id, title, description, empty, children }: { id: string; title: string; description?: string; empty?: string | null; children: React.ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-section={id}>
      <h2 id={headingId} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
      {empty ? <p className="mt-3 rounded bg-slate-50 px-3 py-2 text-xs text-slate-700">{empty}</p> : <div className="mt-3">{children}</div>}
    </section>
  );
}
