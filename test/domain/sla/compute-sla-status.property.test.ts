import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Touch } from '../../../lib/domain/lead';
import { TOUCH_KINDS } from '../../../lib/domain/lead';
import { isWithinBusinessHours } from '../../../lib/domain/sla/business-calendar';
import { computeSlaStatus } from '../../../lib/domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { slaPolicySchema } from '../../../lib/domain/sla/sla-policy';
import type { SlaPolicyInput } from '../../../lib/domain/sla/sla-policy';
import { at, DAY, HOUR, makeLead, makeTouch } from './make-lead';

/** The default policy plus a wall-time tier for paid search, so both bases are exercised. */
const policy = slaPolicySchema.parse({
  ...(JSON.parse(JSON.stringify(defaultSlaPolicy)) as SlaPolicyInput),
  tiers: [
    { id: 'paid', label: 'Paid', when: { sources: ['PAID_SEARCH'] }, target: { amount: 90, unit: 'minutes', basis: 'wall' }, nextStep: 'Call' },
    ...defaultSlaPolicy.tiers,
  ],
});

const instantArb = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-06-01T00:00:00Z') });
const leadArb = fc
  .record({
    assignedAt: instantArb,
    conversion: fc.constantFrom('Request a demo', 'Contact sales', 'Ebook', 'Webinar'),
    source: fc.constantFrom('PAID_SEARCH', 'ORGANIC_SEARCH', 'DIRECT_TRAFFIC'),
  })
  .map(({ assignedAt, conversion, source }) => makeLead({ ownerAssignedAt: assignedAt, source, recentConversion: { name: conversion, at: null } }));

/** Touches that must never stop the clock: automated, by someone else, or of a non-counting kind. */
const ignoredTouchArb = (from: number) =>
  fc.oneof(
    fc.record({ offset: fc.integer({ min: 0, max: 5 * DAY }), kind: fc.constantFrom(...TOUCH_KINDS) }).map(({ offset, kind }) =>
      makeTouch({ occurredAt: from + offset, kind, automated: true }),
    ),
    fc.record({ offset: fc.integer({ min: 0, max: 5 * DAY }), kind: fc.constantFrom('call', 'email', 'meeting', 'social' as const) }).map(
      ({ offset, kind }) => makeTouch({ occurredAt: from + offset, kind, ownerId: 'another-rep' }),
    ),
    fc.record({ offset: fc.integer({ min: 0, max: 5 * DAY }), kind: fc.constantFrom('note', 'task', 'sequence_email' as const) }).map(
      ({ offset, kind }) => makeTouch({ occurredAt: from + offset, kind }),
    ),
    inboundTouchArb(from),
  );

/** The lead reaching the owner: any kind, any time around the clock, logged under the owner or not. */
const inboundTouchArb = (from: number) =>
  fc
    .record({ offset: fc.integer({ min: -DAY, max: 6 * DAY }), kind: fc.constantFrom(...TOUCH_KINDS), byOwner: fc.boolean(), connected: fc.constantFrom(true, false, null) })
    .map(({ offset, kind, byOwner, connected }) =>
      makeTouch({ occurredAt: from + offset, kind, direction: 'inbound', connected, ...(byOwner ? {} : { ownerId: 'another-rep' }) }),
    );

/** Any touch that is not inbound: counting or not, outbound or of unknown direction. */
const otherTouchArb = (from: number) =>
  fc
    .record({
      offset: fc.integer({ min: -DAY, max: 6 * DAY }),
      kind: fc.constantFrom(...TOUCH_KINDS),
      direction: fc.constantFrom('outbound', 'unknown' as const),
      automated: fc.boolean(),
      byOwner: fc.boolean(),
    })
    .map(({ offset, kind, direction, automated, byOwner }) =>
      makeTouch({ occurredAt: from + offset, kind, direction, automated, ...(byOwner ? {} : { ownerId: 'another-rep' }) }),
    );

/** The default clock, and one a policy could write to count everything from anyone. */
const countsEverything = slaPolicySchema.parse({
  ...(JSON.parse(JSON.stringify(policy)) as SlaPolicyInput),
  clock: { start: 'owner_assigned', ownerOnly: false, countingTouchKinds: [...TOUCH_KINDS] },
});

