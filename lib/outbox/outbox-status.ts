import { formatRelativeTime } from '../format/format-time';
import { findHeldRoutes, isHeldByOlder, routeKey } from './delivery-policy';
import type { OutboxEntry } from './outbox-entry';
import { isPending } from './outbox-entry';

/**
 * What the panel says about one write: the reliability model promises the rep always sees
 * "saved", "queued" or what went wrong — never silence. Pure: `now` is a parameter.
 */

export type OutboxTone = 'ok' | 'pending' | 'warning' | 'error';

export interface OutboxEntryStatus {
  tone: OutboxTone;
  label: string;
  detail: string | null;
}

export interface DescribeContext {
  /**
   * Other entries (the lead's, or the whole outbox). With them the status can say that an entry
   * waits behind an older write to the same lead, or for its account's rate limit, instead of
   * "sending now".
   */
  others?: readonly OutboxEntry[];
}

export function describeOutboxEntry(entry: OutboxEntry, now: number, context: DescribeContext = {}): OutboxEntryStatus {
  if (entry.state === 'queued' || entry.state === 'retrying') {
    const waiting = describeWaiting(entry, now, context.others ?? []);
    if (waiting) return waiting;
  }
  switch (entry.state) {
    case 'delivered':
      return { tone: 'ok', label: 'Saved to CRM', detail: entry.deliveredAt === null ? null : `Delivered ${formatRelativeTime(entry.deliveredAt, now)}` };
    case 'delivering':
      if (entry.leaseUntil !== null && entry.leaseUntil <= now) {
        // The worker stopped mid-send; the CRM may or may not have it, and the next drain resends it (idempotently).
        return { tone: 'pending', label: 'Queued — sending again', detail: 'The last attempt was interrupted before the CRM answered.' };
      }
      return { tone: 'pending', label: 'Sending to the CRM…', detail: entry.attempts > 1 ? `Attempt ${entry.attempts}` : null };
    case 'queued':
      return entry.nextAttemptAt !== null && entry.nextAttemptAt > now
        ? { tone: 'pending', label: `Queued — will send in ${formatWait(entry.nextAttemptAt - now)}`, detail: null }
        : { tone: 'pending', label: 'Queued — sending now', detail: null };
    case 'retrying': {
      const label =
        entry.nextAttemptAt !== null && entry.nextAttemptAt > now ? `Queued — will retry in ${formatWait(entry.nextAttemptAt - now)}` : 'Queued — retrying now';
      return { tone: 'pending', label, detail: joinDetail(entry.message ?? entry.lastError?.message ?? null, `${entry.attempts} ${entry.attempts === 1 ? 'attempt' : 'attempts'} so far`) };
    }
    case 'parked':
      if (entry.parkedFor === 'daily_limit' && entry.nextAttemptAt !== null) {
        return {
          tone: 'warning',
          label: `Waiting for the daily API limit to reset (at ${formatUtcClock(entry.nextAttemptAt)} UTC)`,
          detail: entry.message,
        };
      }
      if (entry.parkedFor === 'auth') {
        return { tone: 'warning', label: 'Reconnect the CRM to send this', detail: 'It is saved in Baton and goes out once the CRM is connected again.' };
      }
      return { tone: 'warning', label: 'On hold', detail: entry.message ?? entry.lastError?.message ?? null };
    case 'failed': {
      const message = entry.message ?? entry.lastError?.message ?? 'no reason given';
      const kind = entry.lastError?.kind;
      // Set aside by the drain, not refused by anyone (the later disposition it names may have been
      // pruned since, so the panel cannot always say which one).
      if (kind === 'superseded') return { tone: 'warning', label: message, detail: 'Discard it, or send it again to replace the later one in the CRM.' };
      // A writer that found the lead's status changed since the rep saw it (DispositionWrite.seenLeadStatus)
      // wrote nothing: a conflict for the rep to look at, not a refusal to fix. A plain resend would conflict again.
      if (entry.lastError?.status === 412) {
        return {
          tone: 'warning',
          label: `Not written — changed in the CRM since you saw it: ${message}`,
          detail: 'Nothing was overwritten. Check the lead in the CRM, then send this again to replace it anyway, or discard it and decide again.',
        };
      }
      // Only say "the CRM refused" when it did: a malformed answer or a bug of ours is a different story.
      const label =
        kind === 'bad_response'
          ? `The CRM's answer could not be read: ${message}`
          : kind === 'unknown' || kind === 'timeout'
            ? `Baton could not send this: ${message}`
            : `The CRM refused this: ${message}`;
      return { tone: 'error', label, detail: 'Fix it and send it again, or discard it.' };
    }
  }
}

/** A queued entry that the drain deliberately leaves alone for now, said as such. */
function describeWaiting(entry: OutboxEntry, now: number, others: readonly OutboxEntry[]): OutboxEntryStatus | null {
  const pending = others.filter((o) => isPending(o) && o.id !== entry.id);
  if (isHeldByOlder(entry, [...pending, entry])) {
    const holder = pending.filter((o) => o.leadKey === entry.leadKey && (o.createdAt < entry.createdAt || (o.createdAt === entry.createdAt && o.id < entry.id)))[0];
    const holderStatus = holder ? describeOutboxEntry(holder, now) : null;
    return {
      tone: holderStatus?.tone === 'warning' ? 'warning' : 'pending',
      label: 'Queued behind an earlier change to this lead',
      detail: holderStatus ? `That one: ${holderStatus.label}` : null,
    };
  }
  const heldUntil = findHeldRoutes(others, now).get(routeKey(entry));
  if (heldUntil !== undefined && heldUntil > (entry.nextAttemptAt ?? -Infinity)) {
    return { tone: 'pending', label: `Queued — the CRM asked Baton to slow down; sending in ${formatWait(heldUntil - now)}`, detail: null };
  }
  return null;
}

/** "45 s", "2 min", "3 h 20 min": rounded up, so "in 2 min" is never early. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function formatUtcClock(at: number): string {
  const d = new Date(at);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function joinDetail(...parts: Array<string | null>): string | null {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(' · ') : null;
}
