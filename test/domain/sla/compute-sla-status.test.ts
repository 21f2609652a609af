import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { touchSchema } from '../../../lib/domain/lead';
import { computeSlaStatus } from '../../../lib/domain/sla/compute-sla-status';
import type { SlaState } from '../../../lib/domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { slaPolicySchema } from '../../../lib/domain/sla/sla-policy';
import type { SlaPolicy, SlaPolicyInput } from '../../../lib/domain/sla/sla-policy';
import { at, DAY, HOUR, makeLead, makeTouch, MINUTE } from './make-lead';

const policy = defaultSlaPolicy;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const demoLead = (assignedAt: number) =>
  makeLead({ ownerAssignedAt: assignedAt, recentConversion: { name: 'Request a Demo', at: assignedAt - MINUTE } });
const contactLead = (assignedAt: number) =>
  makeLead({ ownerAssignedAt: assignedAt, recentConversion: { name: 'Contact Sales form', at: assignedAt - MINUTE } });

function withPolicy(patch: (input: SlaPolicyInput) => void): SlaPolicy {
  const input = JSON.parse(JSON.stringify(defaultSlaPolicy)) as SlaPolicyInput;
  patch(input);
  return slaPolicySchema.parse(input);
}

describe('computeSlaStatus: worked examples on the default policy', () => {
  it('a contact-sales lead assigned Friday 16:30 is due Monday 09:30', () => {
    const s = computeSlaStatus({ lead: contactLead(at('2026-11-20T16:30:00-05:00')), touches: [], policy, now: at('2026-11-20T16:45:00-05:00') });
    expect(s.tier).toMatchObject({ id: 'contact-sales', label: 'Contact sales', nextStep: 'Call back and qualify the request', targetMs: HOUR });
    expect(iso(s.deadline)).toBe(iso(at('2026-11-23T09:30:00-05:00')));
    expect(s.state).toBe('on_track');
    expect(s.elapsed).toEqual({ businessMs: 15 * MINUTE, wallMs: 15 * MINUTE });
    expect(s.remaining).toEqual({ businessMs: 45 * MINUTE, wallMs: at('2026-11-23T09:30:00-05:00') - at('2026-11-20T16:45:00-05:00') });
  });

  it('a demo request assigned Saturday counts from Monday 09:00', () => {
    const s = computeSlaStatus({ lead: demoLead(at('2026-11-21T11:00:00-05:00')), touches: [], policy, now: at('2026-11-22T12:00:00-05:00') });
    expect(s.tier.id).toBe('demo-request');
    expect(s.tier.nextStep).toBe('Book the demo');
    expect(iso(s.deadline)).toBe(iso(at('2026-11-23T09:05:00-05:00')));
    expect(s.state).toBe('on_track');
    expect(s.elapsed.businessMs).toBe(0);
    expect(s.remaining?.businessMs).toBe(5 * MINUTE);
  });

  it('an MQL assigned before Thanksgiving skips the holiday and the weekend', () => {
    const lead = makeLead({ ownerAssignedAt: at('2026-11-24T09:00:00-05:00'), recentConversion: { name: 'Pricing guide download', at: null } });
    const s = computeSlaStatus({ lead, touches: [], policy, now: at('2026-11-24T10:00:00-05:00') });
    expect(s.tier).toMatchObject({ id: 'mql', nextStep: 'Discovery call' });
    // Tue + Wed = 16 h, Thu is Thanksgiving, Fri = 8 h.
    expect(iso(s.deadline)).toBe(iso(at('2026-11-27T17:00:00-05:00')));
  });
});

