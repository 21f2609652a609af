import { describe, expect, it } from 'vitest';
import { parseSalesforceTime, toSoqlDateTime, toSoqlString } from '../../../lib/crm/salesforce/salesforce-values';

describe('values', () => {
  it('parses Salesforce date-times (+0000) and dates (midnight UTC)', () => {
    expect(parseSalesforceTime('2026-11-16T09:12:30.000+0000')).toBe(Date.parse('2026-11-16T09:12:30Z'));
    expect(parseSalesforceTime('2026-11-16T10:12:30.000+0100')).toBe(Date.parse('2026-11-16T09:12:30Z'));
    expect(parseSalesforceTime('2026-11-16')).toBe(Date.UTC(2026, 10, 16));
    expect(parseSalesforceTime('')).toBeNull();
    expect(parseSalesforceTime('soon')).toBeNull();
    expect(parseSalesforceTime(null)).toBeNull();
  });

  it('writes SOQL literals that cannot break out of the string', () => {
    expect(toSoqlString("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
    expect(toSoqlDateTime(Date.parse('2026-10-01T00:00:00.123Z'))).toBe('2026-10-01T00:00:00Z');
  });
});
