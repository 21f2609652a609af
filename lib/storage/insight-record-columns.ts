import { DISPOSITION_OUTCOMES } from '../domain/disposition/disposition-reasons';
import type { InsightRecord } from '../domain/insights/insight-record';

/*
 * The compact form Insights persists its records in: one Float64Array (every field of every
 * record, column by column) and one JSON string (the distinct strings the columns point into).
 *
 * Why: a restarted service worker read 20,000 records back as 20,000 objects, and IndexedDB's
 * structured clone of them plus zod's object validation (on its slow path: the extension's CSP
 * blocks zod's JIT) held the worker for 200–490 ms before it could answer. A typed array clones as
 * one block of bytes, its elements cannot be anything but numbers, and checking the columns is
 * one tight loop; the records are rebuilt from it (checked as they are built), so what comes back
 * has the same guarantees `insightRecordSchema` gives, at a fraction of the cost.
 *
 * Strings are indexes into the string table (-1 for null); numbers are NaN for null. Pure.
 */

const ACCEPTED_STAGES = ['working', 'opportunity_created'] as const;

/** Column order in `numbers` (each column is `count` long); objection indexes follow the columns. */
const C = {
  contactId: 0,
  campaign: 1,
  source: 2,
  channel: 3,
  ownerId: 4,
  ownerName: 5,
  handedOffAt: 6,
  lastTouchedAt: 7,
  leadStatus: 8,
  slaTier: 9,
  /** -1: no disposition; otherwise an index into DISPOSITION_OUTCOMES. */
  outcome: 10,
  /** -1: none; otherwise an index into ACCEPTED_STAGES. */
  acceptedStage: 11,
  reasonId: 12,
  reasonLabel: 13,
  definitionVersion: 14,
  slaOutcome: 15,
  responseMinutes: 16,
  decidedAt: 17,
  rep: 18,
  objectionCount: 19,
  /** -1: no deal; otherwise bit 1 won, bit 2 closed. */
  deal: 20,
  dealAmount: 21,
  dealStage: 22,
} as const;
export const INSIGHT_COLUMN_COUNT = 23;

/**
 * Columns added later (name, record link, engagement and first-touch times for speed to lead and
 * the lists behind a count), after the objections so a read persisted before them still decodes:
 * it comes back without these fields, marked `legacy` so the caller reads the CRM again in full.
 */
const X = { name: 0, recordUrl: 1, engagedAt: 2, firstTouchedAt: 3 } as const;
export const EXTRA_COLUMN_COUNT = 4;

export interface InsightColumns {
  count: number;
  /** JSON array of the distinct strings the string columns point into. */
  strings: string;
  numbers: Float64Array;
}

export function encodeInsightRecords(records: readonly InsightRecord[]): InsightColumns {
  const count = records.length;
  const table: string[] = [];
  const indexOf = new Map<string, number>();
  const str = (value: string | null): number => {
    if (value === null) return -1;
    let at = indexOf.get(value);
    if (at === undefined) {
      at = table.length;
      table.push(value);
      indexOf.set(value, at);
    }
    return at;
  };
  const num = (value: number | null | undefined): number => (value === null || value === undefined ? Number.NaN : value);
  const objections: number[] = [];
  const objectionTotal = records.reduce((sum, r) => sum + (r.disposition?.objections.length ?? 0), 0);
  const numbers = new Float64Array(INSIGHT_COLUMN_COUNT * count + objectionTotal + EXTRA_COLUMN_COUNT * count);
  const extras = INSIGHT_COLUMN_COUNT * count + objectionTotal;
  const setExtra = (column: number, i: number, value: number) => (numbers[extras + column * count + i] = value);
  const set = (column: number, i: number, value: number) => (numbers[column * count + i] = value);
  records.forEach((r, i) => {
    const d = r.disposition;
    set(C.contactId, i, str(r.contactId));
    set(C.campaign, i, str(r.campaign));
    set(C.source, i, str(r.source));
    set(C.channel, i, str(r.channel));
    set(C.ownerId, i, str(r.ownerId));
    set(C.ownerName, i, str(r.ownerName));
    set(C.handedOffAt, i, num(r.handedOffAt));
    set(C.lastTouchedAt, i, num(r.lastTouchedAt));
    set(C.leadStatus, i, str(r.leadStatus));
    set(C.slaTier, i, str(r.slaTier));
    set(C.outcome, i, d ? DISPOSITION_OUTCOMES.indexOf(d.outcome) : -1);
    set(C.acceptedStage, i, d?.acceptedStage ? ACCEPTED_STAGES.indexOf(d.acceptedStage) : -1);
    set(C.reasonId, i, str(d?.reasonId ?? null));
    set(C.reasonLabel, i, str(d?.reasonLabel ?? null));
    set(C.definitionVersion, i, str(d?.definitionVersion ?? null));
    set(C.slaOutcome, i, str(d?.slaOutcome ?? null));
    set(C.responseMinutes, i, num(d?.responseMinutes));
    set(C.decidedAt, i, num(d?.decidedAt));
    set(C.rep, i, str(d?.rep ?? null));
    set(C.objectionCount, i, d?.objections.length ?? 0);
    for (const tag of d?.objections ?? []) objections.push(str(tag));
    set(C.deal, i, r.deal ? (r.deal.won ? 1 : 0) | (r.deal.closed ? 2 : 0) : -1);
    set(C.dealAmount, i, num(r.deal?.amount));
    set(C.dealStage, i, str(r.deal?.stage ?? null));
    setExtra(X.name, i, str(r.name ?? null));
    setExtra(X.recordUrl, i, str(r.recordUrl ?? null));
    setExtra(X.engagedAt, i, num(r.engagedAt));
    setExtra(X.firstTouchedAt, i, num(r.firstTouchedAt));
  });
  numbers.set(objections, INSIGHT_COLUMN_COUNT * count);
  return { count, strings: JSON.stringify(table), numbers };
}

