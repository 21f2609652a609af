/** A stored record the current schema cannot read: kept as it is, never sent, shown to the rep. */
export interface UnreadableRecord {
  /** The record's key (its id), as a string; null when even that is missing. */
  id: string | null;
  /** What could still be read of it, for the panel (null when absent or not the expected type). */
  leadKey: string | null;
  kind: string | null;
  state: string | null;
  createdAt: number | null;
  /** The version the record says it has (null: none, i.e. version 1, or not a number). */
  schemaVersion: number | null;
  /** What failed, one line per problem ("payload.disposition: Invalid input"). */
  issues: string[];
}

/** What can still be read of a stored record that fails the schema, for the panel's "kept, not sent" list. */
export function describeUnreadable(raw: unknown, issues: string[]): UnreadableRecord {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const id = typeof record.id === 'string' ? record.id : typeof record.id === 'number' ? String(record.id) : null;
  return { id, leadKey: str(record.leadKey), kind: str(record.kind), state: str(record.state), createdAt: num(record.createdAt), schemaVersion: num(record.schemaVersion), issues };
}

export function safeJson(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 200) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Records by id, the way the panel lists them (records without one last). */
export function byUnreadableId(a: UnreadableRecord, b: UnreadableRecord): number {
  const x = a.id ?? '';
  const y = b.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The unreadable records one store instance (one worker's life) knows of: every one met by any
 * read, and after one read of the whole outbox, all of them. The store never writes a record the
 * schema refuses and never deletes or overwrites one it cannot read, so once the whole outbox was
 * read, only a record of another writer (none in the browser: one Baton per profile) could be
 * missing; each worker reads the whole outbox again, once. So the panel can show how many there
 * are on every view without reading every record on every view.
 */
export interface UnreadableRegistry {
  /** A record that failed the schema, under its id (or its content when it has none). */
  saw(key: string, record: UnreadableRecord): void;
  /** A record with this id read fine: written since (never by this store over an unreadable one). */
  readable(id: string): void;
  /** Whether the whole outbox was read since this store opened. */
  readonly complete: boolean;
  /** Forgets what it knew, for a read of the whole outbox; `complete` once it is done. */
  restart(): void;
  finish(): void;
  list(): UnreadableRecord[];
}

export function createUnreadableRegistry(): UnreadableRegistry {
  const known = new Map<string, UnreadableRecord>();
  let complete = false;
  return {
    saw: (key, record) => void known.set(key, record),
    readable: (id) => void (known.size > 0 && known.delete(id)),
    get complete() {
      return complete;
    },
    restart() {
      known.clear();
      complete = false;
    },
    finish() {
      complete = true;
    },
    list: () => [...known.values()].sort(byUnreadableId),
  };
}
