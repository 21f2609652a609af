import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createManagedPolicyCache, readManagedPolicy, watchManagedPolicy } from '../../lib/storage/managed-policy';
import { EMPTY_MANAGED_POLICY, type ManagedPolicyReading } from '../../lib/storage/managed-policy-parse';

const OPTIONS = { demoBuild: false, providerKinds: ['alpha'] };

describe('reading the policy from storage.managed', () => {
  beforeEach(() => fakeBrowser.reset());

  it('parses what the browser holds', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'alpha', account: '4711', address: 'http://127.0.0.1:1' });
    const reading = await readManagedPolicy(OPTIONS);
    expect(reading.policy).toMatchObject({ provider: 'alpha', account: '4711', address: null });
    expect(reading.problems).toEqual([{ field: 'address', message: expect.any(String) }]);
  });

  it('tells a change of the managed area from other areas', async () => {
    const seen: string[] = [];
    const stop = watchManagedPolicy(() => seen.push('managed'));
    await fakeBrowser.storage.local.set({ a: 1 });
    await fakeBrowser.storage.managed.set({ provider: 'alpha' });
    stop();
    await fakeBrowser.storage.managed.set({ provider: 'beta' });
    expect(seen).toEqual(['managed']);
  });
});

describe('the background keeps the policy until it changes', () => {
  it('reads once, again after a change, and again after a failed read', async () => {
    let reads = 0;
    let fail = false;
    let changed: () => void = () => {};
    const cache = createManagedPolicyCache(
      async (): Promise<ManagedPolicyReading> => {
        reads++;
        if (fail) throw new Error('unreadable');
        return { policy: { ...EMPTY_MANAGED_POLICY, account: String(reads) }, problems: [] };
      },
      (onChange) => void (changed = onChange),
    );
    expect((await cache.read()).policy.account).toBe('1');
    expect((await cache.read()).policy.account).toBe('1');
    changed();
    expect((await cache.read()).policy.account).toBe('2');
    changed();
    fail = true;
    await expect(cache.read()).rejects.toThrow('unreadable');
    fail = false;
    expect((await cache.read()).policy.account).toBe('4');
  });
});
