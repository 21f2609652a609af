import { describe, expect, it } from 'vitest';
import { isReminderAllowed, nextAllowed, planReminders, type ReminderWindow } from '../../../lib/domain/queue/next-due-point';
import { isQuiet } from '../../../lib/domain/queue/quiet-hours';
import { reminderSteps, type ReminderPoints } from '../../../lib/domain/queue/reminder-steps';
import { computeSlaStatus } from '../../../lib/domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, MINUTE, makeLead } from '../sla/make-lead';

const NOW = at('2026-12-02T11:00:00-05:00');
const ALL: ReminderPoints = { assigned: true, share: 0.8, minutesBeforeBreach: 10, breach: true };
const NY = 'America/New_York';

function statusOf(assignedAt: number, trigger = 'Contact sales form') {
  const lead = makeLead({ ownerAssignedAt: assignedAt, recentConversion: { name: trigger, at: assignedAt } });
  return computeSlaStatus({ lead, touches: [], policy: defaultSlaPolicy, now: assignedAt + MINUTE });
}

describe('reminderSteps', () => {
  it('puts the points at assignment, 80% of a business-hour target, 10 minutes before and at the deadline', () => {
    const status = statusOf(NOW - 5 * MINUTE);
    const points = reminderSteps('lead-1', status, defaultSlaPolicy, ALL);
    expect(points.map((p) => [p.step, (p.dueAt - status.clockStart!) / MINUTE])).toEqual([
      ['assigned', 0],
      ['before_breach', 50],
      ['share', 48 + 0],
      ['breach', 60 + 1 / MINUTE],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
    expect(new Set(points.map((p) => p.key)).size).toBe(4);
  });

  it('counts the share in business time across the evening', () => {
    // Assigned at 16:30 on a one-hour tier: 80% (48 business minutes) lands at 09:18 the next morning.
    const status = statusOf(at('2026-12-02T16:30:00-05:00'));
    const share = reminderSteps('lead-1', status, defaultSlaPolicy, ALL).find((p) => p.step === 'share')!;
    expect(share.dueAt).toBe(at('2026-12-03T09:18:00-05:00'));
  });

  it('leaves out what the rep turned off', () => {
    const status = statusOf(NOW - 5 * MINUTE);
    expect(reminderSteps('lead-1', status, defaultSlaPolicy, { assigned: false, share: null, minutesBeforeBreach: null, breach: true }).map((p) => p.step)).toEqual(['breach']);
  });
});

describe('quiet hours and business hours', () => {
  const window: ReminderWindow = { calendar: defaultSlaPolicy.calendar, quietHours: { start: '12:00', end: '13:30' }, timeZone: NY };

  it('quiet hours may run over midnight', () => {
    expect(isQuiet({ start: '22:00', end: '07:00' }, at('2026-12-02T23:30:00-05:00'), NY)).toBe(true);
    expect(isQuiet({ start: '22:00', end: '07:00' }, at('2026-12-02T06:59:00-05:00'), NY)).toBe(true);
    expect(isQuiet({ start: '22:00', end: '07:00' }, at('2026-12-02T07:00:00-05:00'), NY)).toBe(false);
    expect(isQuiet({ start: '09:00', end: '09:00' }, at('2026-12-02T09:00:00-05:00'), NY)).toBe(false);
  });

  it('waits for the end of quiet hours, then for business hours', () => {
    expect(isReminderAllowed(window, at('2026-12-02T12:15:00-05:00'))).toBe(false);
    expect(nextAllowed(window, at('2026-12-02T12:15:00-05:00'))).toBe(at('2026-12-02T13:30:00-05:00'));
    expect(nextAllowed(window, at('2026-12-04T18:00:00-05:00'))).toBe(at('2026-12-07T09:00:00-05:00'));
  });

  it('sends one reminder per lead for steps due together, the latest, and remembers all of them', () => {
    const status = statusOf(at('2026-12-04T16:30:00-05:00'));
    const points = reminderSteps('lead-1', status, defaultSlaPolicy, ALL);
    const monday = at('2026-12-07T10:00:00-05:00');
    const plan = planReminders({ points, sent: new Set(), now: monday, window });
    expect(plan.send.map((p) => p.step)).toEqual(['breach']);
    expect(plan.consumed.sort()).toEqual(points.map((p) => p.key).sort());
    expect(plan.nextAt).toBeNull();
  });

  it('at a closed instant sends nothing and looks again at the opening', () => {
    const status = statusOf(at('2026-12-04T16:50:00-05:00'));
    const points = reminderSteps('lead-1', status, defaultSlaPolicy, ALL);
    const evening = at('2026-12-04T19:00:00-05:00');
    const plan = planReminders({ points, sent: new Set(), now: evening, window });
    expect(plan.send).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-12-07T09:00:00-05:00'));
  });
});
