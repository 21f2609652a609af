import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsvField } from '../../../lib/crm/salesforce/salesforce-csv';

describe('parseCsv (Bulk API 2.0 results)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, LF or CRLF', () => {
    expect(parseCsv('"Id","Owner.Name","Description"\n00Q1,"Smith, Ann","said ""hi""\nthen left"\r\n00Q2,,x\n')).toEqual([
      ['Id', 'Owner.Name', 'Description'],
      ['00Q1', 'Smith, Ann', 'said "hi"\nthen left'],
      ['00Q2', '', 'x'],
    ]);
  });

  it('reads back what toCsvField wrote, whatever the text', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') , maxLength: 8 });
    const row = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map(toCsvField).join(',')).join('\n') + '\n';
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});
