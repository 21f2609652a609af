import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateInsights, MAX_FILLED_WEEKS, toWeekStart } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../../lib/domain/insights/insights-report';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import { NOW } from './insights-fixture';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

function decided(id: string, outcome: 'accepted' | 'recycled' | 'rejected', decidedAt: number, extra: Partial<InsightRecord> = {}, sla: { slaOutcome?: string | null; responseMinutes?: number | null } = {}): InsightRecord {
  return {
    contactId: id,
    campaign: 'C',
    source: 'PAID_SEARCH',
    channel: 'paid',
    ownerId: 'o1',
    ownerName: 'Ana Rep',
    handedOffAt: decidedAt - DAY,
    lastTouchedAt: null,
    leadStatus: null,
    slaTier: null,
    disposition: {
      outcome,
      acceptedStage: outcome === 'accepted' ? 'working' : null,
      reasonId: outcome === 'accepted' ? null : 'no_need',
      reasonLabel: outcome === 'accepted' ? null : 'No need',
      objections: [],
      definitionVersion: 'd@1',
      slaOutcome: sla.slaOutcome ?? null,
      responseMinutes: sla.responseMinutes ?? null,
      decidedAt,
      rep: 'Ana Rep',
    },
    deal: null,
    ...extra,
  };
}

// NOW is Sunday 2026-11-22 12:00 UTC: its week starts Monday 2026-11-16.
const MON_NOV_2 = Date.UTC(2026, 10, 2, 9);

describe('dispositions over time: empty weeks are rows of zeros', () => {
  const records = [
    decided('1', 'rejected', MON_NOV_2),
    decided('2', 'accepted', MON_NOV_2 + 2 * DAY),
    // Nothing in the weeks of 26 Oct, 9 and 16 Nov.
    decided('3', 'recycled', Date.UTC(2026, 9, 20, 15)),
  ];

  it('fills the weeks between the first decision and now when no dates are chosen', () => {
    const report = aggregateInsights(records, insightFiltersSchema.parse({}), { now: NOW });
    expect(report.outcomesByWeek).toEqual([
      { weekStart: '2026-10-19', accepted: 0, recycled: 1, rejected: 0 },
      { weekStart: '2026-10-26', accepted: 0, recycled: 0, rejected: 0 },
      { weekStart: '2026-11-02', accepted: 1, recycled: 0, rejected: 1 },
      { weekStart: '2026-11-09', accepted: 0, recycled: 0, rejected: 0 },
      { weekStart: '2026-11-16', accepted: 0, recycled: 0, rejected: 0 },
    ]);
  });

  it('spans exactly the selected range (to is exclusive), and keeps later decisions of leads handed off inside it', () => {
    const filters = insightFiltersSchema.parse({ from: Date.UTC(2026, 9, 12), to: Date.UTC(2026, 10, 9) });
    const report = aggregateInsights(records, filters, { now: NOW });
    expect(report.outcomesByWeek.map((w) => w.weekStart)).toEqual(['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']);
    expect(report.outcomesByWeek[0]).toEqual({ weekStart: '2026-10-12', accepted: 0, recycled: 0, rejected: 0 });

    // Handed off on the last day of the range, decided two weeks later: its week is shown too.
    const late = decided('4', 'accepted', Date.UTC(2026, 10, 19, 10), { handedOffAt: Date.UTC(2026, 10, 8, 10) });
    const withLate = aggregateInsights([...records, late], filters, { now: NOW });
    expect(withLate.outcomesByWeek.map((w) => w.weekStart)).toEqual(['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-16']);
  });

  it('shows the whole range as zeros when nothing was decided in it, and nothing without a range or data', () => {
    const filters = insightFiltersSchema.parse({ from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 19) });
    expect(aggregateInsights([], filters, { now: NOW }).outcomesByWeek).toEqual([
      { weekStart: '2026-01-05', accepted: 0, recycled: 0, rejected: 0 },
      { weekStart: '2026-01-12', accepted: 0, recycled: 0, rejected: 0 },
    ]);
    expect(aggregateInsights([], insightFiltersSchema.parse({}), { now: NOW }).outcomesByWeek).toEqual([]);
  });

  it('bounds the filling for an absurd range', () => {
    const report = aggregateInsights([], insightFiltersSchema.parse({ from: 0, to: NOW }), { now: NOW });
    expect(report.outcomesByWeek).toHaveLength(MAX_FILLED_WEEKS);
    expect(report.outcomesByWeek.at(-1)?.weekStart).toBe('2026-11-16');
  });

  it('property: consecutive Mondays with no gap, every decision counted once, the range covered', () => {
    const dayArb = fc.integer({ min: -400, max: 0 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dayArb, fc.constantFrom('accepted' as const, 'recycled' as const, 'rejected' as const), fc.integer({ min: 0, max: DAY - 1 })), { maxLength: 40 }),
        fc.option(fc.tuple(dayArb, fc.integer({ min: 1, max: 300 }))),
        (decisions, range) => {
          const records = decisions.map(([day, outcome, ms], i) => decided(String(i), outcome, NOW + day * DAY - ms, { handedOffAt: null }));
          const filters = insightFiltersSchema.parse(range ? { from: NOW + range[0] * DAY, to: NOW + (range[0] + range[1]) * DAY } : {});
          const weeks = aggregateInsights(records, filters, { now: NOW }).outcomesByWeek;
          const kept = records.filter((r) => {
            const at = r.disposition!.decidedAt;
            return filters.from === null || (at >= filters.from && at < (filters.to as number));
          });
          expect(weeks.reduce((sum, w) => sum + w.accepted + w.recycled + w.rejected, 0)).toBe(kept.length);
          for (let i = 1; i < weeks.length; i++) {
            expect(Date.parse(weeks[i]!.weekStart) - Date.parse(weeks[i - 1]!.weekStart)).toBe(WEEK);
          }
          for (const w of weeks) expect(new Date(w.weekStart).getUTCDay()).toBe(1);
          if (filters.from !== null && filters.to !== null) {
            expect(weeks[0]?.weekStart).toBe(toWeekStart(Math.min(filters.from, ...kept.map((r) => r.disposition!.decidedAt))));
            expect(weeks.at(-1)?.weekStart).toBe(toWeekStart(Math.max(filters.to - 1, ...kept.map((r) => r.disposition!.decidedAt))));
          } else if (kept.length) {
            expect(weeks.at(-1)?.weekStart).toBe('2026-11-16');
          } else {
            expect(weeks).toEqual([]);
          }
        },
      ),
    );
  });
});

