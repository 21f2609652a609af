import { z } from 'zod';
import type { CrmReporting } from '../crm-reporting-port';
import type { HubSpotClient } from './hubspot-client';
import { createHubSpotEscalationWriter } from './hubspot-escalation-writer';
import { readHubSpotOwners } from './hubspot-owners';
import { readHubSpotQueue } from './hubspot-queue-reader';

/*
 * The queue half of HubSpot's reporting port: the rep's queue, the portal's owners and the SLA
 * escalations recorded on the rep's leads (hubspot-escalation-writer.ts). Record links
 * go to the portal's own UI host (`uiDomain`: app.hubspot.com, app-eu1...), or to the sandbox's
 * pages; the account details are read once per client.
 */

const accountDetailsSchema = z.looseObject({
  portalId: z.union([z.number(), z.string()]).transform(String),
  uiDomain: z.string().optional(),
});

const recordBases = new WeakMap<HubSpotClient, Promise<string>>();

function recordBase(client: HubSpotClient, sandbox: boolean): Promise<string> {
  let base = recordBases.get(client);
  if (!base) {
    base = client.request('GET', '/account-info/v3/details', { schema: accountDetailsSchema }).then((details) => {
      const host = details.uiDomain && /^[a-z0-9.-]+\.hubspot\.com$/i.test(details.uiDomain) ? details.uiDomain : 'app.hubspot.com';
      return `${sandbox ? client.baseUrl : `https://${host}`}/contacts/${encodeURIComponent(details.portalId)}/record/0-1/`;
    });
    base.catch(() => recordBases.delete(client));
    recordBases.set(client, base);
  }
  return base;
}

export function hubSpotQueueReporting(client: HubSpotClient, where: { crm: string; account: string; sandbox: boolean }): Pick<CrmReporting, 'readQueue' | 'readOwners' | 'recordEscalation'> {
  return {
    recordEscalation: createHubSpotEscalationWriter({ client }).recordEscalation,
    readQueue: (options) =>
      readHubSpotQueue(client, {
        ...options,
        crm: where.crm,
        account: where.account,
        recordUrl: async (id) => `${await recordBase(client, where.sandbox)}${encodeURIComponent(id)}`,
      }),
    readOwners: (options) => readHubSpotOwners(client, options?.signal),
  };
}
