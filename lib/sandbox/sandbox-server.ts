import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { getEmailCampaign, listEmailCampaigns, listEmailEvents, listEventTypes, listWebEvents } from './analytics-api';
import { listAssociatedEngagements } from './engagements-v1-api';
import { batchCreateObjects, createObject } from './create-objects';
import { archiveObject, batchReadObjects, batchUpdateObjects, getObject, listObjects, updateObject } from './crm-objects-api';
import {
  archiveAssociation,
  batchReadAssociations,
  createDefaultAssociation,
  createGroup,
  createProperty,
  getAccessTokenInfo,
  getAccountDetails,
  getGroup,
  getOwner,
  getProperty,
  listAssociations,
  listGroups,
  listOwners,
  listProperties,
  updateProperty,
} from './crm-meta-api';
import { ApiError, CORS_HEADERS, errorBody, readRequestBody, sendJson } from './http-kit';
import type { ApiResponse } from './http-kit';
import { listPipelines } from './lead-pipelines';
import { servePage } from './page-routes';
import { readSandboxDataFile, writeSandboxDataFile } from './sandbox-data';
import type { CrmObjectType } from './sandbox-data';
import { resolveObjectType } from './sandbox-state';
import { SandboxState } from './sandbox-state';
import { searchObjects } from './search-objects';
import { seedSandboxData } from './seed-data';
import { flushSandboxWrites } from './write-behind';
import { mountSalesforce } from './salesforce/salesforce-mount';
import { createMarketoDialect } from './marketo/marketo-dialect';
import { createAccountEngagementDialect } from './account-engagement/account-engagement-dialect';

export interface SandboxServerOptions {
  /** 0 = a random free port. Default 4477. */
  port?: number;
  host?: string;
  /** JSON data file; created (seeded) when missing. Default `.sandbox-data/crm.json`. */
  dataFile?: string;
  /** Clock for seeding: seeded timestamps are relative to it. Default Date.now(). Ignored when an existing data file is loaded. */
  now?: number;
  /** Discard the data file and seed afresh. */
  reseed?: boolean;
  /** No request/startup logging. */
  quiet?: boolean;
  /** The Salesforce dialect (lib/sandbox/salesforce/): access-token lifetime (default 7200 s) and default query batch size (default 2000). */
  salesforce?: {
    accessTokenTtlSeconds?: number;
    queryBatchSize?: number;
    /** Seed the org without Baton's custom fields (as before "Set up Baton fields"); only when the org is seeded. */
    withoutBatonFields?: boolean;
  };
}

/**
 * A failure to answer instead of the real response, for exercising retry and parking paths
 * (HubSpot's 429 policies, 5xx, 401) in tests and demos.
 */
export interface SandboxFault {
  /** 400: a validation refusal, which Baton's outbox keeps as a dead letter for the rep. */
  status: 400 | 401 | 403 | 429 | 500 | 502 | 503 | 504;
  /** Salesforce dialect: the errorCode to answer instead of the status's usual one (403 → REQUEST_LIMIT_EXCEEDED); Marketo dialect: the error code (601, 602, 606, 607, 615). */
  errorCode?: string;
  /** For 429: which HubSpot limit was hit. Default TEN_SECONDLY_ROLLING. */
  policyName?: 'TEN_SECONDLY_ROLLING' | 'DAILY';
  /** Sent as `Retry-After` (seconds) when given. */
  retryAfterSeconds?: number;
  /** How many matching requests fail. Default 1. */
  count?: number;
  /**
   * Only requests with this method / whose path starts with this prefix fail. Salesforce OAuth and
   * identity requests (`/services/oauth2/…`, `/id/…`) fail only when `pathPrefix` names them.
   */
  method?: string;
  pathPrefix?: string;
}

export interface SandboxServer {
  url: string;
  port: number;
  portalId: string;
  dataFile: string;
  /** Makes the next matching API request(s) fail as described; faults queue in order. */
  failNext(fault: SandboxFault): void;
  /** The Salesforce dialect's org (its API and pages are on `url`, which is also its instance URL). */
  salesforce: { orgId: string; myDomain: string; instanceUrl: string; dataFile: string; expireAccessTokens(): Promise<void> };
  close(): Promise<void>;
}

