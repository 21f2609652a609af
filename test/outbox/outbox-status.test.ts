import { describe, expect, it } from 'vitest';
import { createOutboxEntry } from '../../lib/outbox/outbox-entry';
import type { OutboxEntry } from '../../lib/outbox/outbox-entry';
import { describeOutboxEntry, formatWait } from '../../lib/outbox/outbox-status';
import { dispositionEntry, MINUTE, NOW, SECOND } from '../support/outbox/outbox-test-entries';

function entry(over: Partial<OutboxEntry> = {}, n = 1): OutboxEntry {
  return { ...createOutboxEntry(dispositionEntry(n)), ...over } as OutboxEntry;
}
const lastError = (kind: string, message: string, status: number | null = null) => ({ kind, message, status });

describe('describeOutboxEntry', () => {
  it('delivered: saved, with when', () => {
    expect(describeOutboxEntry(entry({ state: 'delivered', deliveredAt: NOW - 2 * MINUTE }), NOW)).toEqual({ tone: 'ok', label: 'Saved to CRM', detail: 'Delivered 2 min ago' });
  });

  it('queued and sending', () => {
    expect(describeOutboxEntry(entry({ state: 'queued', nextAttemptAt: NOW }), NOW)).toMatchObject({ tone: 'pending', label: 'Queued — sending now' });
    expect(describeOutboxEntry(entry({ state: 'delivering', attempts: 1, leaseUntil: NOW + MINUTE }), NOW)).toEqual({ tone: 'pending', label: 'Sending to the CRM…', detail: null });
    expect(describeOutboxEntry(entry({ state: 'delivering', attempts: 3, leaseUntil: NOW + MINUTE }), NOW).detail).toBe('Attempt 3');
    expect(describeOutboxEntry(entry({ state: 'delivering', attempts: 1, leaseUntil: NOW - 1 }), NOW)).toMatchObject({ tone: 'pending', label: 'Queued — sending again' });
  });

  it('retrying: when, and why', () => {
    const status = describeOutboxEntry(
      entry({ state: 'retrying', attempts: 2, nextAttemptAt: NOW + 2 * MINUTE, message: 'HubSpot had a problem (HTTP 503); Baton will try again', lastError: lastError('server', 'x', 503) }),
      NOW,
    );
    expect(status).toEqual({ tone: 'pending', label: 'Queued — will retry in 2 min', detail: 'HubSpot had a problem (HTTP 503); Baton will try again · 2 attempts so far' });
    expect(describeOutboxEntry(entry({ state: 'retrying', attempts: 1, nextAttemptAt: NOW - 1 }), NOW).label).toBe('Queued — retrying now');
  });

  it('parked for the daily limit says when it resets', () => {
    const status = describeOutboxEntry(
      entry({ state: 'parked', parkedFor: 'daily_limit', nextAttemptAt: Date.parse('2026-11-23T00:00:00Z'), message: "The CRM's daily API limit is used up; Baton will resend after it resets" }),
      NOW,
    );
    expect(status).toEqual({
      tone: 'warning',
      label: 'Waiting for the daily API limit to reset (at 00:00 UTC)',
      detail: "The CRM's daily API limit is used up; Baton will resend after it resets",
    });
  });

  it('parked for auth asks for a reconnect', () => {
    expect(describeOutboxEntry(entry({ state: 'parked', parkedFor: 'auth', nextAttemptAt: null, message: 'Reconnect the CRM to send this' }), NOW)).toMatchObject({
      tone: 'warning',
      label: 'Reconnect the CRM to send this',
    });
  });

  it('failed: the CRM message, and what to do', () => {
    const refused = entry({ state: 'failed', nextAttemptAt: null, message: 'Property "baton_reason" does not exist', lastError: lastError('rejected', 'Property "baton_reason" does not exist', 400) });
    expect(describeOutboxEntry(refused, NOW)).toEqual({ tone: 'error', label: 'The CRM refused this: Property "baton_reason" does not exist', detail: 'Fix it and send it again, or discard it.' });
    const bug = entry({ state: 'failed', nextAttemptAt: null, message: 'x is undefined', lastError: lastError('unknown', 'x is undefined') });
    expect(describeOutboxEntry(bug, NOW).label).toBe('Baton could not send this: x is undefined');
  });

  it('failed with a conflict (412: the lead status changed in the CRM since the rep saw it): shown as a conflict, not overwritten', () => {
    const message = "The lead's status is now 'CONNECTED' (set in HubSpot since you saw 'OPEN')";
    const conflict = entry({ state: 'failed', nextAttemptAt: null, message, lastError: lastError('rejected', message, 412) });
    expect(describeOutboxEntry(conflict, NOW)).toEqual({
      tone: 'warning',
      label: `Not written — changed in the CRM since you saw it: ${message}`,
      detail: 'Nothing was overwritten. Check the lead in the CRM, then send this again to replace it anyway, or discard it and decide again.',
    });
  });

  it('failed as superseded (set aside by the drain): not called a refusal by the CRM', () => {
    const message = 'Not sent: a later disposition for this lead is already in the CRM.';
    const aside = entry({ state: 'failed', nextAttemptAt: null, message, lastError: lastError('superseded', message) });
    expect(describeOutboxEntry(aside, NOW)).toEqual({ tone: 'warning', label: message, detail: 'Discard it, or send it again to replace the later one in the CRM.' });
  });

  it('with the other entries: says when it waits behind an older write to the same lead', () => {
    const older = entry({ state: 'parked', parkedFor: 'auth', nextAttemptAt: null, createdAt: NOW - MINUTE }, 1);
    const newer = entry({ leadKey: older.leadKey, state: 'queued', nextAttemptAt: NOW }, 2);
    expect(describeOutboxEntry(newer, NOW, { others: [older, newer] })).toEqual({
      tone: 'warning',
      label: 'Queued behind an earlier change to this lead',
      detail: 'That one: Reconnect the CRM to send this',
    });
    expect(describeOutboxEntry(newer, NOW, { others: [{ ...older, state: 'delivered' }] }).label).toBe('Queued — sending now');
  });

  it('with the other entries: says when the account is waiting out a rate limit', () => {
    const limited = entry({ state: 'retrying', nextAttemptAt: NOW + 8 * SECOND, lastError: lastError('rate_limited', 'busy', 429) }, 1);
    const queued = entry({ state: 'queued', nextAttemptAt: NOW }, 2);
    expect(describeOutboxEntry(queued, NOW, { others: [limited] }).label).toBe('Queued — the CRM asked Baton to slow down; sending in 8 s');
  });
});

describe('formatWait', () => {
  it.each([
    [1, '1 s'],
    [45 * SECOND, '45 s'],
    [90 * SECOND, '2 min'],
    [2 * MINUTE, '2 min'],
    [60 * MINUTE, '1 h'],
    [200 * MINUTE, '3 h 20 min'],
  ])('%d ms -> %s', (ms, text) => expect(formatWait(ms)).toBe(text));
});
