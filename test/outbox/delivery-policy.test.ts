import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import {
  BACKOFF_CAP_MS,
  backoffCeilingMs,
  backoffDelayMs,
  DAILY_LIMIT_MESSAGE,
  decideAfterFailure,
  describeFailure,
  isDue,
  nextUtcMidnight,
  RATE_LIMIT_JITTER_MS,
} from '../../lib/outbox/delivery-policy';
import { NOW, SECOND } from '../support/outbox/outbox-test-entries';

const ctx = (attempts: number, random = () => 0.5) => ({ attempts, now: NOW, random });

describe('decideAfterFailure', () => {
  it('retries network errors, 5xx and timeouts with full-jitter backoff', () => {
    const server = decideAfterFailure(new CrmError('server', 'HubSpot had a problem (HTTP 503); Baton will try again', { status: 503 }), ctx(1, () => 0.5));
    expect(server).toEqual({ state: 'retrying', nextAttemptAt: NOW + 1_000, message: 'HubSpot had a problem (HTTP 503); Baton will try again', parkedFor: null });
    expect(decideAfterFailure(new CrmError('network', 'offline'), ctx(3, () => 0.999_999))).toMatchObject({ state: 'retrying', nextAttemptAt: NOW + 7_999 });
    expect(decideAfterFailure(new DOMException('slow', 'TimeoutError'), ctx(2, () => 0))).toMatchObject({ state: 'retrying', nextAttemptAt: NOW });
    expect(decideAfterFailure(new CrmError('server', 'x'), ctx(40, () => 0.999_999)).nextAttemptAt).toBeLessThanOrEqual(NOW + BACKOFF_CAP_MS);
  });

  it('waits Retry-After (plus a little jitter) for the ten-secondly limit', () => {
    const error = new CrmError('rate_limited', 'HubSpot is busy', { status: 429, limit: 'burst', retryAfterMs: 10_000 });
    const low = decideAfterFailure(error, ctx(1, () => 0));
    const high = decideAfterFailure(error, ctx(1, () => 0.999_999));
    expect(low).toMatchObject({ state: 'retrying', nextAttemptAt: NOW + 10_000, parkedFor: null });
    expect(high.nextAttemptAt).toBeLessThan(NOW + 10_000 + RATE_LIMIT_JITTER_MS);
    expect(decideAfterFailure(new CrmError('rate_limited', 'busy', { status: 429 }), ctx(1, () => 0)).nextAttemptAt).toBe(NOW + 10 * SECOND);
  });

  it('parks for the daily limit until Retry-After, else the next UTC midnight', () => {
    const withRetry = new CrmError('rate_limited', 'daily', { status: 429, limit: 'daily', retryAfterMs: 3 * 3_600_000 });
    expect(decideAfterFailure(withRetry, ctx(1))).toEqual({ state: 'parked', nextAttemptAt: NOW + 3 * 3_600_000, message: DAILY_LIMIT_MESSAGE, parkedFor: 'daily_limit' });
    const bare = new CrmError('rate_limited', 'daily', { status: 429, limit: 'daily' });
    expect(decideAfterFailure(bare, ctx(1)).nextAttemptAt).toBe(Date.parse('2026-11-23T00:00:00Z'));
    expect(DAILY_LIMIT_MESSAGE).toBe("The CRM's daily API limit is used up; Baton will resend after it resets");
  });

  it('parks on auth with no time until the connection changes', () => {
    expect(decideAfterFailure(new CrmError('auth', 'Reconnect HubSpot: the access token was rejected', { status: 401 }), ctx(1))).toEqual({
      state: 'parked',
      nextAttemptAt: null,
      message: 'Reconnect the CRM to send this',
      parkedFor: 'auth',
    });
  });

  it.each([
    ['rejected', 400],
    ['not_found', 404],
    ['forbidden', 403],
    ['bad_response', 200],
  ] as const)('a %s error is a dead letter carrying the CRM message', (kind, status) => {
    expect(decideAfterFailure(new CrmError(kind, `HubSpot says no (${kind})`, { status }), ctx(1))).toEqual({
      state: 'failed',
      nextAttemptAt: null,
      message: `HubSpot says no (${kind})`,
      parkedFor: null,
    });
  });

  it('anything unknown is a dead letter, never a silent drop', () => {
    expect(decideAfterFailure(new TypeError('cannot read x of undefined'), ctx(1))).toMatchObject({ state: 'failed', message: 'cannot read x of undefined' });
    expect(decideAfterFailure('boom', ctx(1))).toMatchObject({ state: 'failed', message: 'boom' });
  });
});

describe('backoff', () => {
  it('starts at 2 s, doubles and caps at 10 min', () => {
    expect([1, 2, 3, 4, 9, 10, 11, 1_000].map(backoffCeilingMs)).toEqual([2_000, 4_000, 8_000, 16_000, 512_000, 600_000, 600_000, 600_000]);
  });

  it('property: 0 <= delay <= cap, and the upper bound never decreases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, r) => {
        const delay = backoffDelayMs(attempts, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeilingMs(attempts));
        expect(backoffCeilingMs(attempts)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
        expect(backoffCeilingMs(attempts + 1)).toBeGreaterThanOrEqual(backoffCeilingMs(attempts));
      }),
    );
  });

  it('a misbehaving random source still gives a delay within bounds', () => {
    for (const r of [Number.NaN, -1, 2, Infinity]) {
      const delay = backoffDelayMs(3, () => r);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(backoffCeilingMs(3));
    }
  });
});

describe('isDue', () => {
  const base = { nextAttemptAt: NOW, leaseUntil: null };
  it.each([
    [{ ...base, state: 'queued' }, NOW, true],
    [{ ...base, state: 'retrying', nextAttemptAt: NOW + 1 }, NOW, false],
    [{ ...base, state: 'retrying', nextAttemptAt: NOW + 1 }, NOW + 1, true],
    [{ ...base, state: 'parked', nextAttemptAt: null }, NOW + 1e12, false],
    [{ ...base, state: 'parked', nextAttemptAt: NOW }, NOW, true],
    [{ ...base, state: 'delivering', leaseUntil: NOW + 1 }, NOW, false],
    [{ ...base, state: 'delivering', leaseUntil: NOW }, NOW, true],
    [{ ...base, state: 'delivered' }, NOW, false],
    [{ ...base, state: 'failed' }, NOW, false],
  ] as const)('%o at %d -> %s', (entry, now, due) => {
    expect(isDue(entry, now)).toBe(due);
  });
});

describe('helpers', () => {
  it('next UTC midnight is strictly after now', () => {
    expect(nextUtcMidnight(Date.parse('2026-11-22T00:00:00Z'))).toBe(Date.parse('2026-11-23T00:00:00Z'));
    expect(nextUtcMidnight(Date.parse('2026-12-31T23:59:59Z'))).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
  it('describeFailure keeps kind, message and status only', () => {
    expect(describeFailure(new CrmError('rejected', 'bad', { status: 400, cause: new Error('secret body') }))).toEqual({ kind: 'rejected', message: 'bad', status: 400 });
    expect(describeFailure(new DOMException('x', 'TimeoutError'))).toMatchObject({ kind: 'timeout', status: null });
  });
});
