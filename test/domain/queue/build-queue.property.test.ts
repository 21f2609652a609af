import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../lib/domain/queue/build-queue';
import type { QueueLead } from '../../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, DAY, makeLead } from '../sla/make-lead';

const NOW = at('2026-12-02T11:00:00-05:00');
const TRIGGERS = ['Demo request', 'Contact sales form', 'Ebook download'];

const queueLead = fc.record({
  id: fc.integer({ min: 1, max: 60 }).map(String),
  owner: fc.constantFrom('owner-1', 'owner-2'),
  assignedAgo: fc.option(fc.integer({ min: -DAY, max: 20 * DAY }), { nil: null }),
  touchedAgo: fc.option(fc.integer({ min: 0, max: 20 * DAY }), { nil: null }),
  engagedAgo: fc.option(fc.integer({ min: -DAY, max: 20 * DAY }), { nil: null }),
  trigger: fc.constantFrom(...TRIGGERS),
}).map(({ id, owner, assignedAgo, touchedAgo, engagedAgo, trigger }): QueueLead => ({
  lead: makeLead({
    ref: { crm: 'test', account: 'acme', id, objectType: 'contact' },
    owner: { id: owner, name: null, email: null },
    ownerAssignedAt: assignedAgo === null ? null : NOW - assignedAgo,
    createdAt: NOW - 30 * DAY,
    recentConversion: { name: trigger, at: null },
  }),
  recordUrl: `https://crm.example/${id}`,
  lastTouchedAt: touchedAgo === null ? null : NOW - touchedAgo,
  lastEngagedAt: engagedAgo === null ? null : NOW - engagedAgo,
  lastEngagement: null,
}));

describe('buildQueue (properties)', () => {
  it('holds only the rep’s leads, each once, in one list, awaiting sorted by deadline', () => {
    fc.assert(
      fc.property(fc.array(queueLead, { maxLength: 40 }), (leads) => {
        const queue = buildQueue({ leads, policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW });
        const ids = [...queue.awaiting, ...queue.engaged].map((e) => e.item.lead.ref.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of [...queue.awaiting, ...queue.engaged]) expect(e.item.lead.owner?.id).toBe('owner-1');
        const deadlines = queue.awaiting.map((e) => e.status.deadline!);
        expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
        for (const e of queue.awaiting) {
          expect(['on_track', 'at_risk', 'breached']).toContain(e.status.state);
          expect(e.item.lastTouchedAt === null || e.item.lastTouchedAt < e.status.clockStart!).toBe(true);
        }
        for (const e of queue.engaged) {
          expect(e.engagedAt).toBeLessThanOrEqual(NOW);
          expect(e.engagedAt).toBeGreaterThanOrEqual(NOW - 7 * DAY);
          expect(e.item.lastTouchedAt === null || e.item.lastTouchedAt < e.engagedAt).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order the CRM listed the leads in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(queueLead, { selector: (l) => l.lead.ref.id, maxLength: 30 }).chain((leads) => fc.tuple(fc.constant(leads), fc.shuffledSubarray(leads, { minLength: leads.length }))), ([leads, shuffled]) => {
        const a = buildQueue({ leads, policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW });
        const b = buildQueue({ leads: shuffled, policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW });
        expect(b.awaiting.map((e) => e.item.lead.ref.id)).toEqual(a.awaiting.map((e) => e.item.lead.ref.id));
        expect(b.engaged.map((e) => e.item.lead.ref.id)).toEqual(a.engaged.map((e) => e.item.lead.ref.id));
      }),
    );
  });
});
