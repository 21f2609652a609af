import { describe, expect, test } from 'vitest';
import { createDisposition, dispositionSchema, snapshotChecklist, validateDisposition } from '../../../lib/domain/disposition/disposition';
import type { DispositionContext, DispositionInput } from '../../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS, dispositionReasonListSchema } from '../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import { DAY, NOW, qualifiedInput } from '../qualification/make-lead';

const ID = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
const ctx: DispositionContext = { reasons: DEFAULT_DISPOSITION_REASONS, attemptPolicy: { unreachableAfterAttempts: 6 }, attemptsMade: 2, now: NOW };

const checklist = snapshotChecklist(evaluateDefinition(DEFAULT_SQL_DEFINITION, qualifiedInput()));
function input(over: Partial<DispositionInput>): DispositionInput {
  return {
    lead: { crm: 'hubspot', account: '4242', id: '1', objectType: 'contact' },
    rep: { id: '77', name: 'Sam Rep' },
    outcome: 'rejected',
    reasonId: 'no_budget',
    definitionId: DEFAULT_SQL_DEFINITION.id,
    definitionVersion: DEFAULT_SQL_DEFINITION.version,
    checklist,
    verdict: 'sales_qualified',
    sla: { state: 'met', responseTimeMs: 240_000 },
    responseTimeMs: 240_000,
    ...over,
  };
}
const errors = (i: unknown, c: DispositionContext = ctx) => {
  const r = validateDisposition(i, c);
  return r.ok ? [] : r.errors;
};

describe('validateDisposition', () => {
  test('a rejection with a reason is valid', () => {
    expect(errors(input({}))).toEqual([]);
  });
  test('rejected and recycled need a reason', () => {
    expect(errors(input({ reasonId: null }))).toEqual([{ path: 'reasonId', message: 'a rejected lead needs a reason' }]);
    expect(errors(input({ outcome: 'recycled', reasonId: null, recycleAt: NOW + 30 * DAY }))).toEqual([{ path: 'reasonId', message: 'a recycled lead needs a reason' }]);
  });
  test('the reason must exist, be active and fit the outcome', () => {
    expect(errors(input({ reasonId: 'too_lazy' }))[0]).toEqual({ path: 'reasonId', message: 'unknown reason "too_lazy" (reason list v1)' });
    expect(errors(input({ outcome: 'recycled', reasonId: 'competitor', recycleAt: NOW + DAY }))[0]?.message).toBe('reason "Competitor" cannot be used to mark a lead recycled');
    const retired = dispositionReasonListSchema.parse({ ...DEFAULT_DISPOSITION_REASONS, reasons: DEFAULT_DISPOSITION_REASONS.reasons.map((r) => (r.id === 'no_budget' ? { ...r, active: false } : r)) });
    expect(errors(input({}), { ...ctx, reasons: retired })[0]?.message).toBe('reason "No budget" is retired and can no longer be chosen');
  });
  test('recycled needs a future recycle date', () => {
    expect(errors(input({ outcome: 'recycled', reasonId: 'bad_timing' }))).toEqual([{ path: 'recycleAt', message: 'a recycled lead needs a recycle date' }]);
    expect(errors(input({ outcome: 'recycled', reasonId: 'bad_timing', recycleAt: NOW }))).toEqual([{ path: 'recycleAt', message: 'the recycle date must be in the future' }]);
    expect(errors(input({ outcome: 'recycled', reasonId: 'bad_timing', recycleAt: NOW + 90 * DAY }))).toEqual([]);
    expect(errors(input({ recycleAt: NOW + DAY }))).toEqual([{ path: 'recycleAt', message: 'only a recycled lead takes a recycle date' }]);
  });
  test('"unreachable" needs the attempts the policy requires', () => {
    expect(errors(input({ reasonId: 'unreachable' }))).toEqual([{ path: 'reasonId', message: '"Unreachable after repeated attempts" needs at least 6 contact attempts; 2 made so far' }]);
    expect(errors(input({ reasonId: 'unreachable' }), { ...ctx, attemptsMade: 6 })).toEqual([]);
  });
  test('accepted needs a stage and takes no reason', () => {
    expect(errors(input({ outcome: 'accepted', reasonId: null, acceptedStage: 'opportunity_created' }))).toEqual([]);
    expect(errors(input({ outcome: 'accepted', reasonId: 'no_need' })).map((e) => e.path)).toEqual(['acceptedStage', 'reasonId']);
  });
  test('objection tags come from the list, with free text alongside', () => {
    expect(errors(input({ objections: { tags: ['price', 'security_review'], text: 'Needs SOC 2 report' } }))).toEqual([]);
    expect(errors(input({ objections: { tags: ['price', 'vibes'], text: null } }))).toEqual([{ path: 'objections.tags.1', message: 'unknown objection tag "vibes"' }]);
  });
  test('schema errors are field-level', () => {
    const bad = { ...input({}), lead: { crm: 'hubspot', account: '', id: '1' }, outcome: 'maybe' };
    expect(errors(bad).map((e) => e.path).sort()).toEqual(['lead.account', 'outcome']);
  });
});

describe('createDisposition', () => {
  test('adds the given id and time, reason-list version and attempts; the record matches its schema', () => {
    const r = createDisposition(input({ objections: { tags: ['timing'], text: 'Budget frozen until Q2' }, note: 'Call back in March' }), { ...ctx, id: ID });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: ID, decidedAt: NOW, reasonListVersion: 1, attemptsMade: 2, outcome: 'rejected', reasonId: 'no_budget', definitionVersion: 2 });
    expect(r.value.checklist.find((c) => c.id === 'authority')).toMatchObject({ status: 'met', decidedBy: 'auto', evidence: { name: 'Dana Kim', role: 'VP Sales' } });
    expect(dispositionSchema.parse(r.value)).toEqual(r.value);
  });
  test('the same input, id and time give the same record (idempotent retries)', () => {
    expect(createDisposition(input({}), { ...ctx, id: ID })).toEqual(createDisposition(input({}), { ...ctx, id: ID }));
  });
  test('a non-UUID id is rejected along with any other error', () => {
    const r = createDisposition(input({ reasonId: null }), { ...ctx, id: 'abc' });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['id', 'reasonId']);
  });
});
