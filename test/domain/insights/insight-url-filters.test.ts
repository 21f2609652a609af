import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_PAGE_FILTERS, parseDay, parseUrlFilters, toUrlSearch } from '../../../lib/domain/insights/insight-url-filters';
import type { PageFilters } from '../../../lib/domain/insights/insight-url-filters';

describe('parseUrlFilters', () => {
  it('reads every filter from its parameter', () => {
    const { filters, ignored } = parseUrlFilters('?from=2026-09-01&to=2026-10-31&source=PAID_SEARCH&campaign=Q4%20Webinar%20Series&rep=o7&version=baton-default-sql%402&deal=30000');
    expect(ignored).toEqual([]);
    expect(filters).toEqual({ from: '2026-09-01', to: '2026-10-31', source: 'PAID_SEARCH', campaign: 'Q4 Webinar Series', rep: 'o7', version: 'baton-default-sql@2', dealValue: '30000' });
  });

  it('ignores an invalid parameter, names it and why, and keeps the valid ones', () => {
    const { filters, ignored } = parseUrlFilters('?from=2026-02-31&to=yesterday&source=PAID_SEARCH&deal=-5&campaign=%20%20&rep=' + 'x'.repeat(201));
    expect(filters).toEqual({ ...NO_PAGE_FILTERS, source: 'PAID_SEARCH' });
    expect(ignored).toEqual([
      'from="2026-02-31" is not a calendar date',
      'to="yesterday" is not a date (YYYY-MM-DD)',
      'campaign="  " is empty',
      `rep="${'x'.repeat(40)}…" is longer than 200 characters`,
      'deal="-5" is not an amount (a number of at least 0)',
    ]);
  });

  it('drops an end date before the start date, saying so', () => {
    const { filters, ignored } = parseUrlFilters('?from=2026-10-01&to=2026-09-01');
    expect(filters).toEqual({ ...NO_PAGE_FILTERS, from: '2026-10-01' });
    expect(ignored).toEqual(['to=2026-09-01 is before from=2026-10-01']);
  });

  it('leaves unknown parameters alone and reads "$30,000" as an amount', () => {
    expect(parseUrlFilters('?utm_source=mail&deal=%2430%2C000')).toEqual({ filters: { ...NO_PAGE_FILTERS, dealValue: '30000' }, ignored: [] });
  });

  it('never throws, whatever the query string (property)', () => {
    fc.assert(fc.property(fc.string(), (search) => void parseUrlFilters(search)));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('from', 'to', 'source', 'deal', 'rep'), fc.string()), (params) => void parseUrlFilters(new URLSearchParams(params).toString())));
  });
});

describe('toUrlSearch', () => {
  it('writes only the filters that are set, in a fixed order', () => {
    expect(toUrlSearch(NO_PAGE_FILTERS)).toBe('');
    expect(toUrlSearch({ ...NO_PAGE_FILTERS, campaign: 'Q4 Webinar Series', source: 'ORGANIC_SEARCH', dealValue: '$1,500' })).toBe('?source=ORGANIC_SEARCH&campaign=Q4+Webinar+Series&deal=1500');
  });

  it('what it writes reads back as the same filters (property)', () => {
    const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
    const text = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s !== '');
    const filters: fc.Arbitrary<PageFilters> = fc.record({
      from: fc.oneof(fc.constant(''), day),
      to: fc.oneof(fc.constant(''), day),
      source: fc.oneof(fc.constant(''), text),
      campaign: fc.oneof(fc.constant(''), text),
      rep: fc.oneof(fc.constant(''), text),
      version: fc.oneof(fc.constant(''), text),
      dealValue: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1e9 }).map(String)),
    }).filter((f) => !(f.from && f.to && f.to < f.from));
    fc.assert(fc.property(filters, (f) => {
      expect(parseUrlFilters(toUrlSearch(f))).toEqual({ filters: f, ignored: [] });
    }));
  });
});

describe('parseDay', () => {
  it('accepts real days only', () => {
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-1-01')).toBeNull();
  });
});
