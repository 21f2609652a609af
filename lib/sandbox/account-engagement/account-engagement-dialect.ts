import type { ServerResponse } from 'node:http';
import { CORS_HEADERS, sendJson } from '../http-kit';
import { seedAccountEngagement, SANDBOX_BUSINESS_UNIT_ID, type SandboxAccountEngagementData, type SandboxProspect, type SandboxVisitorActivity } from './account-engagement-seed';

/*
 * The sandbox's Account Engagement API v5 dialect (read side), on the sandbox server's origin:
 *   GET /api/v5/objects/prospects?fields=…[&email=…][&limit=…]
 *   GET /api/v5/objects/visitor-activities?fields=…[&prospectId=…][&orderBy=createdAt desc][&limit=…]
 * As v5: `fields` is required; queries answer `{values, nextPageToken, nextPageUrl}` (the next
 * page's URL carries only the token); `limit` is 200 by default and 1000 at most; times carry the
 * API user's offset; errors are `{code, message}`. Every request needs `Authorization: Bearer …`
 * (any token the sandbox's Salesforce sign-in issued; the sandbox does not tell them apart, and
 * `expired` stands for an expired one) and `Pardot-Business-Unit-Id` with the seeded business unit.
 * Faults queued on the sandbox server (failNext, pathPrefix `/api/v5/`) answer in this dialect:
 * 429 with code 66 (concurrent requests) or, DAILY, 122 (daily API limit); 401 code 184; 5xx as is.
 */

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 200;
/** The API user's time zone offset the sandbox answers in (as a US Eastern user's, in summer). */
const OFFSET_MINUTES = -4 * 60;

export interface AccountEngagementFault {
  status: number;
  policyName?: string;
}

export interface AccountEngagementDialectOptions {
  now: number;
  takeFault(method: string, path: string): AccountEngagementFault | undefined;
  quiet?: boolean;
}

type Answer = { status: number; body: unknown };
const error = (status: number, code: number, message: string): Answer => ({ status, body: { code, message } });

export function createAccountEngagementDialect(options: AccountEngagementDialectOptions) {
  const data: SandboxAccountEngagementData = seedAccountEngagement(options.now);

  function check(headers: Record<string, string | string[] | undefined>): Answer | null {
    const bearer = /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
    if (!bearer || bearer === 'expired') return error(401, 184, 'access_token is invalid, unverified, or has expired');
    if (headers['pardot-business-unit-id'] !== SANDBOX_BUSINESS_UNIT_ID) return error(401, 181, 'Invalid Pardot-Business-Unit-Id header');
    return null;
  }

  function query<T>(params: URLSearchParams, baseUrl: string, path: string, rows: (q: URLSearchParams) => T[] | Answer, project: (row: T, fields: string[]) => Record<string, unknown>): Answer {
    // A next-page token carries the original query and where the page starts.
    const token = params.get('nextPageToken');
    let q = params;
    let offset = 0;
    if (token) {
      const decoded = decodeToken(token);
      if (!decoded) return error(400, 47, 'Invalid nextPageToken');
      q = new URLSearchParams(decoded.query);
      offset = decoded.offset;
    }
    const fields = (q.get('fields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (fields.length === 0) return error(400, 64, 'The "fields" parameter is required');
    const limit = Number(q.get('limit') ?? DEFAULT_LIMIT);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return error(400, 65, `Invalid limit: at most ${MAX_LIMIT}`);
    const all = rows(q);
    if (!Array.isArray(all)) return all;
    const page = all.slice(offset, offset + limit);
    const more = offset + limit < all.length;
    const nextPageToken = more ? encodeToken({ query: q.toString(), offset: offset + limit }) : null;
    return {
      status: 200,
      body: { nextPageToken, nextPageUrl: nextPageToken ? `${baseUrl}${path}?nextPageToken=${encodeURIComponent(nextPageToken)}` : null, values: page.map((row) => project(row, fields)) },
    };
  }

  function prospects(q: URLSearchParams): SandboxProspect[] {
    const email = q.get('email');
    return data.prospects.filter((p) => !email || p.email.toLowerCase() === email.toLowerCase());
  }

  function activities(q: URLSearchParams): SandboxVisitorActivity[] | Answer {
    const prospectId = q.get('prospectId');
    const orderBy = (q.get('orderBy') ?? 'id asc').trim().toLowerCase();
    const [field, direction = 'asc'] = orderBy.split(/\s+/);
    if (field !== 'id' && field !== 'createdat') return error(400, 66_001, `Cannot order by ${field}`);
    const rows = data.activities.filter((a) => !prospectId || String(a.prospectId) === prospectId);
    const key = (a: SandboxVisitorActivity) => (field === 'id' ? a.id : a.createdAt);
    return rows.sort((a, b) => (direction === 'desc' ? key(b) - key(a) || b.id - a.id : key(a) - key(b) || a.id - b.id));
  }

  function route(method: string, path: string, params: URLSearchParams, baseUrl: string): Answer {
    if (method !== 'GET') return error(405, 19, `Method ${method} is not supported here`);
    if (path === '/api/v5/objects/prospects') return query(params, baseUrl, path, prospects, projectProspect);
    if (path === '/api/v5/objects/visitor-activities') return query(params, baseUrl, path, activities, projectActivity);
    return error(404, 404, `No route for ${method} ${path}`);
  }

  function faultAnswer(fault: AccountEngagementFault): Answer {
    if (fault.status === 429) return fault.policyName === 'DAILY' ? error(429, 122, 'Daily API rate limit met') : error(429, 66, 'The account has exceeded the maximum number of concurrent API requests');
    if (fault.status === 401) return error(401, 184, 'access_token is invalid, unverified, or has expired');
    return error(fault.status, fault.status, `Injected fault: HTTP ${fault.status}`);
  }

  return {
    data,
    handles: (path: string) => path.startsWith('/api/v5/'),
    handle(res: ServerResponse, method: string, url: URL, path: string, headers: Record<string, string | string[] | undefined>, baseUrl: string) {
      const fault = options.takeFault(method, path);
      const answer = fault ? faultAnswer(fault) : (check(headers) ?? route(method, path, url.searchParams, baseUrl));
      sendJson(res, answer.status, answer.body, CORS_HEADERS);
      if (!options.quiet) console.log(`${method} ${url.pathname}${url.search} → ${answer.status}`);
    },
  };
}

function projectProspect(p: SandboxProspect, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = { id: p.id, email: p.email, firstName: p.firstName, lastName: p.lastName, salesforceId: p.salesforceId, createdAt: withOffset(p.createdAt) };
  return Object.fromEntries(fields.map((f) => [f, all[f] ?? null]));
}

function projectActivity(a: SandboxVisitorActivity, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = { id: a.id, type: a.type, typeName: a.typeName, details: a.details, prospectId: a.prospectId, visitorId: a.visitorId, campaignId: a.campaignId || null, createdAt: withOffset(a.createdAt) };
  return Object.fromEntries(fields.map((f) => [f, all[f] ?? null]));
}

/** `2026-08-06T11:44:04-04:00`: the instant in the API user's offset. */
export function withOffset(at: number): string {
  const shifted = new Date(at + OFFSET_MINUTES * 60_000).toISOString().replace(/\.\d{3}Z$/, '');
  const sign = OFFSET_MINUTES < 0 ? '-' : '+';
  const abs = Math.abs(OFFSET_MINUTES);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function encodeToken(state: { query: string; offset: number }): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeToken(token: string): { query: string; offset: number } | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'string' && Number.isInteger((value as { offset?: unknown }).offset)) return value as { query: string; offset: number };
  } catch {
    // fall through
  }
  return null;
}
