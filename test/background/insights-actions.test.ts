import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createInsightsActions } from '../../lib/background/insights-actions';
import { createSearchPacers } from '../../lib/crm/search-pacer';
import type { InsightsRequest, InsightsResult } from '../../lib/messaging/insights-protocol';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import { reportingFor, sandboxSettings } from './reporting-kit';
import { createKeyValueStore } from '../../lib/storage/idb-key-value';
import { createInsightsReadStore } from '../../lib/storage/insights-read-store';

const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const DAY = 86_400_000;
const MINUTE = 60_000;
const SETTINGS = sandboxSettings('http://127.0.0.1:4477');
const ALL: Omit<InsightsRequest, 'type'> = { filters: { from: null, to: null, sources: [], campaigns: [], reps: [], definitionVersions: [] }, averageDealValue: null, refresh: false };

interface FakeContact {
  id: string;
  modifiedAt: number;
  properties: Record<string, string | null>;
}

/**
 * A fake HubSpot (sandbox dialect) for the search the reader sends: ORed groups of ANDed BETWEEN
 * and GTE filters on datetimes, paging, owners and (empty) deal associations. `hold()` makes
 * searches wait until `release()`, so a test can look at a read while it is underway.
 */
function createFakeCrm(contacts: FakeContact[]) {
  const searches: any[] = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const value = (c: FakeContact, name: string): number | null => {
    if (name === 'lastmodifieddate') return c.modifiedAt;
    const v = c.properties[name];
    return v ? Date.parse(v) : null;
  };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      searches.push(body);
      if (gate) await gate;
      const matches = contacts.filter((c) =>
        body.filterGroups.some((g: any) =>
          g.filters.every((f: any) => {
            const t = value(c, f.propertyName);
            if (t === null) return false;
            if (f.operator === 'BETWEEN') return t >= Number(f.value) && t <= Number(f.highValue);
            if (f.operator === 'GTE') return t >= Number(f.value);
            throw new Error(`unexpected operator ${f.operator}`);
          }),
        ),
      );
      const offset = Number(body.after ?? 0);
      const page = matches.slice(offset, offset + body.limit);
      return json({
        total: matches.length,
        results: page.map((c) => ({ id: c.id, properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })),
        ...(offset + body.limit < matches.length ? { paging: { next: { after: String(offset + body.limit) } } } : {}),
      });
    }
    if (url.pathname === '/crm/v3/owners') return json({ results: [{ id: 'o1', firstName: 'Ana', lastName: 'Rep' }] });
    if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') return json({ status: 'COMPLETE', results: [] });
    return new Response('{}', { status: 404 });
  };
  return {
    fetch: fetchImpl as typeof fetch,
    searches,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}

function contact(id: number, assignedAt: number, campaign = 'Q4 Webinar Series'): FakeContact {
  return { id: String(id), modifiedAt: assignedAt, properties: { hs_object_id: String(id), hubspot_owner_id: 'o1', campaign_name: campaign, hubspot_owner_assigneddate: new Date(assignedAt).toISOString() } };
}

function setup(contacts: FakeContact[], options: { factory?: IDBFactory; logs?: string[] } = {}) {
  const crm = createFakeCrm(contacts);
  const clock = { now: NOW };
  const factory = options.factory ?? new IDBFactory();
  const make = () =>
    createInsightsActions({
      openReporting: reportingFor({ demoBuild: true, settings: SETTINGS, fetch: crm.fetch }),
      now: () => clock.now,
      store: createInsightsReadStore({ factory, log: (m) => options.logs?.push(m) }),
      searchPacers: createSearchPacers(0),
      log: (m) => options.logs?.push(m),
    });
  return { crm, clock, factory, make, actions: make() };
}

