import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_HEADERS, readRequestBody } from '../http-kit';
import type { SandboxData } from '../sandbox-data';
import { SalesforceError } from './salesforce-error';
import type { SalesforceFaultSpec } from './salesforce-faults';
import { salesforceFaultError } from './salesforce-faults';
import { readSalesforceOrgFile, salesforceDataFileFor, writeSalesforceOrgFile, type SalesforceOrg } from './salesforce-org-data';
import { BATON_PERSON_FIELDS } from './salesforce-object-schema';
import { SalesforceOrgStore } from './salesforce-org-store';
import { SalesforceOAuth } from './salesforce-oauth';
import type { OAuthAnswer } from './salesforce-oauth';
import { QueryCursors } from './query-api';
import { API_USAGE_MAX, createRestRouter } from './rest-routes';
import { seedSalesforceOrg } from './seed-salesforce-org';
import { serveLightningPage } from './lightning-pages';

/*
 * The sandbox's Salesforce dialect, mounted beside the HubSpot one on the same server:
 * OAuth (`/services/oauth2/*`), the identity URL (`/id/{org}/{user}`), REST (`/services/data/…`)
 * and Lightning-like record pages (`/lightning/…`). Its org lives in its own data file beside the
 * HubSpot one, seeded from the HubSpot portal's story.
 */

export interface SalesforceDialectOptions {
  /** The HubSpot data file; the org is kept in `<name>.salesforce.json` beside it. */
  hubspotDataFile: string;
  /** The HubSpot portal's data, which the org is seeded from when its file is missing. */
  hubspotData: SandboxData;
  /** Seed clock (the HubSpot seed's). */
  now: number;
  reseed: boolean;
  quiet: boolean;
  /** Access-token lifetime. Default 2 hours. */
  accessTokenTtlMs?: number;
  /** Query batch size when the caller does not ask (`Sforce-Query-Options`). Default 2,000. */
  queryBatchSize?: number;
  /** Seed the org WITHOUT Baton's custom fields (Lead, Contact, Task), as an org before Baton's field setup. Only when the org is seeded. */
  withoutBatonFields?: boolean;
  /** The server's fault queue: the next fault matching this request, if any (removed from the queue). */
  takeFault: (method: string, path: string) => SalesforceFaultSpec | undefined;
}

export interface SalesforceDialect {
  orgId: string;
  myDomain: string;
  dataFile: string;
  handle(req: IncomingMessage, res: ServerResponse, method: string, url: URL, path: string, baseUrl: string): Promise<void>;
  /** Ends every access token (refresh tokens stay valid), as a session timeout does. */
  expireAccessTokens(): void;
}

const EXPOSE = { 'Access-Control-Expose-Headers': `${CORS_HEADERS['Access-Control-Expose-Headers']}, Sforce-Limit-Info, Sforce-Locator, Sforce-NumberOfRecords, Location` };
const DATA_PREFIX = /^\/services\/data\/v(\d+)\.0(?:\/(.*))?$/;
/** The versions the sandbox lists and answers (Summer '23 to Spring '26). */
const VERSIONS: Array<[number, string]> = [
  [58, "Summer '23"], [59, "Winter '24"], [60, "Spring '24"], [61, "Summer '24"], [62, "Winter '25"],
  [63, "Spring '25"], [64, "Summer '25"], [65, "Winter '26"], [66, "Spring '26"],
];

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...EXPOSE,
    ...headers,
    ...(text ? { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
  });
  res.end(text);
}

function sendCsv(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...CORS_HEADERS, ...EXPOSE, ...headers, 'Content-Type': 'text/csv', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function sendOAuth(res: ServerResponse, answer: OAuthAnswer): void {
  if ('location' in answer) {
    res.writeHead(302, { Location: answer.location, 'Cache-Control': 'no-store' });
    res.end();
  } else if ('json' in answer) {
    send(res, answer.status, answer.json, { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...(answer.headers ?? {}) });
  } else {
    res.writeHead(answer.status, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(answer.text);
  }
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]));
}

/** An org as it is before Baton's field setup: no Baton custom fields on Lead, Contact or Task, and no values in them. */
function removeBatonFields(org: SalesforceOrg): void {
  const removed: Record<string, string[]> = {
    Lead: BATON_PERSON_FIELDS.map((f) => f.name),
    Contact: BATON_PERSON_FIELDS.map((f) => f.name),
    Task: ['Baton_Id__c'],
  };
  org.schemaChanges = { removed };
  for (const [objectName, names] of Object.entries(removed)) {
    for (const record of org.records[objectName] ?? []) for (const name of names) delete record[name];
  }
}

function loadStore(options: SalesforceDialectOptions): SalesforceOrgStore {
  const file = salesforceDataFileFor(options.hubspotDataFile);
  const existing = options.reseed ? null : readSalesforceOrgFile(file);
  if (existing) return new SalesforceOrgStore(existing, file);
  const org = seedSalesforceOrg(options.hubspotData, options.now);
  if (options.withoutBatonFields) removeBatonFields(org);
  writeSalesforceOrgFile(file, org);
  return new SalesforceOrgStore(org, file);
}

