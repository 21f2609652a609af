import { describe, expect, test } from 'vitest';
import { parseBudgetAnswer, parseTimelineAnswer } from '../../../lib/domain/qualification/parse-form-answer';

describe('parseBudgetAnswer', () => {
  test.each([
    ['$50,000', { kind: 'amount', amount: 50000, currency: 'USD' }],
    ['50k USD', { kind: 'amount', amount: 50000, currency: 'USD' }],
    ['€1.5m', { kind: 'amount', amount: 1500000, currency: 'EUR' }],
    ['GBP 20000 per year', { kind: 'amount', amount: 20000, currency: 'GBP' }],
    ['10k-50k', { kind: 'amount', amount: 10000, currency: 'CAD' }],
    ['No budget', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['0-10k USD', { kind: 'unreadable', why: 'the range starts at zero' }],
    ['none', { kind: 'none' }],
  ])('%s', (text, expected) => {
    expect(parseBudgetAnswer(text, 'CAD')).toEqual(expected);
  });
  test('without a currency or a default, it is unreadable, not guessed', () => {
    expect(parseBudgetAnswer('50000')).toMatchObject({ kind: 'unreadable' });
    expect(parseBudgetAnswer('depends')).toMatchObject({ kind: 'unreadable' });
  });
});

describe('parseTimelineAnswer', () => {
  const at = Date.parse('2026-11-22T09:00:00Z');
  test.each([
    ['2027-01-15', '2027-01-15'],
    ['Within 30 days', '2026-12-22'],
    ['3-6 months', '2027-05-22'],
    ['2 weeks', '2026-12-06'],
    ['this quarter', '2026-12-31'],
    ['next quarter', '2027-03-31'],
    ['next month', '2026-12-22'],
    ['ASAP', '2026-12-22'],
    ['this year', '2026-12-31'],
    ['next year', '2027-12-31'],
    ['Q1 2027', '2027-03-31'],
    ["by Q3 '27", '2027-09-30'],
  ])('%s', (text, date) => {
    expect(parseTimelineAnswer(text, at)).toMatchObject({ kind: 'date', date });
  });
  test('no timeline and unreadable answers', () => {
    expect(parseTimelineAnswer('Just researching', at)).toEqual({ kind: 'none' });
    expect(parseTimelineAnswer('soon-ish', at)).toMatchObject({ kind: 'unreadable' });
  });
});
