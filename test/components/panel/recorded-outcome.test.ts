import { describe, expect, it } from 'vitest';
import { preferRecordedOutcome } from '../../../components/panel/recorded-outcome';

const mine = { outcome: 'Accepted — working it', by: 'Sam Ortiz', at: 2_000 };
const crm = { outcome: 'Rejected — Competitor', by: 'Maya Chen', at: 1_000 };

describe("which recorded outcome the header shows: this browser's newer entry, else the CRM's", () => {
  it("prefers this browser's entry when it is as new or newer", () => {
    expect(preferRecordedOutcome(mine, crm)).toBe(mine);
    expect(preferRecordedOutcome(mine, { ...crm, at: 2_000 })).toBe(mine);
  });
  it("shows the CRM's (another rep's) when it is newer or this browser has none", () => {
    expect(preferRecordedOutcome(mine, { ...crm, at: 3_000 })).toEqual({ ...crm, at: 3_000 });
    expect(preferRecordedOutcome(null, crm)).toBe(crm);
    expect(preferRecordedOutcome(undefined, crm)).toBe(crm);
  });
  it('shows nothing when neither has one', () => {
    expect(preferRecordedOutcome(null, null)).toBeNull();
    expect(preferRecordedOutcome(undefined, undefined)).toBeNull();
    expect(preferRecordedOutcome(mine, undefined)).toBe(mine);
  });
});