export function createSalesforceDialect(options: SalesforceDialectOptions): SalesforceDialect {
  const store = loadStore(options);
  const oauth = new SalesforceOAuth(store, options.accessTokenTtlMs ?? 2 * 60 * 60 * 1000);
  const cursors = new QueryCursors(options.queryBatchSize ?? 2000);
  let apiUsage = 0;
  const router = createRestRouter(cursors, () => apiUsage);
  const log = (line: string): void => {
    if (!options.quiet) console.log(line);
  };

  const handleData = async (req: IncomingMessage, res: ServerResponse, method: string, url: URL, path: string): Promise<void> => {
    if (path === '/services/data') {
      send(res, 200, VERSIONS.map(([n, label]) => ({ label, url: `/services/data/v${n}.0`, version: `${n}.0` })));
      return;
    }
    const m = DATA_PREFIX.exec(path);
    const known = m && VERSIONS.some(([n]) => n === Number(m[1]));
    let limitHeader: Record<string, string> = {};
    try {
      if (!m || !known) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const userId = oauth.authenticate(req.headers.authorization, Date.now());
      apiUsage++;
      limitHeader = { 'Sforce-Limit-Info': `api-usage=${apiUsage}/${API_USAGE_MAX}` };
      const fault = options.takeFault(method, path);
      if (fault) throw salesforceFaultError(fault);
      const text = method === 'GET' || method === 'HEAD' || method === 'DELETE' ? '' : await readRequestBody(req);
      let body: unknown;
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw new SalesforceError(400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${(error as Error).message}`);
        }
      }
      const answer = router({ store, method, path: m[2] ?? '', params: url.searchParams, body, headers: headersOf(req), version: `v${m[1]}.0`, userId, now: Date.now() });
      if (answer.csv !== undefined) sendCsv(res, answer.status, answer.csv, { ...limitHeader, ...(answer.headers ?? {}) });
      else send(res, answer.status, answer.body, { ...limitHeader, ...(answer.headers ?? {}) });
      log(`${method} ${url.pathname}${url.search} → ${answer.status}`);
    } catch (error) {
      const sfError = error instanceof SalesforceError ? error : new SalesforceError(500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred: ${(error as Error).message}`);
      if (!(error instanceof SalesforceError) && !options.quiet) console.error(error);
      send(res, sfError.status, sfError.body(), limitHeader);
      log(`${method} ${url.pathname}${url.search} → ${sfError.status} ${sfError.errorCode}`);
    }
  };

  const handleOAuth = async (req: IncomingMessage, res: ServerResponse, method: string, url: URL, path: string, baseUrl: string): Promise<void> => {
    const fault = options.takeFault(method, path);
    if (fault) {
      send(res, fault.status, { error: fault.errorCode ?? 'server_error', error_description: `injected fault: HTTP ${fault.status}` });
      return;
    }
    if (path === '/services/oauth2/authorize' && method === 'GET') return sendOAuth(res, oauth.authorize(url.searchParams));
    if (path === '/services/oauth2/token' && method === 'POST') return sendOAuth(res, oauth.token(await readRequestBody(req), baseUrl, Date.now()));
    if (path === '/services/oauth2/revoke' && (method === 'POST' || method === 'GET')) {
      const token = method === 'POST' ? new URLSearchParams(await readRequestBody(req)).get('token') : url.searchParams.get('token');
      return sendOAuth(res, oauth.revoke(token ?? ''));
    }
    const identityPath = /^\/id\/([^/]+)\/([^/]+)$/.exec(path);
    if ((path === '/services/oauth2/userinfo' || identityPath) && method === 'GET') {
      let userId: string;
      try {
        userId = oauth.authenticate(req.headers.authorization, Date.now());
      } catch {
        // The identity service answers a bad token with a plain 403 text body; userinfo with 401.
        res.writeHead(identityPath ? 403 : 401, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(identityPath ? 'Bad_OAuth_Token' : 'Missing_OAuth_Token');
        return;
      }
      if (identityPath && identityPath[1] !== store.org.orgId) {
        res.writeHead(404, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Bad_Id');
        return;
      }
      const answer = identityPath ? oauth.identity(baseUrl, identityPath[2]!) : oauth.userinfo(baseUrl, userId);
      if (!answer) {
        res.writeHead(404, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Bad_Id');
        return;
      }
      send(res, 200, answer);
      return;
    }
    send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  };

  return {
    orgId: store.org.orgId,
    myDomain: store.org.myDomain,
    dataFile: salesforceDataFileFor(options.hubspotDataFile),
    async handle(req, res, method, url, path, baseUrl) {
      if (path.startsWith('/lightning') || path === '/sandbox-assets/lightning.css') return serveLightningPage(res, method, path, store);
      if (path.startsWith('/services/data')) return handleData(req, res, method, url, path);
      return handleOAuth(req, res, method, url, path, baseUrl);
    },
    expireAccessTokens: () => oauth.expireAccessTokens(),
  };
}
