import { CrmError } from '../crm/crm-error';
import type { OutboxEntry, OutboxError, ParkedReason } from './outbox-entry';

/**
 * What happens to an outbox entry after a delivery attempt failed (the error classes of the
 * reliability model in DESIGN.md). Pure: the clock and the randomness are parameters.
 */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_FACTOR = 2;
export const BACKOFF_CAP_MS = 10 * 60_000;
/** Spreads the retries of several entries that hit the same ten-secondly window. */
export const RATE_LIMIT_JITTER_MS = 1_000;
/** HubSpot's ten-secondly window, for a 429 that names no Retry-After. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** A delivery that takes longer is abandoned as a timeout (and retried). */
export const DELIVERY_TIMEOUT_MS = 30_000;
/**
 * How long a claim holds an entry. Longer than one delivery's timeout, so a live drain never loses
 * its entry to another one; short enough that an entry whose worker died mid-fetch goes out again soon.
 */
export const DELIVERY_LEASE_MS = 60_000;

/**
 * Failures that say nothing about the entry itself (the CRM was unreachable, failing or slow):
 * once the same account takes a write again, entries waiting after one are worth sending at once.
 */
export const TRANSIENT_FAILURE_KINDS: ReadonlySet<string> = new Set(['network', 'server', 'timeout']);

/** A retrying entry that waits out a backoff after a transient failure (see TRANSIENT_FAILURE_KINDS). */
export function waitsAfterTransientFailure(entry: Pick<OutboxEntry, 'state' | 'nextAttemptAt' | 'lastError'>, now: number): boolean {
  return entry.state === 'retrying' && entry.nextAttemptAt !== null && entry.nextAttemptAt > now && TRANSIENT_FAILURE_KINDS.has(entry.lastError?.kind ?? '');
}

export const DAILY_LIMIT_MESSAGE = "The CRM's daily API limit is used up; Baton will resend after it resets";
export const RECONNECT_MESSAGE = 'Reconnect the CRM to send this';

export interface DeliveryDecision {
  state: 'retrying' | 'parked' | 'failed';
  /** When to try again; null for failed entries and for entries parked until someone acts. */
  nextAttemptAt: number | null;
  /** For the rep: why it is not delivered yet. */
  message: string;
  parkedFor: ParkedReason | null;
}

