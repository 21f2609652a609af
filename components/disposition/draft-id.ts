/**
 * The disposition id, created by the panel once per draft: a double click, a second click after
 * a lost answer, and the same draft saved from a second tab on the same lead all send the same id,
 * and the background stores one entry for it (the outbox ignores a repeated id and answers with
 * that entry's status). A changed draft is a new decision and gets a new id (the outbox then
 * delivers only the later one; see lib/outbox/supersede.ts).
 *
 * Kept in the panel's localStorage (extension origin, shared by the panel in every tab), per lead:
 * the last draft's fingerprint and id, for a day. Nothing in it is secret. Where storage is
 * unavailable it falls back to memory (one tab still gets one id per draft).
 */

export interface DraftIdStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'baton.disposition-draft.';
/** How long a saved draft's id is reused for the same draft. */
export const DRAFT_ID_TTL_MS = 24 * 60 * 60 * 1000;

interface Stored {
  id: string;
  fingerprint: string;
  at: number;
}

const memory = new Map<string, string>();
const memoryStorage: DraftIdStorage = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
  get length() {
    return memory.size;
  },
  key: (i) => [...memory.keys()][i] ?? null,
};

function defaultStorage(): DraftIdStorage {
  try {
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    // Blocked (e.g. storage disabled for the frame): fall back to memory.
  }
  return memoryStorage;
}

export interface DraftIdOptions {
  storage?: DraftIdStorage;
  now?: number;
  newId?: () => string;
}

/** The id for this lead's draft: the stored one while the draft is unchanged, else a new one (stored). */
export function draftIdFor(leadKey: string, draft: unknown, options: DraftIdOptions = {}): string {
  const storage = options.storage ?? defaultStorage();
  const now = options.now ?? Date.now();
  const fingerprint = JSON.stringify(draft);
  const key = PREFIX + leadKey;
  const stored = read(storage, key);
  if (stored && stored.fingerprint === fingerprint && now - stored.at < DRAFT_ID_TTL_MS) return stored.id;
  const id = (options.newId ?? (() => crypto.randomUUID()))();
  try {
    pruneExpired(storage, now);
    storage.setItem(key, JSON.stringify({ id, fingerprint, at: now } satisfies Stored));
  } catch {
    // Full or blocked: this tab still reuses the id through the form's own state.
  }
  return id;
}

function read(storage: DraftIdStorage, key: string): Stored | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { id, fingerprint, at } = value as Record<string, unknown>;
    return typeof id === 'string' && typeof fingerprint === 'string' && typeof at === 'number' ? { id, fingerprint, at } : null;
  } catch {
    return null;
  }
}

function pruneExpired(storage: DraftIdStorage, now: number): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) {
    const stored = read(storage, k);
    if (!stored || now - stored.at >= DRAFT_ID_TTL_MS) storage.removeItem(k);
  }
}
