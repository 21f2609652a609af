/**
 * `npm run rules -- backtest`: replays past leads with known outcomes through a definition (and,
 * with --compare, a second one) so a changed SQL definition is judged on evidence before it ships.
 */
import { extname } from 'node:path';
import { z } from 'zod';
import { backtestDefinition, compareDefinitions, pastLeadSchema } from '../../domain/qualification/backtest-definition';
import type { BacktestComparison, BacktestReport, PastLead, Scores } from '../../domain/qualification/backtest-definition';
import { parsePastLeadsCsv } from '../../domain/qualification/parse-past-leads-csv';
import { CRM_EXPORT_COLUMNS } from '../../crm/export-columns';
import { validateRepEvidence } from '../../domain/qualification/rep-evidence';
import type { SqlDefinition } from '../../domain/qualification/sql-definition';
import { cliEventsSchema, cliLeadSchema, instantSchema } from '../cli-input-schemas';
import { CliInputError, parseCommandArgs, formatTable, printJson, readJsonFile, readTextFile, runCommand, validateOrThrow } from '../cli-io';
import { loadDefinition } from './evaluate';

export const usage = `backtest [--definition def.json] [--compare other.json] leads.json|leads.csv [--leads] [--table]
  Scores a definition (the built-in default when --definition is omitted) against past leads with
  known outcomes: how many it would have passed, precision and recall against "opportunity
  created" and "won", and confusion counts. --compare backtests a second definition on the same
  leads and lists the leads that flip. JSON input: an array of { lead, events?, repEvidence?,
  outcome: { opportunityCreated, won?, amount? }, evaluatedAt } (evaluatedAt: epoch ms or ISO).
  CSV input: a CRM export with email, job_title, company, industry, employees, country, source,
  evaluated_at, opportunity_created, won, amount, budget_amount, budget_currency, ... columns
  (any case or spacing: "Job Title" works; so do a CRM's own export headers).
  --leads includes each lead's verdict in the JSON output.`;

/** A past lead as a person writes it: ISO or epoch-ms times, optional fields left out. */
const cliPastLeadSchema = pastLeadSchema.extend({ lead: cliLeadSchema, events: cliEventsSchema.default([]), evaluatedAt: instantSchema });
const pastLeadsJsonSchema = z.union([z.array(cliPastLeadSchema), z.object({ leads: z.array(cliPastLeadSchema) }).transform((o) => o.leads)]);

function loadPastLeads(path: string, definitions: readonly SqlDefinition[]): PastLead[] {
  let leads: PastLead[];
  if (extname(path).toLowerCase() === '.csv') {
    const result = parsePastLeadsCsv(readTextFile(path), CRM_EXPORT_COLUMNS);
    if (result.errors.length) {
      throw new CliInputError(result.errors.map((e) => `${path}: row ${e.row}, column ${e.column}: ${e.message}`).join('\n'));
    }
    leads = result.leads;
    // Said, not refused: a raw export has many columns the backtest does not need.
    if (result.unknownColumns.length) process.stderr.write(`${path}: columns not read: ${result.unknownColumns.map((c) => `"${c}"`).join(', ')}\n`);
  } else {
    const raw = readJsonFile(path);
    // Report issues against the array form, which is what the usage documents.
    leads = validateOrThrow(path, Array.isArray(raw) ? z.array(cliPastLeadSchema) : pastLeadsJsonSchema, raw);
  }
  if (leads.length === 0) throw new CliInputError(`${path}: no leads to backtest`);
  // Rep evidence must name criteria the definitions know, or the backtest would silently ignore it.
  leads.forEach((l, i) => {
    if (!l.repEvidence) return;
    for (const def of definitions) {
      const checked = validateRepEvidence(def, l.repEvidence);
      if (!checked.ok) throw new CliInputError(checked.errors.map((e) => `${path}: ${i}.repEvidence.${e.path}: ${e.message}`).join('\n'));
    }
  });
  return leads;
}