describe('SLA compliance by tier', () => {
  it('groups by the tier written with the disposition, with the counts, median and p90', () => {
    const at = NOW - 3 * DAY;
    const records = [
      decided('1', 'accepted', at, { slaTier: 'Demo request' }, { slaOutcome: 'met', responseMinutes: 3 }),
      decided('2', 'rejected', at, { slaTier: 'Demo request' }, { slaOutcome: 'met', responseMinutes: 4 }),
      decided('3', 'rejected', at, { slaTier: 'Demo request' }, { slaOutcome: 'met_late', responseMinutes: 12 }),
      decided('4', 'accepted', at, { slaTier: 'MQL' }, { slaOutcome: 'met', responseMinutes: 600 }),
      decided('5', 'recycled', at, { slaTier: 'MQL' }, { slaOutcome: 'breached', responseMinutes: 2000 }),
      decided('6', 'recycled', at, {}, { slaOutcome: 'on_track', responseMinutes: null }),
    ];
    const report = aggregateInsights(records, insightFiltersSchema.parse({}), { now: NOW });
    expect(report.slaByTier).toEqual([
      { key: 'Demo request', label: 'Demo request', decided: 3, met: 2, complianceRate: 2 / 3, responses: 3, medianMinutes: 4, p90Minutes: 12 },
      { key: 'MQL', label: 'MQL', decided: 2, met: 1, complianceRate: 0.5, responses: 2, medianMinutes: 1300, p90Minutes: 2000 },
      { key: '(tier not recorded)', label: '(tier not recorded)', decided: 0, met: 0, complianceRate: null, responses: 0, medianMinutes: null, p90Minutes: null },
    ]);
  });
});
