import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/create-background';
import { CRM_PAGE_READERS } from '../../../lib/crm/page-readers';
import { CRM_PROVIDERS } from '../../../lib/crm/providers';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { openOutboxStore } from '../../../lib/outbox/outbox-store';
import { defaultConnectionSettings, type ConnectionSettings } from '../../../lib/storage/connection-settings';
import { createLeadEvidenceStore } from '../../../lib/storage/lead-evidence-store';
import { makeLead } from '../../domain/qualification/make-lead';
import { createFakeCrm, FAKE_KIND, fakeDescriptor, fakePages } from './fake-crm-provider';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL = `chrome-extension://${EXT}/panel.html`;
const INSIGHTS = `chrome-extension://${EXT}/insights.html`;
const OPTIONS = `chrome-extension://${EXT}/options.html`;
const LEAD_URL = 'https://app.fakecrm.example/leads/L1';
const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);

/**
 * A second provider, registered the way the registry does it (one more entry in each list), runs
 * through the same background code the extension runs: the router, the CRM connections and
 * service, the lead actions, the outbox and its runner, Insights.
 */
function setup() {
  const crm = createFakeCrm([makeLead({ ref: { crm: FAKE_KIND, account: 'acme', id: 'L1', objectType: 'lead' }, firstName: 'Rosa', lastName: 'Diaz', campaign: 'Spring webinar', source: 'Webinar', handedOffAt: NOW - 86_400_000 })]);
  let settings: ConnectionSettings = { ...defaultConnectionSettings(false), provider: FAKE_KIND };
  const secrets = new Map<string, string>();
  const factory = new IDBFactory();
  const outbox = openOutboxStore({ indexedDB: factory });
  let ids = 0;
  const background = createBackground({
    extensionId: EXT,
    demoBuild: false,
    // The registry lines: every real provider, plus this one.
    providers: [...CRM_PROVIDERS, crm.provider],
    pageReaders: [...CRM_PAGE_READERS, fakePages],
    readSettings: async () => settings,
    writeSettings: async (next) => void (settings = next),
    readSecret: async (name) => secrets.get(name) ?? null,
    writeSecret: async (name, value) => void secrets.set(name, value),
    deleteSecret: async (name) => void secrets.delete(name),
    readRules: async () => ({ definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: fakeDescriptor.defaultLeadStatusMapping, attemptPolicy: { unreachableAfterAttempts: 3 } }),
    outbox: () => outbox,
    evidence: createLeadEvidenceStore(factory),
    scheduleWake: () => {},
    now: () => NOW,
    random: () => 0.5,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  const fromPanel = { id: EXT, url: PANEL, tab: { url: LEAD_URL } };
  return { crm, background, fromPanel, secrets, settings: () => settings };
}

describe('a second CRM provider, registered with one line', () => {
  it("gets a panel for its lead page, from its own adapter", async () => {
    const { background, fromPanel, crm } = setup();
    const answer = await background.router({ type: 'lead/get-context' }, fromPanel);
    expect(answer).toMatchObject({ ok: true, data: { status: 'ok', page: { crm: FAKE_KIND, account: 'acme', id: 'L1' } } });
    if (!answer.ok) throw new Error('expected a view');
    expect(JSON.stringify(answer.data)).toContain('Rosa Diaz');
    expect(crm.state.reads).toBe(1);
    // A revisit within the cache window costs the CRM nothing.
    await background.router({ type: 'lead/get-context' }, fromPanel);
    expect(crm.state.reads).toBe(1);
  });

  it('delivers a saved disposition exactly once, with its own lead-status vocabulary', async () => {
    const { background, fromPanel, crm } = setup();
    const saved = await background.router({ type: 'disposition/save', draft: { outcome: 'rejected', reasonId: 'competitor', definitionId: DEFAULT_SQL_DEFINITION.id, definitionVersion: DEFAULT_SQL_DEFINITION.version, checklist: [] } }, fromPanel);
    expect(saved).toMatchObject({ ok: true, data: { ok: true, item: { state: 'queued' } } });
    await background.drain();
    await background.drain();
    expect(crm.state.tasks.size).toBe(1);
    expect(crm.state.writes).toBe(1);
    expect(crm.state.statuses.get('L1')).toBe('Lost');
    const listed = await background.router({ type: 'outbox/list' }, fromPanel);
    expect(listed).toMatchObject({ ok: true, data: { items: [{ kind: 'disposition', state: 'delivered' }] } });
  });

  it("is connected from the options page and read by Insights through its reporting port", async () => {
    const { background, secrets, settings } = setup();
    const fromOptions = { id: EXT, url: OPTIONS };
    expect(await background.router({ type: 'connection/save-token', token: 'fake-key-1' }, fromOptions)).toMatchObject({ ok: true, data: { hasToken: true } });
    expect(secrets.get(`${FAKE_KIND}-token`)).toBe('fake-key-1');
    expect(settings().providers[FAKE_KIND]).toEqual({ account: 'acme', credential: { kind: 'api-key', expiresAt: null } });
    const insights = await background.router({ type: 'insights/get', filters: {} }, { id: EXT, url: INSIGHTS });
    expect(insights).toMatchObject({ ok: true, data: { read: { crm: FAKE_KIND, sandbox: false, records: 1 } } });
  });

  it('its pages are not read by the extension unless it is registered', async () => {
    const unregistered = createBackground(backgroundDepsWithoutFake());
    expect(await unregistered.router({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: LEAD_URL } })).toMatchObject({ ok: true, data: { status: 'no-lead' } });
  });
});

function backgroundDepsWithoutFake(): Parameters<typeof createBackground>[0] {
  return {
    extensionId: EXT,
    demoBuild: false,
    providers: CRM_PROVIDERS,
    readSettings: async () => defaultConnectionSettings(false),
    writeSettings: async () => {},
    readSecret: async () => null,
    writeSecret: async () => {},
    deleteSecret: async () => {},
    readRules: async () => ({ definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: fakeDescriptor.defaultLeadStatusMapping, attemptPolicy: { unreachableAfterAttempts: 3 } }),
    outbox: () => openOutboxStore({ indexedDB: new IDBFactory() }),
    evidence: createLeadEvidenceStore(new IDBFactory()),
    scheduleWake: () => {},
    now: () => NOW,
    random: () => 0.5,
    newId: () => crypto.randomUUID(),
  };
}
