import { CrmError } from './crm-error';
import type { CrmAdapter, CrmWriter } from './crm-port';
import type { CrmAccessToken, CrmAccessTokenLender } from './engagement-source-port';
import { NO_MANAGED_SIGN_IN, type CrmAddress, type CrmProvider, type CrmTarget, type CredentialFacts, type FieldSetupResult, type ManagedSignIn, type ProviderConnection, type WriteRules } from './crm-provider';
import type { CrmReporting } from './crm-reporting-port';
import type { LeadPage } from './pages/lead-page';
import type { TeamRulesStore } from './team-rules-port';
import { leadStatusMappingFor } from './lead-status-mapping-for';
import type { ConnectionStatus } from '../messaging/protocol';
import { providerState, type ConnectionSettings } from '../storage/connection-settings';
import { applyManagedConnection, managedCredential } from '../storage/managed-policy-overlay';
import { EMPTY_MANAGED_POLICY, type ManagedPolicy } from '../storage/managed-policy-parse';
import type { SecretName } from '../storage/secret-store';
import { credentialSecretName } from '../storage/secret-store';

/** Where a write goes: enough of a lead page to pick the CRM connection (stored with outbox entries). */
export interface CrmRoute {
  crm: string;
  account: string;
  origin: string;
}

export interface CrmConnectionsDeps {
  providers: readonly CrmProvider[];
  demoBuild: boolean;
  readSettings(): Promise<ConnectionSettings>;
  writeSettings(settings: ConnectionSettings): Promise<void>;
  readSecret(name: SecretName): Promise<string | null>;
  writeSecret(name: SecretName, value: string): Promise<void>;
  deleteSecret(name: SecretName): Promise<void>;
  /** The admin's current outcome → lead status mapping and reason labels, read at write time. */
  readWriteRules(): Promise<WriteRules>;
  /** IT's policy (storage.managed): its values win over the stored settings and credential, and are never stored. */
  readManagedPolicy?(): Promise<ManagedPolicy>;
  /** Scopes a CRM's sign-in must add for the engagement sources set up (by provider kind). */
  extraSignInScopes?(crm: string): Promise<readonly string[]>;
  fetch?: typeof fetch;
  now?: () => number;
}

/** What the options page and the panel's notice learn about the connection Baton uses. */
export interface ActiveConnectionFacts {
  /** The CRM's name; null when the sandbox stands in for it (the panel then says "the CRM"). */
  crmLabel: string | null;
  credential: CredentialFacts | null;
}

export interface CrmConnections {
  adapterFor(page: LeadPage): Promise<CrmAdapter>;
  /** The record a page stands for (a provider may resolve, e.g., a lead object to its contact). */
  resolveRecord(page: LeadPage): Promise<LeadPage>;
  writerFor(route: CrmRoute): Promise<CrmWriter>;
  /** Insights' and the backtest's reads, from the connection the settings choose. */
  reporting(): Promise<CrmReporting>;
  /** Admin setup: Baton's own fields in the connected CRM (or the sandbox in demo builds). */
  setupFields(): Promise<FieldSetupResult>;
  /** Where the team's published rules live, for the connection the settings choose. */
  teamRules(): Promise<TeamRulesLocation>;
  saveCredential(secret: string): Promise<void>;
  forgetCredential(): Promise<void>;
  checkConnection(): Promise<ConnectionStatus>;
  activeConnectionFacts(): Promise<ActiveConnectionFacts>;
  /** Where a page's or route's CRM is (engagement sources read the sandbox's dialects there). */
  targetFor(route: CrmRoute): CrmTarget;
  /** The CRM connection's access token for engagement sources that sign in the same way; null: the CRM lends none. */
  lendAccessToken(crm: string, target: CrmTarget): Promise<CrmAccessToken | null>;
  /** The CRM the settings choose and where it is (the options page's engagement source test). */
  activeTarget(): Promise<{ crm: string; target: CrmTarget }>;
}

