import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromFormState, toFormState } from '../../lib/rules-editor/form-state';
import type { RulesEditorKind } from '../../lib/rules-editor/form-state';
import { validateRules } from '../../lib/rules-editor/validate-rules';
import { formatAdminSettingJson } from '../../lib/storage/admin-setting-json';
import { dispositionReasonsArb, slaPolicyArb, sqlDefinitionArb } from './rules-arbitraries';

const KINDS: [RulesEditorKind, fc.Arbitrary<Record<string, unknown>>][] = [
  ['sql-definition', sqlDefinitionArb],
  ['sla-policy', slaPolicyArb],
  ['disposition-reasons', dispositionReasonsArb],
];

function numbersIn(value: unknown): number {
  if (typeof value === 'number') return 1;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + numbersIn(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((n, v) => n + numbersIn(v), 0);
  return 0;
}

describe.each(KINDS)('%s: JSON → form state → JSON', (kind, arb) => {
  test('is the identity for every valid value (the exported text is unchanged)', () => {
    fc.assert(
      fc.property(arb, (value) => {
        expect(validateRules(kind, value)).toEqual([]);
        const text = formatAdminSettingJson(value);
        const form = toFormState(JSON.parse(text));
        // The form holds text only: every number of the value is a field the admin types in.
        expect(numbersIn(form)).toBe(0);
        const back = fromFormState(kind, form);
        expect(back).toEqual(value);
        expect(formatAdminSettingJson(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

test('the generators reach the optional fields (present and absent)', () => {
  const samples = fc.sample(sqlDefinitionArb, { numRuns: 200, seed: 7 });
  const has = (pick: (d: any) => unknown) => samples.filter((d) => pick(d) !== undefined).length;
  for (const pick of [(d: any) => d.bant.budget.minimum, (d: any) => d.fit.employees, (d: any) => d.fit.titlePatterns, (d: any) => d.engagement.signals[0]?.withinDays, (d: any) => d.disqualifiers.builtInStudentSignals]) {
    expect(has(pick)).toBeGreaterThan(10);
    expect(has(pick)).toBeLessThan(195);
  }
  const policies = fc.sample(slaPolicyArb, { numRuns: 100, seed: 7 });
  expect(policies.some((p: any) => p.calendar.weeklyHours.mon.length > 1)).toBe(true);
  expect(policies.some((p: any) => p.tiers.some((t: any) => t.escalations.some((e: any) => 'share' in e.after)))).toBe(true);
  expect(policies.some((p: any) => p.tiers.some((t: any) => t.when?.segments))).toBe(true);
});
