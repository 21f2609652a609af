/**
 * Every failure talking to a CRM, classified by what the caller should do about it
 * (see the reliability model in DESIGN.md). Messages are written for the rep.
 */
export type CrmErrorKind =
  /** Token missing, expired or revoked: the user must reconnect. */
  | 'auth'
  /** Token lacks a scope the call needs. */
  | 'forbidden'
  /** 429: wait `retryAfterMs` (ten-secondly) or park until reset (daily). */
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

export class CrmError extends Error {
  readonly kind: CrmErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  /** HubSpot 429 `policyName` (TEN_SECONDLY_ROLLING, DAILY, ...). */
  readonly policyName: string | null;
  readonly correlationId: string | null;

  constructor(
    kind: CrmErrorKind,
    message: string,
    details: { status?: number | null; retryAfterMs?: number | null; policyName?: string | null; correlationId?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'CrmError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.policyName = details.policyName ?? null;
    this.correlationId = details.correlationId ?? null;
  }

  /** Whether the same request may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === 'server' || this.kind === 'network' || (this.kind === 'rate_limited' && this.policyName !== 'DAILY');
  }
}
