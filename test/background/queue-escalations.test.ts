import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { CrmReporting } from '../../lib/crm/crm-reporting-port';
import type { EscalationReceipt, EscalationWrite } from '../../lib/crm/escalation-writer';
import type { LeadStatusMapping } from '../../lib/domain/disposition/lead-status-mapping';
import type { QueueLead, RepIdentity } from '../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { SlaPolicy } from '../../lib/domain/sla/sla-policy';
import { createIdbEscalationStore, createMemoryEscalationStore } from '../../lib/background/queue-escalation-store';
import { createQueueEscalations } from '../../lib/background/queue-escalations';
import { createQueueRunner } from '../../lib/background/queue-runner';
import { createMemoryQueueStore } from '../../lib/background/queue-store';
import { createRepIdentityService } from '../../lib/background/rep-identity';
import { createKeyValueStore } from '../../lib/storage/idb-key-value';
import { DEFAULT_ALERT_SETTINGS } from '../../lib/storage/alert-settings';
import type { StoredRepIdentity } from '../../lib/storage/rep-identity-store';
import { at, MINUTE, makeLead } from '../domain/sla/make-lead';

// Wednesday 11:00 in New York: inside the default policy's business hours.
const START = at('2026-12-02T11:00:00-05:00');
const ME: RepIdentity = { ownerId: 'owner-1', name: 'Sam Rep', email: null };
const MAPPING: LeadStatusMapping = { version: 1, rejected: 'UNQUALIFIED', recycled: 'BAD_TIMING', working: 'IN_PROGRESS', opportunityCreated: 'OPEN_DEAL', unreachable: 'ATTEMPTED_TO_CONTACT' };
const POLICY: SlaPolicy = { ...defaultSlaPolicy, salesManager: { ownerId: 'manager-1', name: 'Morgan Lead' } };

function demoLead(id: string, assignedAt: number): QueueLead {
  return {
    lead: makeLead({ ref: { crm: 'fake', account: 'acme', id, objectType: 'contact' }, owner: { id: 'owner-1', name: 'Sam Rep', email: null }, ownerAssignedAt: assignedAt, recentConversion: { name: 'Demo request', at: assignedAt } }),
    recordUrl: `https://crm.example/${id}`,
    lastTouchedAt: null,
    lastEngagedAt: null,
    lastEngagement: null,
  };
}

/** A CRM that keeps what it was sent by escalation id (as the real writers do), and can lose an answer or refuse. */
function fakeCrm() {
  const records = new Map<string, EscalationWrite>();
  const calls: string[] = [];
  let trouble: ((write: EscalationWrite) => CrmError | 'lose-answer' | null) | null = null;
  const recordEscalation = async (write: EscalationWrite): Promise<EscalationReceipt> => {
    calls.push(write.id);
    const problem = trouble?.(write) ?? null;
    if (problem instanceof CrmError) throw problem;
    const existed = records.has(write.id);
    records.set(write.id, write);
    if (problem === 'lose-answer') throw new CrmError('network', 'The connection dropped before the CRM answered');
    return { outcome: existed ? 'already' : 'written', record: { kind: 'task', id: `task-${write.id}`, reused: existed }, fields: [], reason: null, deliveredAt: 0 };
  };
  return { records, calls, recordEscalation, setTrouble: (t: typeof trouble) => void (trouble = t) };
}

