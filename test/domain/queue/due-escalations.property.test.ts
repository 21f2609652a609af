import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEscalations, RECORDED_ESCALATION_ACTIONS } from '../../../lib/domain/queue/due-escalations';
import type { QueueLead } from '../../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, DAY, HOUR, makeLead } from '../sla/make-lead';

const START = at('2026-11-30T08:00:00-05:00');
const TRIGGERS = ['Demo request', 'Contact sales form', 'Ebook download'];

const queueLead = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map(String),
  owner: fc.constantFrom('owner-1', 'owner-2'),
  assignedAgo: fc.option(fc.integer({ min: -DAY, max: 12 * DAY }), { nil: null }),
  touchedAgo: fc.option(fc.integer({ min: 0, max: 12 * DAY }), { nil: null }),
  status: fc.constantFrom('NEW', 'OPEN', 'BAD_TIMING'),
  trigger: fc.constantFrom(...TRIGGERS),
}).map(({ id, owner, assignedAgo, touchedAgo, status, trigger }): QueueLead => ({
  lead: makeLead({
    ref: { crm: 'test', account: 'acme', id, objectType: 'contact' },
    owner: { id: owner, name: null, email: null },
    ownerAssignedAt: assignedAgo === null ? null : START - assignedAgo,
    createdAt: START - 30 * DAY,
    recentConversion: { name: trigger, at: null },
    leadStatus: status,
  }),
  recordUrl: `https://crm.example/${id}`,
  lastTouchedAt: touchedAgo === null ? null : START - touchedAgo,
  lastEngagedAt: null,
  lastEngagement: null,
}));

describe('planEscalations (properties)', () => {
  it('plans only due, recorded steps of the rep’s own untouched, undecided leads, each once over any sequence of wakes', () => {
    fc.assert(
      fc.property(
        fc.array(queueLead, { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 6 * HOUR }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 10 * DAY }),
        (leads, steps, sinceAgo) => {
          const since = START - sinceAgo;
          const queued = new Set<string>();
          const ids = new Set<string>();
          let now = START;
          for (const step of steps) {
            now += step;
            const result = planEscalations({ leads, policy: defaultSlaPolicy, ownerId: 'owner-1', now, since, queued, decidedStatuses: ['BAD_TIMING'] });
            for (const due of result.due) {
              const item = leads.find((l) => l.lead === due.lead)!;
              expect(item.lead.owner?.id).toBe('owner-1');
              expect(item.lead.leadStatus).not.toBe('BAD_TIMING');
              expect(RECORDED_ESCALATION_ACTIONS).toContain(due.action);
              expect(due.dueAt).toBeLessThanOrEqual(now);
              expect(due.dueAt).toBeGreaterThanOrEqual(since);
              expect(item.lastTouchedAt === null || item.lastTouchedAt < due.clockStart).toBe(true);
              expect(queued.has(due.stepKey)).toBe(false);
              expect(ids.has(due.id)).toBe(false);
              ids.add(due.id);
              queued.add(due.stepKey);
            }
            if (result.nextAt !== null) expect(result.nextAt).toBeGreaterThan(now);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same leads, policy and instant give the same plan', () => {
    fc.assert(
      fc.property(fc.array(queueLead, { maxLength: 20 }), fc.integer({ min: 0, max: 4 * DAY }), (leads, later) => {
        const input = { leads, policy: defaultSlaPolicy, ownerId: 'owner-1', now: START + later, since: START - 20 * DAY, queued: new Set<string>() };
        expect(planEscalations(input)).toEqual(planEscalations(structuredClone(input)));
      }),
      { numRuns: 60 },
    );
  });
});
