/**
 * A scripted Salesforce org for the production build's end-to-end tests, written from Salesforce's
 * public references (REST API Developer Guide: query, sObject rows, upsert by external id,
 * composite, status codes and error responses, `Sforce-Limit-Info`; OAuth 2.0 web server flow with
 * PKCE; Object Reference: Lead, LeadHistory, LeadStatus, Task, CampaignMember), not from Baton's
 * sandbox CRM. `context.route` serves the Lightning record page on acme.lightning.force.com and
 * answers the worker's fetches to acme.my.salesforce.com; the authorize step of
 * `launchWebAuthFlow`, which `context.route` never sees, is answered through a browser-level CDP
 * `Fetch` session (../shared/TOOLCHAIN.md). Every request is recorded; Tasks and the Lead's
 * fields keep state in memory, so what Baton wrote can be read back.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Request, Route } from '@playwright/test';

export const SF_MY_DOMAIN = 'acme.my.salesforce.com';
export const SF_LIGHTNING = 'https://acme.lightning.force.com';
export const SF_ORG_ID = '00D5e000000AbCdEAA';
export const SF_USER_ID = '0055e000001XyZaAAC';
export const SF_LEAD_ID = '00Q5e000002LdAbEAK';
export const SF_CONSUMER_KEY = '3MVG9scriptedConsumerKeyForBatonE2eTestsOnly0123456789';
const API = '/services/data/v62.0';
const API_MAX = 15_000;

export interface SfRequest {
  method: string;
  /** Path and query, decoded for reading (`q=` SOQL in plain text). */
  path: string;
  auth: string | null;
  body: unknown;
  headers: Record<string, string>;
}

export interface SfTask {
  Id: string;
  Baton_Id__c: string;
  fields: Record<string, unknown>;
}

