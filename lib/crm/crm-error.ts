/**
 * Every failure talking to a CRM, classified by what the caller should do about it
 * (see the reliability model in DESIGN.md). Messages are written for the rep.
 */
export type CrmErrorKind =
  /** Token missing, expired or revoked: the user must reconnect. */
  | 'auth'
  /** Token lacks a scope the call needs. */
  | 'forbidden'
  /** 429 or the CRM's own limit error: wait `retryAfterMs` (a burst limit) or park until `resetAt` (a daily limit). */
  | 'rate_limited'
  | 'not_found'
  /** 400/409/422: the CRM refused the request; retrying the same request will not help. */
  | 'rejected'
  /** 5xx or timeout: retry with backoff. */
  | 'server'
  /** fetch failed: offline, DNS, connection refused. */
  | 'network'
  /** The CRM answered 2xx with a body that does not match the schema we rely on. */
  | 'bad_response';

export type CrmLimit = 'burst' | 'daily';

export class CrmError extends Error {
  readonly kind: CrmErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /**
   * For `rate_limited`: which kind of limit was hit, in the CRM-neutral words the outbox acts on.
   * `burst`: a short rolling window (wait and retry); `daily`: a quota that resets at `resetAt`
   * (park until then). Adapters translate their CRM's own names for these.
   */
  readonly limit: CrmLimit | null;
  /** When a `daily` limit resets (epoch ms), when the CRM says; null: not known. */
  readonly resetAt: number | null;
  readonly correlationId: string | null;

  constructor(
    kind: CrmErrorKind,
    message: string,
    details: { status?: number | null; retryAfterMs?: number | null; limit?: CrmLimit | null; resetAt?: number | null; correlationId?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'CrmError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.limit = details.limit ?? null;
    this.resetAt = details.resetAt ?? null;
    this.correlationId = details.correlationId ?? null;
  }

  /** Whether the same request may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === 'server' || this.kind === 'network' || (this.kind === 'rate_limited' && this.limit !== 'daily');
  }
}
