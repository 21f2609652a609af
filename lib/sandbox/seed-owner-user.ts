import { OWNERS } from './seed-catalog';

/** The sales team member behind a HubSpot owner id; an unknown id is a bug in the seed, so it throws. */
export function ownerUser(ownerId: string): (typeof OWNERS)[number] {
  const owner = OWNERS.find((candidate) => candidate.id === ownerId);
  if (!owner) throw new Error(`unknown owner ${ownerId}`);
  return owner;
}