function setup(leads: QueueLead[], options: { mapping?: LeadStatusMapping; openStatuses?: string[] | null } = {}) {
  const mapping = options.mapping ?? MAPPING;
  const openStatuses = options.openStatuses === undefined ? [] : options.openStatuses;
  let now = START;
  const crm = fakeCrm();
  let listingFails = false;
  let identity: StoredRepIdentity | null = null;
  const reporting: CrmReporting = {
    crm: 'fake',
    account: 'acme',
    key: 'fake|acme',
    sandbox: false,
    connectedStatuses: [],
    readInsightRecords: async () => ({ records: [], windows: 0, requests: 0, warnings: [] }),
    readBacktestLeads: async () => ({ leads: [], dispositioned: 0, skipped: { no_inputs: 0, unreadable_inputs: 0 }, unreadableExample: null, requests: 0 }),
    readQueue: async () => {
      if (listingFails) throw new CrmError('server', 'The CRM is down');
      return { leads: leads.map((l) => structuredClone(l)), requests: 1, truncated: false };
    },
    readOwners: async () => [ME],
    recordEscalation: crm.recordEscalation,
  };
  const rep = createRepIdentityService({ openReporting: async () => reporting, crmLabel: async () => 'Fake CRM', read: async () => identity, write: async (i) => void (identity = i), clear: async () => void (identity = null), now: () => now });
  let store = createMemoryQueueStore();
  const escalationStore = createMemoryEscalationStore();
  const sent = new Map<string, number>();
  const ticks: (number | null)[] = [];
  // A new worker: new runner and escalation desk over the same storage.
  const newRunner = () =>
    createQueueRunner({
      openReporting: async () => reporting,
      crmLabel: async () => 'Fake CRM',
      rep,
      readPolicy: async () => POLICY,
      readAlertSettings: async () => ({ ...DEFAULT_ALERT_SETTINGS, notifications: false }),
      readSent: async () => sent,
      rememberSent: async (keys, t) => keys.forEach((k) => sent.set(k, t)),
      store,
      notify: async () => {},
      setBadge: async () => {},
      scheduleTick: (t) => void ticks.push(t),
      timeZone: () => 'America/New_York',
      now: () => now,
      readLeadStatusMapping: async () => mapping,
      openStatuses: async () => openStatuses,
      escalations: createQueueEscalations({ store: escalationStore, readLeadStatusMapping: async () => mapping, openStatuses: async () => openStatuses, random: () => 0.5, log: () => {} }),
      log: () => {},
    });
  let runner = newRunner();
  return {
    crm,
    rep,
    escalationStore,
    ticks,
    get runner() {
      return runner;
    },
    restartWorker: () => void (runner = newRunner()),
    /** A new browser session: the listing (session storage) is gone, the escalation store (IndexedDB) is not. */
    restartBrowser: () => {
      store = createMemoryQueueStore();
      runner = newRunner();
    },
    failListing: (fails: boolean) => void (listingFails = fails),
    setNow: (t: number) => void (now = t),
  };
}

