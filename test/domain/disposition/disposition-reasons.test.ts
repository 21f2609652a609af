import { describe, expect, test } from 'vitest';
import { DEFAULT_DISPOSITION_REASONS, exportDispositionReasonList, importDispositionReasonList } from '../../../lib/domain/disposition/disposition-reasons';

describe('disposition reason list', () => {
  test('the default list has every reason from the taxonomy and the standard objection tags', () => {
    expect(DEFAULT_DISPOSITION_REASONS.reasons.map((r) => r.id)).toEqual([
      'no_budget', 'no_authority', 'no_need', 'bad_timing', 'wrong_geography', 'below_minimum_deal_size', 'competitor', 'student', 'bad_data', 'duplicate', 'existing_customer', 'unreachable',
    ]);
    expect(DEFAULT_DISPOSITION_REASONS.reasons.find((r) => r.id === 'unreachable')?.requiresAttempts).toBe(true);
    expect(DEFAULT_DISPOSITION_REASONS.objectionTags.map((t) => t.id)).toEqual(['price', 'competitor', 'security_review', 'timing', 'integration', 'authority']);
  });
  test('export and import round-trip', () => {
    expect(importDispositionReasonList(exportDispositionReasonList(DEFAULT_DISPOSITION_REASONS))).toEqual({ ok: true, value: DEFAULT_DISPOSITION_REASONS });
  });
  test('an admin edit is versioned: a new version needs its change-log entry; ids are unique', () => {
    const edited = {
      ...DEFAULT_DISPOSITION_REASONS,
      version: 2,
      reasons: [...DEFAULT_DISPOSITION_REASONS.reasons, { id: 'no_budget', label: 'Again', appliesTo: ['rejected'] }],
    };
    const r = importDispositionReasonList(JSON.stringify(edited));
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'reasons.12.id', message: 'duplicate id "no_budget"' },
      { path: 'changeLog.0.version', message: 'the last change-log entry must describe the current version 2' },
    ]);
  });
  test('field errors name the path', () => {
    const r = importDispositionReasonList(JSON.stringify({ ...DEFAULT_DISPOSITION_REASONS, reasons: [{ id: 'Bad Id', label: '', appliesTo: [] }] }));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['reasons.0.id', 'reasons.0.label', 'reasons.0.appliesTo']);
  });
});