/** Asks again (as the page's polling does) until no read is underway. */
async function settle(actions: ReturnType<typeof createInsightsActions>, request = ALL): Promise<InsightsResult> {
  for (let i = 0; i < 200; i++) {
    const result = insightsResultSchema.parse(await actions.getInsights(request));
    if (result.read.sync.state === 'idle') return result;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the read never finished');
}

const many = (n: number) => Array.from({ length: n }, (_, i) => contact(i + 1, NOW - 30 * DAY + i * MINUTE));

describe('Insights actions: progressive, persisted, incremental', () => {
  it('a first read answers with the records so far and its progress, then completes', async () => {
    const { actions, crm } = setup(many(450));
    const first = await actions.getInsights(ALL);
    // The first answer waits for the first page (200), not for the whole read.
    expect(first.read.sync).toMatchObject({ state: 'reading', mode: 'full', total: 450 });
    expect(first.read.records).toBeGreaterThanOrEqual(200);
    expect(first.read.records).toBeLessThan(450);
    expect(first.report.totals.handedOff).toBe(first.read.records);
    const done = await settle(actions);
    expect(done.read.records).toBe(450);
    expect(done.read.sync).toEqual({ state: 'idle', mode: null, read: 0, total: null, error: null });
    expect(crm.searches).toHaveLength(3);
  });

  it('a second request during a read joins it instead of starting another', async () => {
    const { actions, crm } = setup(many(450));
    crm.hold();
    const a = actions.getInsights(ALL);
    const b = actions.getInsights({ ...ALL, refresh: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    crm.release();
    await Promise.all([a, b]);
    await settle(actions);
    expect(crm.searches).toHaveLength(3);
  });

  it('after a worker restart the persisted read answers at once, without searching', async () => {
    const { make, crm, clock } = setup(many(450));
    await settle(make());
    const searches = crm.searches.length;
    clock.now += MINUTE;
    // A new actions object over the same IndexedDB: what a restarted service worker has.
    const restarted = make();
    const answer = await restarted.getInsights(ALL);
    expect(answer.read.sync.state).toBe('idle');
    expect(answer.read.records).toBe(450);
    expect(crm.searches.length).toBe(searches);
  });

  it('a persisted read older than two minutes is answered at once, and the changes since are read and merged', async () => {
    const contacts = many(10);
    const { make, crm, clock } = setup(contacts);
    await settle(make());
    const syncedAt = NOW;
    // Meanwhile in the CRM: contact 3 is rejected, contact 11 is handed off.
    clock.now += 30 * MINUTE;
    const three = contacts[2] as FakeContact;
    three.properties = { ...three.properties, baton_disposition: 'rejected', baton_disposition_at: new Date(clock.now - MINUTE).toISOString() };
    three.modifiedAt = clock.now - MINUTE;
    contacts.push(contact(11, clock.now - 2 * MINUTE, 'Q4 Pipeline Automation'));
    contacts[10]!.modifiedAt = clock.now - 2 * MINUTE;
    const before = crm.searches.length;

    const actions = make();
    const answer = await actions.getInsights(ALL);
    // At once, from what was persisted, while the changes are read.
    expect(answer.read.sync).toMatchObject({ state: 'updating', mode: 'incremental' });
    expect(answer.read.records).toBe(10);
    const updated = await settle(actions);
    expect(updated.read.records).toBe(11);
    expect(updated.report.totals.rejected).toBe(1);
    // One search, for contacts modified since the last read started minus the safety margin.
    const incremental = crm.searches.slice(before);
    expect(incremental).toHaveLength(1);
    for (const group of incremental[0].filterGroups) expect(group.filters).toContainEqual({ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(syncedAt - 10 * MINUTE) });
  });

  it('Refresh re-reads everything, answering from the persisted read until it is done', async () => {
    const contacts = many(5);
    const { actions, crm, clock } = setup(contacts);
    await settle(actions);
    contacts.splice(0, 1); // deleted in the CRM: only a full read can tell
    clock.now += MINUTE;
    crm.hold();
    const during = await actions.getInsights({ ...ALL, refresh: true });
    expect(during.read.sync).toMatchObject({ state: 'updating', mode: 'full' });
    expect(during.read.records).toBe(5);
    crm.release();
    const after = await settle(actions);
    expect(after.read.records).toBe(4);
    expect(crm.searches.at(-1).filterGroups[0].filters).toHaveLength(1);
  });

  it('a restarted worker answers a request it answered before at once, then from the records once they are loaded', async () => {
    const { make, factory, clock, crm } = setup(many(450));
    const before = await settle(make());
    // The answer is saved just after it went out.
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.now += MINUTE;
    // The restarted worker's persisted read takes a while to load (20,000 records on a busy machine).
    let loaded = () => {};
    const slow = createInsightsReadStore({ factory });
    const gate = new Promise<void>((resolve) => (loaded = resolve));
    const restarted = createInsightsActions({
      openReporting: reportingFor({ demoBuild: true, settings: SETTINGS, fetch: crm.fetch }),
      now: () => clock.now,
      store: { ...slow, read: async (key) => (await gate, slow.read(key)) },
      searchPacers: createSearchPacers(0),
    });
    const first = await restarted.getInsights(ALL);
    expect(first.read.sync).toEqual({ state: 'updating', mode: null, read: 0, total: null, error: null });
    expect(first.report).toEqual(before.report);
    // Other filters were never answered: they wait for the records.
    const other = restarted.getInsights({ ...ALL, filters: { ...ALL.filters, campaigns: ['Q4 Webinar Series'] } });
    loaded();
    expect((await other).read.sync.state).toBe('idle');
    const after = await settle(restarted);
    expect(after.read.records).toBe(450);
    expect(after.report.totals).toEqual(before.report.totals);
  });

  it('a corrupt persisted read is dropped with a log line, and the CRM is read again', async () => {
    const factory = new IDBFactory();
    await createKeyValueStore({ dbName: 'baton-insights', storeName: 'reads', factory }).put(`sandbox|${SETTINGS.sandboxUrl}`, { version: 1, records: 'garbage' });
    const logs: string[] = [];
    const { actions, crm } = setup(many(3), { factory, logs });
    const answer = await settle(actions);
    expect(answer.read.records).toBe(3);
    expect(crm.searches.length).toBe(1);
    expect(logs.some((l) => /invalid or from an older version; it was dropped/.test(l))).toBe(true);
  });

  it('a window reaching further back than the persisted read is read (showing what is known meanwhile as partial)', async () => {
    const contacts = [...many(3), contact(99, NOW - 300 * DAY)];
    const { actions } = setup(contacts);
    const auto = await settle(actions);
    expect(auto.read.records).toBe(3);
    const wide = { ...ALL, filters: { ...ALL.filters, from: NOW - 400 * DAY } };
    const first = await actions.getInsights(wide);
    expect(first.read.sync.state).toBe('reading');
    const done = await settle(actions, wide);
    expect(done.read.records).toBe(4);
  });

  it('a read started for a narrow date filter still covers the default six months', async () => {
    const { actions, crm } = setup(many(5));
    const lastWeek = { ...ALL, filters: { ...ALL.filters, from: NOW - 7 * DAY } };
    await settle(actions, lastWeek);
    const searches = crm.searches.length;
    // The default view then answers from the same read, without another.
    expect((await actions.getInsights(ALL)).read).toMatchObject({ records: 5, sync: { state: 'idle' } });
    expect(crm.searches.length).toBe(searches);
  });

  it('a failed first read is reported; the next request tries again', async () => {
    const { actions, crm } = setup(many(3));
    const failing = createInsightsActions({
      openReporting: reportingFor({ demoBuild: true, settings: SETTINGS, fetch: (async () => new Response(JSON.stringify({ status: 'error', message: 'boom' }), { status: 500 })) as typeof fetch }),
      now: () => NOW,
      searchPacers: createSearchPacers(0),
      log: () => {},
    });
    await expect(failing.getInsights(ALL)).rejects.toThrow();
    await expect(failing.getInsights(ALL)).rejects.toThrow();
    expect((await settle(actions)).read.records).toBe(3);
    expect(crm.searches).toHaveLength(1);
  });
});
