import { z } from 'zod';
import type { RepIdentity } from '../../domain/queue/queue-lead';
import type { HubSpotClient } from './hubspot-client';
import { hubSpotOwnerSchema, hubSpotPagingSchema, type HubSpotOwner } from './hubspot-schemas';

/*
 * The portal's owners (`GET /crm/v3/owners`, paged, scope crm.objects.owners.read): the people a
 * contact can be assigned to, for the rep to say which one they are.
 */

const ownersPageSchema = z.looseObject({ results: z.array(hubSpotOwnerSchema), paging: hubSpotPagingSchema.optional() });
const MAX_PAGES = 20;

export async function readHubSpotOwners(client: HubSpotClient, signal?: AbortSignal): Promise<RepIdentity[]> {
  const owners: RepIdentity[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.request('GET', '/crm/v3/owners', { query: { limit: 100, after, archived: false }, schema: ownersPageSchema, signal });
    for (const owner of answer.results) if (!owner.archived) owners.push(toRepIdentity(owner));
    after = answer.paging?.next?.after;
    if (!after) break;
  }
  return owners;
}

export function toRepIdentity(owner: HubSpotOwner): RepIdentity {
  const name = [owner.firstName, owner.lastName].filter((part) => part && part.trim()).join(' ').trim();
  return { ownerId: owner.id, name: name || null, email: owner.email ?? null };
}
