import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateInsights, filterInsightRecords, toWeekStart } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema, insightsReportSchema } from '../../../lib/domain/insights/insights-report';
import { median, percentile } from '../../../lib/domain/insights/insight-stats';
import { insightRecordSchema } from '../../../lib/domain/insights/insight-record';
import { HUBSPOT_CONNECTED_STATUSES, toChannel } from '../../../lib/crm/hubspot/hubspot-sources';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import { FIXTURE, NOW } from './insights-fixture';

const NO_FILTERS = insightFiltersSchema.parse({});

describe('aggregateInsights on the fixed fixture', () => {
  // The fixture speaks HubSpot's lead statuses; its provider names the ones that mean "connected".
  const report = aggregateInsights(FIXTURE, NO_FILTERS, { now: NOW, connectedStatuses: HUBSPOT_CONNECTED_STATUSES });

  it('validates against its own schema (the message boundary)', () => {
    expect(insightsReportSchema.parse(report)).toEqual(report);
    for (const r of FIXTURE) expect(insightRecordSchema.parse(r)).toEqual(r);
  });

  it('counts totals, touched leads and the ones waiting over 7 days', () => {
    expect(report.totals).toEqual({
      handedOff: 7,
      dispositioned: 6,
      accepted: 2,
      recycled: 1,
      rejected: 3,
      acceptanceRate: 2 / 6,
      touched: 7,
      staleWithoutDisposition: 1,
    });
  });

  it('outcomes and acceptance by campaign, with the counts behind the rate', () => {
    expect(report.outcomesByCampaign).toEqual([
      { key: 'Q4 Paid Search', label: 'Q4 Paid Search', handedOff: 4, dispositioned: 3, accepted: 0, recycled: 0, rejected: 3, acceptanceRate: 0 },
      { key: 'Q4 Webinar Series', label: 'Q4 Webinar Series', handedOff: 3, dispositioned: 3, accepted: 2, recycled: 1, rejected: 0, acceptanceRate: 2 / 3 },
      { key: '(no campaign)', label: '(no campaign)', handedOff: 0, dispositioned: 0, accepted: 0, recycled: 0, rejected: 0, acceptanceRate: null },
    ]);
    expect(report.outcomesByChannel.map((row) => [row.key, row.accepted, row.dispositioned])).toEqual([
      ['paid', 0, 3],
      ['email', 2, 3],
      ['organic', 0, 0],
    ]);
  });

  it('reasons by campaign: paid search is "no need" and students', () => {
    expect(report.reasonsByCampaign).toEqual([
      { group: 'Q4 Paid Search', groupLabel: 'Q4 Paid Search', key: 'no_need', label: 'No need', count: 2 },
      { group: 'Q4 Paid Search', groupLabel: 'Q4 Paid Search', key: 'student', label: 'Student', count: 1 },
      { group: 'Q4 Webinar Series', groupLabel: 'Q4 Webinar Series', key: 'bad_timing', label: 'Bad timing', count: 1 },
    ]);
  });

  it('objections by source', () => {
    expect(report.objectionsBySource.map((row) => [row.group, row.key, row.count])).toEqual([
      ['EMAIL_MARKETING', 'security_review', 1],
      ['EMAIL_MARKETING', 'timing', 1],
      ['PAID_SEARCH', 'price', 2],
      ['PAID_SEARCH', 'timing', 1],
    ]);
  });

  it('outcomes by week of the decision (weeks start on Monday, UTC)', () => {
    expect(report.outcomesByWeek).toEqual([
      { weekStart: '2026-11-02', accepted: 0, recycled: 0, rejected: 2 },
      { weekStart: '2026-11-09', accepted: 1, recycled: 0, rejected: 1 },
      { weekStart: '2026-11-16', accepted: 1, recycled: 1, rejected: 0 },
    ]);
  });

  it('follow-up coverage by rep and source', () => {
    expect(report.coverageByRep).toEqual([
      { key: 'o1', label: 'Ana Rep', handedOff: 4, touched: 4, dispositioned: 3, touchedRate: 1, dispositionedRate: 0.75, staleWithoutDisposition: 1 },
      { key: 'o2', label: 'Ben Closer', handedOff: 3, touched: 3, dispositioned: 3, touchedRate: 1, dispositionedRate: 1, staleWithoutDisposition: 0 },
    ]);
    expect(report.coverageBySource.map((row) => row.key)).toEqual(['PAID_SEARCH', 'EMAIL_MARKETING']);
  });

  it('SLA compliance: share met, median and nearest-rank p90 in business minutes', () => {
    // Met: 1, 5, 6; late: 2 (breached), 3 (met late); 7 has no SLA state. Minutes 2,4,10,30,60,90.
    expect(report.sla).toEqual({ key: 'all', label: 'all', decided: 5, met: 3, complianceRate: 0.6, responses: 6, medianMinutes: 20, p90Minutes: 90 });
    expect(report.slaByRep).toEqual([
      { key: 'Ana Rep', label: 'Ana Rep', decided: 3, met: 1, complianceRate: 1 / 3, responses: 3, medianMinutes: 30, p90Minutes: 90 },
      { key: 'Ben Closer', label: 'Ben Closer', decided: 2, met: 2, complianceRate: 1, responses: 3, medianMinutes: 10, p90Minutes: 60 },
    ]);
    expect(report.slaByTier.map((row) => row.key)).toEqual(['(tier not recorded)']);
  });

  it('the funnel: stages from distinct facts; revenue at stake = lost × win rate after the stage × average won deal', () => {
    // 1: touched, rejected (no need) → lost at Connected; 2: a student → disqualified, apart;
    // 3 and 7: never touched, decided → lost at Contacted; 4: touched, no decision for 20 days →
    // lost at Connected; 5: won; 6: accepted two days ago, still being worked → in play, not lost.
    expect(report.funnel).toEqual({
      averageDealValue: 40_000,
      averageDealValueFrom: 'won_deals',
      biggestLeak: 'connected',
      disqualified: 1,
      stages: [
        { stage: 'handed_off', count: 7, amount: 40_000, conversionFromPrevious: null, lostFromPrevious: 0, winRateAfter: 1 / 6, revenueAtStake: null },
        { stage: 'contacted', count: 4, amount: 40_000, conversionFromPrevious: 4 / 7, lostFromPrevious: 2, winRateAfter: 1 / 3, revenueAtStake: 2 * (1 / 3) * 40_000 },
        { stage: 'connected', count: 2, amount: 40_000, conversionFromPrevious: 2 / 4, lostFromPrevious: 2, winRateAfter: 1, revenueAtStake: 80_000 },
        { stage: 'accepted', count: 2, amount: 40_000, conversionFromPrevious: 1, lostFromPrevious: 0, winRateAfter: 1, revenueAtStake: 0 },
        { stage: 'opportunity', count: 1, amount: 40_000, conversionFromPrevious: 0.5, lostFromPrevious: 0, winRateAfter: 1, revenueAtStake: 0 },
        { stage: 'won', count: 1, amount: 40_000, conversionFromPrevious: 1, lostFromPrevious: 0, winRateAfter: 1, revenueAtStake: 0 },
      ],
    });
  });

  it('a configured deal value replaces the won-deal average', () => {
    const configured = aggregateInsights(FIXTURE, NO_FILTERS, { now: NOW, averageDealValue: 10_000, connectedStatuses: HUBSPOT_CONNECTED_STATUSES });
    expect(configured.funnel.averageDealValueFrom).toBe('configured');
    expect(configured.funnel.stages[1]?.revenueAtStake).toBeCloseTo((2 * 10_000) / 3, 6);
  });

  it('definition versions side by side', () => {
    expect(report.versions).toEqual([
      { version: 'default@1', dispositioned: 3, accepted: 0, acceptanceRate: 0, opportunities: 0, won: 0, conversionRate: 0 },
      { version: 'default@2', dispositioned: 3, accepted: 2, acceptanceRate: 2 / 3, opportunities: 1, won: 1, conversionRate: 1 / 3 },
    ]);
  });

  it('filter options come from all records, with owner names', () => {
    expect(report.filterOptions.reps).toEqual([
      { value: '(unassigned)', label: '(unassigned)' },
      { value: 'o1', label: 'Ana Rep' },
      { value: 'o2', label: 'Ben Closer' },
    ]);
    expect(report.filterOptions.definitionVersions.map((o) => o.value)).toEqual(['(no version)', 'default@1', 'default@2']);
  });
});

