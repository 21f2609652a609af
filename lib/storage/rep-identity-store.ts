import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/*
 * Who "me" is: the CRM owner (user) the rep is, for the connection it was established on. Either
 * the CRM said (the user the connection signed in as) or the rep chose among the CRM's owners and
 * Baton checked the choice against the CRM. Not secret; no lead data. Kept per connection key, so
 * connecting another portal or org asks again instead of listing someone else's leads.
 */

export const storedRepIdentitySchema = z.object({
  version: z.literal(1),
  /** The reporting connection's key (the portal or org) the identity belongs to. */
  connection: z.string().min(1),
  source: z.enum(['crm', 'chosen']),
  ownerId: z.string().min(1).max(100),
  name: z.string().max(300).nullable(),
  email: z.string().max(300).nullable(),
  /** When the CRM last confirmed this owner exists (epoch ms). */
  verifiedAt: z.number().int(),
});
export type StoredRepIdentity = z.infer<typeof storedRepIdentitySchema>;

export const repIdentityItem = storage.defineItem<unknown>('local:rep.identity', { fallback: null });

/** The stored identity, validated; an invalid record reads as none (the rep is asked again). */
export async function readRepIdentity(): Promise<StoredRepIdentity | null> {
  const raw = await repIdentityItem.getValue();
  if (raw === null || raw === undefined) return null;
  const parsed = storedRepIdentitySchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('Baton: the stored rep identity is invalid; asking again.', parsed.error.issues);
    return null;
  }
  return parsed.data;
}

export async function writeRepIdentity(identity: StoredRepIdentity): Promise<void> {
  await repIdentityItem.setValue(storedRepIdentitySchema.parse(identity));
}

export async function clearRepIdentity(): Promise<void> {
  await repIdentityItem.removeValue();
}

export function watchRepIdentity(callback: () => void): () => void {
  return repIdentityItem.watch(() => callback());
}
