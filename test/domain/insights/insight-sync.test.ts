import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChannel } from '../../../lib/crm/hubspot/hubspot-sources';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import { INCREMENTAL_MARGIN_MS, incrementalSince, isInReadWindow, mergeInsightRecords } from '../../../lib/domain/insights/insight-sync';

const T0 = Date.UTC(2026, 6, 1);
const HOUR = 3_600_000;

function record(id: string, handedOffAt: number | null, decidedAt: number | null = null, campaign = 'A'): InsightRecord {
  return {
    contactId: id,
    campaign,
    source: 'PAID_SEARCH',
    channel: toChannel('PAID_SEARCH'),
    ownerId: 'o1',
    ownerName: null,
    handedOffAt,
    lastTouchedAt: null,
    leadStatus: null,
    slaTier: null,
    disposition:
      decidedAt === null
        ? null
        : { outcome: 'accepted', acceptedStage: null, reasonId: null, reasonLabel: null, objections: [], definitionVersion: null, slaOutcome: null, responseMinutes: null, decidedAt, rep: null },
    deal: null,
  };
}

describe('isInReadWindow', () => {
  it('is in when handed off or dispositioned in [from, to), like the CRM search', () => {
    expect(isInReadWindow(record('1', T0), T0, T0 + HOUR)).toBe(true);
    expect(isInReadWindow(record('1', T0 + HOUR), T0, T0 + HOUR)).toBe(false);
    expect(isInReadWindow(record('1', T0 - HOUR, T0 + 1), T0, T0 + HOUR)).toBe(true);
    expect(isInReadWindow(record('1', null, null), T0, T0 + HOUR)).toBe(false);
    expect(isInReadWindow(record('1', T0 - 1, T0 + HOUR), T0, T0 + HOUR)).toBe(false);
  });
});

describe('incrementalSince', () => {
  it('asks for changes from before the last read started, by the margin', () => {
    expect(incrementalSince(T0)).toBe(T0 - INCREMENTAL_MARGIN_MS);
    expect(INCREMENTAL_MARGIN_MS).toBeGreaterThanOrEqual(60_000);
  });
});

describe('mergeInsightRecords', () => {
  it('replaces a changed record in place, appends new ones, and drops what left the window', () => {
    const base = [record('1', T0), record('2', T0 + HOUR), record('3', T0 + 2 * HOUR)];
    const merged = mergeInsightRecords(base, [record('2', T0 + HOUR, T0 + 2 * HOUR, 'B'), record('4', T0 + 3 * HOUR), record('3', T0 - 10 * HOUR)], T0, T0 + 10 * HOUR);
    expect(merged.map((r) => [r.contactId, r.campaign])).toEqual([
      ['1', 'A'],
      ['2', 'B'],
      ['4', 'A'],
    ]);
  });

  it('holds each contact once, the changed version wins, and only in-window records (property)', () => {
    const at = fc.option(fc.integer({ min: T0 - 5 * HOUR, max: T0 + 15 * HOUR }), { nil: null });
    const records = (campaign: string) => fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), at, at).map(([id, h, d]) => record(String(id), h, d, campaign)), { maxLength: 40 });
    fc.assert(
      fc.property(records('base'), records('changed'), (base, changed) => {
        const merged = mergeInsightRecords(base, changed, T0, T0 + 10 * HOUR);
        const ids = merged.map((r) => r.contactId);
        expect(new Set(ids).size).toBe(ids.length);
        const lastChanged = new Map(changed.map((r) => [r.contactId, r]));
        const lastBase = new Map(base.map((r) => [r.contactId, r]));
        for (const id of new Set([...lastBase.keys(), ...lastChanged.keys()])) {
          const winner = lastChanged.get(id) ?? (lastBase.get(id) as InsightRecord);
          const found = merged.find((r) => r.contactId === id);
          if (isInReadWindow(winner, T0, T0 + 10 * HOUR)) expect(found).toBe(winner);
          else expect(found).toBeUndefined();
        }
      }),
    );
  });
});
