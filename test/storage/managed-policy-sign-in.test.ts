import { describe, expect, it } from 'vitest';
import { createCrmConnections } from '../../lib/crm/crm-connections';
import type { CrmProvider, ManagedSignIn, ProviderContext } from '../../lib/crm/crm-provider';
import { createSalesforceProvider } from '../../lib/crm/salesforce/salesforce-provider';
import type { WebAuthFlow } from '../../lib/crm/salesforce/salesforce-web-auth-flow';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';
import { EMPTY_MANAGED_POLICY, type ManagedPolicy } from '../../lib/storage/managed-policy-parse';
import { SIGN_IN_REDIRECT } from '../support/salesforce/approving-sign-in-window';

/*
 * The background lends a provider what IT's policy fixes for its sign-in, only when the policy
 * names that provider; and, end to end through the background's connections, a Salesforce sign-in
 * for another org than the policy's is refused with nothing written to the settings or secrets.
 */

const IT_KEY = '3MVG9itSetThisKeyForEveryone0123456789';
const ACME = 'acme.my.salesforce.com';

function background(providers: CrmProvider[], policy: ManagedPolicy) {
  const writes: string[] = [];
  let stored: ConnectionSettings = { ...defaultConnectionSettings(false), provider: 'salesforce' };
  const secrets = new Map<string, string>();
  const connections = createCrmConnections({
    providers,
    demoBuild: false,
    readSettings: async () => stored,
    writeSettings: async (next) => {
      writes.push('settings');
      stored = next;
    },
    readSecret: async (name) => secrets.get(name) ?? null,
    writeSecret: async (name, value) => {
      writes.push(`secret ${name}`);
      secrets.set(name, value);
    },
    deleteSecret: async (name) => void secrets.delete(name),
    readWriteRules: () => Promise.reject(new Error('not used here')),
    readManagedPolicy: async () => policy,
    fetch: () => Promise.reject(new Error('no request expected')),
  });
  return { connections, writes, secrets };
}

/** A provider that only records what the context lends for its sign-in (on a credential save or a record read). */
function lendingProvider(kind: string, seen: ManagedSignIn[]): CrmProvider {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    descriptor: { kind, label: kind } as unknown as CrmProvider['descriptor'],
    connect: (context: ProviderContext) => {
      const record = async () => void seen.push(await context.readManagedSignIn!());
      return {
        adapterFor: async () => {
          await record();
          return null as never;
        },
        writerFor: unused,
        reporting: unused,
        saveCredential: record,
        forgetCredential: unused,
        checkConnection: unused,
        credentialFacts: () => null,
      };
    },
  };
}

const NOTHING = { account: null, consumerKey: null, loginHost: null };

describe("the policy's sign-in values, as the background lends them", () => {
  it("lends the policy's org, key and login page to the provider the policy names", async () => {
    const seen: ManagedSignIn[] = [];
    const { connections } = background([lendingProvider('salesforce', seen)], { ...EMPTY_MANAGED_POLICY, provider: 'salesforce', account: ACME, consumerKey: IT_KEY, loginHost: 'login.salesforce.com' });
    await connections.saveCredential('{}');
    expect(seen).toEqual([{ account: ACME, consumerKey: IT_KEY, loginHost: 'login.salesforce.com' }]);
  });

  it('lends nothing when the policy names no provider', async () => {
    const seen: ManagedSignIn[] = [];
    const { connections } = background([lendingProvider('salesforce', seen)], EMPTY_MANAGED_POLICY);
    await connections.saveCredential('{}');
    expect(seen).toEqual([NOTHING]);
  });

  it("lends another CRM's values to that CRM only", async () => {
    const salesforce: ManagedSignIn[] = [];
    const other: ManagedSignIn[] = [];
    const { connections } = background([lendingProvider('salesforce', salesforce), lendingProvider('other', other)], { ...EMPTY_MANAGED_POLICY, provider: 'other', account: '4711', consumerKey: IT_KEY });
    await connections.saveCredential('{}');
    await connections.adapterFor({ crm: 'salesforce', account: ACME, origin: `https://${ACME}` } as never);
    expect(other).toEqual([{ account: '4711', consumerKey: IT_KEY, loginHost: null }]);
    expect(salesforce).toEqual([NOTHING]);
  });
});

describe('a Salesforce sign-in through the background under IT policy', () => {
  it('refuses a request for another org than the policy sets, and writes nothing', async () => {
    const launches: string[] = [];
    const flow: WebAuthFlow = { redirectUrl: () => SIGN_IN_REDIRECT, launch: async (url) => void launches.push(url) };
    const { connections, writes, secrets } = background([createSalesforceProvider({ webAuthFlow: flow })], { ...EMPTY_MANAGED_POLICY, provider: 'salesforce', account: ACME, consumerKey: IT_KEY });
    await expect(connections.saveCredential(JSON.stringify({ myDomain: 'beta.my.salesforce.com', consumerKey: IT_KEY }))).rejects.toMatchObject({
      kind: 'rejected',
      message: `Your organisation set the Salesforce org Baton connects to: ${ACME}. Only your IT administrator can change it.`,
    });
    expect(launches).toEqual([]);
    expect(writes).toEqual([]);
    expect(secrets.size).toBe(0);
  });
});
