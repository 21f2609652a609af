import { describe, expect, it } from 'vitest';
import { createCrmConnections } from '../../lib/crm/crm-connections';
import type { CrmDescriptor } from '../../lib/crm/crm-descriptor';
import type { CrmProvider, ProviderConnection, ProviderContext } from '../../lib/crm/crm-provider';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';
import { EMPTY_MANAGED_POLICY, type ManagedPolicy } from '../../lib/storage/managed-policy-parse';

/*
 * The background's CRM connections under IT's policy: the provider a policy names, its account
 * and its service key are what a provider sees, without being written to the stored settings or
 * the secret store; a policy change applies on the next use.
 */

function keyProvider(kind: string): { provider: CrmProvider; seen: { secrets: (string | null)[]; accounts: (string | null)[] } } {
  const seen = { secrets: [] as (string | null)[], accounts: [] as (string | null)[] };
  const descriptor = { kind, label: kind.toUpperCase(), rank: 1, pageMatches: [], readPage: () => null, apiHosts: [], defaultLeadStatusMapping: { version: 1, rejected: 'r', recycled: 'c', working: 'w', opportunityCreated: 'o', unreachable: 'u' }, maxTextPropertyLength: 100 } as CrmDescriptor;
  const connect = (context: ProviderContext): ProviderConnection => {
    const unused = () => Promise.reject(new Error('not used here'));
    return {
      adapterFor: unused,
      writerFor: unused,
      reporting: unused,
      async saveCredential(secret) {
        await context.writeSecret(secret);
      },
      async forgetCredential() {
        await context.deleteSecret();
      },
      async checkConnection() {
        const secret = await context.readSecret();
        const state = await context.readState();
        seen.secrets.push(secret);
        seen.accounts.push(state.account);
        await context.writeState({ account: 'from-check', credential: { kind: 'key', expiresAt: null } });
        return { hasToken: secret !== null, check: null };
      },
      credentialFacts: () => null,
    };
  };
  return { provider: { descriptor, connect }, seen };
}

function setup() {
  const alpha = keyProvider('alpha');
  const beta = keyProvider('beta');
  let stored: ConnectionSettings = { ...defaultConnectionSettings(false), provider: 'alpha' };
  const secrets = new Map<string, string>([['alpha-token', 'stored-alpha-key']]);
  let policy: ManagedPolicy = EMPTY_MANAGED_POLICY;
  const connections = createCrmConnections({
    providers: [alpha.provider, beta.provider],
    demoBuild: false,
    readSettings: async () => stored,
    writeSettings: async (next) => void (stored = next),
    readSecret: async (name) => secrets.get(name) ?? null,
    writeSecret: async (name, value) => void secrets.set(name, value),
    deleteSecret: async (name) => void secrets.delete(name),
    readWriteRules: () => Promise.reject(new Error('not used here')),
    readManagedPolicy: async () => policy,
  });
  return { connections, alpha, beta, secrets, stored: () => stored, setPolicy: (next: ManagedPolicy) => void (policy = next) };
}

describe('CRM connections under a managed policy', () => {
  it('uses the stored settings and key when nothing is managed', async () => {
    const { connections, alpha } = setup();
    expect(await connections.checkConnection()).toEqual({ hasToken: true, check: null });
    expect(alpha.seen.secrets).toEqual(['stored-alpha-key']);
  });

  it("uses the policy's provider, account and key, and stores none of them", async () => {
    const { connections, beta, secrets, stored, setPolicy } = setup();
    setPolicy({ ...EMPTY_MANAGED_POLICY, provider: 'beta', account: 'acme', serviceKey: 'managed-beta-key' });
    expect(await connections.checkConnection()).toEqual({ hasToken: true, check: null });
    expect(beta.seen).toEqual({ secrets: ['managed-beta-key'], accounts: ['acme'] });
    // The stored record keeps the admin's own choice (plus what the check wrote for beta); no key copied.
    expect(stored().provider).toBe('alpha');
    expect(stored().providers.beta).toEqual({ account: 'from-check', credential: { kind: 'key', expiresAt: null } });
    expect([...secrets.keys()]).toEqual(['alpha-token']);
    expect(JSON.stringify(stored())).not.toContain('managed-beta-key');
    // The managed account still wins over what the check stored.
    await connections.checkConnection();
    expect(beta.seen.accounts).toEqual(['acme', 'acme']);
  });

  it('refuses to replace or forget a key IT set', async () => {
    const { connections, secrets, setPolicy } = setup();
    setPolicy({ ...EMPTY_MANAGED_POLICY, provider: 'alpha', serviceKey: 'managed-alpha-key' });
    await expect(connections.saveCredential('pasted')).rejects.toThrow(/Your organisation set the ALPHA key/);
    await expect(connections.forgetCredential()).rejects.toThrow(/only your IT administrator/);
    expect(secrets.get('alpha-token')).toBe('stored-alpha-key');
  });

  it('applies a policy change on the next use, and a removed policy brings the stored settings back', async () => {
    const { connections, alpha, beta, setPolicy } = setup();
    setPolicy({ ...EMPTY_MANAGED_POLICY, provider: 'beta', serviceKey: 'k1' });
    await connections.checkConnection();
    setPolicy({ ...EMPTY_MANAGED_POLICY, provider: 'beta', serviceKey: 'k2' });
    await connections.checkConnection();
    setPolicy(EMPTY_MANAGED_POLICY);
    await connections.checkConnection();
    expect(beta.seen.secrets).toEqual(['k1', 'k2']);
    expect(alpha.seen.secrets).toEqual(['stored-alpha-key']);
  });
});
