import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planEscalations } from '../../../lib/domain/queue/due-escalations';
import { escalationId, escalationStepKey } from '../../../lib/domain/queue/escalation-id';
import type { QueueLead } from '../../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, DAY, MINUTE, makeLead } from '../sla/make-lead';

// Wednesday 11:00 in New York: inside the default policy's business hours.
const NOW = at('2026-12-02T11:00:00-05:00');
const SINCE = NOW - 7 * DAY;

function demoLead(id: string, assignedAt: number, overrides: Partial<QueueLead> = {}, leadStatus = 'NEW', owner = 'owner-1'): QueueLead {
  return {
    lead: makeLead({ ref: { crm: 'test', account: 'acme', id, objectType: 'contact' }, owner: { id: owner, name: 'Sam Rep', email: null }, ownerAssignedAt: assignedAt, recentConversion: { name: 'Demo request', at: assignedAt }, leadStatus }),
    recordUrl: `https://crm.example/${id}`,
    lastTouchedAt: null,
    lastEngagedAt: null,
    lastEngagement: null,
    ...overrides,
  };
}

const plan = (leads: QueueLead[], options: { now?: number; since?: number; queued?: string[]; decided?: string[] } = {}) =>
  planEscalations({ leads, policy: defaultSlaPolicy, ownerId: 'owner-1', now: options.now ?? NOW, since: options.since ?? SINCE, queued: new Set(options.queued ?? []), decidedStatuses: options.decided ?? [] });

describe('planEscalations', () => {
  it('tells the manager once a demo request waited twice its target, and looks again when the hand-back is due', () => {
    const result = plan([demoLead('a', NOW - 60 * MINUTE)]);
    expect(result.due.map((d) => d.action)).toEqual(['notify_manager']);
    const [due] = result.due;
    expect(due!.step.id).toBe('double-notify-manager');
    expect(due!.dueAt).toBe(NOW - 50 * MINUTE);
    expect(due!.tier).toBe('Demo request');
    expect(due!.leadName).toBe('Ada Lovelace');
    // The hand-back: two working days after Wednesday 10:00 is Friday 10:00.
    expect(result.nextAt).toBe(at('2026-12-04T10:00:00-05:00'));
  });

  it('never records reminding the owner: that is the rep’s own notification', () => {
    const result = plan([demoLead('a', NOW - 7 * MINUTE)]);
    expect(result.due).toEqual([]);
    expect(result.nextAt).toBe(NOW + 3 * MINUTE);
  });

  it('hands the lead back once it waited two working days, with the manager step before it', () => {
    const result = plan([demoLead('a', at('2026-11-30T10:00:00-05:00'))]);
    expect(result.due.map((d) => d.action)).toEqual(['notify_manager', 'hand_back_to_marketing']);
    expect(result.nextAt).toBeNull();
  });

  it('records nothing for a lead touched on its clock, a decided lead, or another rep’s lead', () => {
    const assigned = NOW - 60 * MINUTE;
    expect(plan([demoLead('a', assigned, { lastTouchedAt: assigned + MINUTE })]).due).toEqual([]);
    expect(plan([demoLead('a', assigned, {}, 'BAD_TIMING')], { decided: ['bad_timing'] }).due).toEqual([]);
    expect(plan([demoLead('a', assigned, {}, 'NEW', 'owner-2')]).due).toEqual([]);
    // A touch before this clock started (the lead was reassigned since) does not count.
    expect(plan([demoLead('a', assigned, { lastTouchedAt: assigned - DAY })]).due).toHaveLength(1);
  });

  it('plans a step once: a queued step key is not due again, whatever the policy version', () => {
    const first = plan([demoLead('a', NOW - 60 * MINUTE)]);
    const again = planEscalations({
      leads: [demoLead('a', NOW - 60 * MINUTE)],
      policy: { ...defaultSlaPolicy, version: '1.0.1' },
      ownerId: 'owner-1',
      now: NOW + MINUTE,
      since: SINCE,
      queued: new Set(first.due.map((d) => d.stepKey)),
    });
    expect(again.due).toEqual([]);
  });

  it('records no step that came due before Baton watched the rep’s queue', () => {
    expect(plan([demoLead('a', NOW - 60 * MINUTE)], { since: NOW - 10 * MINUTE }).due).toEqual([]);
  });

  it('waits for business hours: a step due at night is recorded at the opening', () => {
    const night = at('2026-12-02T20:00:00-05:00');
    const result = plan([demoLead('a', at('2026-12-02T16:00:00-05:00'))], { now: night });
    expect(result.due).toEqual([]);
    expect(result.nextAt).toBe(at('2026-12-03T09:00:00-05:00'));
    expect(plan([demoLead('a', at('2026-12-02T16:00:00-05:00'))], { now: at('2026-12-03T09:00:00-05:00') }).due).toHaveLength(1);
  });
});

describe('escalation ids', () => {
  const identity = { lead: { crm: 'hubspot', account: '42', id: '7' }, policy: { id: 'p', version: '1.0.0' }, stepId: 's', clockStart: 1_700_000_000_000 };

  it('are UUIDs, the same for the same lead, step, version and clock, and differ otherwise', () => {
    const id = escalationId(identity);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('8');
    expect(escalationId({ ...identity })).toBe(id);
    expect(escalationId({ ...identity, policy: { id: 'p', version: '1.0.1' } })).not.toBe(id);
    expect(escalationId({ ...identity, stepId: 't' })).not.toBe(id);
    expect(escalationId({ ...identity, clockStart: identity.clockStart + 1 })).not.toBe(id);
    expect(escalationId({ ...identity, lead: { ...identity.lead, account: '43' } })).not.toBe(id);
  });

  it('name the step without the policy version in the step key', () => {
    expect(escalationStepKey(identity)).toBe('hubspot|42|7|s|1700000000000');
  });
});

describe('a handed-back or decided lead in the rep’s queue', () => {
  it('no longer waits for a first touch, and shows as engaged when it engages again', async () => {
    const { buildQueue } = await import('../../../lib/domain/queue/build-queue');
    const handedBack = demoLead('a', NOW - 3 * DAY, { lastEngagedAt: NOW - 60 * MINUTE, lastEngagement: 'Visited the pricing page' }, 'BAD_TIMING');
    const waiting = demoLead('b', NOW - 60 * MINUTE);
    const queue = buildQueue({ leads: [handedBack, waiting], policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW, decidedStatuses: ['BAD_TIMING', 'UNQUALIFIED'] });
    expect(queue.awaiting.map((e) => e.item.lead.ref.id)).toEqual(['b']);
    expect(queue.engaged.map((e) => e.item.lead.ref.id)).toEqual(['a']);
    expect(buildQueue({ leads: [handedBack, waiting], policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW }).awaiting).toHaveLength(2);
  });
});
