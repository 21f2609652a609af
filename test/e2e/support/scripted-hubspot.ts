/**
 * A scripted HubSpot for the production build's end-to-end tests: `context.route` serves
 * https://app.hubspot.com record pages and answers https://api.hubapi.com calls from fixtures
 * shaped like HubSpot's documented payloads (test/fixtures/hubspot). It records every request (with
 * its JSON body) so tests can assert on what Baton sent. The write side keeps state in memory:
 * property setup, notes with their associations, and contact updates, so a disposition can be
 * read back the way marketing would see it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Request, Route } from '@playwright/test';
import { listRequiredHubSpotScopes } from '../../../lib/crm/hubspot/required-scopes';

const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/hubspot', name), 'utf8')) as unknown;

export const HUBSPOT_PORTAL = '4711';
export const HUBSPOT_CONTACT = '51';
/** A Leads record (object 0-136) associated with HUBSPOT_CONTACT, and one with no contact. */
export const HUBSPOT_LEAD = '7001';
export const HUBSPOT_LEAD_WITHOUT_CONTACT = '7002';
export const VALID_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

export interface ScriptedRequest {
  method: string;
  path: string;
  auth: string | null;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

export interface ScriptedNote {
  id: string;
  properties: Record<string, string>;
  /** The contact ids it is associated with, and by which association type id. */
  associations: { contactId: string; typeId: number }[];
}

export interface ScriptedHubSpot {
  requests: ScriptedRequest[];
  /** Notes created through `POST /crm/v3/objects/notes`, in order. */
  notes: ScriptedNote[];
  /** Contact properties written through PATCH, merged (what a later GET returns on top of the fixture). */
  contactUpdates: Record<string, string>;
  /** Baton properties created through the properties API. */
  createdProperties: Map<string, unknown>;
  /** Next answers for a path prefix, consumed in order before the default answer. */
  queue(pathPrefix: string, ...responses: { status: number; body: unknown; headers?: Record<string, string> }[]): void;
}

/** A record page that behaves like HubSpot's: an SPA with in-app links between records. */
function recordPage(): string {
  return `<!doctype html><html><head><title>Contact | HubSpot</title></head><body style="font-family:sans-serif;margin:0">
<nav style="background:#2d3e50;color:#fff;padding:12px">HubSpot (scripted)</nav>
<main style="padding:16px;max-width:900px"><h1 id="name">Contact record</h1>
<a id="to-list" href="/contacts/${HUBSPOT_PORTAL}/objects/0-1/views/all/list">All contacts</a></main>
<script>
document.getElementById('to-list').addEventListener('click', (e) => { e.preventDefault(); history.pushState({}, '', e.target.getAttribute('href')); document.getElementById('name').textContent = 'Contacts'; });
</script></body></html>`;
}

export interface ScriptedHubSpotOptions {
  scopes?: readonly string[];
  /** The token HubSpot accepts (default VALID_TOKEN, a private-app token). */
  token?: string;
  /** Makes `token` an OAuth access token with this many seconds left, as `GET /oauth/v1/access-tokens/{token}` reports. */
  oauthExpiresInSeconds?: number;
}

export async function installScriptedHubSpot(context: BrowserContext, options: ScriptedHubSpotOptions = {}): Promise<ScriptedHubSpot> {
  const scopes = options.scopes ?? listRequiredHubSpotScopes();
  const token = options.token ?? VALID_TOKEN;
  const requests: ScriptedHubSpot['requests'] = [];
  const notes: ScriptedNote[] = [];
  const contactUpdates: Record<string, string> = {};
  const createdProperties = new Map<string, unknown>();
  let propertyGroupCreated = false;
  let nextNoteId = 90001;
  const nowIso = () => new Date().toISOString();
  const queued = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();

  await context.route('https://app.hubspot.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: recordPage() }));

  await context.route('https://api.hubapi.com/**', async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const auth = request.headers()['authorization'] ?? null;
    const body = parseBody(request.postData());
    const method = request.method();
    requests.push({ method, path: url.pathname + url.search, auth, body });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body), headers: { 'access-control-allow-origin': '*', ...headers } });

