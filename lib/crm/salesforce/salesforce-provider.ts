import { CrmError } from '../crm-error';
import type { CrmAdapter, CrmWriter } from '../crm-port';
import { NO_MANAGED_SIGN_IN, type CrmAddress, type CrmProvider, type CrmTarget, type ProviderConnection, type ProviderContext, type WriteRules } from '../crm-provider';
import type { CrmReporting } from '../crm-reporting-port';
import type { CrmAccessTokenLender } from '../engagement-source-port';
import { createSalesforceAdapter } from './salesforce-adapter';
import { salesforceApiHost } from './salesforce-api-host';
import { createSalesforceClient, type SalesforceSession } from './salesforce-client';
import type { SalesforceClient } from './salesforce-client-contract';
import { checkSalesforceOrg } from './salesforce-connection-check';
import { activeOrg, orgForHost, readStoredTokens, withOrg, writeStoredTokens, type OrgTokens } from './salesforce-connection-state';
import { ensureSalesforceBatonFields } from './salesforce-field-setup';
import { otherOrgRefusal, planSalesforceSignIn } from './salesforce-managed-sign-in';
import { crmDescriptor as salesforceDescriptor } from './salesforce-descriptor';
import { parseIdentityUrl } from './salesforce-identity';
import { refreshAccessToken, revokeToken, signInWithPkce, type OAuthServer, type TokenAnswer } from './salesforce-oauth';
import { withBulkQueries } from './salesforce-bulk-query';
import { readSalesforceLeadStatuses } from './salesforce-lead-statuses';
import { createSalesforceReporting } from './salesforce-reporting';
import { lightningOrigin, withSalesforceQueue } from './salesforce-queue-reader';
import { createSalesforceTeamRulesStore } from './salesforce-team-rules';
import { sandboxAuthorizeStep, SANDBOX_CONSUMER_KEY } from './salesforce-sandbox-sign-in';
import { createTokenSession } from './salesforce-session';
import { browserWebAuthFlow, webAuthFlowStep, type WebAuthFlow } from './salesforce-web-auth-flow';
import { createSalesforceWriter } from './salesforce-writer';

/*
 * Salesforce behind Baton's ports. The admin connects an org with its My Domain and an External
 * Client App's consumer key: the background runs the OAuth web-server flow with PKCE
 * (launchWebAuthFlow) and keeps the org's refresh token in its secret store, per org. One REST
 * client per org (or the sandbox CRM, which speaks Salesforce and signs Baton in with no login
 * page), shared by the read adapter, the writer and the reporting reads.
 */

/** The parts built on the client (salesforce-adapter.ts, -writer.ts, -reporting.ts). */
export interface SalesforceParts {
  adapter?(args: { client: SalesforceClient; crm: string }): CrmAdapter;
  writer?(args: { client: SalesforceClient } & WriteRules): CrmWriter;
  reporting?(args: { client: SalesforceClient; account: string; key: string; sandbox: boolean }): CrmReporting;
}

export interface SalesforceProviderOptions {
  /** The browser's sign-in window (replaced in tests). */
  webAuthFlow?: WebAuthFlow;
  parts?: SalesforceParts;
}

const DEFAULT_PARTS: SalesforceParts = {
  adapter: createSalesforceAdapter,
  writer: createSalesforceWriter,
  // Reads past ~50,000 records (a large org's first Insights read) go through Bulk API 2.0 query jobs.
  reporting: (args) => createSalesforceReporting({ ...args, client: withBulkQueries(args.client) }),
};
/** Reports read many pages: a longer timeout than a lead view's. */
const REPORTING_TIMEOUT_MS = 30_000;
const NOT_CONNECTED = "Connect Salesforce in Baton's options (Salesforce → Connect) to see this lead's context.";

export function createSalesforceProvider(options: SalesforceProviderOptions = {}): CrmProvider {
  return {
    descriptor: salesforceDescriptor,
    connect: (context) => connectSalesforce(context, options.webAuthFlow ?? browserWebAuthFlow, options.parts ?? DEFAULT_PARTS),
  };
}

