import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateInsights, drillInsights } from '../../../lib/domain/insights/aggregate-insights';
import { drillSchema, DRILL_LIMIT } from '../../../lib/domain/insights/insight-drill';
import type { DrillInput } from '../../../lib/domain/insights/insight-drill';
import { FUNNEL_STAGES, insightFiltersSchema } from '../../../lib/domain/insights/insights-report';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import { HUBSPOT_CONNECTED_STATUSES } from '../../../lib/crm/hubspot/hubspot-sources';
import { FIXTURE, NOW } from './insights-fixture';

const NO_FILTERS = insightFiltersSchema.parse({});
const OPTIONS = { now: NOW, connectedStatuses: HUBSPOT_CONNECTED_STATUSES };
const drill = (input: Omit<DrillInput, 'title'>) => drillInsights(FIXTURE, NO_FILTERS, drillSchema.parse({ title: 'the leads', ...input }), OPTIONS);
const ids = (input: Omit<DrillInput, 'title'>) => drill(input).leads.map((l) => l.id).sort();

describe('the leads behind a count', () => {
  it('"no disposition after 7 days" lists exactly the stale leads, named, with their CRM links', () => {
    const records = FIXTURE.map((r) => (r.contactId === '4' ? { ...r, name: 'Dana Stale', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-1/4' } : r));
    const result = drillInsights(records, NO_FILTERS, drillSchema.parse({ dimension: 'all', key: null, subset: 'stale', title: '1 lead has no disposition after 7 days' }), OPTIONS);
    expect(result).toEqual({
      title: '1 lead has no disposition after 7 days',
      total: 1,
      leads: [{ id: '4', name: 'Dana Stale', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-1/4', campaign: 'Q4 Paid Search', owner: 'Ana Rep', handedOffAt: FIXTURE[3]?.handedOffAt, decision: null }],
    });
  });

  it('a group and an outcome: the rejected leads of a campaign, with the decision in words', () => {
    const result = drill({ dimension: 'campaign', key: 'Q4 Paid Search', subset: 'rejected' });
    expect(result.total).toBe(3);
    expect(result.leads.map((l) => l.decision).sort()).toEqual(['Rejected: No need', 'Rejected: No need', 'Rejected: Student']);
    // Unnamed leads are still listed, by their record id.
    expect(result.leads[0]?.name).toMatch(/^Lead \d$/);
  });

  it('funnel: the leads lost at a stage and the ones disqualified by definition, apart', () => {
    expect(ids({ dimension: 'all', key: null, subset: 'funnel_lost', stage: 'contacted' })).toEqual(['3', '7']);
    expect(ids({ dimension: 'all', key: null, subset: 'funnel_lost', stage: 'connected' })).toEqual(['1', '4']);
    expect(ids({ dimension: 'all', key: null, subset: 'disqualified' })).toEqual(['2']);
    expect(ids({ dimension: 'all', key: null, subset: 'funnel_reached', stage: 'won' })).toEqual(['5']);
  });

  it('property: every count of the report opens on as many leads as it says', () => {
    const report = aggregateInsights(FIXTURE, NO_FILTERS, OPTIONS);
    for (const [i, stage] of FUNNEL_STAGES.entries()) {
      expect(drill({ dimension: 'all', key: null, subset: 'funnel_reached', stage }).total).toBe(report.funnel.stages[i]?.count);
      if (i > 0) expect(drill({ dimension: 'all', key: null, subset: 'funnel_lost', stage }).total).toBe(report.funnel.stages[i]?.lostFromPrevious);
    }
    for (const row of report.outcomesByCampaign) {
      for (const subset of ['handed_off', 'dispositioned', 'accepted', 'recycled', 'rejected'] as const) {
        const count = subset === 'handed_off' ? row.handedOff : subset === 'dispositioned' ? row.dispositioned : row[subset];
        expect(drill({ dimension: 'campaign', key: row.key, subset }).total).toBe(count);
      }
    }
    for (const row of report.coverageByRep) {
      expect(drill({ dimension: 'rep', key: row.key, subset: 'stale' }).total).toBe(row.staleWithoutDisposition);
      expect(drill({ dimension: 'rep', key: row.key, subset: 'touched' }).total).toBe(row.touched);
    }
    for (const row of report.reasonsByCampaign) expect(drill({ dimension: 'campaign', key: row.group, subset: 'reason', item: row.key }).total).toBe(row.count);
    for (const row of report.speedToLead.byRep) expect(drill({ dimension: 'rep', key: row.key, subset: 'awaiting_touch' }).total).toBe(row.awaitingTouch);
    for (const row of report.outcomesByWeek) for (const subset of ['accepted', 'recycled', 'rejected'] as const) expect(drill({ dimension: 'week', key: row.weekStart, subset }).total).toBe(row[subset]);
    for (const row of report.slaByRep) {
      expect(drill({ dimension: 'decided_by', key: row.key, subset: 'sla_known' }).total).toBe(row.decided);
      expect(drill({ dimension: 'decided_by', key: row.key, subset: 'sla_met' }).total).toBe(row.met);
    }
    for (const row of report.slaByTier) expect(drill({ dimension: 'tier', key: row.key, subset: 'sla_met' }).total).toBe(row.met);
    for (const row of report.versions) {
      expect(drill({ dimension: 'version', key: row.version, subset: 'dispositioned' }).total).toBe(row.dispositioned);
      expect(drill({ dimension: 'version', key: row.version, subset: 'opportunity' }).total).toBe(row.opportunities);
      expect(drill({ dimension: 'version', key: row.version, subset: 'won' }).total).toBe(row.won);
    }
    expect(drill({ dimension: 'all', key: null, subset: 'stale' }).total).toBe(report.totals.staleWithoutDisposition);
    expect(drill({ dimension: 'all', key: null, subset: 'touched' }).total).toBe(report.totals.touched);
  });

  it('lists at most DRILL_LIMIT leads, newest handoff first, and says how many there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DRILL_LIMIT + 30 }), (n) => {
        const records: InsightRecord[] = Array.from({ length: n }, (_, i) => ({ ...(FIXTURE[3] as InsightRecord), contactId: `x${i}`, handedOffAt: NOW - 30 * 86_400_000 + i * 1000 }));
        const result = drillInsights(records, NO_FILTERS, drillSchema.parse({ dimension: 'all', key: null, subset: 'stale', title: 't' }), OPTIONS);
        expect(result.total).toBe(n);
        expect(result.leads).toHaveLength(Math.min(n, DRILL_LIMIT));
        const times = result.leads.map((l) => l.handedOffAt as number);
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }),
      { numRuns: 20 },
    );
  });
});
