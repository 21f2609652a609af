import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../lib/background/persistent-storage';

describe('requestPersistentStorage', () => {
  it('asks once the storage is not persisted yet, and reports the answer', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
  });

  it('does not ask again when the storage is already persistent', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    expect(await requestPersistentStorage(storage)).toBe('already');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('is a no-op where the API is missing, and never throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unavailable');
    expect(await requestPersistentStorage({} as never)).toBe('unavailable');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => { throw new Error('SecurityError'); } })).toBe('error');
  });
});
