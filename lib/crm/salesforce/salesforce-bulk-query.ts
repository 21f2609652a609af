import { z } from 'zod';
import { CrmError } from '../crm-error';
import type { SalesforceClient, SalesforceQueryResult } from './salesforce-client-contract';
import { parseCsv } from './salesforce-csv';

/*
 * Bulk API 2.0 query jobs (Bulk API 2.0 Developer Guide, API v47+), for reads too large for REST
 * paging: an org with 100,000 dispositions is 50 REST pages of 2,000, a query job is a handful of
 * requests whatever the size.
 *   POST jobs/query {operation: 'query', query}              → {id, state: 'UploadComplete'}
 *   GET  jobs/query/{id}   until state JobComplete (Failed / Aborted: errorMessage)
 *   GET  jobs/query/{id}/results?maxRecords=…[&locator=…]    → CSV; `Sforce-Locator` names the next
 *        set ('null' after the last), `Sforce-NumberOfRecords` the rows in this one.
 * Results are CSV: every value text, an empty field null, child-to-parent fields as dotted columns
 * (`Owner.Name`). Rows are turned back into records shaped as REST returns them (nested parent
 * objects, numbers and booleans for the fields named in `types`) and parsed with the caller's schema.
 * Query jobs take no OFFSET, GROUP BY, TYPEOF or aggregates; Baton drops a trailing ORDER BY and
 * keeps LIMITed (small) reads on REST.
 */

export interface BulkQueryOptions {
  signal?: AbortSignal;
  /** Which columns are numbers and which booleans (CSV has only text). */
  types?: { numbers?: readonly string[]; booleans?: readonly string[] };
  /** Rows per results request (the API's default is as many as fit; Baton asks for 50,000). */
  maxRecords?: number;
  /** Waits between job-state polls (default 0.5 s doubling to 5 s); replaced in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Gives up after this long waiting for the job (default 10 minutes). */
  maxWaitMs?: number;
  now?: () => number;
}

/** The number and checkbox fields among those Baton's reporting reads select (the rest are text, ids, dates). */
export const BATON_READ_TYPES = {
  numbers: ['Baton_Response_Minutes__c', 'Amount', 'NumberOfEmployees', 'AnnualRevenue'],
  booleans: ['IsConverted', 'IsWon', 'IsClosed', 'HasResponded', 'IsDeleted'],
} as const;

const jobSchema = z.looseObject({ id: z.string(), state: z.string(), errorMessage: z.string().nullish(), numberRecordsProcessed: z.number().nullish() });
const RESULTS_PER_REQUEST = 50_000;
/** As the client's query: 50 pages of 2,000 unless the caller says. */
const REST_MAX_PAGES = 50;
const FIRST_POLL_MS = 500;
const LONGEST_POLL_MS = 5_000;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new CrmError('network', 'The Salesforce bulk query was cancelled.', { cause: signal.reason }));
    }, { once: true });
  });

/** A CSV row as the record REST would have returned (parents nested, typed values, null for empty). */
export function fromBulkRow(header: readonly string[], values: readonly string[], types: BulkQueryOptions['types'] = BATON_READ_TYPES): Record<string, unknown> {
  const numbers = new Set(types.numbers ?? []);
  const booleans = new Set(types.booleans ?? []);
  const record: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const raw = values[i] ?? '';
    const leaf = column.slice(column.lastIndexOf('.') + 1);
    const value = raw === '' ? null : booleans.has(leaf) ? raw === 'true' : numbers.has(leaf) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    const path = column.split('.');
    let target = record;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      target = (next && typeof next === 'object' ? next : (target[part] = {})) as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
  });
  return collapseEmptyParents(record);
}

/** A parent whose every field is null was no parent at all (REST answers null for it). */
function collapseEmptyParents(record: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    if (!value || typeof value !== 'object') continue;
    const inner = collapseEmptyParents(value as Record<string, unknown>);
    record[key] = Object.values(inner).every((v) => v === null) ? null : inner;
  }
  return record;
}