describe('computeSlaStatus properties', () => {
  it('business deadlines fall inside business hours; wall deadlines are start + target', () => {
    fc.assert(
      fc.property(leadArb, fc.integer({ min: 0, max: 10 * DAY }), (lead, wait) => {
        const s = computeSlaStatus({ lead, touches: [], policy, now: lead.ownerAssignedAt! + wait });
        if (s.tier.target.basis === 'wall') {
          expect(s.deadline).toBe(s.clockStart! + s.tier.targetMs);
        } else {
          expect(isWithinBusinessHours(policy.calendar, s.deadline! - 1)).toBe(true);
          expect(s.elapsed.businessMs + s.remaining!.businessMs).toBe(s.tier.targetMs);
        }
        expect(s.elapsed.wallMs).toBe(wait);
        expect(s.atRiskAt!).toBeLessThanOrEqual(s.deadline!);
      }),
      { numRuns: 300 },
    );
  });

  it('automated, non-owner and non-counting touches never change the status', () => {
    fc.assert(
      fc.property(
        leadArb.chain((lead) => fc.tuple(fc.constant(lead), fc.array(ignoredTouchArb(lead.ownerAssignedAt!), { maxLength: 5 }))),
        fc.integer({ min: 0, max: 6 * DAY }),
        ([lead, noise], wait) => {
          const now = lead.ownerAssignedAt! + wait;
          const quiet = computeSlaStatus({ lead, touches: [], policy, now });
          expect(computeSlaStatus({ lead, touches: noise, policy, now })).toEqual(quiet);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding inbound touches never changes the SLA status, whatever else was logged and whatever the policy counts', () => {
    fc.assert(
      fc.property(
        leadArb.chain((lead) =>
          fc.tuple(
            fc.constant(lead),
            fc.array(otherTouchArb(lead.ownerAssignedAt!), { maxLength: 5 }),
            fc.array(inboundTouchArb(lead.ownerAssignedAt!), { minLength: 1, maxLength: 5 }),
          ),
        ),
        fc.integer({ min: 0, max: 6 * DAY }),
        fc.constantFrom(policy, countsEverything),
        ([lead, touches, inbound], wait, rules) => {
          const now = lead.ownerAssignedAt! + wait;
          const before = computeSlaStatus({ lead, touches, policy: rules, now });
          // Inbound touches first, interleaved and last: the input order must not matter either.
          expect(computeSlaStatus({ lead, touches: [...inbound, ...touches], policy: rules, now })).toEqual(before);
          expect(computeSlaStatus({ lead, touches: [...touches, ...inbound], policy: rules, now })).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('met exactly when the first owner touch is at or before the deadline; the response time is measured to it', () => {
    fc.assert(
      fc.property(leadArb, fc.integer({ min: 0, max: 5 * DAY }), fc.integer({ min: 0, max: DAY }), (lead, touchAfter, nowAfter) => {
        const touch: Touch = makeTouch({ occurredAt: lead.ownerAssignedAt! + touchAfter });
        const s = computeSlaStatus({ lead, touches: [touch], policy, now: touch.occurredAt + nowAfter });
        expect(s.state).toBe(touch.occurredAt <= s.deadline! ? 'met' : 'met_late');
        expect(s.responseTime?.wallMs).toBe(touchAfter);
        expect(s.escalations.every((e) => e.reached === e.dueAt < touch.occurredAt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an owner out of office never brings a business deadline earlier', () => {
    fc.assert(
      fc.property(leadArb, fc.integer({ min: -DAY, max: 3 * DAY }), fc.integer({ min: HOUR, max: 5 * DAY }), (lead, oooFrom, oooLength) => {
        const start = lead.ownerAssignedAt! + oooFrom;
        const now = lead.ownerAssignedAt! + HOUR;
        const plain = computeSlaStatus({ lead, touches: [], policy, now });
        const away = computeSlaStatus({ lead, touches: [], policy, now, outOfOffice: [{ start, end: start + oooLength }] });
        expect(away.deadline!).toBeGreaterThanOrEqual(plain.deadline!);
      }),
      { numRuns: 200 },
    );
  });
});