/** Found by the registry (providers.ts) by its file name and export name. */
export const crmProvider: CrmProvider = createSalesforceProvider();

function connectSalesforce(context: ProviderContext, flow: WebAuthFlow, parts: SalesforceParts): ProviderConnection {
  // Bind: calling an unbound `fetch` taken off the global throws "Illegal invocation" in browsers.
  const doFetch: typeof fetch = context.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** One client per org (by org id) or sandbox origin; dropped when the admin connects or disconnects. */
  const clients = new Map<string, SalesforceClient>();
  const adapters = new Map<string, CrmAdapter>();
  /** Each client's token session, by the client: lent to engagement sources that share the org's sign-in. */
  const sessions = new WeakMap<SalesforceClient, SalesforceSession>();

  const oauthServer = (origin: string, consumerKey: string): OAuthServer => ({ origin, host: new URL(origin).host, consumerKey, redirectUri: flow.redirectUrl(), fetch: doFetch });

  function orgClient(orgId: string, tokens: OrgTokens, timeoutMs?: number): SalesforceClient {
    const key = `${orgId}|${timeoutMs ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      const session = createTokenSession({
        initial: async () => orgForHost(readStoredTokens(await context.readSecret()), tokens.apiHost)?.tokens.accessToken ?? tokens.accessToken,
        renew: () => renewOrgToken(orgId),
      });
      clients.set(key, (client = createSalesforceClient({ instanceUrl: tokens.instanceUrl, session, fetch: doFetch, timeoutMs })));
      sessions.set(client, session);
    }
    return client;
  }

  /** The refresh grant (client id only), kept in the secret store for the next worker to start with. */
  async function renewOrgToken(orgId: string): Promise<string> {
    const stored = readStoredTokens(await context.readSecret());
    const tokens = stored?.orgs[orgId];
    if (!stored || !tokens) throw new CrmError('auth', NOT_CONNECTED);
    const answer = await refreshAccessToken(oauthServer(`https://${tokens.apiHost}`, tokens.consumerKey), tokens.refreshToken);
    const renewed: OrgTokens = { ...tokens, accessToken: answer.access_token, refreshToken: answer.refresh_token ?? tokens.refreshToken, issuedAt: issuedAt(answer, context.now) };
    // Re-read: the admin may have connected another org meanwhile; keep which one is active.
    const latest = readStoredTokens(await context.readSecret()) ?? stored;
    await context.writeSecret(writeStoredTokens({ ...withOrg(latest, orgId, renewed), active: latest.active }));
    return answer.access_token;
  }

  function sandboxClient(baseUrl: string, timeoutMs?: number): SalesforceClient {
    const key = `sandbox|${baseUrl}|${timeoutMs ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      // Signed in on first use and kept in memory only: the sandbox is a local demo org.
      const server = oauthServer(baseUrl, SANDBOX_CONSUMER_KEY);
      let refreshToken: string | null = null;
      const signIn = async () => {
        const answer = await signInWithPkce(server, sandboxAuthorizeStep(doFetch, webAuthFlowStep(flow, server, false)), (await context.extraSignInScopes?.()) ?? []);
        refreshToken = answer.refresh_token ?? null;
        return answer.access_token;
      };
      const session = createTokenSession({
        initial: signIn,
        renew: async () => (refreshToken ? (await refreshAccessToken(server, refreshToken)).access_token : signIn()),
      });
      clients.set(key, (client = createSalesforceClient({ instanceUrl: baseUrl, session, fetch: doFetch, timeoutMs })));
      sessions.set(client, session);
    }
    return client;
  }

  /** The org a record's page names (its API host): records of an org Baton is not signed in to are refused, not read with another org's token. */
  async function clientForTarget(target: CrmTarget): Promise<SalesforceClient> {
    if (target.address.kind === 'sandbox') return sandboxClient(target.address.baseUrl);
    const stored = readStoredTokens(await context.readSecret());
    if (!stored) throw new CrmError('auth', NOT_CONNECTED);
    const found = orgForHost(stored, target.account);
    if (!found) {
      const connected = Object.values(stored.orgs).map((org) => org.apiHost).join(', ');
      throw new CrmError('auth', `This record is in the Salesforce org ${target.account}, but Baton is connected to ${connected}. Connect ${target.account} in Baton's options.`);
    }
    return orgClient(found.orgId, found.tokens);
  }

  function part<K extends keyof SalesforceParts>(name: K): NonNullable<SalesforceParts[K]> {
    const make = parts[name];
    if (!make) throw new CrmError('rejected', 'Baton is connected to Salesforce. Reading Salesforce records comes next.');
    return make;
  }

  async function reporting(address: CrmAddress): Promise<CrmReporting> {
    const make = part('reporting');
    // The org's Lead Status values ride along with its reporting reads (the options page's mapping).
    const withStatuses = (client: SalesforceClient, reads: CrmReporting): CrmReporting => ({ ...reads, readLeadStatusValues: (options) => readSalesforceLeadStatuses(client, options?.signal) });
    if (address.kind === 'sandbox') {
      const client = sandboxClient(address.baseUrl, REPORTING_TIMEOUT_MS);
      return withSalesforceQueue(withStatuses(client, make({ client, account: new URL(address.baseUrl).host, key: `sandbox|${address.baseUrl}`, sandbox: true })), client, { recordOrigin: address.baseUrl, userId: null });
    }
    const stored = readStoredTokens(await context.readSecret());
    if (!stored) throw new CrmError('auth', "Connect Salesforce in Baton's options to see Insights and run backtests.");
    const { orgId, tokens } = activeOrg(stored);
    const client = orgClient(orgId, tokens, REPORTING_TIMEOUT_MS);
    return withSalesforceQueue(withStatuses(client, make({ client, account: tokens.apiHost, key: `${salesforceDescriptor.kind}|${orgId}`, sandbox: false })), client, { recordOrigin: lightningOrigin(tokens.apiHost), userId: tokens.userId });
  }

  function forgetClients(): void {
    clients.clear();
    adapters.clear();
  }

  const connection: ProviderConnection & CrmAccessTokenLender = {
    /** The org's access token for Account Engagement (same sign-in; the token needs the pardot_api scope). */
    async lendAccessToken(target) {
      const session = sessions.get(await clientForTarget(target));
      if (!session) throw new CrmError('auth', NOT_CONNECTED);
      return { token: () => session.accessToken(), renew: (rejected) => session.refresh(rejected) };
    },
    async adapterFor(target) {
      const make = part('adapter');
      const client = await clientForTarget(target);
      let adapter = adapters.get(client.instanceUrl);
      if (!adapter) adapters.set(client.instanceUrl, (adapter = make({ client, crm: salesforceDescriptor.kind })));
      return adapter;
    },
    async writerFor(target) {
      const make = part('writer');
      const client = await clientForTarget(target);
      const rules = await context.readWriteRules();
      return make({ client, mapping: rules.mapping, reasons: rules.reasons, timeZone: rules.timeZone });
    },
    reporting,
    async teamRules(address) {
      if (address.kind === 'sandbox') return createSalesforceTeamRulesStore(sandboxClient(address.baseUrl));
      const stored = readStoredTokens(await context.readSecret());
      if (!stored) throw new CrmError('auth', "Connect Salesforce in Baton's options to read the team's rules.");
      const { orgId, tokens } = activeOrg(stored);
      return createSalesforceTeamRulesStore(orgClient(orgId, tokens));
    },
    async setupFields(address) {
      if (address.kind === 'sandbox') return ensureSalesforceBatonFields(sandboxClient(address.baseUrl));
      const stored = readStoredTokens(await context.readSecret());
      if (!stored) throw new CrmError('auth', "Connect Salesforce in Baton's options first, then set up Baton's fields.");
      const { orgId, tokens } = activeOrg(stored);
      return ensureSalesforceBatonFields(orgClient(orgId, tokens));
    },
    async saveCredential(secret) {
      // What IT's policy fixes (the org, the app, the sign-in page) wins; a request naming another is refused.
      const plan = planSalesforceSignIn(secret, (await context.readManagedSignIn?.()) ?? NO_MANAGED_SIGN_IN);
      if ('error' in plan) throw new CrmError('rejected', plan.error);
      const server = oauthServer(`https://${plan.signInHost}`, plan.consumerKey);
      // pardot_api when Account Engagement is set up (Salesforce grants no more than is asked for).
      const answer = await signInWithPkce(server, webAuthFlowStep(flow, server), (await context.extraSignInScopes?.()) ?? []);
      const refusal = otherOrgRefusal(plan, answer.instance_url);
      if (refusal) {
        // Nothing is kept of a sign-in to another org, and the grant it made is ended there (best effort).
        await Promise.allSettled([revokeToken(server, answer.refresh_token ?? answer.access_token)]);
        throw new CrmError('rejected', refusal);
      }
      const ids = parseIdentityUrl(answer.id);
      if (!ids) throw new CrmError('bad_response', `Salesforce signed Baton in to ${plan.myDomain} but did not say which org and user (identity URL ${answer.id}).`);
      if (!answer.refresh_token) {
        throw new CrmError('rejected', 'Salesforce gave Baton no refresh token, so the connection would end within hours. In the External Client App → OAuth Settings, add the scope "Perform requests at any time (refresh_token, offline_access)", then connect again.');
      }
      // The API host the token answer names (enhanced domains: the My Domain itself), never a Lightning host.
      const apiHost = salesforceApiHost(new URL(answer.instance_url).hostname) ?? plan.myDomain;
      const tokens: OrgTokens = {
        apiHost,
        consumerKey: plan.consumerKey,
        userId: ids.userId,
        refreshToken: answer.refresh_token,
        accessToken: answer.access_token,
        instanceUrl: `https://${apiHost}`,
        issuedAt: issuedAt(answer, context.now),
      };
      await context.writeSecret(writeStoredTokens(withOrg(readStoredTokens(await context.readSecret()), ids.orgId, tokens)));
      await context.writeState({ account: apiHost, credential: { kind: 'oauth_refresh', expiresAt: null } });
      forgetClients();
    },
    async forgetCredential() {
      const stored = readStoredTokens(await context.readSecret());
      // Revoking ends the grant in the org too; forgetting it here happens whatever the org says.
      await Promise.allSettled(Object.values(stored?.orgs ?? {}).map((org) => revokeToken({ origin: org.instanceUrl, fetch: doFetch }, org.refreshToken)));
      await context.deleteSecret();
      await context.writeState({ account: null, credential: null });
      forgetClients();
    },
    async checkConnection() {
      const stored = readStoredTokens(await context.readSecret());
      if (!stored) return { hasToken: false, check: null };
      const { orgId, tokens } = activeOrg(stored);
      const check = await checkSalesforceOrg(orgClient(orgId, tokens), { orgId, userId: tokens.userId }, tokens.apiHost);
      const state = await context.readState();
      await context.writeState({ account: check.ok ? tokens.apiHost : state.account, credential: state.credential ?? { kind: 'oauth_refresh', expiresAt: null } });
      return { hasToken: true, check };
    },
    credentialFacts(state) {
      // A refresh token: Baton renews its access tokens itself, so nothing ends soon that the rep must act on.
      return state.credential ? { expiresAt: null, shortLived: false } : null;
    },
  };
  return connection;
}

function issuedAt(answer: TokenAnswer, now: () => number): number {
  const at = Number(answer.issued_at);
  return Number.isFinite(at) && at > 0 ? at : now();
}
