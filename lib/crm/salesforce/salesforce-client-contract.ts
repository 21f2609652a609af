import type { z } from 'zod';

/*
 * The contract between the Salesforce provider's parts: the REST client (OAuth, refresh, errors,
 * limits; salesforce-client.ts) and the readers and writer that use it (adapter, writer,
 * reporting). Written down first so both sides are built against it.
 */

/** The REST API version Baton speaks (Winter '25; GA on every org since). */
export const SALESFORCE_API_VERSION = 'v62.0';

export type SalesforceMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface SalesforceRequestOptions<S extends z.ZodType> {
  /** The response body's schema (parse what Baton uses: loose objects). Ignored for 204 answers, which give `undefined`. */
  schema: S;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SalesforceQueryResult<T> {
  records: T[];
  /** What the query counts in all (`totalSize`), which may exceed the records read when `maxPages` stopped it. */
  totalSize: number;
  /** Requests made (the first page and every `nextRecordsUrl` followed). */
  requests: number;
  /** False when `maxPages` stopped the read before `done`. */
  done: boolean;
}

/**
 * A typed fetch client for one org's REST API, on its My Domain API host (`*.my.salesforce.com`,
 * never the Lightning host). It adds the bearer token, refreshes it once on `401 INVALID_SESSION_ID`,
 * validates every answer with zod and throws only `CrmError` (lib/crm/crm-error.ts), with
 * Salesforce's `errorCode`, `message` and `fields` in the message; `REQUEST_LIMIT_EXCEEDED` is a
 * `daily` limit.
 */
export interface SalesforceClient {
  /** The org's API origin, e.g. `https://acme.my.salesforce.com` (or the sandbox CRM's origin). */
  readonly instanceUrl: string;
  /**
   * `path` is relative to `/services/data/{version}/` (e.g. `sobjects/Lead/00Q…`, `composite`), or
   * absolute from the origin when it starts with `/` (e.g. a `nextRecordsUrl`).
   */
  request<S extends z.ZodType>(method: SalesforceMethod, path: string, options: SalesforceRequestOptions<S>): Promise<z.output<S>>;
  /**
   * A request whose answer is not JSON (Bulk API 2.0 query results are CSV): its text and headers,
   * with the same token, refresh and errors as `request`. Absent: the client cannot (test fakes).
   */
  requestText?(method: SalesforceMethod, path: string, options?: { query?: Record<string, string>; signal?: AbortSignal }): Promise<{ text: string; headers: Headers }>;
  /** A SOQL query, following `nextRecordsUrl` up to `maxPages` (default 50). */
  query<S extends z.ZodType>(soql: string, recordSchema: S, options?: { signal?: AbortSignal; maxPages?: number }): Promise<SalesforceQueryResult<z.output<S>>>;
  /** API usage from the last answer's `Sforce-Limit-Info` (`api-usage=used/max`), null until one came. */
  readonly apiUsage: { used: number; max: number } | null;
}
