import { describe, expect, it, vi } from 'vitest';
import { cacheUntilRejected, createOutboxRunner, DRAIN_RETRY_BASE_MS, DRAIN_RETRY_CAP_MS } from '../../lib/background/outbox-runner';
import type { OutboxStore } from '../../lib/outbox/outbox-store';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { NOW, dispositionEntry } from '../support/outbox/outbox-test-entries';

/** A store whose every method throws unless a test replaces it. */
function failingStore(over: Partial<OutboxStore> = {}): OutboxStore {
  const fail = async () => {
    throw new Error('IndexedDB: the transaction was aborted');
  };
  return {
    enqueue: fail,
    get: fail,
    listByLead: fail,
    readLead: fail,
    listAll: fail,
    listUnreadable: fail,
    knownUnreadable: fail,
    countParked: fail,
    listRateLimited: fail,
    claimDue: fail,
    nextWakeAt: fail,
    complete: fail,
    fail,
    resend: fail,
    discard: fail,
    resumeParked: fail,
    pruneDelivered: fail,
    close: () => {},
    ...over,
  } as OutboxStore;
}

function runner(store: () => Promise<OutboxStore>, random = () => 0.5) {
  const wakes: Array<number | null> = [];
  const clock = { t: NOW };
  const run = createOutboxRunner({
    store,
    connections: { writerFor: async () => ({ recordDisposition: async () => ({ properties: [], note: null, deliveredAt: clock.t }), logContactAttempt: async () => ({ id: 'x', reused: false }) }) },
    now: () => clock.t,
    random,
    scheduleWake: (at) => wakes.push(at),
  });
  return { run, wakes, clock };
}

describe('outbox runner: a failing drain still schedules a wake-up', () => {
  it('schedules a retry wake when claiming throws', async () => {
    const store = failingStore({ listRateLimited: async () => [] });
    const { run, wakes } = runner(async () => store);
    await expect(run.drain()).rejects.toThrow(/aborted/);
    expect(wakes).toHaveLength(1);
    expect(wakes[0]).toBeGreaterThan(NOW);
    expect(wakes[0]).toBeLessThanOrEqual(NOW + DRAIN_RETRY_BASE_MS);
  });

  it('schedules a retry wake when the store cannot be opened at all', async () => {
    const { run, wakes } = runner(async () => {
      throw new Error('QuotaExceededError');
    });
    await expect(run.drain()).rejects.toThrow(/Quota/);
    expect(wakes).toEqual([expect.any(Number)]);
    expect(wakes[0]).toBeGreaterThan(NOW);
  });

  it('backs off on consecutive failures (capped) and starts over after a drain that works', async () => {
    let broken = true;
    const kit = await openTestStore();
    const { run, wakes, clock } = runner(async () => (broken ? failingStore() : kit.store), () => 0.999);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      await run.drain().catch(() => undefined);
      delays.push((wakes.at(-1) as number) - clock.t);
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(DRAIN_RETRY_CAP_MS);
    broken = false;
    await kit.store.enqueue(dispositionEntry(1, { createdAt: clock.t + 60_000 }));
    await run.drain();
    expect(wakes.at(-1)).toBe(clock.t + 60_000);
    broken = true;
    await run.drain().catch(() => undefined);
    expect((wakes.at(-1) as number) - clock.t).toBe(delays[0]);
  });

  it('a pruning failure is not a drain failure: the next wake is still the one the drain computed', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1, { createdAt: NOW + 5 * 60_000 }));
    const store: OutboxStore = { ...kit.store, pruneDelivered: async () => { throw new Error('prune failed'); } };
    const { run, wakes } = runner(async () => store);
    await expect(run.drain()).resolves.toMatchObject({ delivered: 0, nextWakeAt: NOW + 5 * 60_000 });
    expect(wakes.at(-1)).toBe(NOW + 5 * 60_000);
  });
});

describe('cacheUntilRejected', () => {
  it('keeps a successful open for the worker\'s life, but forgets a failed one so the next call opens again', async () => {
    let calls = 0;
    const open = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('open failed');
      return `db${calls}`;
    });
    const cached = cacheUntilRejected(open);
    await expect(cached()).rejects.toThrow('open failed');
    await expect(cached()).resolves.toBe('db2');
    await expect(cached()).resolves.toBe('db2');
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('createBackground with an outbox that cannot be opened', () => {
  it('drain() does not throw, logs, and asks for a retry wake', async () => {
    const { createBackground } = await import('../../lib/background/create-background');
    const { CRM_PROVIDERS } = await import('../../lib/crm/providers');
    const { createLeadEvidenceStore } = await import('../../lib/storage/lead-evidence-store');
    const { IDBFactory } = await import('fake-indexeddb');
    const wakes: Array<number | null> = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const background = createBackground({
      extensionId: 'abcdefghijklmnopabcdefghijklmnop',
      demoBuild: false,
      providers: CRM_PROVIDERS,
      readSettings: async () => { throw new Error('not used'); },
      writeSettings: async () => {},
      readSecret: async () => null,
      writeSecret: async () => {},
      deleteSecret: async () => {},
      readRules: async () => { throw new Error('not used'); },
      outbox: async () => { throw new Error('UnknownError: Internal error opening backing store'); },
      evidence: createLeadEvidenceStore(new IDBFactory()),
      scheduleWake: (at) => wakes.push(at),
      now: () => NOW,
      random: () => 0.5,
      newId: () => crypto.randomUUID(),
    });
    await background.drain();
    expect(wakes).toEqual([expect.any(Number)]);
    expect(wakes[0]).toBeGreaterThan(NOW);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('outbox runner hands the writer what the rep saw', () => {
  it('passes seenLeadStatus through DispositionWrite to recordDisposition', async () => {
    const kit = await openTestStore();
    const entry = dispositionEntry(1);
    if (entry.kind !== 'disposition') throw new Error('expected a disposition');
    await kit.store.enqueue({ ...entry, payload: { ...entry.payload, seenLeadStatus: 'OPEN' } });
    const writes: unknown[] = [];
    const run = createOutboxRunner({
      store: async () => kit.store,
      connections: {
        writerFor: async () => ({
          recordDisposition: async (write) => (writes.push(write), { properties: [], note: null, deliveredAt: NOW }),
          logContactAttempt: async () => ({ id: 'x', reused: false }),
        }),
      },
      now: () => NOW + 10,
      random: () => 0.5,
      scheduleWake: () => {},
    });
    await run.drain();
    expect(writes).toEqual([expect.objectContaining({ seenLeadStatus: 'OPEN' })]);
  });
});

describe('outbox runner drops cached leads after a conflict', () => {
  it('calls onDeliveredOrFailed when the writer refused a changed status (412), so the reopened panel reads the CRM again', async () => {
    const { CrmError } = await import('../../lib/crm/crm-error');
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    let settled = 0;
    const run = createOutboxRunner({
      store: async () => kit.store,
      connections: {
        writerFor: async () => ({
          recordDisposition: async () => {
            throw new CrmError('rejected', 'The lead status changed since you opened the lead', { status: 412 });
          },
          logContactAttempt: async () => ({ id: 'x', reused: false }),
        }),
      },
      now: () => NOW + 10,
      random: () => 0.5,
      scheduleWake: () => {},
      onDeliveredOrFailed: () => void (settled += 1),
    });
    await expect(run.drain()).resolves.toMatchObject({ delivered: 0, failed: 1 });
    expect(settled).toBe(1);
    // Nothing new happened: no second invalidation.
    await run.drain();
    expect(settled).toBe(1);
  });
});