const formatPercent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const formatPointDelta = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pts`);

function scoreRows(prefix: string, s: Scores): string[][] {
  return [
    [`${prefix} precision`, formatPercent(s.precision)],
    [`${prefix} recall`, formatPercent(s.recall)],
    [`${prefix} tp/fp/tn/fn`, `${s.confusion.tp}/${s.confusion.fp}/${s.confusion.tn}/${s.confusion.fn}`],
  ];
}

function summaryRows(r: Omit<BacktestReport, 'leads'>): string[][] {
  return [
    ['leads', String(r.total)],
    ['passed (sales-qualified)', String(r.passed)],
    ['not yet', String(r.notYet)],
    ['disqualified', String(r.disqualified)],
    ...scoreRows('opportunity', r.opportunity),
    ...scoreRows(`won (n=${r.won.n})`, r.won),
  ];
}

function renderReport(r: BacktestReport): string {
  const extra = [
    ...Object.entries(r.disqualifiedBy).map(([id, n]) => [`disqualified by ${id}`, String(n)]),
    ...Object.entries(r.missingBy).map(([id, n]) => [`missing ${id}`, String(n)]),
  ];
  return `Backtest of ${r.definitionId} v${String(r.definitionVersion)}\n\n${formatTable(['measure', 'value'], [...summaryRows(r), ...extra])}\n`;
}

function renderComparison(c: BacktestComparison): string {
  const a = summaryRows(c.base);
  const b = summaryRows(c.candidate);
  const rows = a.map((row, i) => [row[0]!, row[1]!, b[i]![1]!]);
  const deltas = [
    ['passed', String(c.deltas.passed)],
    ['opportunity precision', formatPointDelta(c.deltas.opportunityPrecision)],
    ['opportunity recall', formatPointDelta(c.deltas.opportunityRecall)],
    ['won precision', formatPointDelta(c.deltas.wonPrecision)],
    ['won recall', formatPointDelta(c.deltas.wonRecall)],
  ];
  const flips = c.flips.map((f) => [f.key, f.from, f.to, f.change, f.outcome.opportunityCreated ? 'yes' : 'no', f.outcome.won === undefined ? '' : f.outcome.won ? 'yes' : 'no']);
  return [
    `Backtest: ${c.base.definitionId} v${String(c.base.definitionVersion)} vs ${c.candidate.definitionId} v${String(c.candidate.definitionVersion)}`,
    '',
    formatTable(['measure', `v${String(c.base.definitionVersion)}`, `v${String(c.candidate.definitionVersion)}`], rows),
    '',
    formatTable(['change', 'delta'], deltas),
    '',
    c.flips.length ? `${c.flips.length} lead(s) flip:\n\n${formatTable(['lead', 'from', 'to', 'change', 'opportunity', 'won'], flips)}` : 'No lead flips.',
    '',
  ].join('\n');
}

export async function run(args: string[]): Promise<number> {
  return runCommand('backtest', () => {
    const { values, positionals } = parseCommandArgs(
      {
      args,
      allowPositionals: true,
      options: {
        definition: { type: 'string' },
        compare: { type: 'string' },
        leads: { type: 'boolean', default: false },
        table: { type: 'boolean', default: false },
      },
      },
      usage,
    );
    if (positionals.length !== 1) throw new CliInputError(`expected exactly one leads file (.json or .csv), got ${positionals.length}\n\nUsage: npm run rules -- ${usage}`);
    const base = loadDefinition(values.definition);
    const candidate = values.compare === undefined ? undefined : loadDefinition(values.compare);
    const leads = loadPastLeads(positionals[0]!, candidate ? [base, candidate] : [base]);

    if (candidate) {
      const comparison = compareDefinitions(base, candidate, leads);
      if (values.table) process.stdout.write(renderComparison(comparison));
      else printJson(comparison);
      return 0;
    }
    const report = backtestDefinition(base, leads);
    if (values.table) process.stdout.write(renderReport(report));
    else if (values.leads) printJson(report);
    else {
      const { leads: _leads, ...summary } = report;
      printJson(summary);
    }
    return 0;
  });
}
