import type { SalesforceOrgStore } from './salesforce-org-store';

/** One REST request of the Salesforce dialect, as its handlers see it (also a composite subrequest). */
export interface SfRequest {
  store: SalesforceOrgStore;
  method: string;
  /** The path after `/services/data/vNN.0/`, without a trailing slash (e.g. `sobjects/Lead/00Q…`). */
  path: string;
  params: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** `v62.0` */
  version: string;
  /** The user the access token belongs to (the running user). */
  userId: string;
  now: number;
}

export interface SfResponse {
  status: number;
  body?: unknown;
  /** A CSV answer (Bulk API 2.0 query results) in place of a JSON body. */
  csv?: string;
  headers?: Record<string, string>;
}
