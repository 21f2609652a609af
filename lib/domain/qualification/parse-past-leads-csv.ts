import type { EngagementEvent } from '../engagement/engagement-event';
import type { Lead } from '../lead';
import type { CrmKind } from '../lead';
import type { PastLead } from './backtest-definition';
import { DAY_MS } from './match-rules';
import { parseCsv, CsvParseError } from './parse-csv';
import { pastLeadColumnMatcher } from './past-lead-columns';
import type { PastLeadColumnAliases, PastLeadCsvColumn } from './past-lead-columns';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';

/**
 * Turns a CRM export of past leads into backtest input. Columns are Baton's own (job_title,
 * employees, evaluated_at, ... see past-lead-columns.ts), written any way a person writes them;
 * a CRM's own export headers come in as `exportColumns` from the caller, so a raw export works
 * without editing its header. Columns Baton does not read are listed, not refused. Errors name a
 * column as the file wrote it (Baton's name when the file lacks it). Engagement arrives as counts,
 * which become synthetic events (a "/pricing" page view, a "Demo request" form, a "Content
 * download") dated one day before `evaluated_at`, so the definition's signal rules can score them.
 */
export interface CsvRowError {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** The column as the file's header wrote it, "(row)" or "(header)" for the row or header as a whole. */
  column: string;
  message: string;
}

export interface PastLeadsCsvResult {
  leads: PastLead[];
  errors: CsvRowError[];
  /** Headers Baton does not read, as the file wrote them (a misspelt column shows up here). */
  unknownColumns: string[];
}

export { PAST_LEAD_CSV_COLUMNS } from './past-lead-columns';

const REQUIRED = ['evaluated_at', 'opportunity_created'] as const;

/** The column each rep-evidence criterion is read from, to name it in an error. */
const CRITERION_COLUMN: Readonly<Record<string, PastLeadCsvColumn>> = {
  budget: 'budget_amount',
  authority: 'authority_name',
  need: 'need',
  timeline: 'timeline_date',
};

function parseBool(text: string): boolean | undefined | 'invalid' {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (['true', 'yes', 'y', '1'].includes(t)) return true;
  if (['false', 'no', 'n', '0'].includes(t)) return false;
  return 'invalid';
}

