import { describe, expect, it } from 'vitest';
import { compareDefinitions } from '../../lib/domain/qualification/backtest-definition';
import type { PastLead } from '../../lib/domain/qualification/backtest-definition';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { decodeQualificationInputs, MAX_QUALIFICATION_INPUTS_CHARS } from '../../lib/domain/qualification/qualification-inputs';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { selectSlaTier } from '../../lib/domain/sla/apply-sla-policy';
import { seedDispositionHistory } from '../../lib/sandbox/seed-history';
import { INPUTS_RECORDED_SINCE_DAYS } from '../../lib/sandbox/seed-qualification-inputs';

const NOW = Date.UTC(2026, 10, 22, 12);
const DAY = 86_400_000;

describe('seeded history: SLA tiers and qualification inputs', () => {
  const { contacts } = seedDispositionHistory(NOW);
  const dispositioned = contacts.filter((c) => c.properties.baton_disposition);

  it('every disposition names its tier; inputs exist exactly for the decisions since Baton recorded them', () => {
    expect(dispositioned.length).toBeGreaterThan(200);
    for (const c of dispositioned) {
      expect(['Demo request', 'Contact sales', 'MQL']).toContain(c.properties.baton_sla_tier);
      const recent = Date.parse(c.properties.baton_disposition_at as string) >= NOW - INPUTS_RECORDED_SINCE_DAYS * DAY;
      expect(Boolean(c.properties.baton_qualification_inputs)).toBe(recent);
    }
    for (const c of contacts.filter((x) => !x.properties.baton_disposition)) {
      expect(c.properties).not.toHaveProperty('baton_sla_tier');
      expect(c.properties).not.toHaveProperty('baton_qualification_inputs');
    }
  });

  it("the tier is the one the default SLA policy picks from the lead's conversion (consistent with its trigger)", () => {
    let checked = 0;
    for (const c of dispositioned) {
      const raw = c.properties.baton_qualification_inputs;
      if (!raw) continue;
      expect(raw.length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
      const decoded = decodeQualificationInputs(raw, { crm: 'sandbox', account: 'sandbox', id: c.id, objectType: 'contact' });
      if (!decoded.ok) throw new Error(`${c.id}: ${decoded.detail}`);
      expect(decoded.approximate).toBe(false);
      expect(decoded.inputs.evaluatedAt).toBe(Date.parse(c.properties.baton_disposition_at as string));
      expect(selectSlaTier(defaultSlaPolicy, decoded.inputs.lead).tier.label).toBe(c.properties.baton_sla_tier);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the backtest verdicts do not depend on the calendar date the sandbox is seeded on', () => {
    const verdicts = (now: number) => {
      const past: PastLead[] = seedDispositionHistory(now).contacts.flatMap((c) => {
        const raw = c.properties.baton_qualification_inputs;
        const decoded = raw ? decodeQualificationInputs(raw, { crm: 'sandbox', account: 'sandbox', id: c.id, objectType: 'contact' }) : null;
        return decoded?.ok ? [{ ...decoded.inputs, outcome: { opportunityCreated: false } }] : [];
      });
      const { base, candidate, flips } = compareDefinitions(DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION, past);
      return { n: past.length, base: [base.passed, base.notYet, base.disqualified], candidate: [candidate.passed, candidate.notYet, candidate.disqualified], flips: flips.length };
    };
    const expected = { n: 168, base: [53, 97, 18], candidate: [25, 67, 76], flips: 68 };
    expect(verdicts(NOW)).toEqual(expected);
    // Month ends, another year, late in the day: the same story.
    expect(verdicts(Date.UTC(2027, 2, 3, 7, 13))).toEqual(expected);
    expect(verdicts(Date.UTC(2026, 6, 31, 23, 59))).toEqual(expected);
  });
});