function faultError(fault: SandboxFault): ApiError {
  switch (fault.status) {
    case 429: {
      const policyName = fault.policyName ?? 'TEN_SECONDLY_ROLLING';
      return new ApiError(429, 'RATE_LIMITS', policyName === 'DAILY'
        ? 'You have reached your daily limit.'
        : 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName });
    }
    case 400:
      return new ApiError(400, 'VALIDATION_ERROR', 'Property values were not valid (injected fault).');
    case 401:
      return new ApiError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found (injected fault).');
    case 403:
      return new ApiError(403, 'MISSING_SCOPES', 'This app hasn\'t been granted all required scopes to make this call (injected fault).');
    default:
      return new ApiError(fault.status, 'INTERNAL_ERROR', `Injected fault: HTTP ${fault.status}.`);
  }
}

interface RequestContext {
  state: SandboxState;
  method: string;
  path: string;
  params: URLSearchParams;
  body: string;
  baseUrl: string;
  host: string;
  now: number;
}

type Handler = (ctx: RequestContext, match: string[]) => ApiResponse;

const RATE_LIMIT_MAX = 190;
const RATE_LIMIT_INTERVAL_MS = 10_000;
const RATE_LIMIT_DAILY = 1_000_000;

/** Routes of the HubSpot dialect. Order matters where paths overlap (`/groups` before `/{name}`). */
const ROUTES: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
  // CRM objects (contacts, deals, notes, calls, emails, meetings, tasks)
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/read$/, handler: (c, [t]) => batchReadObjects(c.state, objectType(t), c.body) },
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/create$/, handler: (c, [t]) => batchCreateObjects(c.state, objectType(t), c.body, c.now) },
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/update$/, handler: (c, [t]) => batchUpdateObjects(c.state, objectType(t), c.body, c.now) },
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/([^/]+)\/search$/, handler: (c, [t]) => searchObjects(c.state, objectType(t), c.body) },
  { method: 'GET', pattern: /^\/crm\/v3\/objects\/([^/]+)$/, handler: (c, [t]) => listObjects(c.state, objectType(t), c.params, c.baseUrl) },
  { method: 'POST', pattern: /^\/crm\/v3\/objects\/([^/]+)$/, handler: (c, [t]) => createObject(c.state, objectType(t), c.body, c.now) },
  { method: 'GET', pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/, handler: (c, [t, id]) => getObject(c.state, objectType(t), id as string, c.params) },
  { method: 'DELETE', pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/, handler: (c, [t, id]) => archiveObject(c.state, objectType(t), id as string, c.now) },
  { method: 'PATCH', pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/, handler: (c, [t, id]) => updateObject(c.state, objectType(t), id as string, c.params, c.body, c.now) },
  // Associations v4
  { method: 'GET', pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)$/, handler: (c, [f, id, t]) => listAssociations(c.state, f as string, id as string, t as string, c.params, c.baseUrl) },
  { method: 'DELETE', pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)\/([^/]+)$/, handler: (c, [f, fid, t, tid]) => archiveAssociation(c.state, f as string, fid as string, t as string, tid as string) },
  { method: 'PUT', pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/default\/([^/]+)\/([^/]+)$/, handler: (c, [f, fid, t, tid]) => createDefaultAssociation(c.state, f as string, fid as string, t as string, tid as string) },
  { method: 'POST', pattern: /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/read$/, handler: (c, [f, t]) => batchReadAssociations(c.state, f as string, t as string, c.body) },
  // Pipelines (leads)
  { method: 'GET', pattern: /^\/crm\/v3\/pipelines\/([^/]+)$/, handler: (c, [t]) => listPipelines(t as string) },
  // Owners
  { method: 'GET', pattern: /^\/crm\/v3\/owners$/, handler: (c) => listOwners(c.state, c.params, c.baseUrl) },
  { method: 'GET', pattern: /^\/crm\/v3\/owners\/([^/]+)$/, handler: (c, [id]) => getOwner(c.state, id as string, c.params) },
  // Properties and groups
  { method: 'GET', pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups$/, handler: (c, [t]) => listGroups(c.state, objectType(t)) },
  { method: 'POST', pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups$/, handler: (c, [t]) => createGroup(c.state, objectType(t), c.body) },
  { method: 'GET', pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups\/([^/]+)$/, handler: (c, [t, name]) => getGroup(c.state, objectType(t), name as string) },
  { method: 'GET', pattern: /^\/crm\/v3\/properties\/([^/]+)$/, handler: (c, [t]) => listProperties(c.state, objectType(t), c.params) },
  { method: 'POST', pattern: /^\/crm\/v3\/properties\/([^/]+)$/, handler: (c, [t]) => createProperty(c.state, objectType(t), c.body, c.now) },
  { method: 'GET', pattern: /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/, handler: (c, [t, name]) => getProperty(c.state, objectType(t), name as string) },
  { method: 'PATCH', pattern: /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/, handler: (c, [t, name]) => updateProperty(c.state, objectType(t), name as string, c.body, c.now) },
  // Engagements v1 (legacy): every engagement type associated with a record, in one paged list
  { method: 'GET', pattern: /^\/engagements\/v1\/engagements\/associated\/([^/]+)\/([^/]+)\/paged$/, handler: (c, [t, id]) => listAssociatedEngagements(c.state, t as string, id as string, c.params) },
  // Web analytics events
  { method: 'GET', pattern: /^\/events\/v3\/events\/event-types$/, handler: (c) => listEventTypes(c.state) },
  { method: 'GET', pattern: /^\/events\/v3\/events$/, handler: (c) => listWebEvents(c.state, c.params, c.baseUrl) },
  // Marketing email events (legacy v1)
  { method: 'GET', pattern: /^\/email\/public\/v1\/events$/, handler: (c) => listEmailEvents(c.state, c.params) },
  { method: 'GET', pattern: /^\/email\/public\/v1\/campaigns$/, handler: (c) => listEmailCampaigns(c.state, c.params) },
  { method: 'GET', pattern: /^\/email\/public\/v1\/campaigns\/([^/]+)$/, handler: (c, [id]) => getEmailCampaign(c.state, id as string) },
  // Account and token
  { method: 'GET', pattern: /^\/account-info\/v3\/details$/, handler: (c) => getAccountDetails(c.state, c.host) },
  { method: 'POST', pattern: /^\/oauth\/v2\/private-apps\/get\/access-token-info$/, handler: (c) => getAccessTokenInfo(c.state, c.body) },
];

