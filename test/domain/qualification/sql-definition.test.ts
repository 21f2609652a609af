import { describe, expect, test } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { validateRepEvidence } from '../../../lib/domain/qualification/rep-evidence';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import { configuredCriterionIds, exportSqlDefinition, importSqlDefinition, parseSqlDefinition } from '../../../lib/domain/qualification/sql-definition';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_SQL_DEFINITION)) as Record<string, any>;
const errorsOf = (value: unknown) => {
  const r = parseSqlDefinition(value);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('SQL definition import/export', () => {
  test('the default and strict samples are valid, versioned, and the strict one explains itself', () => {
    expect(DEFAULT_SQL_DEFINITION.version).toBe(2);
    expect(DEFAULT_SQL_DEFINITION.changeLog.map((c) => c.version)).toEqual([1, 2]);
    expect(STRICT_SQL_DEFINITION.version).toBe(3);
    expect(STRICT_SQL_DEFINITION.changeLog.map((c) => c.version)).toEqual([1, 2, 3]);
    expect(STRICT_SQL_DEFINITION.changeLog[2]!.summary).toMatch(/budget .* and timeline .* are now required/);
    expect(STRICT_SQL_DEFINITION.required).toEqual(expect.arrayContaining(['budget', 'timeline', 'fit.industry', 'fit.country']));
  });

  test('export then import gives the same definition', () => {
    for (const def of [DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION]) {
      const r = importSqlDefinition(exportSqlDefinition(def));
      expect(r).toEqual({ ok: true, value: def });
    }
  });

  test('a semver version is accepted', () => {
    const d = clone();
    d.version = '1.2.0';
    d.changeLog.push({ version: '1.2.0', date: '2026-11-20', author: 'Ops', summary: 'Semver' });
    expect(parseSqlDefinition(d).ok).toBe(true);
  });

  test('errors name the field path', () => {
    const d = clone();
    d.bant.authority.decisionMakerTitlePatterns[1] = '(unclosed';
    d.bant.budget.minimum.currency = 'dollars';
    d.publishedAt = 'yesterday';
    expect(errorsOf(d)).toEqual(
      expect.arrayContaining([
        { path: 'bant.authority.decisionMakerTitlePatterns.1', message: 'not a valid regular expression' },
        { path: 'bant.budget.minimum.currency', message: 'expected an ISO 4217 currency code like "USD"' },
        { path: 'publishedAt', message: 'expected an ISO 8601 date-time like "2026-11-01T00:00:00Z"' },
      ]),
    );
  });

  test('required criteria must be configured, and cannot be disqualifiers', () => {
    const d = clone();
    d.required = ['need', 'fit.industry', 'disq.competitor'];
    const errors = errorsOf(d);
    expect(errors[0]).toMatchObject({ path: 'required.1', message: expect.stringContaining('"fit.industry" is not a criterion this definition configures') });
    expect(errors[1]).toMatchObject({ path: 'required.2', message: expect.stringContaining('disqualifiers always apply') });
  });

  test('the change log must end with the current version; disqualifiers need their data', () => {
    const d = clone();
    d.version = 3;
    delete d.bant.budget.minimum;
    const paths = errorsOf(d).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['changeLog.1.version', 'disqualifiers.belowMinimumDealSize']));
  });

  test('bad JSON is reported, not thrown', () => {
    const r = importSqlDefinition('{ nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('(root)');
  });

  test('configured criteria follow the rules the definition sets', () => {
    expect(configuredCriterionIds(DEFAULT_SQL_DEFINITION)).not.toContain('fit.industry');
    expect(configuredCriterionIds(STRICT_SQL_DEFINITION)).toContain('fit.industry');
  });
});

describe('rep evidence validation', () => {
  test('a "met" needs the evidence the criterion asks for, with a clear message', () => {
    const r = validateRepEvidence(DEFAULT_SQL_DEFINITION, {
      budget: { status: 'met' },
      authority: { status: 'met', evidence: { name: 'Jordan' } },
      timeline: { status: 'met', evidence: { date: 'next spring' } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['budget.evidence']).toBe('"budget" marked met without evidence: it needs an amount and a currency, e.g. { "amount": 25000, "currency": "USD" }');
    expect(byPath['authority.evidence']).toMatch(/a named person and their role/);
    expect(Object.keys(byPath).some((p) => p.startsWith('timeline.evidence'))).toBe(true);
  });
  test('"unmet" may come without evidence; unknown criteria are rejected', () => {
    expect(validateRepEvidence(DEFAULT_SQL_DEFINITION, { need: { status: 'unmet' } }).ok).toBe(true);
    const r = validateRepEvidence(DEFAULT_SQL_DEFINITION, { 'fit.industry': { status: 'unmet' } });
    expect(r).toEqual({ ok: false, errors: [{ path: 'fit.industry', message: 'unknown criterion "fit.industry" for definition baton-default-sql v2' }] });
  });
  test('non-BANT criteria take a note', () => {
    expect(validateRepEvidence(DEFAULT_SQL_DEFINITION, { engagement: { status: 'met', evidence: { note: 'Asked for pricing on a call' } } }).ok).toBe(true);
    expect(validateRepEvidence(DEFAULT_SQL_DEFINITION, { engagement: { status: 'met', evidence: { problem: 'x' } } }).ok).toBe(false);
  });
});
