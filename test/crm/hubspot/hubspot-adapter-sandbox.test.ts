import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import type { HubSpotAdapter } from '../../../lib/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { CONTACT_PROPERTIES } from '../../../lib/crm/hubspot/hubspot-contact-mappers';
import { CALL_PROPERTIES, EMAIL_PROPERTIES, hubSpotPropertyDefinitionsSchema, MEETING_PROPERTIES } from '../../../lib/crm/hubspot/hubspot-schemas';
import type { LeadRef } from '../../../lib/domain/lead';

/*
 * The HubSpot adapter against Baton's sandbox CRM (lib/sandbox, which speaks the HubSpot dialect).
 * The sandbox is written in parallel with this adapter: it is loaded dynamically so this file
 * compiles and skips, with a message, on a tree where it does not exist yet.
 */

const SERVER_MODULE = fileURLToPath(new URL('../../../lib/sandbox/sandbox-server.ts', import.meta.url));
const SCENARIOS_MODULE = fileURLToPath(new URL('../../../lib/sandbox/scenarios.ts', import.meta.url));
const sandboxExists = existsSync(SERVER_MODULE) && existsSync(SCENARIOS_MODULE);
if (!sandboxExists) {
  console.warn('Skipping the HubSpot adapter sandbox tests: lib/sandbox/sandbox-server.ts does not exist yet.');
}

/** The parts of the sandbox this test relies on (kept local so the file compiles without it). */
interface SandboxServer {
  url: string;
  portalId: string;
  close(): Promise<void>;
}
interface SandboxModules {
  startSandboxServer(options: { port: number; dataFile: string; quiet?: boolean }): Promise<SandboxServer>;
  scenarios: Record<string, string>;
}

async function loadSandbox(): Promise<SandboxModules> {
  const server = (await import(/* @vite-ignore */ SERVER_MODULE)) as { startSandboxServer: SandboxModules['startSandboxServer'] };
  const scenarios = (await import(/* @vite-ignore */ SCENARIOS_MODULE)) as { SANDBOX_SCENARIOS: Record<string, string> };
  return { startSandboxServer: server.startSandboxServer, scenarios: scenarios.SANDBOX_SCENARIOS };
}

