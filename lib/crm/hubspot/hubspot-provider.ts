import { CrmError } from '../crm-error';
import type { CrmAddress, CrmProvider, CrmTarget, ProviderConnection, ProviderContext } from '../crm-provider';
import type { CrmAdapter } from '../crm-port';
import type { CrmReporting } from '../crm-reporting-port';
import { createHubSpotTeamRulesStore } from './hubspot-team-rules';
import { ensureBatonProperties } from './baton-properties';
import { checkHubSpotConnection, type ConnectionCheck } from './check-connection';
import { crmDescriptor as hubSpotDescriptor } from './hubspot-descriptor';
import { readLegacyHubSpotConnection } from './hubspot-legacy-connection';
import { createHubSpotAdapter } from './hubspot-adapter';
import { readHubSpotBacktestLeads } from './hubspot-backtest-reader';
import { createHubSpotClient, type HubSpotClient } from './hubspot-client';
import { createHubSpotLeadRecordLookups, type HubSpotLeadRecordLookups } from './hubspot-lead-record-lookups';
import { readHubSpotInsights } from './hubspot-insights-reader';
import { hubSpotQueueReporting } from './hubspot-queue-reporting';
import { HUBSPOT_CONNECTED_STATUSES } from './hubspot-sources';
import { createHubSpotWriter } from './hubspot-writer';
import { resolveHubSpotLeadContact } from './resolve-lead-contact';
import { detectHubSpotTokenKind } from './token-kind';
import { readHubSpotLeadStatuses } from './hubspot-lead-statuses';
import { readHubSpotLeadRecordChoices } from './hubspot-leads-object';

/*
 * HubSpot behind Baton's ports: one client per API base URL (HubSpot's own, or the sandbox CRM's,
 * which speaks HubSpot), shared by the read adapter (with its owner/property caches) and the
 * writer; the reporting reads; the token an admin pastes; the Leads object (0-136) resolved to its
 * primary contact, whose history the panel shows.
 */

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';
/** The sandbox accepts any bearer token; a fixed one keeps its request logs readable. */
const SANDBOX_TOKEN = 'sandbox';
/** Reports read many pages: a longer timeout than a lead view's. */
const REPORTING_TIMEOUT_MS = 30_000;

export interface HubSpotProviderOptions {
  /** Asks HubSpot about a token (replaced in tests). */
  check?: (token: string, options: { fetch?: typeof fetch; now: () => number }) => Promise<ConnectionCheck>;
}

export function createHubSpotProvider(options: HubSpotProviderOptions = {}): CrmProvider {
  return {
    descriptor: hubSpotDescriptor,
    connect: (context) => connectHubSpot(context, options.check ?? checkHubSpotConnection),
    readLegacyConnection: readLegacyHubSpotConnection,
  };
}

/** Found by the registry (providers.ts) by its file name and export name. */
export const crmProvider: CrmProvider = createHubSpotProvider();

