/** A promise's outcome as a value, so a source's failure can be reported instead of thrown. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** `promise`'s outcome; never rejects (a read started early cannot become an unhandled rejection). */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
