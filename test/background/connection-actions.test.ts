import { describe, expect, it } from 'vitest';
import { createConnectionActions } from '../../lib/background/connection-actions';
import type { ConnectionCheck } from '../../lib/crm/hubspot/check-connection';
import type { ConnectionSettings } from '../../lib/storage/connection-settings';

const PAT = 'pat-na1-11111111-2222-3333-4444-555555555555';
const OAUTH = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';

function setup(check: (token: string) => ConnectionCheck, token: string | null = null) {
  let stored = token;
  let settings: ConnectionSettings = { kind: 'sandbox', sandboxUrl: 'http://127.0.0.1:4477', hubspotPortalId: null, hubspotToken: null };
  let resumed = 0;
  const actions = createConnectionActions({
    readToken: async () => stored,
    writeToken: async (t) => void (stored = t),
    deleteToken: async () => void (stored = null),
    readSettings: async () => settings,
    writeSettings: async (s) => void (settings = s),
    check: async (t) => check(t),
    resumeParkedForAuth: async () => void resumed++,
  });
  return { actions, settings: () => settings, stored: () => stored, resumed: () => resumed };
}

const connected = (token: ConnectionCheck['token']): ConnectionCheck => ({ ok: true, portalId: '4711', message: 'Connected', token });

describe('connection actions', () => {
  it('saving a token stores it, switches to HubSpot with the kind read from its shape, and resumes parked writes', async () => {
    const t = setup(() => connected(undefined));
    await t.actions.saveToken(PAT);
    expect(t.stored()).toBe(PAT);
    expect(t.settings()).toMatchObject({ kind: 'hubspot', hubspotPortalId: null, hubspotToken: { kind: 'static', expiresAt: null } });
    expect(t.resumed()).toBe(1);
  });

  it('a check keeps the portal and the expiry it learnt, for the panel', async () => {
    const t = setup(() => connected({ kind: 'oauth_access', label: 'OAuth access token', expiresAt: 5_000 }), OAUTH);
    expect(await t.actions.connectionStatus()).toMatchObject({ hasToken: true, check: { portalId: '4711' } });
    expect(t.settings()).toMatchObject({ hubspotPortalId: '4711', hubspotToken: { kind: 'oauth_access', expiresAt: 5_000 } });
  });

  it('a later check that cannot read the expiry keeps the one known before; a failed check keeps the portal', async () => {
    let answer = connected({ kind: 'oauth_access', label: 'OAuth access token', expiresAt: 5_000 });
    const t = setup(() => answer, OAUTH);
    await t.actions.connectionStatus();
    answer = { ok: false, portalId: null, message: 'Expired', token: { kind: 'oauth_access', label: 'OAuth access token', expiresAt: null } };
    await t.actions.connectionStatus();
    expect(t.settings()).toMatchObject({ hubspotPortalId: '4711', hubspotToken: { kind: 'oauth_access', expiresAt: 5_000 } });
  });

  it('without a token there is nothing to check; forgetting clears the token and what was known of it', async () => {
    const t = setup(() => connected({ kind: 'static', label: 'x', expiresAt: null }), PAT);
    await t.actions.connectionStatus();
    await t.actions.forgetToken();
    expect(t.stored()).toBeNull();
    expect(t.settings()).toMatchObject({ hubspotPortalId: null, hubspotToken: null });
    expect(await t.actions.connectionStatus()).toEqual({ hasToken: false, check: null });
  });
});
