import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReminderAllowed, nextAllowed, planReminders, type ReminderWindow } from '../../../lib/domain/queue/next-due-point';
import { REMINDER_STEPS, type ReminderPoint } from '../../../lib/domain/queue/reminder-steps';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, DAY, MINUTE } from '../sla/make-lead';

const START = at('2026-12-02T06:00:00-05:00');

const points = fc
  .array(fc.record({ lead: fc.integer({ min: 1, max: 6 }), step: fc.constantFrom(...REMINDER_STEPS), offset: fc.integer({ min: 0, max: 4 * DAY }) }), { maxLength: 24 })
  .map((raw) => {
    const byKey = new Map<string, ReminderPoint>();
    for (const r of raw) {
      const key = `${r.lead}|${r.step}|0`;
      byKey.set(key, { key, leadId: String(r.lead), step: r.step, dueAt: START + r.offset });
    }
    return [...byKey.values()];
  });

const windows = fc.record({
  business: fc.boolean(),
  quiet: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })), { nil: null }),
}).map(({ business, quiet }): ReminderWindow => ({
  calendar: business ? defaultSlaPolicy.calendar : null,
  quietHours: quiet ? { start: `${String(quiet[0]).padStart(2, '0')}:00`, end: `${String(quiet[1]).padStart(2, '0')}:30` } : null,
  timeZone: 'Europe/London',
}));

/** Runs the plan as the background does: at each wake, send, remember, set the next alarm. */
function simulate(pts: readonly ReminderPoint[], window: ReminderWindow, wakes: readonly number[]) {
  const sent = new Set<string>();
  const fired: { point: ReminderPoint; at: number }[] = [];
  const alarms: number[] = [];
  let now = START;
  const extra = [...wakes].sort((a, b) => a - b);
  for (let i = 0; i < 400; i++) {
    const plan = planReminders({ points: pts, sent, now, window });
    for (const point of plan.send) fired.push({ point, at: now });
    for (const key of plan.consumed) sent.add(key);
    if (plan.nextAt !== null) {
      expect(plan.nextAt).toBeGreaterThan(now);
      alarms.push(plan.nextAt);
    }
    // The worker also wakes for other reasons (a poll, the popup): those must not cause duplicates either.
    const wake = extra.find((t) => t > now) ?? null;
    const next = plan.nextAt === null ? wake : wake === null ? plan.nextAt : Math.min(plan.nextAt, wake);
    if (next === null) break;
    now = next;
  }
  return { fired, sent, alarms };
}

describe('planReminders (properties)', () => {
  it('sends each lead and step at most once, never before it is due, never outside the rep’s hours', () => {
    fc.assert(
      fc.property(points, windows, fc.array(fc.integer({ min: 0, max: 5 * DAY }).map((o) => START + o), { maxLength: 10 }), (pts, window, wakes) => {
        const { fired } = simulate(pts, window, wakes);
        const keys = fired.map((f) => f.point.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const f of fired) {
          expect(f.at).toBeGreaterThanOrEqual(f.point.dueAt);
          expect(isReminderAllowed(window, f.at)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('once the alarms run out every point is sent or stood for by a later one of its lead; the wake-ups only move forward', () => {
    fc.assert(
      fc.property(points, windows, (pts, window) => {
        // Quiet hours that cover every business hour leave no instant to remind at: nothing is sent then.
        fc.pre(pts.every((p) => nextAllowed(window, p.dueAt) !== null));
        const { sent, alarms } = simulate(pts, window, []);
        for (const p of pts) expect(sent.has(p.key)).toBe(true);
        for (let i = 1; i < alarms.length; i++) expect(alarms[i]!).toBeGreaterThan(alarms[i - 1]!);
      }),
      { numRuns: 60 },
    );
  });

  it('the next allowed instant is allowed, not before the asked one, and the first such minute', () => {
    fc.assert(
      fc.property(windows, fc.integer({ min: 0, max: 14 * DAY }), (window, offset) => {
        const t = START + offset;
        const next = nextAllowed(window, t);
        if (next === null) return;
        expect(next).toBeGreaterThanOrEqual(t);
        expect(isReminderAllowed(window, next)).toBe(true);
        // Nothing allowed a minute earlier, unless that is before the asked instant.
        if (next - MINUTE >= t) expect(isReminderAllowed(window, next - MINUTE)).toBe(false);
      }),
    );
  });

  it('a point not yet due is never consumed', () => {
    fc.assert(
      fc.property(points, windows, fc.integer({ min: 0, max: 4 * DAY }), (pts, window, offset) => {
        const now = START + offset + MINUTE / 2;
        const plan = planReminders({ points: pts, sent: new Set(), now, window });
        for (const key of plan.consumed) expect(pts.find((p) => p.key === key)!.dueAt).toBeLessThanOrEqual(now);
      }),
    );
  });
});
