import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { CrmReporting, ReadQueueOptions } from '../../lib/crm/crm-reporting-port';
import type { QueueLead, RepIdentity } from '../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { createQueueRunner, BADGE_COLORS, QUEUE_POLL_MS, type QueueNotification } from '../../lib/background/queue-runner';
import { createMemoryQueueStore } from '../../lib/background/queue-store';
import { createRepIdentityService } from '../../lib/background/rep-identity';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../lib/storage/alert-settings';
import type { StoredRepIdentity } from '../../lib/storage/rep-identity-store';
import { at, MINUTE, makeLead } from '../domain/sla/make-lead';

// Wednesday 11:00 in New York: inside the default policy's business hours.
const START = at('2026-12-02T11:00:00-05:00');
const ME: RepIdentity = { ownerId: 'owner-1', name: 'Sam Rep', email: 'sam@example.com' };

function queueLead(id: string, assignedAt: number, trigger = 'Contact sales form'): QueueLead {
  return {
    lead: makeLead({ ref: { crm: 'fake', account: 'acme', id, objectType: 'contact' }, ownerAssignedAt: assignedAt, recentConversion: { name: trigger, at: assignedAt } }),
    recordUrl: `https://crm.example/leads/${id}`,
    lastTouchedAt: null,
    lastEngagedAt: null,
    lastEngagement: null,
  };
}

function setup(options: { leads?: QueueLead[]; settings?: Partial<AlertSettings>; signedIn?: boolean } = {}) {
  let now = START;
  const leads = options.leads ?? [];
  const calls: ReadQueueOptions[] = [];
  let fail: CrmError | null = null;
  let identity: StoredRepIdentity | null = null;
  const notifications: QueueNotification[] = [];
  const badges: { text: string; color: string | null }[] = [];
  const ticks: (number | null)[] = [];
  const sent = new Map<string, number>();
  const reporting: CrmReporting = {
    crm: 'fake',
    account: 'acme',
    key: 'fake|acme',
    sandbox: false,
    connectedStatuses: [],
    readInsightRecords: async () => ({ records: [], windows: 0, requests: 0, warnings: [] }),
    readBacktestLeads: async () => ({ leads: [], dispositioned: 0, skipped: { no_inputs: 0, unreadable_inputs: 0 }, unreadableExample: null, requests: 0 }),
    async readQueue(o) {
      calls.push(o);
      if (fail) throw fail;
      return { leads: leads.map((l) => structuredClone(l)), requests: 1, truncated: false };
    },
    readOwners: async () => [ME, { ownerId: 'owner-2', name: 'Other Rep', email: null }],
    ...(options.signedIn ? { readSignedInUser: async () => ME } : {}),
  };
  const rep = createRepIdentityService({
    openReporting: async () => reporting,
    crmLabel: async () => 'Fake CRM',
    read: async () => identity,
    write: async (i) => void (identity = i),
    clear: async () => void (identity = null),
    now: () => now,
  });
  const store = createMemoryQueueStore();
  // A new worker: a new runner over the same storage (what survives the worker stopping).
  const newRunner = () => createQueueRunner({
    openReporting: async () => reporting,
    crmLabel: async () => 'Fake CRM',
    rep,
    readPolicy: async () => defaultSlaPolicy,
    readAlertSettings: async () => ({ ...DEFAULT_ALERT_SETTINGS, ...options.settings }),
    readSent: async () => sent,
    rememberSent: async (keys, at) => keys.forEach((k) => sent.set(k, at)),
    store,
    notify: async (n) => void notifications.push(n),
    setBadge: async (b) => void badges.push(b),
    scheduleTick: (t) => void ticks.push(t),
    timeZone: () => 'America/New_York',
    now: () => now,
    log: () => {},
  });
  let runner = newRunner();
  return {
    get runner() {
      return runner;
    },
    restartWorker: () => void (runner = newRunner()),
    rep,
    leads,
    calls,
    notifications,
    badges,
    ticks,
    setNow: (t: number) => void (now = t),
    failWith: (e: CrmError | null) => void (fail = e),
  };
}

