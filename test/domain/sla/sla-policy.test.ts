import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { toMilliseconds, resolveSegment, selectSlaTier } from '../../../lib/domain/sla/apply-sla-policy';
import { slaPolicySchema } from '../../../lib/domain/sla/sla-policy';
import type { SlaPolicyInput } from '../../../lib/domain/sla/sla-policy';
import { HOUR, makeLead, MINUTE } from './make-lead';

const clone = (): SlaPolicyInput => JSON.parse(JSON.stringify(defaultSlaPolicy)) as SlaPolicyInput;
const issuesOf = (input: unknown) => {
  const r = slaPolicySchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('default policy', () => {
  it('validates and survives a JSON export/import unchanged', () => {
    expect(slaPolicySchema.parse(JSON.parse(JSON.stringify(defaultSlaPolicy)))).toEqual(defaultSlaPolicy);
  });

  it('has the agreed tiers, targets and next steps', () => {
    expect(defaultSlaPolicy.calendar.timeZone).toBe('America/New_York');
    expect(defaultSlaPolicy.tiers.map((t) => [t.id, toMilliseconds(t.target, defaultSlaPolicy.calendar), t.target.basis, t.nextStep])).toEqual([
      ['demo-request', 5 * MINUTE, 'business', 'Book the demo'],
      ['contact-sales', HOUR, 'business', 'Call back and qualify the request'],
      ['mql', 24 * HOUR, 'business', 'Discovery call'],
    ]);
    expect(defaultSlaPolicy.defaultTierId).toBe('mql');
    for (const tier of defaultSlaPolicy.tiers) expect(tier.escalations.some((e) => e.action === 'hand_back_to_marketing')).toBe(true);
  });
});

describe('selectSlaTier', () => {
  const tierOf = (overrides: Parameters<typeof makeLead>[0]) => selectSlaTier(defaultSlaPolicy, makeLead(overrides)).tier.id;

  it('matches trigger patterns case-insensitively against the recent conversion, falling back to the first', () => {
    expect(tierOf({ recentConversion: { name: 'Request a DEMO', at: null } })).toBe('demo-request');
    expect(tierOf({ recentConversion: { name: 'Website  contact   sales form', at: null } })).toBe('contact-sales');
    expect(tierOf({ firstConversion: { name: 'Book a demo', at: null } })).toBe('demo-request');
    expect(tierOf({ recentConversion: { name: 'Pricing guide', at: null }, firstConversion: { name: 'Book a demo', at: null } })).toBe('mql');
    expect(tierOf({})).toBe('mql');
  });

  it('first match wins; rules combine source, segment and lifecycle stage', () => {
    const input = clone();
    input.tiers = [
      {
        id: 'enterprise-paid',
        label: 'Enterprise from paid search',
        when: { sources: ['paid_search'], segments: ['enterprise'], lifecycleStages: ['MarketingQualifiedLead', 'salesqualifiedlead'] },
        target: { amount: 30, unit: 'minutes', basis: 'business' },
        nextStep: 'Call the buyer',
      },
      { id: 'any-demo', label: 'Demo', when: { triggers: ['demo'], conversion: 'either' }, target: { amount: 5, unit: 'minutes', basis: 'business' }, nextStep: 'Book' },
      ...(input.tiers ?? []),
    ];
    input.tiers = input.tiers.filter((t, i, all) => all.findIndex((u) => u.id === t.id) === i && t.id !== 'demo-request');
    const p = slaPolicySchema.parse(input);
    const pick = (o: Parameters<typeof makeLead>[0]) => selectSlaTier(p, makeLead(o)).tier.id;
    const enterprise = { source: 'PAID_SEARCH', employees: 5000, lifecycleStage: 'marketingqualifiedlead', recentConversion: { name: 'Demo', at: null } };
    expect(pick(enterprise)).toBe('enterprise-paid');
    expect(pick({ ...enterprise, employees: 500 })).toBe('any-demo');
    expect(pick({ ...enterprise, employees: null })).toBe('any-demo');
    expect(pick({ ...enterprise, source: 'ORGANIC_SEARCH', recentConversion: null })).toBe('mql');
    expect(pick({ ...enterprise, lifecycleStage: 'lead', recentConversion: { name: 'x', at: null }, firstConversion: { name: 'demo', at: null } })).toBe('any-demo');
  });

  it('falls back to defaultTierId when no tier matches', () => {
    const input = clone();
    input.tiers = (input.tiers ?? []).map((t) => (t.id === 'mql' ? { ...t, when: { sources: ['EVENT'] } } : t));
    expect(selectSlaTier(slaPolicySchema.parse(input), makeLead({ source: 'DIRECT' }))).toMatchObject({ tier: { id: 'mql' }, matchedRule: false });
  });
});

describe('resolveSegment', () => {
  it('uses inclusive employee ranges and is null when the count is unknown', () => {
    expect(resolveSegment(defaultSlaPolicy, { employees: 199 })?.id).toBe('smb');
    expect(resolveSegment(defaultSlaPolicy, { employees: 200 })?.id).toBe('mid-market');
    expect(resolveSegment(defaultSlaPolicy, { employees: 1000 })?.id).toBe('enterprise');
    expect(resolveSegment(defaultSlaPolicy, { employees: null })).toBeNull();
  });
});

describe('slaPolicySchema errors name the field and the rule', () => {
  it('rejects duplicate tier ids, an unknown default tier and unknown segments', () => {
    const input = clone();
    input.defaultTierId = 'nope';
    input.tiers = [...(input.tiers ?? []), { ...(input.tiers ?? [])[0]!, when: { segments: ['galactic'] } }];
    expect(issuesOf(input)).toEqual(
      expect.arrayContaining([
        'tiers.3.id: duplicate tier id "demo-request"',
        'tiers.3.when.segments.0: unknown segment "galactic" (define it in segments)',
        'defaultTierId: no tier with id "nope"',
      ]),
    );
  });

  it('rejects bad targets, escalations and versions', () => {
    const input = clone() as Record<string, unknown> & SlaPolicyInput;
    input.updatedAt = 'yesterday';
    input.tiers = [{ id: 'x', label: 'X', target: { amount: -1, unit: 'weeks' as 'days', basis: 'business' }, nextStep: 'Go', escalations: [{ id: 'e', label: 'E', action: 'shout' as 'notify_owner', after: { share: 1 } }] }];
    input.defaultTierId = 'x';
    const issues = issuesOf(input);
    expect(issues.some((i) => i.startsWith('updatedAt:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('tiers.0.target.amount:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('tiers.0.target.unit:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('tiers.0.escalations.0.action:'))).toBe(true);
  });
});

describe('toMilliseconds', () => {
  it('counts business days as the calendar’s hours per business day, wall days as 24 h', () => {
    const cal = { hoursPerBusinessDay: 8 };
    expect(toMilliseconds({ amount: 2, unit: 'days', basis: 'business' }, cal)).toBe(16 * HOUR);
    expect(toMilliseconds({ amount: 2, unit: 'days', basis: 'wall' }, cal)).toBe(48 * HOUR);
    expect(toMilliseconds({ amount: 1.5, unit: 'hours', basis: 'wall' }, cal)).toBe(90 * MINUTE);
  });
});
