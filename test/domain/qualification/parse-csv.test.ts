import { describe, expect, test } from 'vitest';
import { CsvParseError, parseCsv } from '../../../lib/domain/qualification/parse-csv';

describe('parseCsv (RFC 4180)', () => {
  test('plain fields, CRLF and LF, no extra record for a trailing line break', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });
  test('quoted fields hold commas, doubled quotes and line breaks', () => {
    expect(parseCsv('x,y\n"a, b","say ""hi""\nthere"\n')).toEqual([['x', 'y'], ['a, b', 'say "hi"\nthere']]);
  });
  test('empty fields, quoted or not, and a last line without a break', () => {
    expect(parseCsv('a,,""\n,b,')).toEqual([['a', '', ''], ['', 'b', '']]);
  });
  test('a byte-order mark is dropped', () => {
    expect(parseCsv('\uFEFFid\n1')).toEqual([['id'], ['1']]);
  });
  test('an unclosed quote is an error naming the record', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvParseError);
    expect(() => parseCsv('a\n"open')).toThrow('record 2 (line 2): a quoted field is never closed');
  });
  test('a stray quote in an unquoted field, or text after a closing quote, is an error', () => {
    expect(() => parseCsv('ab"c\n')).toThrow(/a quote inside an unquoted field 1/);
    expect(() => parseCsv('"ab"c\n')).toThrow(/unexpected character after a closing quote/);
  });
});
