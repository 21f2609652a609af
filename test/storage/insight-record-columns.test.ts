import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISPOSITION_OUTCOMES } from '../../lib/domain/disposition/disposition-reasons';
import { insightRecordSchema } from '../../lib/domain/insights/insight-record';
import type { InsightRecord } from '../../lib/domain/insights/insight-record';
import { checksumInsightColumns, decodeInsightRecords, encodeInsightRecords, EXTRA_COLUMN_COUNT, INSIGHT_COLUMN_COUNT } from '../../lib/storage/insight-record-columns';

const text = fc.option(fc.string(), { nil: null });
const time = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null });
const recordArb: fc.Arbitrary<InsightRecord> = fc.record({
  contactId: fc.string({ minLength: 1 }),
  campaign: text,
  source: text,
  channel: fc.string(),
  ownerId: text,
  ownerName: text,
  handedOffAt: time,
  lastTouchedAt: time,
  leadStatus: text,
  slaTier: text,
  disposition: fc.option(
    fc.record({
      outcome: fc.constantFrom(...DISPOSITION_OUTCOMES),
      acceptedStage: fc.constantFrom('working' as const, 'opportunity_created' as const, null),
      reasonId: text,
      reasonLabel: text,
      objections: fc.array(fc.string(), { maxLength: 4 }),
      definitionVersion: text,
      slaOutcome: text,
      responseMinutes: fc.option(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), { nil: null }),
      decidedAt: fc.double({ noNaN: true, noDefaultInfinity: true }),
      rep: text,
    }),
    { nil: null },
  ),
  deal: fc.option(fc.record({ amount: time, stage: text, won: fc.boolean(), closed: fc.boolean() }), { nil: null }),
  // The optional facts: absent, never null, after a round trip.
  name: fc.option(fc.string(), { nil: undefined }),
  recordUrl: fc.option(fc.string(), { nil: undefined }),
  engagedAt: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
  firstTouchedAt: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
});

const sample: InsightRecord = {
  contactId: '7',
  campaign: 'Q4',
  source: 'PAID_SEARCH',
  channel: 'paid',
  ownerId: 'o1',
  ownerName: 'Ana',
  handedOffAt: 1000,
  lastTouchedAt: null,
  leadStatus: null,
  slaTier: null,
  disposition: { outcome: 'rejected', acceptedStage: null, reasonId: 'no_budget', reasonLabel: null, objections: ['price', 'timing'], definitionVersion: 'default@1', slaOutcome: 'met', responseMinutes: 12, decidedAt: 2000, rep: 'Ana' },
  deal: { amount: null, stage: 'closedwon', won: true, closed: true },
};

describe('insight record columns', () => {
  it('gives back exactly the records it was given, valid under insightRecordSchema', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const decoded = decodeInsightRecords(encodeInsightRecords(records));
        expect(decoded).toEqual({ ok: true, records });
        if (decoded.ok) for (const record of decoded.records) insightRecordSchema.parse(record);
      }),
    );
  });

  it('shares one string table across columns (20,000 records repeat a few campaigns and reps)', () => {
    const columns = encodeInsightRecords([sample, { ...sample, contactId: '8' }]);
    expect(JSON.parse(columns.strings)).toHaveLength(13);
    expect(columns.numbers).toHaveLength(2 * (INSIGHT_COLUMN_COUNT + EXTRA_COLUMN_COUNT) + 4);
  });

  it('decodes a read persisted before the speed-to-lead columns, marked legacy', () => {
    const full = encodeInsightRecords([{ ...sample, name: 'Ada Lovelace', engagedAt: 1, firstTouchedAt: 2 }]);
    const old = { ...full, numbers: full.numbers.slice(0, full.numbers.length - EXTRA_COLUMN_COUNT) };
    const decoded = decodeInsightRecords(old);
    expect(decoded).toMatchObject({ ok: true, legacy: true });
    expect(decoded.ok && decoded.records[0]?.name).toBeUndefined();
    expect(decodeInsightRecords(full)).toMatchObject({ ok: true, records: [{ name: 'Ada Lovelace', engagedAt: 1, firstTouchedAt: 2 }] });
  });

  it('reports damaged columns instead of rebuilding records from them', () => {
    const good = encodeInsightRecords([sample]);
    const damaged = (change: (numbers: Float64Array) => void) => {
      const numbers = good.numbers.slice();
      change(numbers);
      return decodeInsightRecords({ ...good, numbers });
    };
    expect(damaged((n) => (n[0] = 99))).toEqual({ ok: false, why: 'record 0: bad contact id' });
    expect(damaged((n) => (n[0] = -1))).toEqual({ ok: false, why: 'record 0: bad contact id' });
    expect(damaged((n) => (n[1] = 0.5))).toEqual({ ok: false, why: 'record 0: bad campaign' });
    expect(damaged((n) => (n[6] = Number.POSITIVE_INFINITY))).toEqual({ ok: false, why: 'record 0: bad handoff time' });
    expect(damaged((n) => (n[10] = 3))).toEqual({ ok: false, why: 'record 0: bad outcome' });
    expect(damaged((n) => (n[16] = -4))).toEqual({ ok: false, why: 'record 0: bad response minutes' });
    expect(damaged((n) => (n[17] = Number.NaN))).toEqual({ ok: false, why: 'record 0: bad decision time' });
    expect(damaged((n) => (n[19] = 50))).toEqual({ ok: false, why: 'record 0: bad objection count' });
    expect(damaged((n) => (n[20] = 4))).toEqual({ ok: false, why: 'record 0: bad deal' });
    expect(decodeInsightRecords({ ...good, numbers: good.numbers.slice(0, 10) })).toEqual({ ok: false, why: '10 numbers for 1 records' });
    expect(decodeInsightRecords({ ...good, count: 1.5 })).toMatchObject({ ok: false });
    expect(decodeInsightRecords({ ...good, strings: '{"not":"a list"}' })).toEqual({ ok: false, why: 'the string table is not an array' });
    expect(decodeInsightRecords({ ...good, strings: '["ok", 3]' })).toEqual({ ok: false, why: 'string table entry 1 is not a string' });
    expect(decodeInsightRecords({ ...good, strings: '["trunc' })).toEqual({ ok: false, why: 'the string table is not JSON' });
  });

  it('changes its checksum when any number or character changes', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat({ max: 63 }), fc.boolean(), (records, at, bit, inStrings) => {
        const columns = encodeInsightRecords(records);
        const before = checksumInsightColumns(columns);
        if (inStrings) {
          const i = at % columns.strings.length;
          const strings = columns.strings.slice(0, i) + String.fromCharCode(columns.strings.charCodeAt(i) ^ (1 << (bit % 16))) + columns.strings.slice(i + 1);
          expect(checksumInsightColumns({ ...columns, strings })).not.toBe(before);
        } else {
          const numbers = columns.numbers.slice();
          const bytes = new Uint8Array(numbers.buffer);
          const i = at % bytes.length;
          bytes[i] = (bytes[i] as number) ^ (1 << (bit % 8));
          expect(checksumInsightColumns({ ...columns, numbers })).not.toBe(before);
        }
        expect(checksumInsightColumns(encodeInsightRecords(records))).toBe(before);
      }),
    );
  });
});
