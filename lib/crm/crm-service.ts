import type { LeadPage } from './pages/lead-page';
import type { CrmAdapter, LeadContext } from './crm-port';
import type { LeadRef } from '../domain/lead';
import { normalizeEngagement } from '../domain/engagement/normalize-engagement';
import { checkFreshness } from './lead-freshness';

/**
 * The background's CRM service: picks the adapter for a lead page, and caches lead contexts so a
 * rep coming back to a lead within the cache window costs no CRM request (DESIGN.md budget:
 * <= 4 requests per lead view, none repeated on revisit). Concurrent asks for the same lead share
 * one fetch.
 */
export interface CrmServiceDeps {
  /** Returns the adapter that serves this page, or throws a CrmError saying why none does. */
  resolveAdapter(page: LeadPage): Promise<CrmAdapter>;
  /**
   * The record the panel is about when the page shows another object that stands for it (the
   * provider decides; e.g. a lead object whose contact holds the history). Absent: pages are
   * their own records.
   */
  resolveRecord?(page: LeadPage): Promise<LeadPage>;
  /**
   * Marketing engagement from sources that are not the CRM (engagement-source-reader.ts), read once
   * the record is known and cached with it. Never fails the view: each source names its own status.
   */
  readEngagement?(page: LeadPage, context: LeadContext): Promise<Pick<LeadContext, 'events' | 'sources'>>;
  now(): number;
  cacheTtlMs?: number;
  maxEntries?: number;
}

export interface CrmService {
  /** The record the panel is about: the page itself, or the record its provider resolves it to. */
  resolvePage(page: LeadPage): Promise<LeadPage>;
  /**
   * `refresh`: true reads the whole lead from the CRM; 'if-changed' (a live panel's minute tick, a
   * rep coming back to the tab) first asks the adapter's one-request freshness check and reads the
   * whole lead only when the record's stamp moved since the cached read (lead-freshness.ts).
   */
  getLeadContext(page: LeadPage, options?: { refresh?: boolean | 'if-changed' }): Promise<LeadContext>;
  /** Forget cached data, e.g. after a write or a connection change. */
  invalidate(page?: LeadPage): void;
}

export function leadRefFromPage(page: LeadPage): LeadRef {
  return { crm: page.crm, account: page.account, id: page.id, objectType: page.objectType };
}

const cacheKey = (page: LeadPage) => `${page.crm}|${page.origin}|${page.account}|${page.objectType}|${page.id}`;

export function createCrmService(deps: CrmServiceDeps): CrmService {
  const ttl = deps.cacheTtlMs ?? 5 * 60_000;
  const maxEntries = deps.maxEntries ?? 50;
  const cache = new Map<string, { at: number; value: LeadContext }>();
  const inFlight = new Map<string, Promise<LeadContext>>();
  // Page → the record it stands for. Only resolutions that succeeded are kept: a lead object with
  // no contact yet may get one in the CRM, and the rep reloading should then see it.
  const records = new Map<string, { at: number; record: Promise<LeadPage> }>();

  async function recordOf(page: LeadPage, resolve: (page: LeadPage) => Promise<LeadPage>): Promise<LeadPage> {
    const key = cacheKey(page);
    const hit = records.get(key);
    if (hit && deps.now() - hit.at < ttl) return hit.record;
    const record = resolve(page);
    records.set(key, { at: deps.now(), record });
    while (records.size > maxEntries) records.delete(records.keys().next().value!);
    try {
      return await record;
    } catch (error) {
      records.delete(key);
      throw error;
    }
  }

  return {
    async resolvePage(page) {
      return deps.resolveRecord ? recordOf(page, deps.resolveRecord) : page;
    },
    async getLeadContext(page, options = {}) {
      const key = cacheKey(page);
      const hit = cache.get(key);
      if (hit && !options.refresh && deps.now() - hit.at < ttl) return hit.value;
      const pending = inFlight.get(key);
      if (pending) return pending;

      const load = (async () => {
        const adapter = await deps.resolveAdapter(page);
        let seenStamp: string | undefined;
        if (options.refresh === 'if-changed' && hit) {
          const check = await checkFreshness(adapter, leadRefFromPage(page), hit.value, deps.now());
          if (check.unchanged) {
            cache.delete(key);
            cache.set(key, { at: deps.now(), value: check.unchanged });
            return check.unchanged;
          }
          seenStamp = check.stamp;
        }
        const read = await adapter.getLeadContext(leadRefFromPage(page));
        // The stamp seen before this read, when there was one: a change that lands while the read
        // runs then shows as a moved stamp at the next check (one read too many, never a change missed).
        const crmContext = seenStamp === undefined ? read : { ...read, freshness: seenStamp };
        const extra = deps.readEngagement ? await deps.readEngagement(page, crmContext).catch(() => null) : null;
        const raw = extra ? { ...crmContext, events: [...crmContext.events, ...extra.events], sources: [...crmContext.sources, ...extra.sources] } : crmContext;
        // One clean timeline whatever the adapter: deduplicated, newest first, likely bots flagged
        // by Baton's own rules (a source's bot flag is never trusted on its own).
        const value = { ...raw, events: normalizeEngagement(raw.events) };
        cache.delete(key);
        cache.set(key, { at: deps.now(), value });
        // Map keeps insertion order: the first key is the least recently loaded.
        while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
        return value;
      })();
      inFlight.set(key, load);
      try {
        return await load;
      } finally {
        inFlight.delete(key);
      }
    },
    invalidate(page) {
      if (page) cache.delete(cacheKey(page));
      else {
        cache.clear();
        records.clear();
      }
    },
  };
}
