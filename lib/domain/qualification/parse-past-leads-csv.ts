import type { EngagementEvent } from '../engagement/engagement-event';
import type { Lead } from '../lead';
import type { CrmKind } from '../lead';
import type { PastLead } from './backtest-definition';
import { DAY_MS } from './match-rules';
import { parseCsv, CsvParseError } from './parse-csv';
import { repEvidenceSchema } from './rep-evidence';
import type { RepEvidence } from './rep-evidence';

/**
 * Turns a CRM export of past leads into backtest input. Column names follow HubSpot's internal
 * property names (email, jobtitle, numemployees, ...) plus outcome and evidence columns; unknown
 * columns are ignored so a raw export works. Engagement arrives as counts, which become synthetic
 * events (a "/pricing" page view, a "Demo request" form, a "Content download") dated one day before
 * `evaluated_at`, so the definition's signal rules can score them.
 */
export interface CsvRowError {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

export interface PastLeadsCsvResult {
  leads: PastLead[];
  errors: CsvRowError[];
}

export const PAST_LEAD_CSV_COLUMNS = [
  'id', 'crm', 'account', 'email', 'firstname', 'lastname', 'jobtitle', 'company', 'industry', 'numemployees',
  'country', 'source', 'campaign', 'evaluated_at', 'opportunity_created', 'won', 'amount',
  'budget_amount', 'budget_currency', 'authority_name', 'authority_role', 'need', 'timeline_date',
  'pricing_page_visits', 'demo_requested', 'content_downloads',
] as const;

const REQUIRED = ['evaluated_at', 'opportunity_created'] as const;

// CRM exports use display labels ("Job Title", "Number of Employees"); map the common ones to the
// internal names so a raw HubSpot or Salesforce export works without editing the header.
const COLUMN_ALIASES: Record<string, string> = {
  record_id: 'id', lead_id: 'id', contact_id: 'id',
  email_address: 'email', first_name: 'firstname', last_name: 'lastname',
  job_title: 'jobtitle', title: 'jobtitle', company_name: 'company',
  number_of_employees: 'numemployees', employees: 'numemployees', country_region: 'country',
  original_source: 'source', lead_source: 'source',
  handed_off_at: 'evaluated_at', became_an_mql_date: 'evaluated_at', mql_date: 'evaluated_at',
};

/** "Job Title" -> "jobtitle", "Opportunity Created" -> "opportunity_created". */
export function normalizeCsvColumn(header: string): string {
  const snake = header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return COLUMN_ALIASES[snake] ?? snake;
}

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

/** "51-200" (HubSpot ranges) reads as its lower bound, "10000+" as 10000. */
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

export function parsePastLeadsCsv(text: string): PastLeadsCsvResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvParseError) return { leads: [], errors: [{ row: err.record, column: '(row)', message: err.message }] };
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) return { leads: [], errors: [{ row: 1, column: '(header)', message: 'the file is empty: expected a header row' }] };
  const columns = header.map(normalizeCsvColumn);
  const duplicate = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (duplicate) return { leads: [], errors: [{ row: 1, column: duplicate, message: `column "${duplicate}" appears twice (after matching header labels)` }] };
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    return { leads: [], errors: missing.map((c) => ({ row: 1, column: c, message: `missing required column "${c}"` })) };
  }
  const leads: PastLead[] = [];
  const errors: CsvRowError[] = [];
  rows.forEach((fields, index) => {
    const row = index + 2;
    if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
    if (fields.length !== columns.length) {
      errors.push({ row, column: '(row)', message: `has ${fields.length} fields, the header has ${columns.length}` });
      return;
    }
    const get = (c: string): string => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : fields[i]!.trim();
    };
    const text = (c: string): string | null => get(c) || null;
    const rowErrors: CsvRowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ row, column, message });
    const num = (c: string): number | undefined => {
      const v = parseNumber(get(c));
      if (v === 'invalid') fail(c, `"${get(c)}" is not a number`);
      return v === 'invalid' ? undefined : v;
    };
    const bool = (c: string): boolean | undefined => {
      const v = parseBool(get(c));
      if (v === 'invalid') fail(c, `"${get(c)}" is not a yes/no value (true/false, yes/no, 1/0)`);
      return v === 'invalid' ? undefined : v;
    };
    const count = (c: string): number => {
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
    const employees = parseEmployees(get('numemployees'));
    if (employees === 'invalid') fail('numemployees', `"${get('numemployees')}" is not a number or a range like "51-200"`);
    // Any CRM's kind (the registry lives outside the domain); it only names where a lead came from.
    const crm = (get('crm') || 'sandbox').toLowerCase();
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(crm)) fail('crm', `"${get('crm')}" is not a CRM name (letters, digits and dashes)`);

    const rep: Record<string, unknown> = {};
    const budgetAmount = num('budget_amount');
    const budgetCurrency = get('budget_currency').toUpperCase();
    if (budgetAmount !== undefined || budgetCurrency) {
      if (budgetAmount === undefined) fail('budget_amount', 'budget_currency is set without an amount');
      else if (!/^[A-Z]{3}$/.test(budgetCurrency)) fail('budget_currency', `"${get('budget_currency')}" is not a 3-letter currency code (needed with budget_amount)`);
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
    if (!parsedRep.success) for (const issue of parsedRep.error.issues) fail(String(issue.path[0] ?? '(row)'), issue.message);

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
      firstName: text('firstname'),
      lastName: text('lastname'),
      email: text('email'),
      phone: null,
      jobTitle: text('jobtitle'),
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
  return { leads, errors };
}