/** The connected CRM's place for the team's rules, and which account it is (a cache is kept per key). */
export interface TeamRulesLocation {
  /** Null: this CRM cannot hold published rules yet; every browser uses its own settings. */
  store: TeamRulesStore | null;
  /** Names the CRM account, so rules read from one account never stand in for another's. */
  key: string;
  crmLabel: string;
}

/** What the policy fixes for a provider's sign-in: only when the policy names that provider. */
function managedSignIn(policy: ManagedPolicy, kind: string): ManagedSignIn {
  if (policy.provider !== kind) return NO_MANAGED_SIGN_IN;
  return { account: policy.account, consumerKey: policy.consumerKey, loginHost: policy.loginHost };
}

const LOOPBACK_HTTP = /^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?$/;

/**
 * The background's one way to a CRM: picks the provider for a page, a stored outbox route or the
 * settings, points it at the vendor or at the sandbox CRM, and lends it its own slice of settings
 * and secrets. CRM-neutral: what each CRM needs lives in its provider folder.
 */
export function createCrmConnections(deps: CrmConnectionsDeps): CrmConnections {
  const connections = new Map<string, ProviderConnection>();
  const now = deps.now ?? Date.now;
  const readManaged = async (): Promise<ManagedPolicy> => (deps.readManagedPolicy ? deps.readManagedPolicy() : EMPTY_MANAGED_POLICY);
  /** The settings in use: the stored ones under the policy's (read-modify-write uses the stored ones alone). */
  const readSettings = async (): Promise<ConnectionSettings> => {
    // The policy first: its first read can take seconds, and settings read before that wait
    // would be seconds old (a choice the admin just saved, missed) by the time they are used.
    const policy = await readManaged();
    return applyManagedConnection(await deps.readSettings(), policy);
  };

  function providerFor(kind: string): CrmProvider {
    const provider = deps.providers.find((p) => p.descriptor.kind === kind) ?? deps.providers.find((p) => p.descriptor.legacyKinds?.includes(kind));
    if (!provider) throw new CrmError('rejected', 'This CRM page is not supported.');
    return provider;
  }

  function connectionFor(provider: CrmProvider): ProviderConnection {
    const { kind, label } = provider.descriptor;
    if (!provider.connect) {
      const connectable = deps.providers.filter((p) => p.connect).map((p) => p.descriptor.label);
      throw new CrmError('rejected', `${label} records are recognised, but the ${label} connection is not available yet.${connectable.length ? ` Baton works with ${connectable.join(' and ')} today.` : ''}`);
    }
    let connection = connections.get(kind);
    if (!connection) {
      const secret = credentialSecretName(kind);
      connection = provider.connect({
        demoBuild: deps.demoBuild,
        readState: async () => providerState(await readSettings(), kind),
        writeState: async (state) => {
          const settings = await deps.readSettings();
          await deps.writeSettings({ ...settings, providers: { ...settings.providers, [kind]: state } });
        },
        readSecret: async () => managedCredential(await readManaged(), kind) ?? deps.readSecret(secret),
        writeSecret: (value) => deps.writeSecret(secret, value),
        deleteSecret: () => deps.deleteSecret(secret),
        readWriteRules: async () => {
          const rules = await deps.readWriteRules();
          return { ...rules, mapping: leadStatusMappingFor(kind, rules.mapping, deps.providers.map((p) => p.descriptor)) };
        },
        extraSignInScopes: async () => (deps.extraSignInScopes ? deps.extraSignInScopes(kind) : []),
        readManagedSignIn: async () => managedSignIn(await readManaged(), kind),
        fetch: deps.fetch,
        now,
      });
      connections.set(kind, connection);
    }
    return connection;
  }

  /** A page or route on the sandbox CRM (loopback http) is an address, only demo builds reach. */
  function addressOf(origin: string): CrmAddress {
    if (!LOOPBACK_HTTP.test(origin)) return { kind: 'vendor' };
    if (!deps.demoBuild) throw new CrmError('rejected', 'The sandbox CRM is only available in demo builds.');
    return { kind: 'sandbox', baseUrl: origin };
  }

  /** A credential IT set by policy is changed only by IT. */
  async function refuseManagedCredential(provider: CrmProvider): Promise<void> {
    if (managedCredential(await readManaged(), provider.descriptor.kind) !== null) {
      throw new CrmError('rejected', `Your organisation set the ${provider.descriptor.label} key Baton uses; only your IT administrator can change it.`);
    }
  }

  const targetOf = (route: CrmRoute): CrmTarget => ({ account: route.account, address: addressOf(route.origin) });

  /** The provider and address the settings choose (Insights, the backtest, the options page). */
  async function active(): Promise<{ provider: CrmProvider; address: CrmAddress; settings: ConnectionSettings }> {
    const settings = await readSettings();
    const provider = providerFor(settings.provider);
    const address: CrmAddress = settings.address === 'sandbox' && deps.demoBuild ? { kind: 'sandbox', baseUrl: settings.sandboxUrl } : { kind: 'vendor' };
    return { provider, address, settings };
  }

  return {
    async adapterFor(page) {
      return connectionFor(providerFor(page.crm)).adapterFor(targetOf(page));
    },
    async resolveRecord(page) {
      const connection = connectionFor(providerFor(page.crm));
      return connection.resolvePage ? connection.resolvePage(page, targetOf(page)) : page;
    },
    async writerFor(route) {
      return connectionFor(providerFor(route.crm)).writerFor(targetOf(route));
    },
    async reporting() {
      const { provider, address } = await active();
      return connectionFor(provider).reporting(address);
    },
    async setupFields() {
      const { provider, address } = await active();
      const connection = connectionFor(provider);
      if (!connection.setupFields) throw new CrmError('rejected', `${provider.descriptor.label} needs no fields set up by Baton.`);
      return connection.setupFields(address);
    },
    async teamRules() {
      const { provider, address, settings } = await active();
      const kind = provider.descriptor.kind;
      const key = address.kind === 'sandbox' ? `${kind}|sandbox|${address.baseUrl}` : `${kind}|${providerState(settings, kind).account ?? 'not-yet-checked'}`;
      const connection = provider.connect ? connectionFor(provider) : null;
      const store = connection?.teamRules ? await connection.teamRules(address) : null;
      return { store, key, crmLabel: address.kind === 'sandbox' ? 'the sandbox CRM' : provider.descriptor.label };
    },
    async saveCredential(secret) {
      const { provider } = await active();
      await refuseManagedCredential(provider);
      await connectionFor(provider).saveCredential(secret);
    },
    async forgetCredential() {
      const { provider } = await active();
      await refuseManagedCredential(provider);
      await connectionFor(provider).forgetCredential();
    },
    async checkConnection() {
      const { provider } = await active();
      return connectionFor(provider).checkConnection();
    },
    async activeConnectionFacts() {
      const { provider, address, settings } = await active();
      if (address.kind === 'sandbox' || !provider.connect) return { crmLabel: address.kind === 'sandbox' ? null : provider.descriptor.label, credential: null };
      return { crmLabel: provider.descriptor.label, credential: connectionFor(provider).credentialFacts(providerState(settings, provider.descriptor.kind)) };
    },
    targetFor: targetOf,
    async lendAccessToken(crm, target) {
      const provider = providerFor(crm);
      if (!provider.connect) return null;
      const lender = connectionFor(provider) as ProviderConnection & Partial<CrmAccessTokenLender>;
      return lender.lendAccessToken ? lender.lendAccessToken(target) : null;
    },
    async activeTarget() {
      const { provider, address, settings } = await active();
      const account = address.kind === 'sandbox' ? new URL(address.baseUrl).host : (providerState(settings, provider.descriptor.kind).account ?? '');
      return { crm: provider.descriptor.kind, target: { account, address } };
    },
  };
}
