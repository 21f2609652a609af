import type { LeadRef } from '../domain/lead';
import type { CrmAdapter, LeadContext } from './crm-port';

/**
 * Live, but cheap: whether a cached lead context is still what the CRM holds, for one request
 * instead of a whole read (four requests and more). The adapter's freshness check reads the
 * record's stamp (modified time, owner, status, latest logged activity); when it equals the stamp
 * of the cached read, the cached context stands, as read now. Otherwise the caller reads the lead.
 *
 * A context without a stamp, or an adapter without the check, always counts as changed. A check
 * that fails throws its CrmError: the panel keeps the lead it shows and says it could not update,
 * as after a failed read, and a refused or rate-limited CRM is not asked four times more.
 */
export type FreshnessCheck =
  /** The context to show: the cached one, confirmed current at `now`. */
  | { unchanged: LeadContext; stamp: string }
  /** Read the lead again; `stamp` is what the CRM said before that read (undefined: not known). */
  | { unchanged: null; stamp: string | undefined };

export async function checkFreshness(adapter: Pick<CrmAdapter, 'readFreshness'>, ref: LeadRef, cached: LeadContext, now: number): Promise<FreshnessCheck> {
  if (!adapter.readFreshness || cached.freshness === undefined) return { unchanged: null, stamp: undefined };
  const stamp = await adapter.readFreshness(ref);
  if (stamp !== cached.freshness) return { unchanged: null, stamp };
  return { unchanged: { ...cached, fetchedAt: now }, stamp };
}
