import { describe, expect, it } from 'vitest';
import { CREDENTIAL_EXPIRY_WARNING_MS as TOKEN_EXPIRY_WARNING_MS, countWaitingForReconnect, decideConnectionNotice } from '../../lib/background/connection-notice';
import { createOutboxEntry, type OutboxEntry } from '../../lib/outbox/outbox-entry';
import { dispositionEntry } from '../support/outbox/outbox-test-entries';

const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const HOUR = 3_600_000;
// The HubSpot provider calls OAuth access tokens short-lived (test/crm/hubspot/hubspot-provider-connection.test.ts).
const hubspot = (kind: 'static' | 'oauth_access' | 'unknown', expiresAt: number | null) =>
  ({ crmLabel: 'HubSpot', credential: { expiresAt, shortLived: kind === 'oauth_access' }, waitingForReconnect: 0, now: NOW, timeZone: 'UTC' }) as const;

describe('decideConnectionNotice', () => {
  it('nothing to say: no expiry, an expiry beyond a day, no token, the sandbox', () => {
    expect(decideConnectionNotice(hubspot('static', null))).toBeNull();
    expect(decideConnectionNotice(hubspot('unknown', NOW + TOKEN_EXPIRY_WARNING_MS + 1))).toBeNull();
    expect(decideConnectionNotice({ crmLabel: 'HubSpot', credential: null, waitingForReconnect: 0, now: NOW })).toBeNull();
    expect(decideConnectionNotice({ crmLabel: null, credential: null, waitingForReconnect: 0, now: NOW })).toBeNull();
  });

  it('expiring within 24 hours (the boundary included): a status to ask the admin, with the time', () => {
    const soon = decideConnectionNotice(hubspot('oauth_access', NOW + 25 * 60_000));
    expect(soon).toEqual({
      level: 'expiring',
      message: "Baton's connection to HubSpot expires at 15:25. Ask your admin to reconnect HubSpot in Baton's options before then; after that, what you save waits in Baton until they do.",
    });
    expect(decideConnectionNotice(hubspot('unknown', NOW + TOKEN_EXPIRY_WARNING_MS))?.level).toBe('expiring');
    // Another day: the date is named too.
    expect(decideConnectionNotice(hubspot('unknown', NOW + 20 * HOUR))?.message).toContain('expires at 23 Nov, 11:00');
  });

  it('expired: stopped', () => {
    expect(decideConnectionNotice(hubspot('oauth_access', NOW - 60_000))).toMatchObject({ level: 'stopped', message: expect.stringContaining('expired at 14:59') });
    expect(decideConnectionNotice(hubspot('oauth_access', NOW))?.level).toBe('stopped');
  });

  it('a short-lived credential whose expiry the CRM did not report still warns: it lives hours at most', () => {
    expect(decideConnectionNotice(hubspot('oauth_access', null))).toMatchObject({ level: 'expiring', message: expect.stringContaining('connected to HubSpot with a short-lived access token') });
  });

  it('a write parked after a 401 means stopped, whatever the stored expiry says, and for the sandbox too', () => {
    expect(decideConnectionNotice({ ...hubspot('static', null), waitingForReconnect: 2 })).toEqual({
      level: 'stopped',
      message: "HubSpot no longer accepts Baton's connection: 2 changes wait in Baton. Ask your admin to reconnect HubSpot in Baton's options; they go out once it is.",
    });
    expect(decideConnectionNotice({ crmLabel: null, credential: null, waitingForReconnect: 1, now: NOW })?.message).toMatch(/^The CRM no longer accepts Baton's connection: 1 change waits/);
  });

  it('counts only entries parked for auth', () => {
    const base = createOutboxEntry(dispositionEntry(1));
    const entries = [
      { ...base, state: 'parked', parkedFor: 'auth', nextAttemptAt: null },
      { ...base, state: 'parked', parkedFor: 'daily_limit', nextAttemptAt: NOW + HOUR },
      { ...base, state: 'failed' },
      { ...base, state: 'queued' },
    ] as OutboxEntry[];
    expect(countWaitingForReconnect(entries)).toBe(1);
  });
});