const API_PREFIXES = ['/crm/', '/engagements/', '/events/', '/email/', '/account-info/', '/oauth/'];

function objectType(segment: string | undefined): CrmObjectType {
  const type = resolveObjectType(segment ?? '');
  if (!type) throw new ApiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
  return type;
}

/** Loads the data file (validated) or seeds a new one; `reseed` always seeds. */
function loadState(file: string, now: number, reseed: boolean): SandboxState {
  const existing = reseed ? null : readSandboxDataFile(file);
  if (existing) return new SandboxState(existing, file);
  const data = seedSandboxData(now);
  writeSandboxDataFile(file, data);
  return new SandboxState(data, file);
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const dataFile = resolve(options.dataFile ?? '.sandbox-data/crm.json');
  const state = loadState(dataFile, options.now ?? Date.now(), options.reseed ?? false);
  const quiet = options.quiet ?? false;
  const faults: Array<SandboxFault & { remaining: number }> = [];
  /** The first queued fault matching the request (consumed). */
  const takeFault = (method: string, path: string, eligible: (fault: SandboxFault) => boolean = () => true): SandboxFault | undefined => {
    const fault = faults.find((candidate) => (!candidate.method || candidate.method.toUpperCase() === method) && (!candidate.pathPrefix || path.startsWith(candidate.pathPrefix)) && eligible(candidate));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  };
  const salesforce = mountSalesforce({
    hubspotDataFile: dataFile,
    hubspotData: state.data,
    now: state.data.seededAt,
    reseed: options.reseed ?? false,
    quiet,
    ...(options.salesforce?.accessTokenTtlSeconds !== undefined ? { accessTokenTtlMs: options.salesforce.accessTokenTtlSeconds * 1000 } : {}),
    ...(options.salesforce?.queryBatchSize !== undefined ? { queryBatchSize: options.salesforce.queryBatchSize } : {}),
    ...(options.salesforce?.withoutBatonFields ? { withoutBatonFields: true } : {}),
    takeFault: (method, path) => takeFault(method, path, (fault) => path.startsWith('/services/data/') || (!!fault.pathPrefix && path.startsWith(fault.pathPrefix))),
  });
  // Engagement sources' dialects take only faults whose pathPrefix names them (`/rest/v1/`, `/identity/`, `/api/v5/`).
  const ownFault = (method: string, path: string) => takeFault(method, path, (fault) => !!fault.pathPrefix && path.startsWith(fault.pathPrefix));
  const marketo = createMarketoDialect({ now: state.data.seededAt, quiet, takeFault: ownFault });
  const accountEngagement = createAccountEngagementDialect({ now: state.data.seededAt, quiet, takeFault: ownFault });
  let windowStart = Date.now();
  let windowCount = 0;
  let dailyCount = 0;

  const rateLimitHeaders = (): Record<string, string> => {
    const now = Date.now();
    if (now - windowStart >= RATE_LIMIT_INTERVAL_MS) {
      windowStart = now;
      windowCount = 0;
    }
    windowCount++;
    dailyCount++;
    return {
      'X-HubSpot-RateLimit-Max': String(RATE_LIMIT_MAX),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, RATE_LIMIT_MAX - windowCount)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(RATE_LIMIT_INTERVAL_MS),
      'X-HubSpot-RateLimit-Daily': String(RATE_LIMIT_DAILY),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, RATE_LIMIT_DAILY - dailyCount)),
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const hostHeader = req.headers.host ?? `${host}:${port}`;
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    if (method === 'OPTIONS') {
      // Allow whatever headers the caller asks for on top of the usual ones (tracing ids, SDK headers).
      const requested = req.headers['access-control-request-headers'];
      res.writeHead(204, { ...CORS_HEADERS, ...(requested ? { 'Access-Control-Allow-Headers': `${CORS_HEADERS['Access-Control-Allow-Headers']}, ${requested}` } : {}) });
      res.end();
      return;
    }
    if (marketo.handles(path)) return marketo.handle(res, method, url, path, req.headers.authorization);
    if (accountEngagement.handles(path)) return accountEngagement.handle(res, method, url, path, req.headers, `http://${hostHeader}`);
    if (salesforce.handles(path)) {
      await salesforce.handle(req, res, method, url, path, `http://${hostHeader}`);
      return;
    }
    if (!API_PREFIXES.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix)) {
      servePage(res, method, path, state.portalId);
      return;
    }
    const limits = rateLimitHeaders();
    try {
      const auth = req.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
      if (!token) {
        throw new ApiError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
      }
      if (token === 'expired') {
        throw new ApiError(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired 2 hour(s) ago.', {
          subCategory: 'EXPIRED_AUTHENTICATION',
        });
      }
      const fault = takeFault(method, path);
      if (fault) {
        if (fault.retryAfterSeconds !== undefined) limits['Retry-After'] = String(fault.retryAfterSeconds);
        if (fault.status === 429 && fault.policyName !== 'DAILY') limits['X-HubSpot-RateLimit-Remaining'] = '0';
        if (fault.status === 429 && fault.policyName === 'DAILY') limits['X-HubSpot-RateLimit-Daily-Remaining'] = '0';
        throw faultError(fault);
      }
      const route = ROUTES.find((candidate) => candidate.method === method && candidate.pattern.test(path));
      if (!route) {
        const known = ROUTES.some((candidate) => candidate.pattern.test(path));
        if (known) throw new ApiError(405, 'VALIDATION_ERROR', `Method ${method} is not supported on ${path}.`);
        throw new ApiError(404, 'OBJECT_NOT_FOUND', `No route for ${method} ${path}.`);
      }
      const match = (route.pattern.exec(path) ?? []).slice(1).map((part) => {
        try {
          return decodeURIComponent(part);
        } catch {
          throw new ApiError(400, 'VALIDATION_ERROR', `Malformed URL segment "${part}".`);
        }
      });
      const body = method === 'GET' || method === 'DELETE' ? '' : await readRequestBody(req);
      const response = route.handler({ state, method, path, params: url.searchParams, body, baseUrl: `http://${hostHeader}`, host: hostHeader, now: Date.now() }, match);
      sendJson(res, response.status, response.body, { ...limits, ...response.headers });
      if (!quiet) console.log(`${method} ${url.pathname}${url.search} → ${response.status}`);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'INTERNAL_ERROR', `Internal error: ${(error as Error).message}`);
      if (!(error instanceof ApiError) && !quiet) console.error(error);
      sendJson(res, apiError.status, errorBody(apiError), limits);
      if (!quiet) console.log(`${method} ${url.pathname}${url.search} → ${apiError.status} ${apiError.category}`);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { status: 'error', message: String(error), category: 'INTERNAL_ERROR' });
      else res.destroy();
    });
  });
  let port = options.port ?? 4477;
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!quiet) console.log(`Sandbox CRM listening on ${url} (data: ${dataFile})`);
  return {
    url,
    port,
    portalId: state.portalId,
    dataFile,
    failNext(fault) {
      faults.push({ ...fault, remaining: fault.count ?? 1 });
    },
    salesforce: { orgId: salesforce.orgId, myDomain: salesforce.myDomain, instanceUrl: url, dataFile: salesforce.dataFile, expireAccessTokens: salesforce.expireAccessTokens },
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => {
          // After the last request: what it wrote is on disk before anyone reopens the file.
          flushSandboxWrites();
          if (error) rejectClose(error);
          else resolveClose();
        });
        server.closeAllConnections();
      }),
  };
}
