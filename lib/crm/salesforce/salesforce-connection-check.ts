import type { ConnectionStatus } from '../../messaging/protocol';
import { CrmError } from '../crm-error';
import { apiUsageHeadroom } from './salesforce-api-usage';
import type { SalesforceClient } from './salesforce-client-contract';
import { identityPath, identitySchema, type SalesforceIdentityIds } from './salesforce-identity';
import { z } from 'zod';

type ConnectionCheck = NonNullable<ConnectionStatus['check']>;

/**
 * Does the org accept Baton's sign-in, for whom, with how much of the org's 24-hour API allowance
 * left: the user from the identity URL, the usage from `Sforce-Limit-Info` on a REST answer (the
 * API version's resource list: cheap, and any API-enabled user may read it).
 */
export async function checkSalesforceOrg(client: SalesforceClient, ids: SalesforceIdentityIds, apiHost: string): Promise<ConnectionCheck> {
  try {
    // REST first: it renews an expired access token, which the identity URL would only refuse.
    await client.request('GET', '', { schema: z.unknown() });
    const identity = await client.request('GET', identityPath(ids), { schema: identitySchema });
    const who = identity.display_name && identity.display_name !== identity.username ? `${identity.username} (${identity.display_name})` : identity.username;
    return {
      ok: true,
      portalId: ids.orgId,
      message: `Connected to the Salesforce org ${apiHost} (org id ${ids.orgId}) as ${who}.`,
      headroom: apiUsageHeadroom(client.apiUsage),
    };
  } catch (err) {
    if (!(err instanceof CrmError)) throw err;
    return { ok: false, portalId: ids.orgId, message: `Salesforce org ${apiHost} (org id ${ids.orgId}): ${err.message}`, headroom: apiUsageHeadroom(client.apiUsage) };
  }
}
