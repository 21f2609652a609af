import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { CORS_HEADERS, sendJson } from '../http-kit';
import { seedMarketo, SANDBOX_MARKETO_ACTIVITY_TYPES, type SandboxMarketoActivity, type SandboxMarketoData, type SandboxMarketoLead } from './marketo-seed';

/*
 * The sandbox's Marketo Engage REST dialect (read side), on the sandbox server's origin:
 *   GET|POST /identity/oauth/token?grant_type=client_credentials&client_id&client_secret
 *   GET /rest/v1/activities/types.json
 *   GET /rest/v1/leads.json?filterType=email&filterValues=a,b[&fields=…]
 *   GET /rest/v1/activities/pagingtoken.json?sinceDatetime=…
 *   GET /rest/v1/activities.json?nextPageToken&activityTypeIds&leadIds[&batchSize]
 * As Marketo: REST errors are HTTP 200 with `success:false, errors:[{code,message}]` (601 token
 * invalid, 602 expired, 606 over 100 calls in 20 s, 607 daily quota, 609 invalid JSON/params,
 * 612 bad content type...), the identity endpoint answers 401 for bad client credentials, and an
 * access token lasts an hour (`expires_in` counts down; the same token is handed out until then).
 * Faults queued on the sandbox server (failNext) are answered in this dialect: `errorCode` 601, 602,
 * 606, 607 or 615 as `success:false`; a 429 as 606 (DAILY policy: 607); a 401 as 601; 5xx as HTTP.
 */

export const SANDBOX_MARKETO_CLIENT_ID = 'baton-sandbox-marketo';
export const SANDBOX_MARKETO_CLIENT_SECRET = 'sandbox-marketo-secret';

const TOKEN_TTL_MS = 3600_000;
const WINDOW_MS = 20_000;
const WINDOW_MAX = 100;
const DEFAULT_DAILY_QUOTA = 50_000;
const MAX_BATCH = 300;

export interface MarketoFault {
  status: number;
  errorCode?: string;
  policyName?: string;
}

export interface MarketoDialectOptions {
  now: number;
  takeFault(method: string, path: string): MarketoFault | undefined;
  dailyQuota?: number;
  quiet?: boolean;
}

export interface MarketoDialect {
  handles(path: string): boolean;
  handle(res: ServerResponse, method: string, url: URL, path: string, authorization: string | undefined): void;
  data: SandboxMarketoData;
}

type Answer = { status: number; body: unknown };
// Adobe's Swagger marks `errors` and `warnings` required on every answer: both are always sent.
const ok = (result: unknown[], extra: Record<string, unknown> = {}): Answer => ({ status: 200, body: { requestId: requestId(), success: true, result, errors: [], warnings: [], ...extra } });
const failed = (code: string, message: string): Answer => ({ status: 200, body: { requestId: requestId(), success: false, errors: [{ code, message }], warnings: [] } });

function requestId(): string {
  return `${randomUUID().slice(0, 4)}#${Date.now().toString(16)}`;
}

const FAULT_MESSAGES: Record<string, string> = {
  '601': 'Access token invalid',
  '602': 'Access token expired',
  '606': 'Max rate limit \'100\' exceeded with in \'20\' secs',
  '607': 'Daily quota reached',
  '615': 'Concurrent access limit reached',
};

