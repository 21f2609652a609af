import type { LeadPage } from './pages/read-lead-page';
import type { CrmAdapter, LeadContext } from './crm-port';
import { CrmError } from './crm-error';
import type { LeadRef } from '../domain/lead';
import { normalizeEngagement } from '../domain/engagement/normalize-engagement';

/**
 * The background's CRM service: picks the adapter for a lead page, and caches lead contexts so a
 * rep coming back to a lead within the cache window costs no CRM request (DESIGN.md budget:
 * <= 4 requests per lead view, none repeated on revisit). Concurrent asks for the same lead share
 * one fetch.
 */
export interface CrmServiceDeps {
  /** Returns the adapter that serves this page, or throws a CrmError saying why none does. */
  resolveAdapter(page: LeadPage): Promise<CrmAdapter>;
  now(): number;
  cacheTtlMs?: number;
  maxEntries?: number;
}

export interface CrmService {
  getLeadContext(page: LeadPage, options?: { refresh?: boolean }): Promise<LeadContext>;
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

  return {
    async getLeadContext(page, options = {}) {
      const key = cacheKey(page);
      const hit = cache.get(key);
      if (hit && !options.refresh && deps.now() - hit.at < ttl) return hit.value;
      const pending = inFlight.get(key);
      if (pending) return pending;

      const load = (async () => {
        const adapter = await deps.resolveAdapter(page);
        const raw = await adapter.getLeadContext(leadRefFromPage(page));
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
      else cache.clear();
    },
  };
}

/** The error for a page whose CRM Baton cannot serve in this build or connection. */
export function unsupportedPageError(page: LeadPage): CrmError {
  if (page.crm === 'salesforce') {
    return new CrmError('rejected', 'Salesforce records are recognised, but the Salesforce connection is not available yet. Baton works with HubSpot today.');
  }
  if (page.crm === 'hubspot' && page.objectType === 'lead') {
    return new CrmError('rejected', "This is a HubSpot Leads record. Open the lead's contact record to see Baton's panel.");
  }
  return new CrmError('rejected', 'This CRM page is not supported.');
}
