import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toCsv, toCsvCell } from '../../../components/insights/to-csv';
import { parseCsv } from '../../../lib/domain/qualification/parse-csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks; neutralises formulas but not our negative numbers', () => {
    expect(toCsvCell('Trade show, Berlin')).toBe('"Trade show, Berlin"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(toCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toCsvCell('-12.5%')).toBe('-12.5%');
    expect(toCsvCell('1,234')).toBe('"1,234"');
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  it('round-trips through a CSV parser (cells that do not start like a formula)', () => {
    const cell = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(toCsv(['h1', 'h2'], rows));
        expect(parsed.slice(1)).toEqual(rows);
      }),
    );
  });
});
