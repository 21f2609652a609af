import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBacktestActions } from '../../lib/background/backtest-actions';
import { createInsightsActions } from '../../lib/background/insights-actions';
import { createSearchPacer, createSearchPacers } from '../../lib/crm/search-pacer';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { reportingFor, sandboxSettings } from './reporting-kit';

/*
 * Insights' read and the backtest search the same portal, often at once (the backtest section is
 * on the Insights page). HubSpot's search limit (about 5 a second) is per portal, so the two must
 * take turns from one pacer per connection. Time is virtual (fake timers): the test asserts the
 * order and spacing of request start times, never how long anything took.
 */

const NOW = Date.UTC(2026, 10, 22, 12);
const DAY = 86_400_000;
const SETTINGS = sandboxSettings('http://127.0.0.1:4477');

/** Contacts handed off and dispositioned in the last month (both readers' searches find them). */
const CONTACTS = Array.from({ length: 450 }, (_, i) => {
  const at = new Date(NOW - 30 * DAY + i * 60_000).toISOString();
  return { id: String(i + 1), properties: { hs_object_id: String(i + 1), hubspot_owner_id: 'o1', hubspot_owner_assigneddate: at, baton_disposition: 'rejected', baton_disposition_at: at } as Record<string, string | null> };
});

/** A fake sandbox CRM that notes when (virtual time) and for whom each search started. */
function createFakeCrm() {
  const searches: { at: number; by: 'insights' | 'backtest' }[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      // Insights ORs "handed off" with "dispositioned"; the backtest asks for dispositioned only.
      searches.push({ at: Date.now(), by: body.filterGroups.length === 2 ? 'insights' : 'backtest' });
      const matches = CONTACTS.filter((c) =>
        body.filterGroups.some((g: any) => g.filters.every((f: any) => {
          const t = Date.parse(c.properties[f.propertyName] ?? '');
          return t >= Number(f.value) && t <= Number(f.highValue);
        })),
      );
      const offset = Number(body.after ?? 0);
      return json({
        total: matches.length,
        results: matches.slice(offset, offset + body.limit).map((c) => ({ id: c.id, properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })),
        ...(offset + body.limit < matches.length ? { paging: { next: { after: String(offset + body.limit) } } } : {}),
      });
    }
    if (url.pathname === '/crm/v3/owners') return json({ results: [{ id: 'o1', firstName: 'Ana', lastName: 'Rep' }] });
    if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') return json({ status: 'COMPLETE', results: [] });
    return new Response('{}', { status: 404 });
  };
  return { fetch: fetchImpl as typeof fetch, searches };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('one search pacer per connection', () => {
  it('spaces interleaved Insights and backtest searches at least 250 ms apart', async () => {
    vi.useFakeTimers({ now: NOW });
    const crm = createFakeCrm();
    const searchPacers = createSearchPacers(250);
    const common = { openReporting: reportingFor({ demoBuild: true, settings: SETTINGS, fetch: crm.fetch }), now: () => Date.now(), searchPacers };
    const insights = createInsightsActions({ ...common, log: () => {} });
    const backtest = createBacktestActions({ ...common, readCurrentDefinition: async () => DEFAULT_SQL_DEFINITION });

    const request = { filters: { from: null, to: null, sources: [], campaigns: [], reps: [], definitionVersions: [] }, averageDealValue: null, refresh: false };
    const firstAnswer = insights.getInsights(request);
    const backtested = backtest.runBacktest({ candidate: STRICT_SQL_DEFINITION, months: 3, refresh: false });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(backtested).resolves.toMatchObject({ status: 'ok', dispositioned: 450 });
    await firstAnswer;
    expect((await insights.getInsights(request)).read.sync.state).toBe('idle');

    const by = crm.searches.map((s) => s.by);
    // Insights: 3 pages of 200; backtest: 5 pages of 100. Both ran, and their turns interleaved.
    expect(by.filter((b) => b === 'insights')).toHaveLength(3);
    expect(by.filter((b) => b === 'backtest')).toHaveLength(5);
    expect(by.some((b, i) => i > 0 && b !== by[i - 1] && by.slice(i + 1).includes(by[i - 1] as typeof b))).toBe(true);
    const gaps = crm.searches.slice(1).map((s, i) => s.at - (crm.searches[i] as { at: number }).at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250);
  });

  it('keeps one pacer per connection, and separate connections do not wait for each other', () => {
    const pacers = createSearchPacers(250);
    expect(pacers.forConnection('hubspot|1')).toBe(pacers.forConnection('hubspot|1'));
    expect(pacers.forConnection('hubspot|1')).not.toBe(pacers.forConnection('hubspot|2'));
  });

  it('gives concurrent callers slots one interval apart', async () => {
    const waits: number[] = [];
    const pace = createSearchPacer(250, { now: () => 1000, wait: async (ms) => void waits.push(ms) });
    await Promise.all([pace(), pace(), pace(), pace()]);
    expect(waits).toEqual([250, 500, 750]);
  });
});