export interface SfAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ScriptedSalesforce {
  requests: SfRequest[];
  /** Tasks by their Baton_Id__c (the External ID field the writer upserts on). */
  tasks: Map<string, SfTask>;
  /** The Lead's fields now (the fixture with every PATCH applied). */
  lead: Record<string, unknown>;
  /** Token requests by grant type. */
  tokenGrants: string[];
  /** Answers for requests matching `when`, consumed in order before the org's own answer. */
  queue(when: (request: SfRequest) => boolean, ...answers: SfAnswer[]): void;
  /** Holds the answer to requests matching `when` after the org applied them (the answer is lost). */
  holdAnswers(when: (request: SfRequest) => boolean): { held: Promise<void> };
  /** Lets every later request through to the org's own answer (queued answers are dropped). */
  clearScript(): void;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** The Lightning record page: a one-page app whose URL names the record (the content script reads it). */
function lightningPage(): string {
  return `<!doctype html><html><head><title>Lead | Salesforce</title></head><body style="font-family:sans-serif;margin:0">
<nav style="background:#032d60;color:#fff;padding:12px">Sales (scripted Lightning)</nav>
<main style="padding:16px;max-width:900px"><h1>Lead record</h1></main></body></html>`;
}

function initialLead(now: number): Record<string, unknown> {
  return {
    attributes: { type: 'Lead', url: `${API}/sobjects/Lead/${SF_LEAD_ID}` },
    Id: SF_LEAD_ID,
    FirstName: 'Priya',
    LastName: 'Natarajan',
    Email: 'priya@rivalsoft.io',
    Phone: '+1 415 555 0100',
    Title: 'Product Marketing Manager',
    Company: 'RivalSoft',
    Industry: 'Computer Software',
    NumberOfEmployees: 240,
    Country: 'United States',
    Website: 'https://rivalsoft.io',
    Description: 'Asked for a demo and a price list.',
    Status: 'Open - Not Contacted',
    LeadSource: 'Web',
    Rating: 'Warm',
    OwnerId: SF_USER_ID,
    Owner: { attributes: { type: 'User' }, Name: 'Sam Rep', Email: 'sam@acme.com' },
    CreatedDate: iso(now - 20 * 60_000),
    LastModifiedDate: iso(now - 20 * 60_000),
  };
}

const LEAD_DESCRIBE_FIELDS = [
  ['Id', 'Lead ID', 'id'], ['FirstName', 'First Name', 'string'], ['LastName', 'Last Name', 'string'], ['Email', 'Email', 'email'],
  ['Phone', 'Phone', 'phone'], ['Title', 'Title', 'string'], ['Company', 'Company', 'string'], ['Industry', 'Industry', 'picklist'],
  ['NumberOfEmployees', 'Employees', 'int'], ['Country', 'Country', 'string'], ['Website', 'Website', 'url'], ['Description', 'Description', 'textarea'],
  ['Status', 'Lead Status', 'picklist'], ['LeadSource', 'Lead Source', 'picklist'], ['Rating', 'Rating', 'picklist'], ['OwnerId', 'Owner ID', 'reference'],
  ['CreatedDate', 'Created Date', 'datetime'], ['LastModifiedDate', 'Last Modified Date', 'datetime'],
] as const;

/** LeadStatus rows (Object Reference: LeadStatus), in SortOrder. */
const LEAD_STATUSES = [
  { ApiName: 'Open - Not Contacted', MasterLabel: 'Open - Not Contacted', IsConverted: false, IsDefault: true, SortOrder: 1 },
  { ApiName: 'Working - Contacted', MasterLabel: 'Working - Contacted', IsConverted: false, IsDefault: false, SortOrder: 2 },
  { ApiName: 'Closed - Converted', MasterLabel: 'Closed - Converted', IsConverted: true, IsDefault: false, SortOrder: 3 },
  { ApiName: 'Closed - Not Converted', MasterLabel: 'Closed - Not Converted', IsConverted: false, IsDefault: false, SortOrder: 4 },
];

export async function installScriptedSalesforce(context: BrowserContext): Promise<ScriptedSalesforce> {
  const now = Date.now();
  const requests: SfRequest[] = [];
  const tasks = new Map<string, SfTask>();
  const lead = initialLead(now);
  const tokenGrants: string[] = [];
  let scripted: { when: (r: SfRequest) => boolean; answers: SfAnswer[] }[] = [];
  let holds: { when: (r: SfRequest) => boolean; release: () => void }[] = [];
  let apiUsed = 120;
  let accessToken = 'scripted-access-1';
  let tokenNumber = 1;
  const refreshToken = 'scripted-refresh-token';
  const challenges = new Map<string, string>();
  let nextTask = 1;

  // The authorize step: approve at once (the admin is signed in and the app is pre-authorised).
  const cdp = await context.browser()!.newBrowserCDPSession();
  cdp.on('Fetch.requestPaused', async (e: { requestId: string; request: { url: string } }) => {
    const u = new URL(e.request.url);
    if (u.pathname !== '/services/oauth2/authorize') return cdp.send('Fetch.continueRequest', { requestId: e.requestId });
    const code = `scripted-code-${challenges.size + 1}`;
    if (u.searchParams.get('code_challenge_method') === 'S256') challenges.set(code, u.searchParams.get('code_challenge') ?? '');
    const location = `${u.searchParams.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(u.searchParams.get('state') ?? '')}`;
    await cdp.send('Fetch.fulfillRequest', { requestId: e.requestId, responseCode: 302, responseHeaders: [{ name: 'Location', value: location }], body: '' });
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `https://${SF_MY_DOMAIN}/services/oauth2/authorize*`, requestStage: 'Request' }] });

  await context.route(`${SF_LIGHTNING}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: lightningPage() }));

  await context.route(`https://${SF_MY_DOMAIN}/**`, async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const method = request.method();
    const recorded: SfRequest = {
      method,
      path: decodeURIComponent(url.pathname + url.search).replace(/\+/g, ' '),
      auth: request.headers()['authorization'] ?? null,
      body: parseBody(request.postData()),
      headers: request.headers(),
    };
    requests.push(recorded);
    const limitInfo = () => ({ 'Sforce-Limit-Info': `api-usage=${apiUsed}/${API_MAX}` });
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      route.fulfill({ status, contentType: 'application/json;charset=UTF-8', body: body === undefined ? '' : JSON.stringify(body), headers });

    const script = scripted.find((s) => s.answers.length > 0 && s.when(recorded));
    if (script) {
      const next = script.answers.shift()!;
      return answer(next.status, next.body, { ...limitInfo(), ...next.headers });
    }

    // OAuth token endpoint (form-encoded; answers JSON).
    if (url.pathname === '/services/oauth2/token' && method === 'POST') {
      const form = new URLSearchParams(request.postData() ?? '');
      const grant = form.get('grant_type') ?? '';
      tokenGrants.push(grant);
      if (form.get('client_id') !== SF_CONSUMER_KEY) return answer(400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
      if (grant === 'authorization_code') {
        const challenge = challenges.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!challenge || createHash('sha256').update(verifier).digest('base64url') !== challenge) return answer(400, { error: 'invalid_grant', error_description: 'invalid code verifier' });
        return answer(200, tokenAnswer(accessToken, refreshToken));
      }
      if (grant === 'refresh_token' && form.get('refresh_token') === refreshToken) {
        accessToken = `scripted-access-${++tokenNumber}`;
        return answer(200, tokenAnswer(accessToken));
      }
      return answer(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    }
    if (url.pathname === '/services/oauth2/revoke') return answer(200, undefined);

    if (recorded.auth !== `Bearer ${accessToken}`) return answer(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    apiUsed++;
    const headers = limitInfo();

    if (url.pathname === `/id/${SF_ORG_ID}/${SF_USER_ID}`) {
      return answer(200, { id: `https://login.salesforce.com/id/${SF_ORG_ID}/${SF_USER_ID}`, user_id: SF_USER_ID, organization_id: SF_ORG_ID, username: 'admin@acme.com', display_name: 'Alex Admin', email: 'admin@acme.com' });
    }
    if (url.pathname === `${API}/` || url.pathname === API) {
      return answer(200, { sobjects: `${API}/sobjects`, query: `${API}/query`, composite: `${API}/composite`, limits: `${API}/limits` }, headers);
    }
    if (url.pathname === `${API}/sobjects/Lead/describe`) {
      return answer(200, { name: 'Lead', label: 'Lead', fields: LEAD_DESCRIBE_FIELDS.map(([name, label, type]) => ({ name, label, type })) }, headers);
    }
    if (url.pathname === `${API}/query`) return answer(200, query(url.searchParams.get('q') ?? ''), headers);
    if (url.pathname === `${API}/composite` && method === 'POST') {
      const body = recorded.body as { compositeRequest: { method: string; url: string; referenceId: string }[] };
      const compositeResponse = body.compositeRequest.map((sub) => {
        const q = new URL(sub.url, `https://${SF_MY_DOMAIN}`).searchParams.get('q') ?? '';
        return { body: query(q), httpHeaders: {}, httpStatusCode: 200, referenceId: sub.referenceId };
      });
      return answer(200, { compositeResponse }, headers);
    }
    const upsert = new RegExp(`^${API}/sobjects/Task/Baton_Id__c/([^/]+)$`).exec(url.pathname);
    if (upsert && method === 'PATCH') {
      const batonId = decodeURIComponent(upsert[1]!);
      const fields = recorded.body as Record<string, unknown>;
      const existing = tasks.get(batonId);
      const task: SfTask = existing ? { ...existing, fields: { ...existing.fields, ...fields } } : { Id: `00T5e00000${String(nextTask++).padStart(6, '0')}AA`, Baton_Id__c: batonId, fields };
      tasks.set(batonId, task);
      await waitForHolds(recorded);
      // Upsert: 201 and created true when inserted; 200 and created false when an existing row was updated.
      return answer(existing ? 200 : 201, { id: task.Id, success: true, errors: [], created: !existing }, headers).catch(() => undefined);
    }
    if (url.pathname === `${API}/sobjects/Lead/${SF_LEAD_ID}` && method === 'PATCH') {
      const unmodifiedSince = request.headers()['if-unmodified-since'];
      if (unmodifiedSince && Date.parse(String(lead.LastModifiedDate).replace('+0000', 'Z')) > Date.parse(unmodifiedSince)) {
        return answer(412, [{ message: 'The requested resource has been modified since the date in the If-Unmodified-Since header.', errorCode: 'PRECONDITION_FAILED' }], headers);
      }
      Object.assign(lead, recorded.body as Record<string, unknown>, { LastModifiedDate: iso(Date.now()) });
      await waitForHolds(recorded);
      return route.fulfill({ status: 204, body: '', headers }).catch(() => undefined);
    }
    return answer(404, [{ message: `The requested resource does not exist (${method} ${url.pathname})`, errorCode: 'NOT_FOUND' }], headers);
  });

  async function waitForHolds(request: SfRequest): Promise<void> {
    const matching = holds.filter((h) => h.when(request));
    if (matching.length === 0) return;
    holds = holds.filter((h) => !matching.includes(h));
    for (const h of matching) h.release();
    // The answer never comes: the worker is stopped meanwhile.
    await new Promise(() => {});
  }

  /** The org's answer to the SOQL Baton sends: by the object it reads from. */
  function query(soql: string): unknown {
    const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '';
    const page = (records: unknown[]) => ({ totalSize: records.length, done: true, records });
    switch (from) {
      case 'Lead':
        return page(soql.includes(SF_LEAD_ID) ? [lead] : []);
      case 'LeadHistory':
        return page([
          { attributes: { type: 'LeadHistory' }, Field: 'created', OldValue: null, NewValue: null, CreatedDate: lead.CreatedDate, CreatedById: SF_USER_ID, CreatedBy: { Name: 'Web-to-Lead', UserType: 'Guest' } },
        ]);
      case 'Task': {
        const byBatonId = /Baton_Id__c\s*=\s*'([^']+)'/.exec(soql)?.[1];
        const rows = [...tasks.values()].filter((t) => !byBatonId || t.Baton_Id__c === byBatonId);
        return page(rows.map((t) => ({ attributes: { type: 'Task' }, Id: t.Id, Subject: t.fields.Subject ?? null, Description: t.fields.Description ?? null, Type: t.fields.Type ?? null, Status: t.fields.Status ?? 'Completed', CreatedDate: iso(now), CreatedById: SF_USER_ID, CreatedBy: { Name: 'Sam Rep', UserType: 'Standard' } })));
      }
      case 'Event':
        return page([]);
      case 'CampaignMember':
        return page([
          { attributes: { type: 'CampaignMember' }, Id: '00v5e000003CmAbAAC', CampaignId: '7015e000000CaMpAAG', Campaign: { Name: 'Pricing page demo request', Type: 'Webinar' }, Status: 'Responded', HasResponded: true, FirstRespondedDate: iso(now - 21 * 60_000).slice(0, 10), CreatedDate: iso(now - 21 * 60_000) },
        ]);
      case 'LeadStatus':
        return page(LEAD_STATUSES.map((s) => ({ attributes: { type: 'LeadStatus' }, ...s })));
      default:
        return page([]);
    }
  }

  function tokenAnswer(access: string, refresh?: string) {
    return {
      access_token: access,
      ...(refresh ? { refresh_token: refresh } : {}),
      signature: 'c2lnbmF0dXJl',
      scope: 'refresh_token api',
      instance_url: `https://${SF_MY_DOMAIN}`,
      id: `https://login.salesforce.com/id/${SF_ORG_ID}/${SF_USER_ID}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    };
  }

  return {
    requests,
    tasks,
    lead,
    tokenGrants,
    queue(when, ...answers) {
      scripted.push({ when, answers });
    },
    holdAnswers(when) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      holds.push({ when, release });
      return { held };
    },
    clearScript() {
      scripted = [];
      holds = [];
    },
  };
}

function parseBody(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