describe('filters', () => {
  it('by campaign, rep, version and date range (handoff time)', () => {
    const ids = (input: Parameters<typeof insightFiltersSchema.parse>[0]) =>
      filterInsightRecords(FIXTURE, insightFiltersSchema.parse(input)).map((r) => r.contactId);
    expect(ids({ campaigns: ['Q4 Webinar Series'] })).toEqual(['5', '6', '7']);
    expect(ids({ reps: ['o1'] })).toEqual(['1', '2', '3', '4']);
    expect(ids({ definitionVersions: ['default@2'] })).toEqual(['5', '6', '7']);
    expect(ids({ sources: ['ORGANIC_SEARCH'] })).toEqual(['8']);
    expect(ids({ from: NOW - 21 * 86_400_000, to: NOW })).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(ids({ from: NOW - 19 * 86_400_000 })).toEqual([]);
  });

  it('a filter that keeps nothing gives empty rows and null rates, not zeros', () => {
    const report = aggregateInsights(FIXTURE, insightFiltersSchema.parse({ campaigns: ['nope'] }), { now: NOW });
    expect(report.totals.acceptanceRate).toBeNull();
    expect(report.outcomesByCampaign).toEqual([]);
    expect(report.sla.complianceRate).toBeNull();
    expect(report.funnel.biggestLeak).toBeNull();
    expect(report.filterOptions.campaigns.length).toBe(3);
  });
});

