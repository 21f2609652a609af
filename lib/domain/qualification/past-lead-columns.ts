/**
 * The columns of a past-leads CSV in Baton's own words, and how a file's header finds them.
 * Matching ignores case, spaces, punctuation and camelCase: "Job Title", "job title", "job_title"
 * and "jobTitle" all read as job_title. A CRM's export headers (its internal field names and its
 * labels) are not the domain's to know: the caller passes them as aliases (lib/crm/<provider>/).
 */

export const PAST_LEAD_CSV_COLUMNS = [
  'id', 'crm', 'account', 'email', 'first_name', 'last_name', 'job_title', 'company', 'industry', 'employees',
  'country', 'source', 'campaign', 'evaluated_at', 'opportunity_created', 'won', 'amount',
  'budget_amount', 'budget_currency', 'authority_name', 'authority_role', 'need', 'timeline_date',
  'pricing_page_visits', 'demo_requested', 'content_downloads',
] as const;
export type PastLeadCsvColumn = (typeof PAST_LEAD_CSV_COLUMNS)[number];

/** A header as an export writes it ("Number of Employees") → the Baton column it holds. */
export type PastLeadColumnAliases = Readonly<Record<string, PastLeadCsvColumn>>;

/** Plain-English spellings people type for Baton's columns (no CRM's field names here). */
const BATON_SYNONYMS: PastLeadColumnAliases = {
  'Lead ID': 'id',
  'E-mail': 'email',
  'Email Address': 'email',
  'Company Name': 'company',
  'Number of Employees': 'employees',
  'Employee Count': 'employees',
  'Handed Off At': 'evaluated_at',
  'Handoff Date': 'evaluated_at',
  'MQL Date': 'evaluated_at',
};

/** "Job Title", "jobTitle", "JOB_TITLE" → "job_title"; "Country/Region" → "country_region". */
export function pastLeadColumnKey(header: string): string {
  return header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Merges export-header aliases (one set per CRM), refusing a header two sets read as different
 * columns: which one the file meant would be a guess.
 */
export function combineColumnAliases(sets: readonly PastLeadColumnAliases[]): PastLeadColumnAliases {
  const combined: Record<string, PastLeadCsvColumn> = {};
  const byKey = new Map<string, { header: string; column: PastLeadCsvColumn }>();
  for (const set of sets) {
    for (const [header, column] of Object.entries(set)) {
      const key = pastLeadColumnKey(header);
      const earlier = byKey.get(key);
      if (earlier && earlier.column !== column) {
        throw new Error(`export header "${header}" reads as ${column}, and "${earlier.header}" as ${earlier.column}`);
      }
      byKey.set(key, { header, column });
      combined[header] = column;
    }
  }
  return combined;
}

/**
 * The Baton column a header holds, or null for a column Baton does not read. Baton's own names
 * win over an alias that spells the same.
 */
export function pastLeadColumnMatcher(aliases: PastLeadColumnAliases = {}): (header: string) => PastLeadCsvColumn | null {
  const byKey = new Map<string, PastLeadCsvColumn>();
  for (const set of [aliases, BATON_SYNONYMS]) {
    for (const [header, column] of Object.entries(set)) byKey.set(pastLeadColumnKey(header), column);
  }
  for (const column of PAST_LEAD_CSV_COLUMNS) byKey.set(pastLeadColumnKey(column), column);
  return (header) => byKey.get(pastLeadColumnKey(header)) ?? null;
}
