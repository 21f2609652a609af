import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { toChannel } from '../../lib/crm/hubspot/hubspot-sources';
import { aggregateInsights } from '../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../lib/domain/insights/insights-report';
import type { InsightsResult } from '../../lib/messaging/insights-protocol';
import { checksumInsightColumns } from '../../lib/storage/insight-record-columns';
import { createInsightsReadStore, SNAPSHOTS_KEPT, STORED_INSIGHTS_VERSION } from '../../lib/storage/insights-read-store';
import type { StoredInsightsRead } from '../../lib/storage/insights-read-store';
import { createKeyValueStore } from '../../lib/storage/idb-key-value';

const T0 = Date.UTC(2026, 10, 1);

function entry(key: string): StoredInsightsRead {
  return {
    version: STORED_INSIGHTS_VERSION,
    key,
    crm: 'sandbox',
    from: T0 - 182 * 86_400_000,
    to: T0,
    syncedAt: T0,
    fullReadAt: T0,
    windows: 2,
    requests: 9,
    warnings: [],
    records: [
      { contactId: '7', campaign: 'Q4', source: 'PAID_SEARCH', channel: toChannel('PAID_SEARCH'), ownerId: 'o1', ownerName: 'Ana', handedOffAt: T0 - 1000, lastTouchedAt: null, leadStatus: null, slaTier: null, disposition: null, deal: null },
    ],
  };
}

describe('insights read store', () => {
  it('keeps a read per connection across store instances (a worker restart)', async () => {
    const factory = new IDBFactory();
    await createInsightsReadStore({ factory }).write(entry('sandbox|http://127.0.0.1:4477'));
    await createInsightsReadStore({ factory }).write(entry('hubspot|123'));
    const again = createInsightsReadStore({ factory });
    expect(await again.read('sandbox|http://127.0.0.1:4477')).toEqual(entry('sandbox|http://127.0.0.1:4477'));
    expect((await again.read('hubspot|123'))?.key).toBe('hubspot|123');
    expect(await again.read('hubspot|999')).toBeNull();
  });

  it('drops a corrupt or older-format entry, with a log line, so the CRM is read again', async () => {
    const factory = new IDBFactory();
    const raw = createKeyValueStore({ dbName: 'baton-insights', storeName: 'reads', factory });
    await raw.put('hubspot|1', { ...entry('hubspot|1'), version: 0 });
    await raw.put('hubspot|2', { ...entry('hubspot|2'), records: [{ contactId: '' }] });
    await raw.put('hubspot|3', entry('hubspot|other'));
    const logs: string[] = [];
    const store = createInsightsReadStore({ factory, log: (message) => logs.push(message) });
    for (const key of ['hubspot|1', 'hubspot|2', 'hubspot|3']) expect(await store.read(key)).toBeNull();
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/hubspot\|1 is invalid or from an older version; it was dropped/);
    // Dropped, not just skipped: the raw entries are gone.
    for (const key of ['hubspot|1', 'hubspot|2', 'hubspot|3']) expect(await raw.get(key)).toBeUndefined();
  });

  it('keeps the records compact (one typed array and one string table), with their checksum', async () => {
    const factory = new IDBFactory();
    await createInsightsReadStore({ factory }).write(entry('hubspot|1'));
    const raw = (await createKeyValueStore({ dbName: 'baton-insights', storeName: 'reads', factory }).get('hubspot|1')) as { records: { count: number; numbers: unknown; strings: string; checksum: string } };
    expect(raw.records.count).toBe(1);
    expect(raw.records.numbers).toBeInstanceOf(Float64Array);
    expect(raw.records.checksum).toMatch(/^[0-9a-f]{16}$/);
  });

  it('drops the previous format (records as objects) and damaged records, with a log line each', async () => {
    const factory = new IDBFactory();
    const raw = createKeyValueStore({ dbName: 'baton-insights', storeName: 'reads', factory });
    const store = createInsightsReadStore({ factory });
    // Version 1 kept the records as an array of objects.
    await raw.put('hubspot|1', { ...entry('hubspot|1'), version: 1 });
    // A changed value that still decodes: only the checksum tells.
    await store.write(entry('hubspot|2'));
    const changed = (await raw.get('hubspot|2')) as { records: { numbers: Float64Array } };
    changed.records.numbers[6] = T0 - 5000;
    await raw.put('hubspot|2', changed);
    // Damaged and re-summed (written by something else): the decoder's checks tell.
    await store.write(entry('hubspot|3'));
    const broken = (await raw.get('hubspot|3')) as { records: { count: number; strings: string; numbers: Float64Array; checksum: string } };
    broken.records.numbers[0] = 42;
    broken.records.checksum = checksumInsightColumns(broken.records);
    await raw.put('hubspot|3', broken);

    const logs: { message: string; detail: unknown }[] = [];
    const again = createInsightsReadStore({ factory, log: (message, detail) => logs.push({ message, detail }) });
    for (const key of ['hubspot|1', 'hubspot|2', 'hubspot|3']) expect(await again.read(key)).toBeNull();
    expect(logs.map((l) => l.message)).toEqual(['hubspot|1', 'hubspot|2', 'hubspot|3'].map((k) => expect.stringContaining(`read for ${k} is invalid or from an older version; it was dropped`)));
    expect(logs.map((l) => l.detail)).toEqual([expect.stringContaining('version'), 'checksum mismatch', 'record 0: bad contact id']);
    for (const key of ['hubspot|1', 'hubspot|2', 'hubspot|3']) expect(await raw.get(key)).toBeUndefined();
  });

  it('keeps the last few answers per connection, validated on the way in and out', async () => {
    const factory = new IDBFactory();
    const store = createInsightsReadStore({ factory });
    const result = (n: number): InsightsResult => ({
      report: aggregateInsights([], insightFiltersSchema.parse({}), { now: T0 }),
      read: { crm: 'hubspot', sandbox: true, from: 0, to: 1, records: n, windows: 1, requests: 1, warnings: [], readAt: T0, sync: { state: 'idle', mode: null, read: 0, total: null, error: null } },
    });
    for (let n = 0; n < SNAPSHOTS_KEPT + 2; n++) await store.writeSnapshot({ version: STORED_INSIGHTS_VERSION, key: 'k', requestKey: `r${n}`, computedAt: T0, result: result(n) });
    // The newest few are kept, the oldest went.
    expect((await store.readSnapshot('k', `r${SNAPSHOTS_KEPT + 1}`))?.result.read.records).toBe(SNAPSHOTS_KEPT + 1);
    expect(await store.readSnapshot('k', 'r0')).toBeNull();
    expect(await store.readSnapshot('k', 'r1')).toBeNull();
    expect(await store.readSnapshot('other', `r${SNAPSHOTS_KEPT + 1}`)).toBeNull();
    await expect(store.writeSnapshot({ version: STORED_INSIGHTS_VERSION, key: 'k', requestKey: 'bad', computedAt: T0, result: { report: {}, read: {} } as never })).rejects.toThrow();

    const logs: string[] = [];
    await createKeyValueStore({ dbName: 'baton-insights-answers', storeName: 'answers', factory }).put('k\nanswer\nr6', { version: 1, key: 'k', requestKey: 'r6', result: 'nope' });
    expect(await createInsightsReadStore({ factory, log: (m) => logs.push(m) }).readSnapshot('k', 'r6')).toBeNull();
    expect(logs).toEqual([expect.stringMatching(/answer for k is invalid/)]);
  });
});
