import { describe, expect, it } from 'vitest';
import { buildQueue, briefLine, nextStateChange, summarizeAtRisk } from '../../../lib/domain/queue/build-queue';
import type { QueueLead } from '../../../lib/domain/queue/queue-lead';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { at, DAY, HOUR, MINUTE, makeLead } from '../sla/make-lead';

// Wednesday 2 December 2026, 11:00 in New York: inside the default calendar's hours.
const NOW = at('2026-12-02T11:00:00-05:00');

function item(id: string, overrides: Partial<QueueLead> & { assignedAt?: number | null; trigger?: string; owner?: string } = {}): QueueLead {
  const { assignedAt = NOW - 10 * MINUTE, trigger = 'Contact sales form', owner = 'owner-1', ...rest } = overrides;
  return {
    lead: makeLead({
      ref: { crm: 'test', account: 'acme', id, objectType: 'contact' },
      owner: { id: owner, name: 'Sam Rep', email: null },
      ownerAssignedAt: assignedAt,
      recentConversion: { name: trigger, at: assignedAt },
    }),
    recordUrl: `https://crm.example/leads/${id}`,
    lastTouchedAt: null,
    lastEngagedAt: null,
    lastEngagement: null,
    ...rest,
  };
}

describe('buildQueue', () => {
  it('lists the rep’s untouched leads soonest deadline first, with tier, trigger and brief', () => {
    const queue = buildQueue({
      policy: defaultSlaPolicy,
      ownerId: 'owner-1',
      now: NOW,
      leads: [
        item('mql', { trigger: 'Ebook download', assignedAt: NOW - 2 * HOUR }),
        item('demo', { trigger: 'Demo request', assignedAt: NOW - 1 * MINUTE }),
        item('sales', { trigger: 'Contact sales form', assignedAt: NOW - 50 * MINUTE }),
        item('other-rep', { owner: 'owner-2' }),
      ],
    });
    expect(queue.awaiting.map((e) => e.item.lead.ref.id)).toEqual(['demo', 'sales', 'mql']);
    const [demo, sales] = queue.awaiting;
    expect(demo!.status.tier.label).toBe('Demo request');
    expect(demo!.trigger).toBe('Demo request');
    expect(demo!.brief).toBe('VP Operations at Example Corp · 120+ employees · US');
    expect(sales!.status.state).toBe('at_risk');
  });

  it('drops a lead touched since its clock started; keeps one touched only before a reassignment', () => {
    const queue = buildQueue({
      policy: defaultSlaPolicy,
      ownerId: 'owner-1',
      now: NOW,
      leads: [item('touched', { lastTouchedAt: NOW - 5 * MINUTE }), item('reassigned', { lastTouchedAt: NOW - DAY })],
    });
    expect(queue.awaiting.map((e) => e.item.lead.ref.id)).toEqual(['reassigned']);
  });

  it('lists owned leads that engaged within 7 days with no touch since, latest first', () => {
    const queue = buildQueue({
      policy: defaultSlaPolicy,
      ownerId: 'owner-1',
      now: NOW,
      leads: [
        item('old-engaged', { lastTouchedAt: NOW - 10 * DAY, lastEngagedAt: NOW - 2 * DAY, lastEngagement: 'Visited the pricing page', assignedAt: NOW - 30 * DAY }),
        item('recent', { lastTouchedAt: NOW - 10 * DAY, lastEngagedAt: NOW - HOUR, assignedAt: NOW - 30 * DAY }),
        item('touched-after', { lastTouchedAt: NOW - HOUR, lastEngagedAt: NOW - 2 * HOUR, assignedAt: NOW - 30 * DAY }),
        item('too-old', { lastTouchedAt: NOW - 20 * DAY, lastEngagedAt: NOW - 8 * DAY, assignedAt: NOW - 30 * DAY }),
      ],
    });
    expect(queue.awaiting).toEqual([]);
    expect(queue.engaged.map((e) => e.item.lead.ref.id)).toEqual(['recent', 'old-engaged']);
    expect(queue.engaged[1]!.trigger).toBe('Visited the pricing page');
  });
});

describe('summarizeAtRisk', () => {
  it('counts at-risk and breached leads and names the worst', () => {
    expect(summarizeAtRisk(['on_track', 'at_risk', 'on_track'])).toEqual({ count: 1, worst: 'at_risk' });
    expect(summarizeAtRisk(['at_risk', 'breached', 'at_risk'])).toEqual({ count: 3, worst: 'breached' });
    expect(summarizeAtRisk(['on_track'])).toEqual({ count: 0, worst: null });
  });
});

describe('nextStateChange', () => {
  it('is the next at-risk or breach instant ahead of now', () => {
    const queue = buildQueue({ policy: defaultSlaPolicy, ownerId: 'owner-1', now: NOW, leads: [item('sales', { assignedAt: NOW - 10 * MINUTE })] });
    const status = queue.awaiting[0]!.status;
    expect(nextStateChange([status], NOW)).toBe(status.atRiskAt);
    expect(nextStateChange([status], status.atRiskAt!)).toBe(status.deadline! + 1);
    expect(nextStateChange([status], status.deadline! + 1)).toBeNull();
  });
});

describe('briefLine', () => {
  it('says so when the CRM holds nothing about the company', () => {
    expect(briefLine({ jobTitle: null, company: null, employees: null, country: null })).toBe('No company details in the CRM yet');
  });
});