export interface FailureContext {
  /** Attempts made so far, including the one that just failed (>= 1). */
  attempts: number;
  now: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/** Upper bound of the full-jitter backoff after `attempts` attempts: base * factor^(attempts-1), capped. */
export function backoffCeilingMs(attempts: number): number {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : 1;
  // Math.min keeps a huge exponent (Infinity) at the cap.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * BACKOFF_FACTOR ** (n - 1));
}

/** "Full jitter" (AWS architecture blog): uniform in [0, ceiling], so many clients don't retry in lockstep. */
export function backoffDelayMs(attempts: number, random: () => number): number {
  return Math.floor(clampUnit(random()) * backoffCeilingMs(attempts));
}

export function decideAfterFailure(error: unknown, { attempts, now, random }: FailureContext): DeliveryDecision {
  if (isTimeout(error)) return retryAfterBackoff(describeFailure(error).message, attempts, now, random);
  if (!(error instanceof CrmError)) {
    return { state: 'failed', nextAttemptAt: null, message: describeFailure(error).message, parkedFor: null };
  }
  switch (error.kind) {
    case 'network':
    case 'server':
      return retryAfterBackoff(error.message, attempts, now, random);
    case 'rate_limited': {
      if (error.limit === 'daily') {
        const resetAt = error.resetAt ?? (error.retryAfterMs !== null && error.retryAfterMs > 0 ? now + error.retryAfterMs : nextUtcMidnight(now));
        return { state: 'parked', nextAttemptAt: resetAt, message: DAILY_LIMIT_MESSAGE, parkedFor: 'daily_limit' };
      }
      // A burst window (or a limit the CRM did not classify): wait what the CRM said, plus a little jitter.
      const wait = error.retryAfterMs !== null && error.retryAfterMs >= 0 ? error.retryAfterMs : DEFAULT_RATE_LIMIT_WAIT_MS;
      return {
        state: 'retrying',
        nextAttemptAt: now + wait + Math.floor(clampUnit(random()) * RATE_LIMIT_JITTER_MS),
        message: error.message,
        parkedFor: null,
      };
    }
    case 'auth':
      // No time: a new token is what helps, and the background calls resumeParked when the connection changes.
      return { state: 'parked', nextAttemptAt: null, message: RECONNECT_MESSAGE, parkedFor: 'auth' };
    case 'forbidden':
    case 'not_found':
    case 'rejected':
    case 'bad_response':
      return { state: 'failed', nextAttemptAt: null, message: error.message, parkedFor: null };
    default:
      return { state: 'failed', nextAttemptAt: null, message: error.message, parkedFor: null };
  }
}

/** The part of an error the outbox keeps (never the whole object: it may hold a response body or a cause chain). */
export function describeFailure(error: unknown): OutboxError {
  if (error instanceof CrmError) return { kind: error.kind, message: error.message, status: error.status };
  if (isTimeout(error)) return { kind: 'timeout', message: 'The CRM did not answer in time; Baton will try again', status: null };
  // By name, not instanceof: supersede.ts imports this module.
  if (error instanceof Error && error.name === 'SupersededError') return { kind: 'superseded', message: error.message, status: null };
  if (error instanceof Error) return { kind: 'unknown', message: error.message || error.name, status: null };
  return { kind: 'unknown', message: String(error), status: null };
}

/** Whether a queued/retrying/parked entry may be claimed now, or a `delivering` one's claim has lapsed. */
export function isDue(entry: Pick<OutboxEntry, 'state' | 'nextAttemptAt' | 'leaseUntil'>, now: number): boolean {
  switch (entry.state) {
    case 'queued':
      return entry.nextAttemptAt === null || entry.nextAttemptAt <= now;
    case 'retrying':
      return entry.nextAttemptAt === null || entry.nextAttemptAt <= now;
    case 'parked':
      // Parked without a time waits for someone (resumeParked / resend); with one (daily limit) it resumes by itself.
      return entry.nextAttemptAt !== null && entry.nextAttemptAt <= now;
    case 'delivering':
      // The claim is the lock; an expired one means the worker died mid-delivery.
      return entry.leaseUntil === null || entry.leaseUntil <= now;
    default:
      return false;
  }
}

/** The time from which `isDue` holds, or null when only someone's action can make it due. */
export function dueAt(entry: Pick<OutboxEntry, 'state' | 'nextAttemptAt' | 'leaseUntil' | 'createdAt'>): number | null {
  switch (entry.state) {
    case 'queued':
      return entry.nextAttemptAt ?? entry.createdAt;
    case 'retrying':
    case 'parked':
      return entry.nextAttemptAt;
    case 'delivering':
      return entry.leaseUntil ?? entry.createdAt;
    default:
      return null;
  }
}

/** Rate limits are per CRM account (HubSpot: per portal). */
export function routeKey(entry: Pick<OutboxEntry, 'crm'>): string {
  return `${entry.crm.crm}|${entry.crm.account}`;
}

/**
 * The due entries a drain may take, oldest first. Writes for one lead go out in the order the rep
 * made them: an entry waits while an older one for the same lead is still pending (queued,
 * retrying, parked or being delivered), so a late retry of an old disposition never overwrites a
 * newer one in the CRM, and two drains never write the same lead at once. Dead letters (failed)
 * do not hold the lead up: the rep has already moved on.
 */
export function selectClaimable(pending: readonly OutboxEntry[], now: number, exclude?: (entry: OutboxEntry) => boolean): OutboxEntry[] {
  const ordered = [...pending].sort(compareByCreation);
  // A lead with a write in flight (live claim) takes no other write until that one has answered,
  // whatever their order: an older entry put back in the queue meanwhile must not race it.
  const leadsInFlight = new Set(ordered.filter((e) => e.state === 'delivering' && !isDue(e, now)).map((e) => e.leadKey));
  const leadsHeld = new Set<string>();
  const claimable: OutboxEntry[] = [];
  for (const entry of ordered) {
    if (entry.state === 'delivered' || entry.state === 'failed') continue;
    if (leadsHeld.has(entry.leadKey)) continue;
    if (leadsInFlight.has(entry.leadKey) && entry.state !== 'delivering') {
      leadsHeld.add(entry.leadKey);
      continue;
    }
    leadsHeld.add(entry.leadKey);
    if (isDue(entry, now) && !exclude?.(entry)) claimable.push(entry);
  }
  return claimable.sort((a, b) => (dueAt(a) ?? a.createdAt) - (dueAt(b) ?? b.createdAt) || compareByCreation(a, b));
}

/** Whether an older pending entry for the same lead holds this one back (see selectClaimable). */
export function isHeldByOlder(entry: OutboxEntry, pending: readonly OutboxEntry[]): boolean {
  return pending.some(
    (other) => other.id !== entry.id && other.leadKey === entry.leadKey && other.state !== 'delivered' && other.state !== 'failed' && compareByCreation(other, entry) < 0,
  );
}

export function compareByCreation(a: Pick<OutboxEntry, 'createdAt' | 'id'>, b: Pick<OutboxEntry, 'createdAt' | 'id'>): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Accounts waiting out a rate limit: an entry of theirs is retrying or parked after a 429 until a later time. */
export function findHeldRoutes(entries: readonly OutboxEntry[], now: number): Map<string, number> {
  const held = new Map<string, number>();
  for (const entry of entries) {
    const limited = entry.lastError?.kind === 'rate_limited' && (entry.state === 'retrying' || entry.state === 'parked');
    if (!limited || entry.nextAttemptAt === null || entry.nextAttemptAt <= now) continue;
    const key = routeKey(entry);
    held.set(key, Math.max(entry.nextAttemptAt, held.get(key) ?? -Infinity));
  }
  return held;
}

/** HubSpot's daily limit resets at midnight; without a Retry-After we take the next UTC midnight. */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

function retryAfterBackoff(message: string, attempts: number, now: number, random: () => number): DeliveryDecision {
  return { state: 'retrying', nextAttemptAt: now + backoffDelayMs(attempts, random), message, parkedFor: null };
}

function isTimeout(error: unknown): boolean {
  // AbortSignal.timeout() rejects with a TimeoutError DOMException; an abort of ours means the same here.
  return typeof error === 'object' && error !== null && 'name' in error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function clampUnit(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
}
