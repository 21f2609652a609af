import { describe, expect, it } from 'vitest';
import { createInsightsActions } from '../../lib/background/insights-actions';
import { createSearchPacers } from '../../lib/crm/search-pacer';
import type { InsightsRequest, InsightsResult } from '../../lib/messaging/insights-protocol';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { reportingFor, sandboxSettings } from './reporting-kit';

/*
 * The background's part of speed to lead and drill-downs: the SLA calendar decides the clock, and
 * a request naming a count gets the leads behind it (named, linked to their records) with the report.
 */

const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
const DAY = 86_400_000;
const MINUTE = 60_000;
const SANDBOX = 'http://127.0.0.1:4477';
const ALL: Omit<InsightsRequest, 'type'> = { filters: { from: null, to: null, sources: [], campaigns: [], reps: [], definitionVersions: [] }, averageDealValue: null, refresh: false };
const iso = (ms: number) => new Date(ms).toISOString();

/** Two leads: Ada, handed off 20 days ago, never decided; Ben, assigned Friday 16:30 New York, called Monday 09:30. */
const CONTACTS = [
  { id: '1', properties: { firstname: 'Ada', lastname: 'Stale', hubspot_owner_id: 'o1', hubspot_owner_assigneddate: iso(NOW - 20 * DAY) } },
  {
    id: '2',
    properties: {
      firstname: 'Ben',
      lastname: 'Quick',
      hubspot_owner_id: 'o1',
      // Friday 2026-11-20: the form at 16:00 New York (21:00 UTC), assigned 16:30, first call Monday 09:30.
      recent_conversion_date: iso(Date.UTC(2026, 10, 20, 21, 0)),
      hubspot_owner_assigneddate: iso(Date.UTC(2026, 10, 20, 21, 30)),
      hs_sa_first_engagement_date: iso(Date.UTC(2026, 10, 23, 14, 30)),
    },
  },
];

function fakeCrm(): typeof fetch {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    if (url.pathname === '/crm/v3/objects/contacts/search') return json({ total: CONTACTS.length, results: CONTACTS.map((c) => ({ ...c, createdAt: iso(NOW - 30 * DAY), updatedAt: iso(NOW - DAY) })) });
    if (url.pathname === '/crm/v3/owners') return json({ results: [{ id: 'o1', firstName: 'Ana', lastName: 'Rep' }] });
    if (url.pathname === '/account-info/v3/details') return json({ portalId: 4477, uiDomain: 'app.hubspot.com' });
    if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') return json({ status: 'COMPLETE', results: [] });
    return new Response('{}', { status: 404 });
  }) as typeof fetch;
}

async function settle(actions: ReturnType<typeof createInsightsActions>, request = ALL): Promise<InsightsResult> {
  for (let i = 0; i < 200; i++) {
    const result = insightsResultSchema.parse(await actions.getInsights(request));
    if (result.read.sync.state === 'idle') return result;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the read never finished');
}

function actionsWith(calendar: typeof defaultSlaPolicy.calendar | null) {
  return createInsightsActions({
    openReporting: reportingFor({ demoBuild: true, settings: sandboxSettings(SANDBOX), fetch: fakeCrm() }),
    now: () => NOW,
    searchPacers: createSearchPacers(0),
    readSlaCalendar: async () => calendar,
    log: () => {},
  });
}

describe('Insights actions: speed to lead and the leads behind a count', () => {
  it('measures speed to lead on the SLA calendar: 30 business minutes of routing, 60 of rep response (30 on Friday, 30 on Monday)', async () => {
    const result = await settle(actionsWith(defaultSlaPolicy.calendar));
    expect(result.report.speedToLead.basis).toBe('business');
    expect(result.report.speedToLead.overall).toMatchObject({ assigned: 2, awaitingTouch: 1, system: { medianMinutes: 30 }, rep: { medianMinutes: 60 }, whole: { medianMinutes: 90 } });
    // Without a calendar, real time: the weekend counts.
    const wall = await settle(actionsWith(null));
    expect(wall.report.speedToLead.basis).toBe('calendar');
    expect(wall.report.speedToLead.overall.rep.medianMinutes).toBe((Date.UTC(2026, 10, 23, 14, 30) - Date.UTC(2026, 10, 20, 21, 30)) / MINUTE);
  });

  it('a request naming a count answers with its leads, named and linked to their records', async () => {
    const actions = actionsWith(null);
    await settle(actions);
    const result = insightsResultSchema.parse(await actions.getInsights({ ...ALL, drill: { dimension: 'all', key: null, subset: 'stale', item: null, stage: null, title: '1 lead has no disposition after 7 days' } }));
    expect(result.drill).toEqual({
      title: '1 lead has no disposition after 7 days',
      total: 1,
      leads: [{ id: '1', name: 'Ada Stale', recordUrl: `${SANDBOX}/contacts/4477/record/0-1/1`, campaign: null, owner: 'Ana Rep', handedOffAt: NOW - 20 * DAY, decision: null }],
    });
    expect(result.report.totals.staleWithoutDisposition).toBe(1);
  });
});