describe('state transitions', () => {
  const start = at('2026-11-23T10:00:00-05:00'); // Monday, open
  const lead = demoLead(start); // 5 business minutes, at risk from 60 %
  const stateAt = (now: number, touches = [] as ReturnType<typeof makeTouch>[]) => computeSlaStatus({ lead, touches, policy, now }).state;

  it('goes on track → at risk → breached while untouched', () => {
    expect(stateAt(start)).toBe('on_track');
    expect(stateAt(start + 2 * MINUTE)).toBe('on_track');
    expect(stateAt(start + 3 * MINUTE)).toBe('at_risk');
    expect(stateAt(start + 5 * MINUTE)).toBe('at_risk');
    expect(stateAt(start + 5 * MINUTE + 1)).toBe('breached');
    expect(stateAt(start + DAY)).toBe('breached');
  });

  it('is met when the first touch is at or before the deadline, met late after it', () => {
    expect(stateAt(start + HOUR, [makeTouch({ occurredAt: start + 4 * MINUTE })])).toBe('met');
    expect(stateAt(start + HOUR, [makeTouch({ occurredAt: start + 5 * MINUTE })])).toBe('met');
    expect(stateAt(start + HOUR, [makeTouch({ occurredAt: start + 6 * MINUTE })])).toBe('met_late');
  });

  it('reports the response time in business and wall time and freezes elapsed at the touch', () => {
    const friday = at('2026-11-20T16:58:00-05:00');
    const touch = makeTouch({ occurredAt: at('2026-11-23T09:04:00-05:00'), kind: 'email' });
    const s = computeSlaStatus({ lead: demoLead(friday), touches: [touch], policy, now: at('2026-11-23T15:00:00-05:00') });
    expect(s.state).toBe('met_late');
    expect(s.firstTouch?.id).toBe(touch.id);
    expect(s.clockStoppedAt).toBe(touch.occurredAt);
    expect(s.responseTime).toEqual({ businessMs: 6 * MINUTE, wallMs: touch.occurredAt - friday });
    expect(s.elapsed).toEqual(s.responseTime);
    expect(s.remaining?.businessMs).toBe(-MINUTE);
    // 2 business minutes on Friday + 3 on Monday.
    expect(iso(s.deadline)).toBe(iso(at('2026-11-23T09:03:00-05:00')));
  });

  it('never moves backwards as time passes (property)', () => {
    const order: Record<SlaState, number> = { not_started: 0, on_track: 1, at_risk: 2, breached: 3, met: 4, met_late: 4 };
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-11-01T00:00:00Z'), max: at('2026-12-20T00:00:00Z') }),
        fc.constantFrom('Request a demo', 'Contact sales', 'Ebook download'),
        fc.array(fc.integer({ min: 0, max: 5 * DAY }), { minLength: 2, maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: undefined }),
        (assigned, conversion, offsets, touchOffset) => {
          const l = makeLead({ ownerAssignedAt: assigned, recentConversion: { name: conversion, at: null } });
          const touches = touchOffset === undefined ? [] : [makeTouch({ occurredAt: assigned + touchOffset })];
          const states = offsets
            .sort((a, b) => a - b)
            .map((o) => computeSlaStatus({ lead: l, touches, policy, now: assigned + o }));
          for (let i = 1; i < states.length; i++) {
            expect(order[states[i]!.state]).toBeGreaterThanOrEqual(order[states[i - 1]!.state]);
            expect(states[i]!.deadline).toBe(states[0]!.deadline);
          }
          for (const s of states) {
            if (s.state === 'met' || s.state === 'met_late') expect(s.responseTime).not.toBeNull();
            if (s.state === 'breached') expect(s.remaining!.wallMs).toBeLessThan(0);
            if (s.state === 'on_track') expect(s.remaining!.businessMs).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what stops the clock', () => {
  const start = at('2026-11-23T10:00:00-05:00');
  const lead = demoLead(start);
  const now = start + HOUR;
  const firstTouchOf = (touches: ReturnType<typeof makeTouch>[], p: SlaPolicy = policy) =>
    computeSlaStatus({ lead, touches, policy: p, now });

  it('automated touches never count', () => {
    const s = firstTouchOf([makeTouch({ occurredAt: start + MINUTE, kind: 'sequence_email', automated: true }), makeTouch({ occurredAt: start + MINUTE, kind: 'email', automated: true })]);
    expect(s.firstTouch).toBeNull();
    expect(s.state).toBe('breached');
  });

  it('touches by someone other than the owner do not count (unless ownerOnly is off)', () => {
    const touches = [makeTouch({ occurredAt: start + MINUTE, ownerId: 'someone-else' }), makeTouch({ occurredAt: start + 20 * MINUTE })];
    const s = firstTouchOf(touches);
    expect(s.firstTouch?.occurredAt).toBe(start + 20 * MINUTE);
    expect(s.state).toBe('met_late');
    const open = withPolicy((p) => {
      p.clock = { ...p.clock, ownerOnly: false };
    });
    expect(firstTouchOf(touches, open).state).toBe('met');
  });

  it('notes, tasks and sequence steps are not counting kinds by default; the policy decides', () => {
    const touches = [makeTouch({ occurredAt: start + MINUTE, kind: 'note' }), makeTouch({ occurredAt: start + 2 * MINUTE, kind: 'task' })];
    expect(firstTouchOf(touches).firstTouch).toBeNull();
    const withNotes = withPolicy((p) => {
      p.clock = { ...p.clock, countingTouchKinds: ['call', 'note'] };
    });
    expect(firstTouchOf(touches, withNotes).firstTouch?.kind).toBe('note');
  });

  it('touches before the clock start or after "now" are ignored', () => {
    const s = firstTouchOf([makeTouch({ occurredAt: start - MINUTE }), makeTouch({ occurredAt: now + MINUTE })]);
    expect(s.firstTouch).toBeNull();
    expect(s.state).toBe('breached');
  });

  it('the earliest counting touch wins whatever the input order', () => {
    const s = firstTouchOf([makeTouch({ occurredAt: start + 30 * MINUTE }), makeTouch({ occurredAt: start + 3 * MINUTE, kind: 'meeting' })]);
    expect(s.firstTouch?.kind).toBe('meeting');
    expect(s.state).toBe('met');
  });

  it("an inbound touch by the owner never stops the clock: the rep's outbound call at 10:04 does", () => {
    // Demo request assigned Monday 10:00 ET: due 10:05. The lead emails at 10:01 and calls at 10:02.
    const s = firstTouchOf([
      makeTouch({ occurredAt: start + MINUTE, kind: 'email', direction: 'inbound' }),
      makeTouch({ occurredAt: start + 2 * MINUTE, kind: 'call', direction: 'inbound', connected: true }),
      makeTouch({ occurredAt: start + 4 * MINUTE, kind: 'call', direction: 'outbound' }),
    ]);
    expect(iso(s.deadline)).toBe('2026-11-23T15:05:00.000Z');
    expect(s.firstTouch?.direction).toBe('outbound');
    expect(iso(s.clockStoppedAt)).toBe('2026-11-23T15:04:00.000Z');
    expect(s.responseTime).toEqual({ businessMs: 4 * MINUTE, wallMs: 4 * MINUTE });
    expect(s.state).toBe('met');
  });

  it('only inbound touches: the lead is still breached at 11:00, whatever the policy counts', () => {
    const inbound = [makeTouch({ occurredAt: start + MINUTE, kind: 'email', direction: 'inbound' }), makeTouch({ occurredAt: start + 2 * MINUTE, kind: 'note', direction: 'inbound', ownerId: 'someone-else' })];
    expect(firstTouchOf(inbound)).toMatchObject({ state: 'breached', firstTouch: null, clockStoppedAt: null });
    const countsEverything = withPolicy((p) => {
      p.clock = { ...p.clock, ownerOnly: false, countingTouchKinds: ['call', 'email', 'meeting', 'social', 'sequence_email', 'note', 'task'] };
    });
    expect(firstTouchOf(inbound, countsEverything)).toMatchObject({ state: 'breached', firstTouch: null });
  });

  it('an unknown direction counts as before directions existed (the CRM did not say; most logged calls and meetings)', () => {
    const s = firstTouchOf([makeTouch({ occurredAt: start + 2 * MINUTE, kind: 'meeting', direction: 'unknown' }), makeTouch({ occurredAt: start + 3 * MINUTE, direction: 'outbound' })]);
    expect(iso(s.clockStoppedAt)).toBe('2026-11-23T15:02:00.000Z');
    expect(s.state).toBe('met');
  });

  it('a touch stored before directions existed parses as unknown and still stops the clock', () => {
    const stored = { id: 'old-1', kind: 'call', occurredAt: start + 3 * MINUTE, ownerId: 'owner-1', automated: false, connected: true, summary: null };
    const touch = touchSchema.parse(stored);
    expect(touch.direction).toBe('unknown');
    expect(firstTouchOf([touch]).clockStoppedAt).toBe(start + 3 * MINUTE);
    expect(touchSchema.safeParse({ ...stored, direction: 'sideways' }).success).toBe(false);
  });
});

describe('clock start and not started', () => {
  const now = at('2026-11-23T12:00:00-05:00');

  it('is not started without an owner, without any timestamp, or when the start is after now', () => {
    expect(computeSlaStatus({ lead: makeLead({ owner: null, ownerAssignedAt: now - HOUR }), touches: [], policy, now })).toMatchObject({
      state: 'not_started',
      notStartedReason: 'no_owner',
      deadline: null,
      remaining: null,
    });
    expect(computeSlaStatus({ lead: makeLead(), touches: [], policy, now })).toMatchObject({ state: 'not_started', notStartedReason: 'no_clock_start' });
    expect(computeSlaStatus({ lead: makeLead({ ownerAssignedAt: now + MINUTE }), touches: [], policy, now })).toMatchObject({
      state: 'not_started',
      notStartedReason: 'clock_starts_later',
    });
  });

  it('still reports the tier (and its next step) when not started', () => {
    const s = computeSlaStatus({ lead: makeLead({ owner: null, recentConversion: { name: 'demo', at: null } }), touches: [], policy, now });
    expect(s.tier.nextStep).toBe('Book the demo');
  });

  it('owner_assigned falls back to handedOffAt, then createdAt; handed_off prefers handedOffAt', () => {
    const assigned = now - 3 * HOUR;
    const handed = now - 2 * HOUR;
    const created = now - DAY;
    const status = (lead: ReturnType<typeof makeLead>, p: SlaPolicy = policy) => computeSlaStatus({ lead, touches: [], policy: p, now });
    expect(status(makeLead({ ownerAssignedAt: assigned, handedOffAt: handed, createdAt: created }))).toMatchObject({ clockStart: assigned, clockStartSource: 'owner_assigned' });
    expect(status(makeLead({ handedOffAt: handed, createdAt: created }))).toMatchObject({ clockStart: handed, clockStartSource: 'handed_off' });
    expect(status(makeLead({ createdAt: created }))).toMatchObject({ clockStart: created, clockStartSource: 'created' });
    const handedOff = withPolicy((p) => {
      p.clock = { ...p.clock, start: 'handed_off' };
    });
    expect(status(makeLead({ ownerAssignedAt: assigned, handedOffAt: handed }), handedOff)).toMatchObject({ clockStart: handed });
    expect(status(makeLead({ ownerAssignedAt: assigned }), handedOff)).toMatchObject({ clockStart: assigned });
  });
});

describe('escalations', () => {
  it('lists every step with its due instant and reports the latest one reached', () => {
    const start = at('2026-11-23T10:00:00-05:00');
    const lead = contactLead(start); // 1 business hour; hand back after 2 business days
    const at1 = computeSlaStatus({ lead, touches: [], policy, now: start + 30 * MINUTE });
    expect(at1.escalations.map((e) => [e.id, iso(e.dueAt), e.reached])).toEqual([
      ['missed-notify-owner', iso(at('2026-11-23T11:00:00-05:00')), false],
      ['double-notify-manager', iso(at('2026-11-23T12:00:00-05:00')), false],
      ['re-engage-by-marketing', iso(at('2026-11-25T10:00:00-05:00')), false],
    ]);
    expect(at1.escalation).toBeNull();
    expect(computeSlaStatus({ lead, touches: [], policy, now: at('2026-11-23T11:30:00-05:00') }).escalation?.action).toBe('notify_owner');
    expect(computeSlaStatus({ lead, touches: [], policy, now: at('2026-11-23T16:00:00-05:00') }).escalation?.action).toBe('notify_manager');
    expect(computeSlaStatus({ lead, touches: [], policy, now: at('2026-11-25T10:00:01-05:00') }).escalation?.action).toBe('hand_back_to_marketing');
  });

  it('steps due after the first touch are not reached', () => {
    const start = at('2026-11-23T10:00:00-05:00');
    const s = computeSlaStatus({
      lead: contactLead(start),
      touches: [makeTouch({ occurredAt: start + 90 * MINUTE })],
      policy,
      now: at('2026-11-30T10:00:00-05:00'),
    });
    expect(s.state).toBe('met_late');
    expect(s.escalations.map((e) => e.reached)).toEqual([true, false, false]);
    expect(s.escalation?.id).toBe('missed-notify-owner');
  });

  it('MQL hand-back counts 48 business hours, after the 24-business-hour deadline', () => {
    const lead = makeLead({ ownerAssignedAt: at('2026-12-01T09:00:00-05:00') });
    const s = computeSlaStatus({ lead, touches: [], policy, now: at('2026-12-01T09:00:00-05:00') });
    const handBack = s.escalations.find((e) => e.action === 'hand_back_to_marketing')!;
    expect(iso(handBack.dueAt)).toBe(iso(at('2026-12-08T17:00:00-05:00')));
    expect(handBack.dueAt).toBeGreaterThan(s.deadline!);
  });
});

describe('wall-time targets and out-of-office', () => {
  const wallPolicy = withPolicy((p) => {
    p.tiers = [
      {
        id: 'paid',
        label: 'Paid search',
        when: { sources: ['paid_search'] },
        target: { amount: 2, unit: 'hours', basis: 'wall' },
        escalations: [{ id: 'late', label: 'Late', action: 'notify_manager', after: { amount: 1, unit: 'days', basis: 'wall' } }],
        nextStep: 'Call now',
      },
      ...(p.tiers ?? []),
    ];
  });

  it('a wall-time deadline ignores business hours', () => {
    const start = at('2026-11-21T23:00:00-05:00'); // Saturday night
    const s = computeSlaStatus({ lead: makeLead({ source: 'PAID_SEARCH', ownerAssignedAt: start }), touches: [], policy: wallPolicy, now: start + 3 * HOUR });
    expect(s.tier.id).toBe('paid');
    expect(s.deadline).toBe(start + 2 * HOUR);
    expect(s.state).toBe('breached');
    expect(s.elapsed).toEqual({ businessMs: 0, wallMs: 3 * HOUR });
    expect(s.escalations[0]!.dueAt).toBe(start + DAY);
  });

  it('the owner being out of office pushes a business deadline', () => {
    const start = at('2026-11-23T10:00:00-05:00');
    const outOfOffice = [{ start: at('2026-11-23T09:00:00-05:00'), end: at('2026-11-24T09:00:00-05:00') }];
    const s = computeSlaStatus({ lead: contactLead(start), touches: [], policy, now: start + HOUR, outOfOffice });
    expect(iso(s.deadline)).toBe(iso(at('2026-11-24T10:00:00-05:00')));
    expect(s.state).toBe('on_track');
  });
});