function connectHubSpot(context: ProviderContext, check: NonNullable<HubSpotProviderOptions['check']>): ProviderConnection {
  const clients = new Map<string, HubSpotClient>();
  const adapters = new Map<string, CrmAdapter>();
  // Per API base URL and portal: the lead pipelines and reasons every disposition delivery needs.
  const leadRecordLookups = new Map<string, HubSpotLeadRecordLookups>();

  const readToken = async (missing: string): Promise<string> => {
    const token = await context.readSecret();
    if (!token) throw new CrmError('auth', missing);
    return token;
  };

  function clientFor(address: CrmAddress, missingToken = "Connect HubSpot in Baton's options to see this lead's context."): HubSpotClient {
    const baseUrl = address.kind === 'sandbox' ? address.baseUrl : HUBSPOT_API_BASE_URL;
    let client = clients.get(baseUrl);
    if (!client) {
      const getAccessToken = address.kind === 'sandbox' ? async () => SANDBOX_TOKEN : () => readToken(missingToken);
      clients.set(baseUrl, (client = createHubSpotClient({ baseUrl, getAccessToken, fetch: context.fetch })));
    }
    return client;
  }

  /** A record in another portal than the token's would be read or written with the wrong token. */
  async function clientForTarget(target: CrmTarget): Promise<HubSpotClient> {
    if (target.address.kind === 'vendor') {
      const { account } = await context.readState();
      if (account && account !== target.account) {
        throw new CrmError('rejected', `This record is in HubSpot portal ${target.account}, but Baton is connected to portal ${account}. Reconnect Baton to this portal in its options.`);
      }
    }
    return clientFor(target.address);
  }

  async function reporting(address: CrmAddress): Promise<CrmReporting> {
    if (address.kind === 'sandbox') {
      const client = createHubSpotClient({ baseUrl: address.baseUrl, getAccessToken: async () => SANDBOX_TOKEN, fetch: context.fetch });
      return hubSpotReporting(client, { account: 'sandbox', key: `sandbox|${address.baseUrl}`, sandbox: true });
    }
    const token = await readToken("Connect HubSpot in Baton's options to see Insights and run backtests.");
    const { account } = await context.readState();
    const client = createHubSpotClient({ baseUrl: HUBSPOT_API_BASE_URL, getAccessToken: async () => token, fetch: context.fetch, timeoutMs: REPORTING_TIMEOUT_MS });
    // Until a connection check has named the portal, a fingerprint of the token keeps one portal's
    // persisted read from answering for another's (the token itself is never stored there).
    return hubSpotReporting(client, { account: account ?? 'hubspot', key: `hubspot|${account ?? `token-${await fingerprint(token)}`}`, sandbox: false });
  }

  return {
    async adapterFor(target) {
      const client = await clientForTarget(target);
      let adapter = adapters.get(client.baseUrl);
      if (!adapter) adapters.set(client.baseUrl, (adapter = createHubSpotAdapter({ client, crm: hubSpotDescriptor.kind })));
      return adapter;
    },
    async resolvePage(page, target) {
      if (page.objectType !== 'lead') return page;
      const contactId = await resolveHubSpotLeadContact(await clientForTarget(target), page.id);
      if (contactId === null) {
        throw new CrmError('not_found', 'This HubSpot lead has no associated contact, so Baton has no one to show. Associate a contact with the lead in HubSpot, then reload.');
      }
      // The contact's own page: same portal and origin, so the context cache is shared with it.
      return { ...page, objectType: 'contact', id: contactId };
    },
    async writerFor(target) {
      const client = await clientForTarget(target);
      const rules = await context.readWriteRules();
      const key = `${client.baseUrl}|${target.account}`;
      let lookups = leadRecordLookups.get(key);
      if (!lookups) leadRecordLookups.set(key, (lookups = createHubSpotLeadRecordLookups({ client, now: context.now })));
      return createHubSpotWriter({ client, mapping: rules.mapping, reasons: rules.reasons, timeZone: rules.timeZone, leadRecordLookups: lookups });
    },
    reporting,
    async teamRules(address) {
      return createHubSpotTeamRulesStore(clientFor(address, "Connect HubSpot in Baton's options to read the team's rules."));
    },
    async setupFields(address) {
      const result = await ensureBatonProperties(clientFor(address, "Connect HubSpot in Baton's options first."));
      return { created: result.created, existing: result.existing };
    },
    async saveCredential(token) {
      await context.writeSecret(token);
      // The kind is known from the token's shape; its expiry once the check (which follows) asks HubSpot.
      await context.writeState({ account: null, credential: { kind: detectHubSpotTokenKind(token).kind, expiresAt: null } });
    },
    async forgetCredential() {
      await context.deleteSecret();
      await context.writeState({ account: null, credential: null });
    },
    async checkConnection() {
      const token = await context.readSecret();
      if (!token) return { hasToken: false, check: null };
      const found = await check(token, { fetch: context.fetch, now: context.now });
      const state = await context.readState();
      // A check that could not read the expiry (HubSpot already refuses an expired token) keeps
      // the one stored before, not null.
      const credential = found.token ? { kind: found.token.kind, expiresAt: found.token.expiresAt ?? state.credential?.expiresAt ?? null } : state.credential;
      await context.writeState({ account: found.ok && found.portalId ? found.portalId : state.account, credential });
      return { hasToken: true, check: found };
    },
    credentialFacts(state) {
      if (!state.credential) return null;
      // OAuth access tokens live half an hour, whether or not HubSpot said when this one ends.
      return { expiresAt: state.credential.expiresAt, shortLived: state.credential.kind === 'oauth_access' };
    },
  };
}

function hubSpotReporting(client: HubSpotClient, where: { account: string; key: string; sandbox: boolean }): CrmReporting {
  const crm = hubSpotDescriptor.kind;
  return {
    crm,
    ...where,
    connectedStatuses: HUBSPOT_CONNECTED_STATUSES,
    readInsightRecords: (options) => readHubSpotInsights(client, options),
    readBacktestLeads: (options) => readHubSpotBacktestLeads(client, { ...options, account: { crm, account: where.account } }),
    ...hubSpotQueueReporting(client, { crm, account: where.account, sandbox: where.sandbox }),
    readLeadStatusValues: (options) => readHubSpotLeadStatuses(client, options?.signal),
    readLeadRecordChoices: (options) => readHubSpotLeadRecordChoices(client, options?.signal),
  };
}

async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
