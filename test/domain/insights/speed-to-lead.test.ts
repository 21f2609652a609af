import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leadSpeed, speedToLeadRows, wallMinutesBetween } from '../../../lib/domain/insights/speed-to-lead';
import type { MinutesBetween } from '../../../lib/domain/insights/speed-to-lead';
import { aggregateInsights } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema, insightsReportSchema } from '../../../lib/domain/insights/insights-report';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import { businessTimeBetween } from '../../../lib/domain/sla/business-calendar';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { FIXTURE, NOW } from './insights-fixture';

const MINUTE = 60_000;
/** The default SLA calendar: New York, 09:00–17:00 on weekdays, US holidays. */
const business: MinutesBetween = (a, b) => businessTimeBetween(defaultSlaPolicy.calendar, a, b) / MINUTE;
const ny = (iso: string) => Date.parse(iso);

function lead(id: string, partial: Partial<InsightRecord>): InsightRecord {
  return { ...(FIXTURE[0] as InsightRecord), contactId: id, disposition: null, ...partial };
}

describe('speed to lead, split in two', () => {
  it('engagement → assignment is the system, assignment → first touch the rep, on one clock', () => {
    const at = ny('2026-11-18T14:00:00Z');
    expect(leadSpeed({ engagedAt: at, handedOffAt: at + 30 * MINUTE, firstTouchedAt: at + 90 * MINUTE }, wallMinutesBetween)).toEqual({ system: 30, rep: 60, whole: 90 });
  });

  it('in business hours: a form sent Friday 16:00 New York, assigned 17:30, called Monday 09:30 = 60 + 30 business minutes', () => {
    // 2026-11-20 is a Friday; New York is UTC−5 in November.
    const speed = leadSpeed({ engagedAt: ny('2026-11-20T21:00:00Z'), handedOffAt: ny('2026-11-20T22:30:00Z'), firstTouchedAt: ny('2026-11-23T14:30:00Z') }, business);
    expect(speed).toEqual({ system: 60, rep: 30, whole: 90 });
  });

  it('a part is measured only when its two times exist in order', () => {
    const at = NOW - 5 * 86_400_000;
    // Engaged after the assignment (assigned first, filled a form later): routing did not delay it.
    expect(leadSpeed({ engagedAt: at + MINUTE, handedOffAt: at, firstTouchedAt: at + 10 * MINUTE }, wallMinutesBetween)).toEqual({ system: null, rep: 10, whole: null });
    // No touch yet: the rep's part is open.
    expect(leadSpeed({ engagedAt: at - MINUTE, handedOffAt: at, firstTouchedAt: null }, wallMinutesBetween)).toEqual({ system: 1, rep: null, whole: null });
    expect(leadSpeed({ engagedAt: undefined, handedOffAt: null, firstTouchedAt: undefined }, wallMinutesBetween)).toEqual({ system: null, rep: null, whole: null });
  });

  it('rows by rep: medians, nearest-rank p90, leads still waiting for a first touch, and whose share of the clock', () => {
    const at = NOW - 3 * 86_400_000;
    const records = [
      lead('a', { ownerId: 'o1', engagedAt: at - 10 * MINUTE, handedOffAt: at, firstTouchedAt: at + 30 * MINUTE }),
      lead('b', { ownerId: 'o1', engagedAt: at - 20 * MINUTE, handedOffAt: at, firstTouchedAt: at + 60 * MINUTE }),
      lead('c', { ownerId: 'o1', engagedAt: at - 30 * MINUTE, handedOffAt: at, firstTouchedAt: null }),
      lead('d', { ownerId: 'o2', engagedAt: at - 120 * MINUTE, handedOffAt: at, firstTouchedAt: at + 5 * MINUTE }),
      lead('e', { ownerId: 'o2', handedOffAt: null }),
    ];
    const rows = speedToLeadRows(records, (r) => r.ownerId ?? '-', (k) => k.toUpperCase(), wallMinutesBetween);
    expect(rows).toEqual([
      {
        key: 'o1',
        label: 'O1',
        assigned: 3,
        system: { count: 3, medianMinutes: 20, p90Minutes: 30, totalMinutes: 60 },
        rep: { count: 2, medianMinutes: 45, p90Minutes: 60, totalMinutes: 90 },
        whole: { count: 2, medianMinutes: 60, p90Minutes: 80, totalMinutes: 120 },
        systemShare: 30 / 120,
        awaitingTouch: 1,
      },
      {
        key: 'o2',
        label: 'O2',
        assigned: 1,
        system: { count: 1, medianMinutes: 120, p90Minutes: 120, totalMinutes: 120 },
        rep: { count: 1, medianMinutes: 5, p90Minutes: 5, totalMinutes: 5 },
        whole: { count: 1, medianMinutes: 125, p90Minutes: 125, totalMinutes: 125 },
        systemShare: 120 / 125,
        awaitingTouch: 0,
      },
    ]);
  });

  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) });
  const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: null });

  it('property: where all three times exist in order, the two parts add up to the whole (business time on the SLA calendar)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 30 * 86_400_000 }), (engaged, toAssign, toTouch) => {
        const speed = leadSpeed({ engagedAt: engaged, handedOffAt: engaged + toAssign, firstTouchedAt: engaged + toAssign + toTouch }, business);
        expect(speed.system).not.toBeNull();
        expect(speed.rep).not.toBeNull();
        // Business time is counted in whole milliseconds: the sum is exact up to float rounding.
        expect(Math.abs((speed.system as number) + (speed.rep as number) - (speed.whole as number))).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('property: rows partition the assigned leads; shares in [0, 1]; medians and p90 lie within the spans measured', () => {
    const recordArb = fc.record({ engaged: maybe(instant), assignOffset: maybe(fc.integer({ min: -86_400_000, max: 5 * 86_400_000 })), touchOffset: maybe(fc.integer({ min: -3_600_000, max: 5 * 86_400_000 })), rep: fc.constantFrom('o1', 'o2', 'o3') });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), (specs) => {
        const records = specs.map((s, i) => {
          const assigned = s.engaged !== null && s.assignOffset !== null ? s.engaged + s.assignOffset : s.assignOffset === null ? null : NOW - 86_400_000;
          return lead(String(i), { ownerId: s.rep, engagedAt: s.engaged, handedOffAt: assigned, firstTouchedAt: assigned !== null && s.touchOffset !== null ? assigned + s.touchOffset : null });
        });
        const rows = speedToLeadRows(records, (r) => r.ownerId ?? '-', (k) => k, wallMinutesBetween);
        expect(rows.reduce((sum, r) => sum + r.assigned, 0)).toBe(records.filter((r) => r.handedOffAt !== null).length);
        for (const row of rows) {
          expect(row.whole.count).toBeLessThanOrEqual(Math.min(row.system.count, row.rep.count));
          if (row.systemShare !== null) {
            expect(row.systemShare).toBeGreaterThanOrEqual(0);
            expect(row.systemShare).toBeLessThanOrEqual(1);
          }
          for (const part of [row.system, row.rep, row.whole]) {
            if (part.count === 0) expect(part.medianMinutes).toBeNull();
            else expect(part.medianMinutes as number).toBeLessThanOrEqual(part.p90Minutes as number);
            expect(part.totalMinutes).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the report carries the split overall, by tier and by rep (named), in business minutes when a calendar is given', () => {
    const at = NOW - 3 * 86_400_000;
    const records = [...FIXTURE, lead('9', { ownerId: 'o2', ownerName: 'Ben Closer', slaTier: 'Demo request', engagedAt: at - 10 * MINUTE, handedOffAt: at, firstTouchedAt: at + 20 * MINUTE })];
    const report = aggregateInsights(records, insightFiltersSchema.parse({}), { now: NOW, minutesBetween: wallMinutesBetween });
    expect(() => insightsReportSchema.parse(report)).not.toThrow();
    expect(report.speedToLead.basis).toBe('business');
    expect(report.speedToLead.overall).toMatchObject({ assigned: 8, system: { count: 1, medianMinutes: 10 }, rep: { count: 1, medianMinutes: 20 }, whole: { count: 1, medianMinutes: 30 } });
    expect(report.speedToLead.byTier.find((r) => r.key === 'Demo request')).toMatchObject({ assigned: 1, systemShare: 1 / 3 });
    expect(report.speedToLead.byRep.find((r) => r.key === 'o2')).toMatchObject({ label: 'Ben Closer', assigned: 4 });
    // Without a calendar it says real time.
    expect(aggregateInsights(records, insightFiltersSchema.parse({}), { now: NOW }).speedToLead.basis).toBe('calendar');
  });
});
