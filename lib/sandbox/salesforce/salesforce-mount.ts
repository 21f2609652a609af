import { existsSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SalesforceDialect, SalesforceDialectOptions } from './salesforce-dialect';
import { salesforceDataFileFor } from './salesforce-org-data';
import type { SandboxData } from '../sandbox-data';
import { CONTACT_SOURCE_CONTACTS, LEAD_SOURCE_CONTACTS, SALESFORCE_MY_DOMAIN, SALESFORCE_ORG_ID } from './salesforce-scenarios';

/**
 * The Salesforce dialect as the sandbox server mounts it: loaded (and its org seeded or read) on
 * the first Salesforce request, so a server only used through its HubSpot dialect starts as fast
 * as before. `reseed` drops the org's data file at once, so the org is seeded again with the portal.
 */
export interface SalesforceMount {
  orgId: string;
  myDomain: string;
  dataFile: string;
  handles(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, method: string, url: URL, path: string, baseUrl: string): Promise<void>;
  /** Ends every access token now (refresh tokens stay valid), as a session timeout does. */
  expireAccessTokens(): Promise<void>;
}

/**
 * A copy of what the org's seed reads from the portal (its source contacts, their engagements and
 * webinar events), taken when the server starts: the org is seeded from the portal as it was then,
 * whatever HubSpot writes come before the first Salesforce request.
 */
function seedInput(data: SandboxData): SandboxData {
  const ids = new Set([...LEAD_SOURCE_CONTACTS, ...CONTACT_SOURCE_CONTACTS]);
  const associations = data.associations.filter((a) => a.toType === 'contacts' && ids.has(a.toId));
  const linked = new Set(associations.map((a) => `${a.fromType}:${a.fromId}`));
  const records = Object.fromEntries(
    Object.entries(data.records).map(([type, list]) => [type, list.filter((r) => (type === 'contacts' ? ids.has(r.id) : linked.has(`${type}:${r.id}`)))]),
  ) as SandboxData['records'];
  return structuredClone({
    ...data,
    records,
    associations,
    webEvents: data.webEvents.filter((e) => ids.has(e.objectId) && e.eventType.includes('webinar')),
    emailEvents: [],
    properties: {},
    groups: {},
  });
}

export function mountSalesforce(options: SalesforceDialectOptions): SalesforceMount {
  const dataFile = salesforceDataFileFor(options.hubspotDataFile);
  if (options.reseed) rmSync(dataFile, { force: true });
  const hubspotData = existsSync(dataFile) ? options.hubspotData : seedInput(options.hubspotData);
  let dialect: Promise<SalesforceDialect> | undefined;
  const load = (): Promise<SalesforceDialect> =>
    (dialect ??= import('./salesforce-dialect').then((m) => m.createSalesforceDialect({ ...options, hubspotData, reseed: false })));
  return {
    orgId: SALESFORCE_ORG_ID,
    myDomain: SALESFORCE_MY_DOMAIN,
    dataFile,
    handles: (path) => path.startsWith('/services/') || path.startsWith('/id/') || path === '/lightning' || path.startsWith('/lightning/') || path === '/sandbox-assets/lightning.css',
    async handle(req, res, method, url, path, baseUrl) {
      await (await load()).handle(req, res, method, url, path, baseUrl);
    },
    async expireAccessTokens() {
      (await load()).expireAccessTokens();
    },
  };
}