describe('helpers', () => {
  it('percentile is nearest-rank, median averages the middle pair', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.9)).toBeNull();
    expect(median([1, 3])).toBe(2);
    expect(median([1, 2, 9])).toBe(2);
  });

  it('week starts on Monday UTC', () => {
    expect(toWeekStart(Date.UTC(2026, 10, 22, 23, 59))).toBe('2026-11-16'); // Sunday
    expect(toWeekStart(Date.UTC(2026, 10, 23, 0, 0))).toBe('2026-11-23'); // Monday
    expect(toWeekStart(Date.UTC(1970, 0, 1))).toBe('1969-12-29');
  });
});

const recordArb: fc.Arbitrary<InsightRecord> = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    campaign: fc.constantFrom(null, 'A', 'B', 'C'),
    source: fc.constantFrom(null, 'PAID_SEARCH', 'EMAIL_MARKETING', 'OFFLINE'),
    ownerId: fc.constantFrom(null, 'o1', 'o2'),
    handedOffAt: fc.option(fc.integer({ min: NOW - 200 * 86_400_000, max: NOW }), { nil: null }),
    touched: fc.boolean(),
    leadStatus: fc.constantFrom(null, 'CONNECTED', 'NEW', 'OPEN_DEAL'),
    disposition: fc.option(
      fc.record({
        outcome: fc.constantFrom('accepted', 'recycled', 'rejected' as const),
        stage: fc.constantFrom(null, 'working', 'opportunity_created' as const),
        reason: fc.constantFrom(null, 'no_need', 'student'),
        objections: fc.subarray(['price', 'timing', 'competitor']),
        version: fc.constantFrom(null, 'd@1', 'd@2'),
        sla: fc.constantFrom(null, 'met', 'met_late', 'breached', 'on_track'),
        minutes: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: null }),
        decidedAt: fc.integer({ min: NOW - 200 * 86_400_000, max: NOW }),
      }),
      { nil: null },
    ),
    deal: fc.option(fc.record({ amount: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }), won: fc.boolean() }), { nil: null }),
  })
  .map(
    (g): InsightRecord => ({
      contactId: String(g.id),
      campaign: g.campaign,
      source: g.source,
      channel: toChannel(g.source),
      ownerId: g.ownerId,
      ownerName: g.ownerId ? `Name ${g.ownerId}` : null,
      handedOffAt: g.handedOffAt,
      lastTouchedAt: g.touched ? NOW : null,
      leadStatus: g.leadStatus,
      slaTier: null,
      disposition: g.disposition && {
        outcome: g.disposition.outcome,
        acceptedStage: g.disposition.outcome === 'accepted' ? g.disposition.stage : null,
        reasonId: g.disposition.reason,
        reasonLabel: g.disposition.reason,
        objections: g.disposition.objections,
        definitionVersion: g.disposition.version,
        slaOutcome: g.disposition.sla,
        responseMinutes: g.disposition.minutes,
        decidedAt: g.disposition.decidedAt,
        rep: null,
      },
      deal: g.deal && { amount: g.deal.amount, stage: g.deal.won ? 'closedwon' : 'appointmentscheduled', won: g.deal.won, closed: g.deal.won },
    }),
  );