export function createMarketoDialect(options: MarketoDialectOptions): MarketoDialect {
  const data = seedMarketo(options.now);
  const tokens = new Map<string, number>();
  const dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
  let windowStart = Date.now();
  let windowCount = 0;
  let dailyCount = 0;

  function token(params: URLSearchParams): Answer {
    if (params.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'invalid_request', error_description: 'Missing grant type' } };
    if (params.get('client_id') !== SANDBOX_MARKETO_CLIENT_ID || params.get('client_secret') !== SANDBOX_MARKETO_CLIENT_SECRET) {
      return { status: 401, body: { error: 'unauthorized', error_description: 'Bad client credentials' } };
    }
    const now = Date.now();
    // Marketo hands out the same token until it expires.
    let current = [...tokens.entries()].find(([, expires]) => expires > now + 1000)?.[0];
    if (!current) tokens.set((current = `${randomUUID()}:sj`), now + TOKEN_TTL_MS);
    const expiresIn = Math.floor((tokens.get(current)! - now) / 1000);
    return { status: 200, body: { access_token: current, token_type: 'bearer', expires_in: expiresIn, scope: `${SANDBOX_MARKETO_CLIENT_ID}@sandbox.example` } };
  }

  function authError(authorization: string | undefined, params: URLSearchParams): Answer | null {
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? params.get('access_token');
    if (!bearer) return failed('601', 'Access token invalid');
    const expires = tokens.get(bearer);
    if (expires === undefined) return failed('601', 'Access token invalid');
    if (expires <= Date.now()) return failed('602', 'Access token expired');
    return null;
  }

  function limitError(): Answer | null {
    const now = Date.now();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      windowCount = 0;
    }
    windowCount++;
    dailyCount++;
    if (dailyCount > dailyQuota) return failed('607', 'Daily quota reached');
    if (windowCount > WINDOW_MAX) return failed('606', FAULT_MESSAGES['606']!);
    return null;
  }

  /** Comma-separated (Marketo's documented form) or repeated parameters. */
  function list(params: URLSearchParams, name: string): string[] {
    return params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }

  function leads(params: URLSearchParams): Answer {
    const filterType = params.get('filterType');
    const values = list(params, 'filterValues');
    if (!filterType || values.length === 0) return failed('1003', 'filterType and filterValues are required');
    if (values.length > 300) return failed('1003', 'Too many filter values');
    const fields = list(params, 'fields');
    const wanted = fields.length > 0 ? fields : ['id', 'email', 'firstName', 'lastName', 'updatedAt', 'createdAt'];
    let matches: SandboxMarketoLead[];
    if (filterType.toLowerCase() === 'email') matches = data.leads.filter((l) => values.some((v) => v.toLowerCase() === l.email.toLowerCase()));
    else if (filterType === 'id') matches = data.leads.filter((l) => values.includes(String(l.id)));
    else return failed('1003', `Invalid filterType '${filterType}'`);
    return ok(matches.map((l) => Object.fromEntries([['id', l.id], ...wanted.filter((f) => f !== 'id').map((f) => [f, leadField(l, f)])])));
  }

  function pagingToken(params: URLSearchParams): Answer {
    const since = Date.parse(params.get('sinceDatetime') ?? '');
    if (!Number.isFinite(since)) return failed('1001', "Invalid value for 'sinceDatetime'");
    const position = data.activities.findIndex((a) => a.activityDate >= since);
    const answer = ok([], { nextPageToken: encodeToken(position === -1 ? data.activities.length : position) });
    // ResponseOfVoid: no result.
    delete (answer.body as { result?: unknown }).result;
    return answer;
  }

  function activities(params: URLSearchParams): Answer {
    const position = decodeToken(params.get('nextPageToken'));
    if (position === null) return failed('1001', "Invalid value for 'nextPageToken'");
    const typeIds = list(params, 'activityTypeIds').map(Number);
    if (typeIds.length === 0) return failed('1003', 'activityTypeIds is required');
    if (typeIds.length > 10) return failed('1003', 'Too many activityTypeIds (10 at most)');
    const leadIds = list(params, 'leadIds').map(Number);
    if (leadIds.length > 30) return failed('1003', 'Too many leadIds (30 at most)');
    const batch = Math.min(MAX_BATCH, Math.max(1, Number(params.get('batchSize') ?? MAX_BATCH) || MAX_BATCH));
    const result: SandboxMarketoActivity[] = [];
    let at = position;
    while (at < data.activities.length && result.length < batch) {
      const activity = data.activities[at]!;
      at++;
      if (typeIds.includes(activity.activityTypeId) && (leadIds.length === 0 || leadIds.includes(activity.leadId))) result.push(activity);
    }
    const moreResult = at < data.activities.length;
    return ok(
      result.map((a) => ({ ...a, activityDate: new Date(a.activityDate).toISOString().replace('.000Z', 'Z') })),
      { nextPageToken: encodeToken(at), moreResult },
    );
  }

  function route(method: string, path: string, params: URLSearchParams): Answer {
    if (method !== 'GET') return failed('1013', `Method ${method} is not supported on ${path}`);
    switch (path) {
      case '/rest/v1/activities/types.json':
        return ok(SANDBOX_MARKETO_ACTIVITY_TYPES.map((t) => ({ ...t })));
      case '/rest/v1/leads.json':
        return leads(params);
      case '/rest/v1/activities/pagingtoken.json':
        return pagingToken(params);
      case '/rest/v1/activities.json':
        return activities(params);
      default:
        return { status: 404, body: { requestId: requestId(), success: false, errors: [{ code: '404', message: `No route for ${method} ${path}` }], warnings: [] } };
    }
  }

  function faultAnswer(fault: MarketoFault): Answer {
    const code = fault.errorCode ?? (fault.status === 429 ? (fault.policyName === 'DAILY' ? '607' : '606') : fault.status === 401 ? '601' : null);
    if (code) return failed(code, FAULT_MESSAGES[code] ?? 'Injected fault');
    return { status: fault.status, body: { requestId: requestId(), success: false, errors: [{ code: String(fault.status), message: `Injected fault: HTTP ${fault.status}` }], warnings: [] } };
  }

  return {
    data,
    handles: (path) => path === '/identity/oauth/token' || path.startsWith('/rest/v1/'),
    handle(res, method, url, path, authorization) {
      let answer: Answer;
      if (path === '/identity/oauth/token') {
        const fault = options.takeFault(method, path);
        answer = fault && fault.status >= 500 ? faultAnswer(fault) : token(url.searchParams);
      } else {
        const fault = options.takeFault(method, path);
        answer = fault ? faultAnswer(fault) : (authError(authorization, url.searchParams) ?? limitError() ?? route(method, path, url.searchParams));
      }
      sendJson(res, answer.status, answer.body, CORS_HEADERS);
      if (!options.quiet) console.log(`${method} ${url.pathname}${url.search.replace(/client_secret=[^&]*/, 'client_secret=…')} → ${answer.status}`);
    },
  };
}

function leadField(lead: SandboxMarketoLead, field: string): unknown {
  switch (field) {
    case 'createdAt':
      return new Date(lead.createdAt).toISOString().replace('.000Z', 'Z');
    case 'updatedAt':
      return new Date(lead.updatedAt).toISOString().replace('.000Z', 'Z');
    case 'email':
      return lead.email;
    case 'firstName':
      return lead.firstName;
    case 'lastName':
      return lead.lastName;
    default:
      return null;
  }
}

/** An opaque-looking paging token: a position in the instance's activity stream. */
function encodeToken(position: number): string {
  return Buffer.from(`sandbox-activity-stream:${position}`).toString('base64url');
}

function decodeToken(token: string | null): number | null {
  if (!token) return null;
  const match = /^sandbox-activity-stream:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}
