import { getDocumentBody } from './document-body';
import { SalesforceError, notFoundError } from './salesforce-error';
import type { SfRequest, SfResponse } from './salesforce-request';
import { describeGlobal, describeObject, picklistValuesByRecordType } from './describe-api';
import { createRecord, getByExternalId, getRecord, updateRecord, upsertByExternalId } from './sobject-records-api';
import { runComposite } from './composite-api';
import { createCustomField } from './tooling-api';
import type { QueryCursors } from './query-api';
import { BulkQueryJobs } from './bulk-query-api';

/*
 * The REST resources under `/services/data/vNN.0/`, by method and path. Composite subrequests go
 * through the same table.
 */

export const API_USAGE_MAX = 15_000;

type Handler = (req: SfRequest, match: string[]) => SfResponse;

export function createRestRouter(cursors: QueryCursors, apiUsage: () => number): (req: SfRequest) => SfResponse {
  const bulk = new BulkQueryJobs();
  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
    {
      method: 'GET',
      pattern: /^$/,
      handler: (req) => ({
        status: 200,
        body: Object.fromEntries(['sobjects', 'query', 'queryAll', 'composite', 'limits', 'ui-api'].map((name) => [name, `/services/data/${req.version}/${name}`])),
      }),
    },
    {
      method: 'GET',
      pattern: /^limits$/,
      handler: () => ({ status: 200, body: { DailyApiRequests: { Max: API_USAGE_MAX, Remaining: Math.max(0, API_USAGE_MAX - apiUsage()) } } }),
    },
    { method: 'GET', pattern: /^sobjects$/, handler: (req) => describeGlobal(req) },
    { method: 'GET', pattern: /^sobjects\/([^/]+)\/describe$/, handler: (req, [o]) => describeObject(req, o!) },
    { method: 'POST', pattern: /^sobjects\/([^/]+)$/, handler: (req, [o]) => createRecord(req, o!) },
    { method: 'GET', pattern: /^sobjects\/([^/]+)\/([^/]+)$/, handler: (req, [o, id]) => getRecord(req, o!, id!) },
    { method: 'PATCH', pattern: /^sobjects\/([^/]+)\/([^/]+)$/, handler: (req, [o, id]) => updateRecord(req, o!, id!) },
    // A document's content (blob fields are read at their own URL, not in the record's JSON).
    { method: 'GET', pattern: /^sobjects\/Document\/([^/]+)\/Body$/i, handler: (req, [id]) => getDocumentBody(req, id!) },
    { method: 'GET', pattern: /^sobjects\/([^/]+)\/([^/]+)\/([^/]+)$/, handler: (req, [o, f, v]) => getByExternalId(req, o!, f!, v!) },
    { method: 'PATCH', pattern: /^sobjects\/([^/]+)\/([^/]+)\/([^/]+)$/, handler: (req, [o, f, v]) => upsertByExternalId(req, o!, f!, v!) },
    { method: 'GET', pattern: /^(?:query|queryAll)$/, handler: (req) => cursors.query(req) },
    { method: 'GET', pattern: /^(?:query|queryAll)\/([^/]+)$/, handler: (req, [locator]) => cursors.more(req, locator!) },
    { method: 'POST', pattern: /^tooling\/sobjects\/CustomField$/i, handler: (req) => createCustomField(req) },
    { method: 'POST', pattern: /^jobs\/query$/, handler: (req) => bulk.create(req) },
    { method: 'GET', pattern: /^jobs\/query\/([^/]+)$/, handler: (req, [id]) => bulk.get(req, id!) },
    { method: 'GET', pattern: /^jobs\/query\/([^/]+)\/results$/, handler: (req, [id]) => bulk.results(req, id!) },
    { method: 'POST', pattern: /^composite$/, handler: (req) => runComposite(req, router) },
    {
      method: 'GET',
      pattern: /^ui-api\/object-info\/([^/]+)\/picklist-values\/([^/]+)\/([^/]+)$/,
      handler: (req, [o, rt, f]) => picklistValuesByRecordType(req, o!, rt!, f!),
    },
  ];

  function router(req: SfRequest): SfResponse {
    const candidates = routes.filter((route) => route.pattern.test(req.path));
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) {
      if (candidates.length) {
        const allowed = [...new Set(candidates.map((candidate) => candidate.method)), 'HEAD'].join(',');
        throw new SalesforceError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are ${allowed}`);
      }
      throw notFoundError();
    }
    const match = (route.pattern.exec(req.path) ?? []).slice(1).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        throw notFoundError();
      }
    });
    return route.handler(req, match);
  }
  return router;
}