describe('queue runner', () => {
  it('asks who the rep is before listing anything', async () => {
    const t = setup({ leads: [queueLead('a', START - MINUTE)] });
    const view = await t.runner.view(true);
    expect(view.status).toBe('no-rep');
    expect(t.calls).toEqual([]);
    expect(t.badges.at(-1)).toEqual({ text: '', color: null });
  });

  it('uses the user the CRM signed in as, without asking', async () => {
    const t = setup({ signedIn: true, leads: [queueLead('a', START - MINUTE)] });
    const view = await t.runner.view(false);
    expect(view.status).toBe('ok');
    expect(view.rep).toEqual(ME);
  });

  it('lists at most once per poll period, and again once it has passed', async () => {
    const t = setup({ leads: [queueLead('a', START - MINUTE)] });
    await t.rep.choose('owner-1');
    await t.runner.tick();
    await t.runner.tick();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.ownerId).toBe('owner-1');
    t.setNow(START + QUEUE_POLL_MS - 1);
    await t.runner.tick();
    expect(t.calls).toHaveLength(1);
    t.setNow(START + QUEUE_POLL_MS);
    await t.runner.tick();
    expect(t.calls).toHaveLength(2);
  });

  it('refuses a chosen owner the CRM does not have', async () => {
    const t = setup();
    await expect(t.rep.choose('owner-9')).rejects.toThrow(/no active user/);
  });

  it('counts leads at risk or breached on the badge, coloured by the worst, and wakes when one turns', async () => {
    const t = setup({ leads: [queueLead('fresh', START - MINUTE), queueLead('risky', START - 50 * MINUTE)] });
    await t.rep.choose('owner-1');
    const view = await t.runner.view(false);
    expect(view.awaiting.map((e) => e.id)).toEqual(['risky', 'fresh']);
    expect(t.badges.at(-1)).toEqual({ text: '1', color: BADGE_COLORS.at_risk });
    // The next wake is the next listing, a minute on (sooner than "risky" breaching, 10 minutes on).
    expect(t.ticks.at(-1)).toBe(START + QUEUE_POLL_MS);
    t.setNow(START + 46 * MINUTE);
    await t.runner.tick();
    expect(t.badges.at(-1)).toEqual({ text: '2', color: BADGE_COLORS.breached });
  });

  it('reminds once per lead and step, not about what was due before Baton watched', async () => {
    const t = setup({ leads: [queueLead('old', START - 50 * MINUTE)], settings: { minutesBeforeBreach: null } });
    await t.rep.choose('owner-1');
    await t.runner.tick();
    expect(t.notifications).toEqual([]);

    t.leads.push(queueLead('new', START + 30_000));
    t.setNow(START + QUEUE_POLL_MS);
    await t.runner.tick();
    expect(t.notifications.map((n) => n.id)).toEqual(['baton-queue|new|assigned']);
    t.setNow(START + QUEUE_POLL_MS + 1000);
    await t.runner.tick();
    expect(t.notifications).toHaveLength(1);

    // The old lead's deadline passes while Baton watches: that is news.
    t.setNow(START + 10 * MINUTE + 1000);
    await t.runner.tick();
    expect(t.notifications.map((n) => n.id)).toEqual(['baton-queue|new|assigned', 'baton-queue|old|breach']);
    expect(t.notifications[1]!.title).toMatch(/response time missed/);
    expect(await t.runner.recordUrlFor('baton-queue|old|breach')).toBe('https://crm.example/leads/old');
    expect(await t.runner.recordUrlFor('somebody-else|old')).toBeNull();
  });

  it('after the worker restarts, sends nothing again and lists no sooner than the poll period', async () => {
    const t = setup({ leads: [queueLead('a', START + 10_000)], settings: { minutesBeforeBreach: null } });
    await t.rep.choose('owner-1');
    t.setNow(START + 5_000);
    await t.runner.tick();
    t.setNow(START + 20_000);
    await t.runner.tick();
    expect(t.notifications.map((n) => n.id)).toEqual(['baton-queue|a|assigned']);
    const listings = t.calls.length;
    t.restartWorker();
    t.setNow(START + 30_000);
    await t.runner.tick();
    expect(t.notifications).toHaveLength(1);
    expect(t.calls).toHaveLength(listings);
    expect(t.badges.at(-1)).toEqual({ text: '', color: null });
  });

  it('backs off when the CRM says to slow down, keeping the last lists', async () => {
    const t = setup({ leads: [queueLead('a', START - MINUTE)] });
    await t.rep.choose('owner-1');
    await t.runner.tick();
    t.failWith(new CrmError('rate_limited', 'Too many requests', { retryAfterMs: 5 * 60_000, limit: 'burst' }));
    t.setNow(START + QUEUE_POLL_MS);
    const failed = await t.runner.view(false);
    expect(t.calls).toHaveLength(2);
    expect(failed.error?.message).toBe('Too many requests');
    expect(failed.awaiting.map((e) => e.id)).toEqual(['a']);
    t.setNow(START + 3 * QUEUE_POLL_MS);
    await t.runner.tick();
    expect(t.calls).toHaveLength(2);
    t.failWith(null);
    t.setNow(START + QUEUE_POLL_MS + 5 * 60_000);
    const recovered = await t.runner.view(false);
    expect(t.calls).toHaveLength(3);
    expect(recovered.error).toBeNull();
  });

  it('says the rep is offline when the CRM cannot be reached', async () => {
    const t = setup({ leads: [queueLead('a', START - MINUTE)] });
    await t.rep.choose('owner-1');
    t.failWith(new CrmError('network', 'Could not reach the CRM'));
    const view = await t.runner.view(true);
    expect(view.error).toEqual({ message: 'Could not reach the CRM', offline: true });
  });

  it('lists nothing outside business hours, and wakes at the opening', async () => {
    const t = setup({ leads: [queueLead('a', START - MINUTE)] });
    await t.rep.choose('owner-1');
    t.setNow(at('2026-12-02T19:00:00-05:00'));
    await t.runner.tick();
    expect(t.calls).toEqual([]);
    expect(t.ticks.at(-1)).toBe(at('2026-12-03T09:00:00-05:00'));
  });
});
