import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import type { SalesforceClient, SalesforceMethod, SalesforceQueryResult } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { salesforceResponseError } from '../../../lib/crm/salesforce/salesforce-errors';

/*
 * A fake SalesforceClient for the adapter, writer and reporting tests: it answers each request
 * from a handler (recorded payloads in test/fixtures/salesforce/), follows `nextRecordsUrl` like
 * the real client's query, validates answers with the caller's schema and throws CrmError the way
 * the real client does (salesforce-errors.ts), and records every request with its timing.
 */

const FIXTURES = fileURLToPath(new URL('../../fixtures/salesforce/', import.meta.url));

export function loadSalesforceFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as T;
}

export interface FakeRequest {
  method: SalesforceMethod;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  /** The SOQL of a query request (first page only). */
  soql: string | null;
}

/** What a handler answers: a body (200), `noContent` (204) or `fail(status, fixture-or-body)`. */
export type FakeAnswer = unknown;
export const noContent = Symbol('204');
export class FakeFailure {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
export function fail(status: number, body: unknown): FakeFailure {
  return new FakeFailure(status, body);
}

const queryPageSchema = z.looseObject({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.string().optional(), records: z.array(z.unknown()) });

export function createFakeSalesforceClient(handler: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>, options: { delayMs?: number } = {}) {
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  async function request<S extends z.ZodType>(method: SalesforceMethod, path: string, opts: { schema: S; body?: unknown; query?: Record<string, string>; headers?: Record<string, string>; signal?: AbortSignal }): Promise<z.output<S>> {
    const soql = path === 'query' ? (opts.query?.q ?? null) : null;
    const recorded: FakeRequest = { method, path, body: opts.body === undefined ? undefined : JSON.parse(JSON.stringify(opts.body)), headers: { ...(opts.headers ?? {}) }, soql };
    requests.push(recorded);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 2));
      if (opts.signal?.aborted) throw new CrmError('network', 'aborted');
      const answer = await handler(recorded);
      if (answer instanceof FakeFailure) throw salesforceResponseError(answer.status, JSON.stringify(answer.body), `${method} ${path}`);
      if (answer === noContent) return undefined as z.output<S>;
      if (answer === undefined) throw salesforceResponseError(404, JSON.stringify([{ errorCode: 'NOT_FOUND', message: `no fake answer for ${method} ${path} ${soql ?? ''}` }]), `${method} ${path}`);
      const parsed = opts.schema.safeParse(answer);
      if (!parsed.success) throw new CrmError('bad_response', `Salesforce answered ${method} ${path} with an unexpected shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data as z.output<S>;
    } finally {
      inFlight--;
    }
  }

  async function query<S extends z.ZodType>(soql: string, recordSchema: S, opts: { signal?: AbortSignal; maxPages?: number } = {}): Promise<SalesforceQueryResult<z.output<S>>> {
    const maxPages = opts.maxPages ?? 50;
    const records: z.output<S>[] = [];
    let page = await request('GET', 'query', { query: { q: soql }, schema: queryPageSchema, signal: opts.signal });
    let requestsMade = 1;
    const take = () => {
      for (const raw of page.records) {
        const parsed = recordSchema.safeParse(raw);
        if (!parsed.success) throw new CrmError('bad_response', `A Salesforce record is not what Baton reads: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        records.push(parsed.data as z.output<S>);
      }
    };
    take();
    while (!page.done && page.nextRecordsUrl && requestsMade < maxPages) {
      page = await request('GET', page.nextRecordsUrl, { schema: queryPageSchema, signal: opts.signal });
      requestsMade++;
      take();
    }
    return { records, totalSize: page.totalSize, requests: requestsMade, done: page.done };
  }

  const client: SalesforceClient = { instanceUrl: 'https://acme.my.salesforce.com', request, query, apiUsage: null };
  return {
    client,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A SOQL matcher: the query's object (`FROM X`) and optional text it must contain. */
export function isQueryOf(request: FakeRequest, object: string, contains?: string): boolean {
  if (request.soql === null) return false;
  const from = /\bFROM\s+(\w+)/i.exec(request.soql)?.[1];
  return from === object && (contains === undefined || request.soql.includes(contains));
}
