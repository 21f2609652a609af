import type { UnreadableRecord } from './outbox-store';

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

