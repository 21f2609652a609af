/**
 * Remembers what stored records parsed to, by their exact content. Every read of the outbox goes
 * through the zod schema, which costs a few hundred microseconds per record; the panel, the drain
 * and every claim read the whole outbox, so with a thousand entries queued (a long CRM outage)
 * each of those reads took a second of the worker's time. A record whose content was already
 * validated gets the same answer again without parsing: the key is the record's full content, so
 * any change (a new state, an attempt, a corrupted field) is a new key and is parsed afresh.
 * Only successes are remembered, and each caller gets its own copy.
 */

/** Content the key cannot tell apart from other content (a Map, a Date, a class instance...) is never memoised. */
class NotPlainData extends Error {}

/**
 * The record's content as a string, or null when it holds anything beyond plain data. Marks
 * `undefined` and non-finite numbers, which JSON would turn into "absent" and null.
 */
export function contentKey(raw: unknown): string | null {
  try {
    return JSON.stringify(raw, function (this: Record<string, unknown>, key: string, value: unknown) {
      // `value` is after toJSON (a Date arrives as a string); the holder has the original.
      const original = this[key];
      if (original instanceof Date) throw new NotPlainData();
      if (value === undefined) return '\u0000undefined';
      if (typeof value === 'number' && !Number.isFinite(value)) return `\u0000${String(value)}`;
      if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw new NotPlainData();
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new NotPlainData();
      }
      return value;
    });
  } catch {
    return null;
  }
}

export interface ParseMemo<T> {
  /** A copy of what this exact content parsed to before, or undefined. */
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** At most `max` results, the least recently used dropped first. */
export function createParseMemo<T>(max = 5_000): ParseMemo<T> {
  const results = new Map<string, T>();
  return {
    get(key) {
      const hit = results.get(key);
      if (hit === undefined) return undefined;
      results.delete(key);
      results.set(key, hit);
      return structuredClone(hit);
    },
    set(key, value) {
      results.delete(key);
      results.set(key, structuredClone(value));
      while (results.size > max) {
        const oldest = results.keys().next();
        if (oldest.done) break;
        results.delete(oldest.value);
      }
    },
  };
}