describe('properties', () => {
  it('counts add up and every rate is in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const report = aggregateInsights(records, NO_FILTERS, { now: NOW });
        const t = report.totals;
        expect(t.accepted + t.recycled + t.rejected).toBe(t.dispositioned);
        expect(t.dispositioned).toBe(records.filter((r) => r.disposition).length);
        for (const rows of [report.outcomesByCampaign, report.outcomesBySource, report.outcomesByChannel]) {
          expect(rows.reduce((sum, row) => sum + row.dispositioned, 0)).toBe(t.dispositioned);
          expect(rows.reduce((sum, row) => sum + row.handedOff, 0)).toBe(t.handedOff);
        }
        const weeks = report.outcomesByWeek.reduce((sum, w) => sum + w.accepted + w.recycled + w.rejected, 0);
        expect(weeks).toBe(t.dispositioned);
        expect(report.reasonsByCampaign.reduce((sum, row) => sum + row.count, 0)).toBe(t.recycled + t.rejected);
        expect(report.coverageByRep.reduce((sum, row) => sum + row.handedOff, 0)).toBe(t.handedOff);
        const rates = [
          t.acceptanceRate,
          report.sla.complianceRate,
          ...report.outcomesByCampaign.map((r) => r.acceptanceRate),
          ...report.coverageBySource.flatMap((r) => [r.touchedRate, r.dispositionedRate]),
          ...report.slaByRep.map((r) => r.complianceRate),
          ...report.funnel.stages.map((s) => s.conversionFromPrevious),
          ...report.versions.flatMap((v) => [v.acceptanceRate, v.conversionRate]),
        ];
        for (const rate of rates) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        // The funnel narrows.
        const counts = report.funnel.stages.map((s) => s.count);
        for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] as number);
        expect(counts[0]).toBe(t.handedOff);
        if (report.sla.medianMinutes !== null) expect(report.sla.medianMinutes).toBeLessThanOrEqual(report.sla.p90Minutes as number);
      }),
    );
  });

  it('filtering by every campaign partitions the records', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), (records) => {
        const all = aggregateInsights(records, NO_FILTERS, { now: NOW });
        const parts = all.filterOptions.campaigns.map((c) => aggregateInsights(records, insightFiltersSchema.parse({ campaigns: [c.value] }), { now: NOW }));
        expect(parts.reduce((sum, p) => sum + p.totals.dispositioned, 0)).toBe(all.totals.dispositioned);
      }),
    );
  });
});
