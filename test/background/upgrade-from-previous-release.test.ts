import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { createBackground } from '../../lib/background/create-background';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { CRM_PROVIDERS } from '../../lib/crm/providers';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import type { NewOutboxEntry } from '../../lib/outbox/outbox-entry';
import { openOutboxStore } from '../../lib/outbox/outbox-store';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { readConnectionSettings, writeConnectionSettings } from '../../lib/storage/connection-settings';
import { createInsightsReadStore } from '../../lib/storage/insights-read-store';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';
import { dispositionEntry, uuid } from '../support/outbox/outbox-test-entries';

/*
 * A HubSpot team upgrades from the release before the provider registry: what that release stored
 * (connection settings, the token under its secret name, queued outbox entries for HubSpot and for
 * the sandbox, the persisted Insights read) is written as it wrote it, and the new background
 * reads and delivers all of it. Writes go to Baton's sandbox CRM, which speaks HubSpot: HubSpot's
 * own API host is routed to it, so the vendor path (token, portal check) runs for real.
 */

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
let dir: string;
let server: Awaited<ReturnType<typeof startSandboxServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-upgrade-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true });
  await ensureBatonProperties(createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** HubSpot's API host answered by the sandbox (as if the portal were the sandbox's). */
const toSandbox: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin === 'https://api.hubapi.com') return fetch(`${server.url}${url.pathname}${url.search}`, init);
  return fetch(input, init);
};

const contactSchema = z.object({ properties: z.record(z.string(), z.string().nullable()) });
async function contactProperties(contactId: string): Promise<Record<string, string | null>> {
  const response = await fetch(`${server.url}/crm/v3/objects/contacts/${contactId}?properties=baton_disposition_id,hs_lead_status`, { headers: { Authorization: 'Bearer sandbox' } });
  return contactSchema.parse(await response.json()).properties;
}

/** A disposition entry as that release queued it: its route and lead named the CRM kind it knew. */
function previousEntry(n: number, route: { crm: string; account: string; origin: string }, contactId: string): NewOutboxEntry {
  const entry = dispositionEntry(n, { account: route.account, leadKey: `${route.crm}|${route.account}|contact|${contactId}` });
  if (entry.kind !== 'disposition') throw new Error('expected a disposition entry');
  return { ...entry, crm: route, payload: { ...entry.payload, disposition: { ...entry.payload.disposition, lead: { crm: route.crm, account: route.account, id: contactId, objectType: 'contact' } } } };
}

describe('upgrade from the release before the provider registry', () => {
  it('keeps the connection, the token, the queued outbox entries (HubSpot and sandbox) and delivers them once', async () => {
    fakeBrowser.reset();
    // What that release stored, raw.
    await fakeBrowser.storage.local.set({ connection: { kind: 'hubspot', sandboxUrl: server.url, hubspotPortalId: server.portalId, hubspotToken: { kind: 'static', expiresAt: null } } });
    const secrets = new Map<string, string>([['hubspot-token', 'pat-na1-11111111-2222-3333-4444-555555555555']]);
    const factory = new IDBFactory();
    const previous = await openOutboxStore({ indexedDB: factory });
    // A HubSpot entry (route: the portal, HubSpot's API) and a demo-build sandbox entry (its own kind then).
    const vendor = previousEntry(1, { crm: 'hubspot', account: server.portalId, origin: 'https://api.hubapi.com' }, '106');
    const sandbox = previousEntry(2, { crm: 'sandbox', account: server.portalId, origin: server.url }, '107');
    await previous.enqueue(vendor);
    await previous.enqueue(sandbox);

    const background = createBackground({
      extensionId: EXT,
      demoBuild: true,
      providers: CRM_PROVIDERS,
      readSettings: () => readConnectionSettings(),
      writeSettings: writeConnectionSettings,
      readSecret: async (name) => secrets.get(name) ?? null,
      writeSecret: async (name, value) => void secrets.set(name, value),
      deleteSecret: async (name) => void secrets.delete(name),
      readRules: async () => ({ definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } }),
      outbox: () => openOutboxStore({ indexedDB: factory }),
      evidence: createLeadEvidenceStore(factory),
      scheduleWake: () => {},
      fetch: toSandbox,
      now: Date.now,
      random: () => 0.5,
      newId: () => crypto.randomUUID(),
    });

    // The settings are read in the new shape, the portal and token facts kept.
    expect(await readConnectionSettings()).toMatchObject({ provider: 'hubspot', address: 'vendor', providers: { hubspot: { account: server.portalId, credential: { kind: 'static', expiresAt: null } } } });
    // Both entries are delivered through the registry, once each.
    const result = await background.drain();
    expect(result).toMatchObject({ delivered: 2 });
    await background.drain();
    const store = await openOutboxStore({ indexedDB: factory });
    expect((await store.get(uuid(1)))?.state).toBe('delivered');
    expect((await store.get(uuid(2)))?.state).toBe('delivered');
    expect((await contactProperties('106')).baton_disposition_id).toBe(uuid(1));
    expect((await contactProperties('107')).baton_disposition_id).toBe(uuid(2));
    expect((await contactProperties('106')).hs_lead_status).toBe('UNQUALIFIED');
  });

  it('finds the persisted Insights read under the key that release used for the portal', async () => {
    const factory = new IDBFactory();
    const store = createInsightsReadStore({ factory });
    // That release's key for a portal: `hubspot|<portal id>` (reporting-connection.ts).
    await store.write({ version: 2, key: 'hubspot|4711', crm: 'hubspot', from: 0, to: 10, syncedAt: 5, fullReadAt: 5, windows: 1, requests: 3, warnings: [], records: [] });
    const settings = { schema: 2 as const, provider: 'hubspot', address: 'vendor' as const, sandboxUrl: 'http://127.0.0.1:4477', providers: { hubspot: { account: '4711', credential: null } } };
    const connection = CRM_PROVIDERS.find((p) => p.descriptor.kind === 'hubspot')!.connect!({
      demoBuild: false,
      readState: async () => settings.providers.hubspot,
      writeState: async () => {},
      readSecret: async () => 'pat-na1-11111111-2222-3333-4444-555555555555',
      writeSecret: async () => {},
      deleteSecret: async () => {},
      readWriteRules: async () => ({ mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' }),
      now: Date.now,
    });
    const reporting = await connection.reporting({ kind: 'vendor' });
    expect(reporting.key).toBe('hubspot|4711');
    expect(await store.read(reporting.key)).toMatchObject({ key: 'hubspot|4711', requests: 3 });
  });
});
