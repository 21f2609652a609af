import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../lib/background/create-background';
import { createMemoryQueueStore } from '../../../lib/background/queue-store';
import type { QueuePlatform } from '../../../lib/background/queue-wiring';
import { CRM_PAGE_READERS } from '../../../lib/crm/page-readers';
import { CRM_PROVIDERS } from '../../../lib/crm/providers';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { openOutboxStore } from '../../../lib/outbox/outbox-store';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/storage/alert-settings';
import { defaultConnectionSettings, type ConnectionSettings } from '../../../lib/storage/connection-settings';
import { createLeadEvidenceStore } from '../../../lib/storage/lead-evidence-store';
import type { StoredRepIdentity } from '../../../lib/storage/rep-identity-store';
import { makeLead } from '../../domain/qualification/make-lead';
import { createFakeCrm, FAKE_KIND, fakeDescriptor, fakePages } from './fake-crm-provider';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const POPUP = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };
const OPTIONS = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
const PANEL = { id: EXT, url: `chrome-extension://${EXT}/panel.html`, tab: { url: 'https://app.fakecrm.example/leads/L1' } };
// Wednesday 2 December 2026, 16:00 UTC: 11:00 in New York, inside the default policy's hours.
const NOW = Date.UTC(2026, 11, 2, 16, 0, 0);

function setup() {
  const owner = { id: 'rep-7', name: 'Rosa Diaz', email: 'rosa@acme.example' };
  const crm = createFakeCrm([
    makeLead({ ref: { crm: FAKE_KIND, account: 'acme', id: 'L1', objectType: 'lead' }, firstName: 'Amy', lastName: 'Santiago', owner, ownerAssignedAt: NOW - 10 * 60_000, recentConversion: { name: 'Contact sales form', at: NOW - 10 * 60_000 } }),
    makeLead({ ref: { crm: FAKE_KIND, account: 'acme', id: 'L2', objectType: 'lead' }, firstName: 'Gina', lastName: 'Linetti', owner: { id: 'rep-8', name: 'Jake Peralta', email: null }, ownerAssignedAt: NOW - 60_000 }),
  ]);
  let settings: ConnectionSettings = { ...defaultConnectionSettings(false), provider: FAKE_KIND };
  let identity: StoredRepIdentity | null = null;
  const badges: string[] = [];
  const platform: QueuePlatform = {
    store: createMemoryQueueStore(),
    identity: { read: async () => identity, write: async (i) => void (identity = i), clear: async () => void (identity = null) },
    readAlertSettings: async () => DEFAULT_ALERT_SETTINGS,
    readSent: async () => new Map(),
    rememberSent: async () => {},
    notify: async () => {},
    setBadge: async (b) => void badges.push(b.text),
    scheduleTick: () => {},
    timeZone: () => 'America/New_York',
  };
  const factory = new IDBFactory();
  const background = createBackground({
    extensionId: EXT,
    demoBuild: false,
    providers: [...CRM_PROVIDERS, crm.provider],
    pageReaders: [...CRM_PAGE_READERS, fakePages],
    readSettings: async () => settings,
    writeSettings: async (next) => void (settings = next),
    readSecret: async () => null,
    writeSecret: async () => {},
    deleteSecret: async () => {},
    readRules: async () => ({ definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: fakeDescriptor.defaultLeadStatusMapping, attemptPolicy: { unreachableAfterAttempts: 3 } }),
    outbox: () => openOutboxStore({ indexedDB: factory }),
    evidence: createLeadEvidenceStore(factory),
    scheduleWake: () => {},
    queue: platform,
    now: () => NOW,
    random: () => 0.5,
    newId: () => crypto.randomUUID(),
  });
  return { background, badges };
}

describe('My queue through the background, on a second CRM provider', () => {
  it('asks who the rep is, keeps the choice, then lists only their leads', async () => {
    const { background, badges } = setup();
    expect(await background.router({ type: 'queue/get', refresh: true }, POPUP)).toMatchObject({ ok: true, data: { status: 'no-rep', crmLabel: 'Fake CRM' } });
    expect(await background.router({ type: 'rep/list-owners' }, POPUP)).toMatchObject({ ok: true, data: { owners: [{ ownerId: 'rep-8' }, { ownerId: 'rep-7' }] } });
    expect(await background.router({ type: 'rep/choose', ownerId: 'rep-7' }, OPTIONS)).toMatchObject({ ok: true, data: { rep: { ownerId: 'rep-7', name: 'Rosa Diaz' }, source: 'chosen' } });
    const view = await background.router({ type: 'queue/get', refresh: true }, POPUP);
    expect(view).toMatchObject({ ok: true, data: { status: 'ok', awaiting: [{ id: 'L1', name: 'Amy Santiago', recordUrl: 'https://app.fakecrm.example/leads/L1', tier: 'Contact sales' }] } });
    if (!view.ok) throw new Error('expected a queue');
    expect((view.data as { awaiting: unknown[] }).awaiting).toHaveLength(1);
    expect(badges.at(-1)).toBe('');
  });

  it('refuses the queue to pages other than the popup, and an owner the CRM does not have', async () => {
    const { background } = setup();
    expect(await background.router({ type: 'queue/get', refresh: false }, PANEL)).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await background.router({ type: 'rep/clear' }, POPUP)).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await background.router({ type: 'rep/choose', ownerId: 'rep-99' }, OPTIONS)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
