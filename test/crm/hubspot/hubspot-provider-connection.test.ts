import { describe, expect, it } from 'vitest';
import type { ConnectionCheck } from '../../../lib/crm/hubspot/check-connection';
import { createHubSpotProvider } from '../../../lib/crm/hubspot/hubspot-provider';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';

const PAT = 'pat-na1-11111111-2222-3333-4444-555555555555';
const OAUTH = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';

/** The HubSpot provider's connection with its settings slice and secret kept in memory. */
function setup(check: (token: string) => ConnectionCheck, token: string | null = null) {
  const { context, state, secret } = inMemoryProviderContext({
    demoBuild: false,
    secret: token,
    rules: { mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' },
    fetch: (async () => new Response('{}', { status: 500 })) as typeof fetch,
    now: () => 0,
  });
  const connection = createHubSpotProvider({ check: async (t) => check(t) }).connect!(context);
  return { connection, state, secret };
}

const connected = (token: ConnectionCheck['token']): ConnectionCheck => ({ ok: true, portalId: '4711', message: 'Connected', token });

describe('HubSpot provider: the connection an admin sets up', () => {
  it('saving a token stores it and records its kind from its shape (the expiry comes with the check)', async () => {
    const t = setup(() => connected(undefined));
    await t.connection.saveCredential(PAT);
    expect(t.secret()).toBe(PAT);
    expect(t.state()).toEqual({ account: null, credential: { kind: 'static', expiresAt: null } });
  });

  it('a check keeps the portal and the expiry it learnt, for the panel', async () => {
    const t = setup(() => connected({ kind: 'oauth_access', label: 'OAuth access token', expiresAt: 5_000 }), OAUTH);
    expect(await t.connection.checkConnection()).toMatchObject({ hasToken: true, check: { portalId: '4711' } });
    expect(t.state()).toEqual({ account: '4711', credential: { kind: 'oauth_access', expiresAt: 5_000 } });
  });

  it('a later check that cannot read the expiry keeps the one known before; a failed check keeps the portal', async () => {
    let answer = connected({ kind: 'oauth_access', label: 'OAuth access token', expiresAt: 5_000 });
    const t = setup(() => answer, OAUTH);
    await t.connection.checkConnection();
    answer = { ok: false, portalId: null, message: 'Expired', token: { kind: 'oauth_access', label: 'OAuth access token', expiresAt: null } };
    await t.connection.checkConnection();
    expect(t.state()).toEqual({ account: '4711', credential: { kind: 'oauth_access', expiresAt: 5_000 } });
  });

  it('without a token there is nothing to check; forgetting clears the token and what was known of it', async () => {
    const t = setup(() => connected({ kind: 'static', label: 'x', expiresAt: null }), PAT);
    await t.connection.checkConnection();
    await t.connection.forgetCredential();
    expect(t.secret()).toBeNull();
    expect(t.state()).toEqual({ account: null, credential: null });
    expect(await t.connection.checkConnection()).toEqual({ hasToken: false, check: null });
  });

  it('tells the panel which credentials are short-lived: OAuth access tokens, whatever HubSpot said of their expiry', () => {
    const { connection } = setup(() => connected(undefined));
    expect(connection.credentialFacts({ account: '1', credential: { kind: 'oauth_access', expiresAt: null } })).toEqual({ expiresAt: null, shortLived: true });
    expect(connection.credentialFacts({ account: '1', credential: { kind: 'static', expiresAt: null } })).toEqual({ expiresAt: null, shortLived: false });
    expect(connection.credentialFacts({ account: null, credential: null })).toBeNull();
  });

  it('refuses to read or write a record of another portal than the token reaches', async () => {
    const t = setup(() => connected(undefined), PAT);
    await t.connection.checkConnection();
    const target = { account: '999', address: { kind: 'vendor' } as const };
    await expect(t.connection.writerFor(target)).rejects.toThrow('This record is in HubSpot portal 999, but Baton is connected to portal 4711');
    await expect(t.connection.adapterFor(target)).rejects.toThrow('portal 4711');
  });

  it('needs a token for the vendor, none for the sandbox', async () => {
    const t = setup(() => connected(undefined));
    await expect(t.connection.reporting({ kind: 'vendor' })).rejects.toMatchObject({ kind: 'auth' });
    const sandbox = await t.connection.reporting({ kind: 'sandbox', baseUrl: 'http://127.0.0.1:4477' });
    expect(sandbox).toMatchObject({ crm: 'hubspot', account: 'sandbox', key: 'sandbox|http://127.0.0.1:4477', sandbox: true });
  });
});