/** `legacy`: persisted before the extra columns (the records lack their fields). */
export type DecodeResult = { ok: true; records: InsightRecord[]; legacy?: true } | { ok: false; why: string };

/**
 * The records back from their compact form, checked while they are rebuilt: every index points
 * into its table, every number is finite (or null), lengths add up. Anything else is reported
 * with where it was found, never half-decoded.
 */
export function decodeInsightRecords(columns: InsightColumns): DecodeResult {
  const { count, numbers } = columns;
  if (!Number.isSafeInteger(count) || count < 0) return { ok: false, why: `bad record count ${count}` };
  if (numbers.length < INSIGHT_COLUMN_COUNT * count) return { ok: false, why: `${numbers.length} numbers for ${count} records` };
  let table: unknown;
  try {
    table = JSON.parse(columns.strings);
  } catch {
    return { ok: false, why: 'the string table is not JSON' };
  }
  if (!Array.isArray(table)) return { ok: false, why: 'the string table is not an array' };
  for (let i = 0; i < table.length; i++) if (typeof table[i] !== 'string') return { ok: false, why: `string table entry ${i} is not a string` };
  const strings = table as string[];

  class Invalid extends Error {}
  const fail = (what: string, i: number): never => {
    throw new Invalid(`record ${i}: bad ${what}`);
  };
  const at = (column: number, i: number) => numbers[column * count + i] as number;
  const index = (column: number, i: number, what: string, limit: number): number => {
    const v = at(column, i);
    if (!Number.isInteger(v) || v < -1 || v >= limit) fail(what, i);
    return v;
  };
  const str = (column: number, i: number, what: string): string | null => {
    const v = index(column, i, what, strings.length);
    return v === -1 ? null : (strings[v] as string);
  };
  const required = (column: number, i: number, what: string): string => str(column, i, what) ?? fail(what, i);
  const num = (column: number, i: number, what: string): number | null => {
    const v = at(column, i);
    if (Number.isNaN(v)) return null;
    if (!Number.isFinite(v)) fail(what, i);
    return v;
  };

  const records: InsightRecord[] = new Array(count);
  let next = INSIGHT_COLUMN_COUNT * count;
  try {
    for (let i = 0; i < count; i++) {
      const outcome = index(C.outcome, i, 'outcome', DISPOSITION_OUTCOMES.length);
      const objectionCount = at(C.objectionCount, i);
      if (!Number.isInteger(objectionCount) || objectionCount < 0 || next + objectionCount > numbers.length) fail('objection count', i);
      const objections: string[] = [];
      for (let k = 0; k < objectionCount; k++) {
        const v = numbers[next + k] as number;
        if (!Number.isInteger(v) || v < 0 || v >= strings.length) fail('objection', i);
        objections.push(strings[v] as string);
      }
      next += objectionCount;
      let disposition: InsightRecord['disposition'] = null;
      if (outcome !== -1) {
        const stage = index(C.acceptedStage, i, 'accepted stage', ACCEPTED_STAGES.length);
        const minutes = num(C.responseMinutes, i, 'response minutes');
        if (minutes !== null && minutes < 0) fail('response minutes', i);
        disposition = {
          outcome: DISPOSITION_OUTCOMES[outcome] as (typeof DISPOSITION_OUTCOMES)[number],
          acceptedStage: stage === -1 ? null : (ACCEPTED_STAGES[stage] as (typeof ACCEPTED_STAGES)[number]),
          reasonId: str(C.reasonId, i, 'reason id'),
          reasonLabel: str(C.reasonLabel, i, 'reason label'),
          objections,
          definitionVersion: str(C.definitionVersion, i, 'definition version'),
          slaOutcome: str(C.slaOutcome, i, 'SLA outcome'),
          responseMinutes: minutes,
          decidedAt: num(C.decidedAt, i, 'decision time') ?? fail('decision time', i),
          rep: str(C.rep, i, 'rep'),
        };
      } else if (objectionCount !== 0) {
        fail('objections without a disposition', i);
      }
      const dealFlags = index(C.deal, i, 'deal', 4);
      records[i] = {
        contactId: required(C.contactId, i, 'contact id'),
        campaign: str(C.campaign, i, 'campaign'),
        source: str(C.source, i, 'source'),
        channel: required(C.channel, i, 'channel'),
        ownerId: str(C.ownerId, i, 'owner id'),
        ownerName: str(C.ownerName, i, 'owner name'),
        handedOffAt: num(C.handedOffAt, i, 'handoff time'),
        lastTouchedAt: num(C.lastTouchedAt, i, 'last touch time'),
        leadStatus: str(C.leadStatus, i, 'lead status'),
        slaTier: str(C.slaTier, i, 'SLA tier'),
        disposition,
        deal: dealFlags === -1 ? null : { amount: num(C.dealAmount, i, 'deal amount'), stage: str(C.dealStage, i, 'deal stage'), won: (dealFlags & 1) !== 0, closed: (dealFlags & 2) !== 0 },
      };
    }
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, why: err.message };
    throw err;
  }
  const left = numbers.length - next;
  const legacy = left === 0 && count > 0;
  if (left !== 0 && left !== EXTRA_COLUMN_COUNT * count) return { ok: false, why: `${left} numbers left over` };
  if (!legacy && count > 0) {
    const extra = (column: number, i: number) => numbers[next + column * count + i] as number;
    try {
      for (let i = 0; i < count; i++) {
        const record = records[i] as InsightRecord;
        const text = (column: number, what: string) => {
          const v = extra(column, i);
          if (!Number.isInteger(v) || v < -1 || v >= strings.length) fail(what, i);
          return v === -1 ? null : (strings[v] as string);
        };
        const time = (column: number, what: string) => {
          const v = extra(column, i);
          if (Number.isNaN(v)) return null;
          if (!Number.isFinite(v)) fail(what, i);
          return v;
        };
        // Set only when present, so a record round-trips to an equal one.
        const name = text(X.name, 'name');
        const recordUrl = text(X.recordUrl, 'record link');
        const engagedAt = time(X.engagedAt, 'engagement time');
        const firstTouchedAt = time(X.firstTouchedAt, 'first touch time');
        if (name !== null) record.name = name;
        if (recordUrl !== null) record.recordUrl = recordUrl;
        if (engagedAt !== null) record.engagedAt = engagedAt;
        if (firstTouchedAt !== null) record.firstTouchedAt = firstTouchedAt;
      }
    } catch (err) {
      if (err instanceof Invalid) return { ok: false, why: err.message };
      throw err;
    }
  }
  // contactId is required non-empty by insightRecordSchema.
  for (let i = 0; i < count; i++) if ((records[i] as InsightRecord).contactId === '') return { ok: false, why: `record ${i}: empty contact id` };
  return legacy ? { ok: true, records, legacy } : { ok: true, records };
}

/**
 * A 64-bit checksum (two 32-bit multiplicative lanes) over the count, the string table and every
 * byte of the numbers: ~1 M steps for 20,000 records, a few ms. Synchronous on purpose: the write
 * is issued in the same task as before (an awaited SHA-256 let a restarted worker's read overtake
 * the write), and it is cheaper to check on read. It guards against damage, not tampering: what
 * reads it back is the extension's own IndexedDB. Each step is a bijection of a lane's state, so
 * any single changed word always changes the result.
 */
export function checksumInsightColumns(columns: InsightColumns): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const step = (word: number) => {
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul((b ^ word) + 0x7f4a7c15, 0x5bd1e995);
    b ^= b >>> 15;
  };
  step(columns.count);
  const { strings, numbers } = columns;
  for (let i = 0; i < strings.length; i++) step(strings.charCodeAt(i));
  step(strings.length);
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
  for (let i = 0; i < words.length; i++) step(words[i] as number);
  step(words.length);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