    for (const [prefix, answers] of queued) {
      if (url.pathname.startsWith(prefix) && answers.length > 0) {
        const next = answers.shift()!;
        return json(next.status, next.body, next.headers);
      }
    }
    if (auth !== `Bearer ${token}`) {
      return json(401, { status: 'error', message: 'Authentication credentials not found.', correlationId: 'c-401', category: 'INVALID_AUTHENTICATION' });
    }
    const path = url.pathname;
    if (options.oauthExpiresInSeconds !== undefined && path === `/oauth/v1/access-tokens/${token}`) {
      return json(200, { token, hub_id: Number(HUBSPOT_PORTAL), app_id: 456789, user_id: 1, user: 'admin@example.com', scopes: ['oauth', ...scopes], token_type: 'access', expires_in: options.oauthExpiresInSeconds });
    }
    if (path === '/oauth/v2/private-apps/get/access-token-info' && method === 'POST') {
      return json(200, { userId: 42, hubId: Number(HUBSPOT_PORTAL), appId: 1901234, scopes });
    }
    if (path === '/account-info/v3/details') return json(200, { portalId: Number(HUBSPOT_PORTAL), timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' }, { 'x-hubspot-ratelimit-daily-remaining': '249000', 'x-hubspot-ratelimit-daily': '250000' });
    const contactPath = `/crm/v3/objects/contacts/${HUBSPOT_CONTACT}`;
    if (path === contactPath && method === 'PATCH') {
      const properties = (body as { properties?: Record<string, unknown> } | null)?.properties ?? {};
      // Like HubSpot: a property the portal lacks refuses the whole update; values must be strings.
      const missing = Object.keys(properties).find((name) => name.startsWith('baton_') && !createdProperties.has(name));
      if (missing) return json(400, fixture('error-400-property-doesnt-exist.json'));
      const notString = Object.entries(properties).find(([, value]) => typeof value !== 'string');
      if (notString) return json(400, { status: 'error', message: `Property "${notString[0]}" must be a string`, correlationId: 'c-400', category: 'VALIDATION_ERROR' });
      Object.assign(contactUpdates, properties);
      return json(200, withUpdates(fixture('contact.json'), contactUpdates, nowIso()));
    }
    if (path === contactPath) return json(200, withUpdates(fixture('contact.json'), contactUpdates, null));
    if (path === `/crm/v4/objects/contacts/${HUBSPOT_CONTACT}/associations/notes`) {
      const results = notes
        .filter((n) => n.associations.some((a) => a.contactId === HUBSPOT_CONTACT))
        .map((n) => ({ toObjectId: Number(n.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 202, label: null }] }));
      return json(200, { results });
    }
    // HubSpot Leads records (0-136): one that belongs to the fixture contact, one without a contact.
    if (path === `/crm/v4/objects/leads/${HUBSPOT_LEAD}/associations/contacts`) {
      return json(200, { results: [{ toObjectId: Number(HUBSPOT_CONTACT), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: 'Primary' }] }] });
    }
    if (path === `/crm/v4/objects/leads/${HUBSPOT_LEAD_WITHOUT_CONTACT}/associations/contacts`) return json(200, { results: [] });
    if (/^\/crm\/v4\/objects\/contacts\/[^/]+\/associations\/(notes|calls|emails)$/.test(path)) return json(200, { results: [] });
    if (path === '/crm/v3/objects/notes/batch/read' && method === 'POST') {
      const wanted = ((body as { inputs?: { id: string }[] } | null)?.inputs ?? []).map((i) => String(i.id));
      const results = notes.filter((n) => wanted.includes(n.id)).map((n) => toObject(n.id, n.properties));
      return json(200, { status: 'COMPLETE', results, startedAt: nowIso(), completedAt: nowIso() });
    }
    if (path === '/crm/v3/objects/notes' && method === 'POST') {
      const create = body as { properties?: Record<string, string>; associations?: { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[] };
      const note: ScriptedNote = {
        id: String(nextNoteId++),
        properties: { ...(create.properties ?? {}) },
        associations: (create.associations ?? []).flatMap((a) => a.types.map((t) => ({ contactId: String(a.to.id), typeId: t.associationTypeId }))),
      };
      notes.push(note);
      return json(201, toObject(note.id, note.properties));
    }
    if (path === '/crm/v3/properties/contacts/groups' && method === 'POST') {
      if (propertyGroupCreated) return json(409, { status: 'error', message: 'A property group named baton already exists.', correlationId: 'c-409', category: 'OBJECT_ALREADY_EXISTS' });
      propertyGroupCreated = true;
      return json(201, { ...(body as object), displayOrder: -1, archived: false });
    }
    if (path === '/crm/v3/properties/contacts' && method === 'POST') {
      const definition = body as { name: string };
      if (createdProperties.has(definition.name)) {
        return json(409, { status: 'error', message: `A property named '${definition.name}' already exists.`, correlationId: 'c-409', category: 'OBJECT_ALREADY_EXISTS' });
      }
      const created = { options: [], description: '', ...definition, hidden: false, formField: false, hubspotDefined: false, createdAt: nowIso(), updatedAt: nowIso(), archived: false };
      createdProperties.set(definition.name, created);
      return json(201, created);
    }
    if (path.startsWith('/crm/v3/properties/contacts/') && method === 'GET' && createdProperties.has(decodeURIComponent(path.split('/').pop() ?? ''))) {
      return json(200, createdProperties.get(decodeURIComponent(path.split('/').pop() ?? '')));
    }
    if (path.startsWith('/crm/v3/objects/contacts/')) return json(404, { status: 'error', message: 'Object not found.', correlationId: 'c-404', category: 'OBJECT_NOT_FOUND' });
    if (path === '/crm/v3/properties/contacts') return json(200, fixture('properties-contacts.json'));
    if (path.startsWith('/crm/v3/owners/')) return json(200, fixture('owner.json'));
    if (path === '/events/v3/events') return json(200, fixture('web-events.json'));
    if (path === '/email/public/v1/events') return json(200, fixture('email-events.json'));
    if (path.startsWith('/email/public/v1/campaigns/')) return json(200, fixture('email-campaign.json'));
    if (/^\/crm\/v3\/objects\/(calls|emails|meetings)\/batch\/read$/.test(path)) return json(200, fixture('engagements-batch.json'));
    // Legacy engagements v1: the documented example page (a call, emails, a meeting, notes, a
    // task) plus the notes Baton wrote through v3, paged by limit/offset like HubSpot.
    if (path === `/engagements/v1/engagements/associated/CONTACT/${HUBSPOT_CONTACT}/paged`) {
      const all = [...notes.filter((n) => n.associations.some((a) => a.contactId === HUBSPOT_CONTACT)).map(toV1Note).reverse(), ...(fixture('engagements-v1-associated.json') as { results: unknown[] }).results];
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 100));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const results = all.slice(offset, offset + limit);
      return json(200, { results, hasMore: offset + results.length < all.length, offset: offset + results.length });
    }
    return json(404, { status: 'error', message: `No route for ${path} in the scripted HubSpot.`, correlationId: 'c-x', category: 'OBJECT_NOT_FOUND' });
  });

  return {
    requests,
    notes,
    contactUpdates,
    createdProperties,
    queue(prefix, ...responses) {
      queued.set(prefix, [...(queued.get(prefix) ?? []), ...responses]);
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

function toObject(id: string, properties: Record<string, string>) {
  const at = new Date().toISOString();
  return { id, properties: { hs_object_id: id, ...properties }, createdAt: at, updatedAt: at, archived: false };
}

/** A note written through v3, as the v1 engagements read lists it. */
function toV1Note(note: ScriptedNote) {
  const at = Date.parse(note.properties['hs_timestamp'] ?? '') || Date.now();
  const owner = Number(note.properties['hubspot_owner_id']);
  return {
    engagement: { id: Number(note.id), portalId: Number(HUBSPOT_PORTAL), active: true, createdAt: at, lastUpdated: at, type: 'NOTE', timestamp: at, ...(Number.isInteger(owner) ? { ownerId: owner } : {}) },
    associations: { contactIds: note.associations.map((a) => Number(a.contactId)), companyIds: [], dealIds: [], ownerIds: [], workflowIds: [], ticketIds: [] },
    attachments: [],
    metadata: { body: note.properties['hs_note_body'] ?? '' },
  };
}

/** The fixture contact with the writes applied on top, as HubSpot would return it after a PATCH. */
function withUpdates(contact: unknown, updates: Record<string, string>, updatedAt: string | null): unknown {
  const c = contact as { properties: Record<string, string | null>; updatedAt?: string };
  return { ...c, properties: { ...c.properties, ...updates }, ...(updatedAt ? { updatedAt } : {}) };
}
