import { describe, expect, it } from 'vitest';
import { describeRecordedDisposition, type RecordedDisposition } from '../../../lib/domain/disposition/recorded-disposition';

const base: RecordedDisposition = { id: 'd-1', outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', reasonLabel: 'Competitor', by: 'Maya Chen', decidedAt: 1_700_000_000_000 };
const labels = new Map([['competitor', 'Went with a competitor']]);

describe('a disposition recorded in the CRM, in a rep\'s words', () => {
  it("names the reason by today's label, then by the label written with it, then by its id in words", () => {
    expect(describeRecordedDisposition(base, labels)).toEqual({ outcome: 'Rejected — Went with a competitor', by: 'Maya Chen', at: 1_700_000_000_000 });
    expect(describeRecordedDisposition(base, new Map()).outcome).toBe('Rejected — Competitor');
    expect(describeRecordedDisposition({ ...base, outcome: 'recycled', reasonId: 'bad_timing', reasonLabel: null }, new Map()).outcome).toBe('Recycled — Bad timing');
  });

  it('says the accepted stage when the CRM has it, and never an enum value', () => {
    const accepted = { ...base, outcome: 'accepted' as const, reasonId: null, reasonLabel: null };
    expect(describeRecordedDisposition({ ...accepted, acceptedStage: 'opportunity_created' }, labels).outcome).toBe('Accepted — opportunity created');
    expect(describeRecordedDisposition({ ...accepted, acceptedStage: 'working' }, labels).outcome).toBe('Accepted — working it');
    expect(describeRecordedDisposition({ ...accepted, acceptedStage: null, by: null }, labels)).toEqual({ outcome: 'Accepted', by: null, at: base.decidedAt });
    for (const outcome of ['accepted', 'recycled', 'rejected'] as const) {
      expect(describeRecordedDisposition({ ...base, outcome, reasonId: null, reasonLabel: null }, labels).outcome).not.toMatch(/_|^[a-z]/);
    }
  });
});