/** Runs one SOQL select as a Bulk API 2.0 query job; every record, parsed with `recordSchema`. */
export async function runBulkQuery<S extends z.ZodType>(client: SalesforceClient, soql: string, recordSchema: S, options: BulkQueryOptions = {}): Promise<SalesforceQueryResult<z.output<S>>> {
  const requestText = client.requestText;
  if (!requestText) throw new CrmError('rejected', 'This Salesforce client cannot read bulk query results.');
  const { signal } = options;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  let requests = 0;

  let job = await client.request('POST', 'jobs/query', { body: { operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }, schema: jobSchema, signal });
  requests += 1;
  const started = now();
  let wait = FIRST_POLL_MS;
  while (job.state !== 'JobComplete') {
    if (job.state === 'Failed' || job.state === 'Aborted') {
      throw new CrmError('rejected', `Salesforce's bulk query ${job.state === 'Failed' ? 'failed' : 'was aborted'}${job.errorMessage ? `: ${job.errorMessage}` : ''}.`);
    }
    if (now() - started > (options.maxWaitMs ?? 10 * 60_000)) throw new CrmError('server', 'Salesforce did not finish the bulk query in time; Baton will try again.');
    await sleep(wait, signal);
    wait = Math.min(LONGEST_POLL_MS, wait * 2);
    job = await client.request('GET', `jobs/query/${encodeURIComponent(job.id)}`, { schema: jobSchema, signal });
    requests += 1;
  }

  const records: z.output<S>[] = [];
  let locator: string | null = null;
  do {
    const query: Record<string, string> = { maxRecords: String(options.maxRecords ?? RESULTS_PER_REQUEST) };
    if (locator) query.locator = locator;
    const answer = await requestText('GET', `jobs/query/${encodeURIComponent(job.id)}/results`, { query, signal });
    requests += 1;
    const [header, ...rows] = parseCsv(answer.text);
    for (const row of rows) {
      const parsed = recordSchema.safeParse(fromBulkRow(header ?? [], row, options.types));
      if (!parsed.success) throw new CrmError('bad_response', `Salesforce's bulk query results are not what Baton reads: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      records.push(parsed.data);
    }
    const next = answer.headers.get('Sforce-Locator');
    locator = next && next !== 'null' ? next : null;
  } while (locator);
  return { records, totalSize: records.length, requests, done: true };
}

export interface BulkQueriesOptions extends Omit<BulkQueryOptions, 'signal'> {
  /** Past this many records (REST's `totalSize` on the first page) a query is run as a bulk job. */
  threshold?: number;
}

/** The threshold past which a read moves to Bulk API 2.0 (issue 14: orgs with more than ~50,000 dispositions). */
export const BULK_QUERY_THRESHOLD = 50_000;

/** Only filtered selects can be bulk jobs: no LIMIT (a small read), OFFSET, GROUP BY, TYPEOF, aggregates or subqueries. */
export function isBulkQueryable(soql: string): boolean {
  return !/\b(LIMIT|OFFSET|GROUP\s+BY|TYPEOF|COUNT\s*\()/i.test(soql) && !/\(\s*SELECT\b/i.test(soql);
}

/**
 * The select as a query job runs it: a trailing ORDER BY is dropped (it turns off PK chunking and
 * makes large jobs slow, the guide warns), so the records come in no particular order.
 */
export function toBulkSoql(soql: string): string {
  return soql.replace(/\s+ORDER\s+BY\s+[\w.,\s]+?(?:\s+(?:ASC|DESC))?(?:\s+NULLS\s+(?:FIRST|LAST))?\s*$/i, '');
}

/**
 * The client, with large reads moved to Bulk API 2.0: a query whose first REST page says it holds
 * more than `threshold` records is run again as a query job (the first page is the one request
 * this costs); smaller ones page through REST as before.
 */
export function withBulkQueries(client: SalesforceClient, options: BulkQueriesOptions = {}): SalesforceClient {
  const requestText = client.requestText?.bind(client);
  if (!requestText) return client;
  const threshold = options.threshold ?? BULK_QUERY_THRESHOLD;
  return {
    get instanceUrl() {
      return client.instanceUrl;
    },
    get apiUsage() {
      return client.apiUsage;
    },
    request: (method, path, requestOptions) => client.request(method, path, requestOptions),
    requestText,
    async query<S extends z.ZodType>(soql: string, recordSchema: S, queryOptions: { signal?: AbortSignal; maxPages?: number } = {}): Promise<SalesforceQueryResult<z.output<S>>> {
      if (!isBulkQueryable(soql)) return client.query(soql, recordSchema, queryOptions);
      const { signal } = queryOptions;
      // REST paging as the client does it, with a look at the first page's totalSize.
      const pageSchema = z.looseObject({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.string().startsWith('/services/data/').optional(), records: z.array(recordSchema) });
      let page = await client.request('GET', 'query', { schema: pageSchema, query: { q: soql }, signal });
      let requests = 1;
      if (!page.done && page.totalSize > threshold) {
        const bulk = await runBulkQuery(client, toBulkSoql(soql), recordSchema, { ...options, signal });
        return { ...bulk, requests: bulk.requests + requests };
      }
      const records: z.output<S>[] = [...page.records];
      const maxPages = queryOptions.maxPages ?? REST_MAX_PAGES;
      while (!page.done && page.nextRecordsUrl && requests < maxPages) {
        page = await client.request('GET', page.nextRecordsUrl, { schema: pageSchema, signal });
        records.push(...page.records);
        requests += 1;
      }
      return { records, totalSize: page.totalSize, requests, done: page.done };
    },
  };
}