describe.skipIf(!sandboxExists)('HubSpot adapter against the sandbox CRM', () => {
  let dir: string;
  let server: SandboxServer;
  let scenarios: Record<string, string>;
  let requests: string[];
  let client: HubSpotClient;
  let adapter: HubSpotAdapter;

  const refFor = (id: string): LeadRef => ({ crm: 'sandbox', account: server.portalId, id, objectType: 'contact' });
  /** Requests a view issues, without the cached lookups (property definitions, owners, campaigns). */
  const perView = (from: number) => requests.slice(from).filter((r) => !/^GET \/(crm\/v3\/properties\/|crm\/v3\/owners\/|email\/public\/v1\/campaigns\/)/.test(r));
  const scenario = (name: string): string => {
    const id = scenarios[name];
    if (!id) throw new Error(`The sandbox has no scenario "${name}"`);
    return id;
  };

  beforeAll(async () => {
    const sandbox = await loadSandbox();
    scenarios = sandbox.scenarios;
    dir = mkdtempSync(join(tmpdir(), 'baton-hubspot-sandbox-'));
    server = await sandbox.startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true });
    requests = [];
    client = createHubSpotClient({
      baseUrl: server.url,
      getAccessToken: async () => 'sandbox-token',
      fetch: (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    adapter = createHubSpotAdapter({ client, crm: 'sandbox' });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the primary demo lead: lead, owner, form answers, events, touches', async () => {
    const context = await adapter.getLeadContext(refFor(scenario('demoPrimary')));
    const { lead } = context;
    expect(lead.firstName).toBeTruthy();
    expect(lead.email).toContain('@');
    expect(lead.owner?.name).toBeTruthy();
    expect(lead.ownerAssignedAt).not.toBeNull();
    expect(lead.ownerAssignedBy?.type).toBeTruthy();
    expect(lead.handedOffAt).not.toBeNull();
    expect(lead.recentConversion?.name).toBeTruthy();
    expect(lead.formAnswers.length).toBeGreaterThan(0);
    expect(context.events.length).toBeGreaterThan(0);
    const times = context.events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(context.events.map((e) => e.source))).toEqual(new Set(['hubspot-web-analytics', 'hubspot-email']));
    expect(context.sources.filter((s) => s.status !== 'ok')).toEqual([]);
    expect(client.getRateLimit()?.max).toBe(190);
  });

  it('costs at most 4 requests per view for a lead not yet touched, once lookups are cached', async () => {
    const id = scenario('atRisk');
    await adapter.getLeadContext(refFor(id));
    const from = requests.length;
    const context = await adapter.getLeadContext(refFor(id));
    expect(context.touches).toEqual([]);
    expect(requests.length - from).toBeLessThanOrEqual(4);
    expect(perView(from)).toHaveLength(requests.length - from);
  });

  it('a lead with calls, emails and meetings costs 4 requests a view: one engagements read for every kind', async () => {
    const id = scenario('touched');
    const from = requests.length;
    const context = await adapter.getLeadContext(refFor(id));
    const kinds = new Set(context.touches.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(['call', 'email', 'meeting']);
    expect(perView(from).sort()).toEqual([
      `GET /crm/v3/objects/contacts/${id}`,
      'GET /email/public/v1/events',
      `GET /engagements/v1/engagements/associated/CONTACT/${id}/paged`,
      'GET /events/v3/events',
    ]);
    expect(context.touches.some((t) => t.kind === 'call' && !t.automated && t.ownerId !== null)).toBe(true);
    expect(context.sources.find((s) => s.source === 'crm-activities')?.status).toBe('ok');
  });

  it('the v1 read and the v3 fallback give the same touches from the same sandbox records', async () => {
    const retired = createHubSpotAdapter({
      crm: 'sandbox',
      client: createHubSpotClient({
        baseUrl: server.url,
        getAccessToken: async () => 'sandbox-token',
        fetch: (input, init) =>
          new URL(String(input)).pathname.startsWith('/engagements/v1/')
            ? Promise.resolve(new Response(JSON.stringify({ status: 'error', message: 'Gone', category: 'OBJECT_NOT_FOUND' }), { status: 410, headers: { 'Content-Type': 'application/json' } }))
            : fetch(input, init),
      }),
    });
    for (const name of ['touched', 'sequenceOnly', 'demoPrimary']) {
      const ref = refFor(scenario(name));
      const [v1, v3] = [await adapter.getLeadContext(ref), await retired.getLeadContext(ref)];
      // v1 call metadata carries no direction: the v1 read may say 'unknown' where v3 knows it,
      // never something else (both count the same for the SLA).
      const withoutDirection = (touches: typeof v1.touches) => touches.map(({ direction: _d, ...rest }) => rest);
      expect(withoutDirection(v1.touches), name).toEqual(withoutDirection(v3.touches));
      v1.touches.forEach((touch, i) => expect([v3.touches[i]!.direction, 'unknown'], `${name} ${touch.id}`).toContain(touch.direction));
      expect(v1.touches.filter((t) => t.kind === 'email').map((t) => t.direction), name).toEqual(v3.touches.filter((t) => t.kind === 'email').map((t) => t.direction));
      expect(v3.sources.find((s) => s.source === 'crm-activities')?.status).toBe('degraded');
    }
  });

  it('pages through a long event history: one request per extra page', async () => {
    const from = requests.length;
    const context = await adapter.getLeadContext(refFor(scenario('longHistory')));
    const web = context.events.filter((e) => e.source === 'hubspot-web-analytics');
    const pages = requests.slice(from).filter((r) => r === 'GET /events/v3/events').length;
    expect(web.length).toBeGreaterThan(1000);
    expect(pages).toBe(Math.ceil(web.length / 100) + (web.length % 100 === 0 ? 1 : 0));
    expect(context.sources.find((s) => s.source === 'hubspot-web-analytics')?.status).toBe('ok');
  });

  it('keeps hostile strings verbatim and links nothing but http(s)', async () => {
    const context = await adapter.getLeadContext(refFor(scenario('hostile')));
    for (const event of context.events) {
      if (event.url !== undefined) expect(new URL(event.url).protocol).toMatch(/^https?:$/);
    }
    const text = JSON.stringify([context.lead, context.events]);
    expect(text).toMatch(/</);
  });

  it('marks sequence-only touches as automated', async () => {
    const context = await adapter.getLeadContext(refFor(scenario('sequenceOnly')));
    expect(context.touches.length).toBeGreaterThan(0);
    expect(context.touches.every((t) => t.automated)).toBe(true);
  });

  it('shows a lead without engagement with empty, ok sources', async () => {
    const context = await adapter.getLeadContext(refFor(scenario('noEngagement')));
    expect(context.events).toEqual([]);
    expect(context.sources.find((s) => s.source === 'hubspot-web-analytics')?.status).toBe('ok');
  });

  it('flags HubSpot-filtered email events as likely bots somewhere in the demo data', async () => {
    const all = await Promise.all(['demoPrimary', 'demoSecondary', 'atRisk', 'breached'].map((name) => adapter.getLeadContext(refFor(scenario(name)))));
    const emailEvents = all.flatMap((c) => c.events).filter((e) => e.source === 'hubspot-email');
    expect(emailEvents.length).toBeGreaterThan(0);
    for (const e of emailEvents.filter((x) => x.likelyBot)) expect(e.botReason).toBeTruthy();
  });

  it('asks only for properties the sandbox defines (HubSpot silently ignores unknown names)', async () => {
    const defined = async (objectType: string) =>
      new Set((await client.request('GET', `/crm/v3/properties/${objectType}`, { schema: hubSpotPropertyDefinitionsSchema })).results.map((p) => p.name));
    const contacts = await defined('contacts');
    expect(CONTACT_PROPERTIES.filter((name) => !contacts.has(name))).toEqual([]);
    const calls = await defined('calls');
    expect(CALL_PROPERTIES.filter((name) => !calls.has(name))).toEqual([]);
    const meetings = await defined('meetings');
    expect(MEETING_PROPERTIES.filter((name) => !meetings.has(name))).toEqual([]);
    const emails = await defined('emails');
    // Only one sequence marker needs to exist: the others are read in case a portal carries them.
    const sequenceMarkers = ['hs_sequence_id', 'hs_sequence_enrollment_id', 'hs_email_sequence_step_id'];
    expect(EMAIL_PROPERTIES.filter((name) => !emails.has(name) && !sequenceMarkers.includes(name))).toEqual([]);
    expect(sequenceMarkers.some((name) => emails.has(name))).toBe(true);
  });

  it('fails an unknown contact with not_found, and an expired token with auth', async () => {
    await expect(adapter.getLeadContext(refFor('999999'))).rejects.toMatchObject({ kind: 'not_found' });
    const expired = createHubSpotAdapter({
      client: createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'expired' }),
      crm: 'sandbox',
    });
    const error = await expired.getLeadContext(refFor(scenario('demoPrimary'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'auth' });
  });
});