function parseNumber(text: string): number | undefined | 'invalid' {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

/** A size band as CRMs export it, "51-200", reads as its lower bound; "10000+" as 10000. */
function parseEmployees(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const m = /^(\d+)\s*(?:[-–]\s*\d+|\+)?$/.exec(t);
  return m ? Number(m[1]) : 'invalid';
}

function parseInstant(text: string): number | undefined | 'invalid' {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Date.parse(`${t}T00:00:00Z`);
  // Only explicit offsets: a date-time without a zone would depend on the machine's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return 'invalid';
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

function synthesizeEvents(key: string, at: number, pricing: number, demo: boolean, downloads: number): EngagementEvent[] {
  const day = at - DAY_MS;
  const events: EngagementEvent[] = [];
  for (let i = 0; i < pricing; i++) events.push({ id: `${key}:pricing:${i}`, kind: 'page_view', occurredAt: day, source: 'csv', url: 'https://csv.invalid/pricing', title: 'Pricing' });
  if (demo) events.push({ id: `${key}:demo`, kind: 'form_submission', occurredAt: day, source: 'csv', title: 'Demo request' });
  for (let i = 0; i < downloads; i++) events.push({ id: `${key}:download:${i}`, kind: 'content_download', occurredAt: day, source: 'csv', title: 'Content download' });
  return events;
}

/** Where each Baton column is in the file, and the words the file used for it. */
interface HeaderColumns {
  indexOf: Map<PastLeadCsvColumn, number>;
  /** The column as the file wrote it, or Baton's own name when the file has none. */
  named: (column: PastLeadCsvColumn) => string;
  unknownColumns: string[];
}

function readHeader(header: readonly string[], exportColumns: PastLeadColumnAliases): HeaderColumns | CsvRowError {
  const columnOf = pastLeadColumnMatcher(exportColumns);
  const indexOf = new Map<PastLeadCsvColumn, number>();
  const unknownColumns: string[] = [];
  for (const [i, raw] of header.entries()) {
    const written = raw.trim();
    if (written === '') continue;
    const column = columnOf(written);
    if (column === null) {
      unknownColumns.push(written);
      continue;
    }
    const earlier = indexOf.get(column);
    if (earlier !== undefined) {
      const first = header[earlier]!.trim();
      const message = first === written ? `column "${written}" appears twice` : `columns "${first}" and "${written}" both read as ${column}: keep one`;
      return { row: 1, column: written, message };
    }
    indexOf.set(column, i);
  }
  const named = (column: PastLeadCsvColumn): string => {
    const i = indexOf.get(column);
    return i === undefined ? column : header[i]!.trim();
  };
  return { indexOf, named, unknownColumns };
}

/** "(columns Baton does not read: "Evaluated", "Opp Created")", to spot a misspelt required column. */
function describeUnknown(unknownColumns: readonly string[]): string {
  if (unknownColumns.length === 0) return '';
  const shown = unknownColumns.slice(0, 10).map((c) => `"${c}"`).join(', ');
  const more = unknownColumns.length > 10 ? ` and ${unknownColumns.length - 10} more` : '';
  return ` (columns Baton does not read: ${shown}${more})`;
}

/**
 * `exportColumns`: the export headers of the CRMs the file may come from (lib/crm/export-columns.ts
 * has every provider's), mapped to Baton's columns.
 */
export function parsePastLeadsCsv(text: string, exportColumns: PastLeadColumnAliases = {}): PastLeadsCsvResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvParseError) return { leads: [], errors: [{ row: err.record, column: '(row)', message: err.message }], unknownColumns: [] };
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) return { leads: [], errors: [{ row: 1, column: '(header)', message: 'the file is empty: expected a header row' }], unknownColumns: [] };
  const columns = readHeader(header, exportColumns);
  if ('message' in columns) return { leads: [], errors: [columns], unknownColumns: [] };
  const { indexOf, named, unknownColumns } = columns;
  const missing = REQUIRED.filter((c) => !indexOf.has(c));
  if (missing.length) {
    const hint = describeUnknown(unknownColumns);
    return { leads: [], errors: missing.map((c) => ({ row: 1, column: c, message: `missing required column "${c}"${hint}` })), unknownColumns };
  }
  const leads: PastLead[] = [];
  const errors: CsvRowError[] = [];
  rows.forEach((fields, index) => {
    const row = index + 2;
    if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
    if (fields.length !== header.length) {
      errors.push({ row, column: '(row)', message: `has ${fields.length} fields, the header has ${header.length}` });
      return;
    }
    const get = (c: PastLeadCsvColumn): string => {
      const i = indexOf.get(c);
      return i === undefined ? '' : fields[i]!.trim();
    };
    const text = (c: PastLeadCsvColumn): string | null => get(c) || null;
    const rowErrors: CsvRowError[] = [];
    const fail = (column: PastLeadCsvColumn, message: string) => rowErrors.push({ row, column: named(column), message });
    const num = (c: PastLeadCsvColumn): number | undefined => {
      const v = parseNumber(get(c));
      if (v === 'invalid') fail(c, `"${get(c)}" is not a number`);
      return v === 'invalid' ? undefined : v;
    };
    const bool = (c: PastLeadCsvColumn): boolean | undefined => {
      const v = parseBool(get(c));
      if (v === 'invalid') fail(c, `"${get(c)}" is not a yes/no value (true/false, yes/no, 1/0)`);
      return v === 'invalid' ? undefined : v;
    };
    const count = (c: PastLeadCsvColumn): number => {
      const v = num(c);
      if (v !== undefined && (!Number.isInteger(v) || v < 0)) fail(c, `"${get(c)}" is not a whole number >= 0`);
      return v !== undefined && Number.isInteger(v) && v >= 0 ? Math.min(v, 1000) : 0;
    };

    const evaluatedAt = parseInstant(get('evaluated_at'));
    if (evaluatedAt === undefined) fail('evaluated_at', 'required: the date the lead was handed to sales (YYYY-MM-DD or ISO date-time with offset)');
    if (evaluatedAt === 'invalid') fail('evaluated_at', `"${get('evaluated_at')}" is not YYYY-MM-DD or an ISO date-time with an offset`);
    const opportunityCreated = bool('opportunity_created');
    if (opportunityCreated === undefined && parseBool(get('opportunity_created')) !== 'invalid') fail('opportunity_created', 'required: true or false');
    const won = bool('won');
    if (won === true && opportunityCreated === false) fail('won', 'a lead cannot be won without an opportunity');
    const amount = num('amount');
    const employees = parseEmployees(get('employees'));
    if (employees === 'invalid') fail('employees', `"${get('employees')}" is not a number or a range like "51-200"`);
    // Any CRM's kind (the registry lives outside the domain); it only names where a lead came from.
    const crm = (get('crm') || 'sandbox').toLowerCase();
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(crm)) fail('crm', `"${get('crm')}" is not a CRM name (letters, digits and dashes)`);

    const rep: Record<string, unknown> = {};
    const budgetAmount = num('budget_amount');
    const budgetCurrency = get('budget_currency').toUpperCase();
    if (budgetAmount !== undefined || budgetCurrency) {
      if (budgetAmount === undefined) fail('budget_amount', `${named('budget_currency')} is set without an amount`);
      else if (!/^[A-Z]{3}$/.test(budgetCurrency)) fail('budget_currency', `"${get('budget_currency')}" is not a 3-letter currency code (needed with ${named('budget_amount')})`);
      else rep.budget = { status: 'met', evidence: { amount: budgetAmount, currency: budgetCurrency } };
    }
    if (get('authority_name') || get('authority_role')) {
      if (!get('authority_name') || !get('authority_role')) fail(get('authority_name') ? 'authority_role' : 'authority_name', 'authority needs both a name and a role');
      else rep.authority = { status: 'met', evidence: { name: get('authority_name'), role: get('authority_role') } };
    }
    if (get('need')) rep.need = { status: 'met', evidence: { problem: get('need') } };
    if (get('timeline_date')) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(get('timeline_date'))) fail('timeline_date', `"${get('timeline_date')}" is not YYYY-MM-DD`);
      else rep.timeline = { status: 'met', evidence: { date: get('timeline_date') } };
    }
    const parsedRep = repEvidenceSchema.safeParse(rep);
    if (!parsedRep.success) {
      for (const issue of parsedRep.error.issues) {
        const column = CRITERION_COLUMN[String(issue.path[0])];
        rowErrors.push({ row, column: column ? named(column) : '(row)', message: issue.message });
      }
    }

    const pricing = count('pricing_page_visits');
    const demo = bool('demo_requested') ?? false;
    const downloads = count('content_downloads');

    if (rowErrors.length || typeof evaluatedAt !== 'number' || opportunityCreated === undefined || employees === 'invalid') {
      errors.push(...rowErrors);
      return;
    }
    const id = get('id') || `row-${row}`;
    const lead: Lead = {
      ref: { crm: crm as CrmKind, account: get('account') || 'csv', id, objectType: 'contact' },
      firstName: text('first_name'),
      lastName: text('last_name'),
      email: text('email'),
      phone: null,
      jobTitle: text('job_title'),
      company: text('company'),
      industry: text('industry'),
      employees,
      country: text('country'),
      lifecycleStage: null,
      leadStatus: null,
      owner: null,
      ownerAssignedAt: null,
      ownerAssignedBy: null,
      source: text('source'),
      sourceDetail: [],
      latestSource: null,
      campaign: text('campaign'),
      firstConversion: null,
      recentConversion: null,
      formAnswers: [],
      handedOffAt: evaluatedAt,
      createdAt: null,
      updatedAt: null,
    };
    const past: PastLead = {
      lead,
      events: synthesizeEvents(`csv:${id}`, evaluatedAt, pricing, demo, downloads),
      outcome: {
        opportunityCreated,
        ...(won === undefined ? {} : { won }),
        ...(amount === undefined ? {} : { amount }),
      },
      evaluatedAt,
    };
    if (Object.keys(rep).length) past.repEvidence = (parsedRep.success ? parsedRep.data : {}) as RepEvidence;
    leads.push(past);
  });
  return { leads, errors, unknownColumns };
}