describe('queue escalations', () => {
  it('records the manager step once it is due, with the chosen manager, and never again across wakes and worker restarts', async () => {
    const t = setup([demoLead('a', START + MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    expect(t.crm.calls).toEqual([]);
    // Twice the 5-minute target: 11:11.
    expect(t.ticks.at(-1)).toBeLessThanOrEqual(START + 11 * MINUTE);
    t.setNow(START + 12 * MINUTE);
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(1);
    const [written] = [...t.crm.records.values()];
    expect(written).toMatchObject({ action: 'notify_manager', manager: { ownerId: 'manager-1', name: 'Morgan Lead' }, owner: { id: 'owner-1' }, handBackStatus: 'BAD_TIMING', tier: 'Demo request' });
    t.setNow(START + 14 * MINUTE);
    await t.runner.tick();
    t.restartWorker();
    t.setNow(START + 16 * MINUTE);
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(1);
    expect(t.escalationStore.records().map((r) => r.state)).toEqual(['delivered']);
  });

  it('records no step that came due before Baton watched the rep’s queue', async () => {
    const t = setup([demoLead('a', START - 20 * MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    // Twice the target passed ten minutes before this first wake: not news, not written.
    expect(t.crm.calls).toHaveLength(0);
    expect(t.escalationStore.records()).toEqual([]);
  });

  it('after a lost answer, sends again later; the idempotent write leaves one record', async () => {
    const t = setup([demoLead('a', START + MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    let lose = true;
    t.crm.setTrouble(() => (lose ? ((lose = false), 'lose-answer') : null));
    t.setNow(START + 12 * MINUTE);
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(1);
    const [pending] = t.escalationStore.records();
    expect(pending).toMatchObject({ state: 'pending', attempts: 1, lastError: { kind: 'network' } });
    expect(pending!.nextAttemptAt).toBeGreaterThan(START + 12 * MINUTE);
    t.restartWorker();
    t.setNow(pending!.nextAttemptAt);
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(2);
    expect(t.crm.records.size).toBe(1);
    expect(t.escalationStore.records()[0]).toMatchObject({ state: 'delivered', receipt: { outcome: 'already' } });
  });

  it('holds back on a rate limit until the CRM says, and keeps a refusal as failed with its reason', async () => {
    const t = setup([demoLead('a', START + MINUTE), demoLead('b', START + 2 * MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    t.crm.setTrouble(() => new CrmError('rate_limited', 'Slow down', { status: 429, retryAfterMs: 10_000, limit: 'burst' }));
    t.setNow(START + 13 * MINUTE);
    await t.runner.tick();
    // The first was refused; the second waits with it instead of meeting the same limit.
    expect(t.crm.calls).toHaveLength(1);
    t.crm.setTrouble((w) => (w.lead.id === 'b' ? new CrmError('rejected', 'HubSpot has no property "baton_escalation"', { status: 400 }) : null));
    t.setNow(START + 13 * MINUTE + 5_000);
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(1);
    t.setNow(START + 14 * MINUTE);
    await t.runner.tick();
    expect(t.crm.records.size).toBe(1);
    const states = Object.fromEntries(t.escalationStore.records().map((r) => [r.write.lead.id, r.state]));
    expect(states).toEqual({ a: 'delivered', b: 'failed' });
    expect(t.escalationStore.records().find((r) => r.write.lead.id === 'b')!.lastError?.message).toContain('baton_escalation');
  });

  it('sends nothing outside business hours: a step due in the evening waits for the morning', async () => {
    const evening = at('2026-12-02T16:56:00-05:00');
    const t = setup([demoLead('a', evening)]);
    t.setNow(evening);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    // Twice the target in business time is 09:06 the next morning; nothing is sent at night.
    t.setNow(at('2026-12-02T22:00:00-05:00'));
    await t.runner.tick();
    expect(t.crm.calls).toEqual([]);
    t.setNow(at('2026-12-03T09:07:00-05:00'));
    await t.runner.tick();
    expect(t.crm.calls).toHaveLength(1);
  });
});

describe('a pending escalation after a browser restart', () => {
  it('is delivered even while the CRM refuses the listing', async () => {
    const t = setup([demoLead('a', START + MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    let lose = true;
    t.crm.setTrouble(() => (lose ? ((lose = false), 'lose-answer') : null));
    t.setNow(START + 12 * MINUTE);
    await t.runner.tick();
    const [pending] = t.escalationStore.records();
    expect(pending!.state).toBe('pending');
    t.restartBrowser();
    t.failListing(true);
    t.setNow(pending!.nextAttemptAt + 1);
    await t.runner.tick();
    expect(t.escalationStore.records()[0]!.state).toBe('delivered');
    expect(t.crm.records.size).toBe(1);
  });
});

describe('after the hand-back', () => {
  it('the lead, now in marketing’s lead status, leaves the rep’s waiting list and writes nothing more', async () => {
    const lead = demoLead('a', START - 3 * 86_400_000);
    lead.lead.leadStatus = 'BAD_TIMING';
    const t = setup([lead]);
    await t.rep.choose('owner-1');
    const view = await t.runner.view(true);
    expect(view.awaiting).toEqual([]);
    expect(t.crm.calls).toEqual([]);
  });
});

describe('a mapping that recycles to the status new leads get', () => {
  it('keeps new leads in that status waiting, and escalates them', async () => {
    const mapping: LeadStatusMapping = { ...MAPPING, recycled: 'Open - Not Contacted' };
    const lead = demoLead('a', START + MINUTE);
    lead.lead.leadStatus = 'Open - Not Contacted';
    const t = setup([lead], { mapping, openStatuses: ['Open - Not Contacted'] });
    await t.rep.choose('owner-1');
    await t.runner.tick();
    t.setNow(START + 12 * MINUTE);
    expect((await t.runner.view(true)).awaiting).toHaveLength(1);
    expect(t.crm.calls).toHaveLength(1);
  });
});

describe('the escalation store in IndexedDB', () => {
  it('keeps records across stores on the same database and drops one that does not parse', async () => {
    const factory = new IDBFactory();
    const kv = createKeyValueStore({ dbName: 'baton-escalations', storeName: 'escalations', factory });
    const memory = createMemoryEscalationStore();
    const t = setup([demoLead('a', START + MINUTE)]);
    await t.rep.choose('owner-1');
    await t.runner.tick();
    t.setNow(START + 12 * MINUTE);
    await t.runner.tick();
    const records = t.escalationStore.records();
    await createIdbEscalationStore(kv).write(records);
    expect(await createIdbEscalationStore(createKeyValueStore({ dbName: 'baton-escalations', storeName: 'escalations', factory })).read()).toEqual(records);
    await kv.put('records', [...records, { version: 1, stepKey: 'x' }]);
    expect(await createIdbEscalationStore(kv).read()).toEqual(records);
    expect(await memory.read()).toEqual([]);
  });
});
