import { BY_STATE_DUE, BY_STATE_LEASE, walkRange, type KeyOrder, type Tx } from './outbox-database';

/**
 * Walks the pending entries in the order they become due (queued, retrying and parked ones by
 * their next attempt, claims by the end of their lease; ties by save time, then id): one cursor per
 * state over its part of the index, merged, each advanced only when its entry was looked at. A
 * claim or a wake-up time stops after the first few entries, so neither reads the whole outbox
 * however long the queue is. Entries with no time are not walked: a parked one without a time
 * waits for someone, and the store never writes a queued, retrying or claimed entry without one.
 */

export interface DueCandidate {
  /** The stored record, unparsed (the caller parses only what it looks at). */
  raw: unknown;
  /** When it is due: its next attempt, or for a claim the end of its lease. */
  due: number;
  createdAt: number;
  id: string;
}

interface Source {
  head: DueCandidate | null;
  advance: (() => void) | null;
  /** A cursor step is under way. */
  waiting: boolean;
}

/**
 * Calls `visit` with each entry due by `until` (Infinity: every pending entry with a time), earliest
 * first, until it answers false or none is left; then `done`. `visit` answers through `next`, at
 * once or from a request of the same transaction (a lead's other entries, say).
 */
export function scanDue<T>(tx: Tx<T>, order: KeyOrder, until: number, visit: (candidate: DueCandidate, next: (goOn: boolean) => void) => void, done: () => void): void {
  const parts: Array<[string, string, 'nextAttemptAt' | 'leaseUntil']> = [
    [BY_STATE_DUE, 'queued', 'nextAttemptAt'],
    [BY_STATE_DUE, 'retrying', 'nextAttemptAt'],
    [BY_STATE_DUE, 'parked', 'nextAttemptAt'],
    [BY_STATE_LEASE, 'delivering', 'leaseUntil'],
  ];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const sources: Source[] = parts.map(([index, state, timeField]) => {
    const source: Source = { head: null, advance: null, waiting: true };
    // Keys are [state, time, createdAt, id]: [state] sorts before all of a state's keys, and an
    // array after every number, so [state, until, []] after all of them due by `until`.
    walkRange(tx, order, index, [state], [state, until, []], {
      onRecord: (raw, advance) => {
        const r = raw as Record<string, unknown>;
        // The index only holds records whose key fields are valid keys: these are what it sorted by.
        source.head = { raw, due: r[timeField] as number, createdAt: r.createdAt as number, id: r.id as string };
        source.advance = advance;
        source.waiting = false;
        step();
      },
      onEnd: () => {
        source.head = null;
        source.advance = null;
        source.waiting = false;
        step();
      },
    });
    return source;
  });

  function step(): void {
    if (finished || sources.some((s) => s.waiting)) return;
    let best: Source | null = null;
    for (const s of sources) if (s.head && (!best?.head || compareDue(s.head, best.head) < 0)) best = s;
    if (!best?.head) return finish();
    const chosen = best;
    visit(chosen.head!, (goOn) => {
      if (!goOn) return finish();
      chosen.head = null;
      chosen.waiting = true;
      chosen.advance!();
    });
  }
}

function compareDue(a: DueCandidate, b: DueCandidate): number {
  return a.due - b.due || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
