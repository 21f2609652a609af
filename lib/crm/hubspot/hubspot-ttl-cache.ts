/** One remembered load: the promise itself, so concurrent askers share one request. */
interface Cached<T> {
  value: Promise<T>;
  expiresAt: number;
}

/** Loads remembered per key for a fixed time; see `createTtlCache`. */
export interface TtlCache<K, T> {
  /** The remembered value for `key` while it is fresh, else `load()`'s, remembered from now on. */
  get(key: K, load: () => Promise<T>): Promise<T>;
  /** Drops what is remembered for `key` (the CRM said it changed): the next `get` loads again. */
  forget(key: K): void;
}

/**
 * Shared lookups are not tied to one view's AbortSignal: a second panel waiting on the same
 * promise must not be cancelled because the first one navigated away. Failures are not cached.
 */
export function createTtlCache<K, T>(ttlMs: number, now: () => number): TtlCache<K, T> {
  const cache = new Map<K, Cached<T>>();
  return {
    get(key, load) {
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now()) return hit.value;
      const value = load();
      cache.set(key, { value, expiresAt: now() + ttlMs });
      value.catch(() => {
        if (cache.get(key)?.value === value) cache.delete(key);
      });
      return value;
    },
    forget(key) {
      cache.delete(key);
    },
  };
}
