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
  /** The contact a HubSpot Leads record belongs to (null: none). Without it, Leads records are refused. */
  resolveLeadContact?(page: LeadPage): Promise<string | null>;
  now(): number;
  cacheTtlMs?: number;
  maxEntries?: number;
}

export interface CrmService {
  /**
   * The record the panel is about: a HubSpot Leads record (0-136) becomes the page of its
   * contact, so the context, the rep's evidence and the disposition all belong to that person.
   * Other pages are returned as they are.
   */
  resolvePage(page: LeadPage): Promise<LeadPage>;
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
  // Leads record → its contact id. Only found contacts are kept: a lead that has none yet may get
  // one in HubSpot, and the rep reloading should then see it.
  const leadContacts = new Map<string, { at: number; contactId: Promise<string | null> }>();

  async function contactOfLead(page: LeadPage, resolve: (page: LeadPage) => Promise<string | null>): Promise<string | null> {
    const key = cacheKey(page);
    const hit = leadContacts.get(key);
    if (hit && deps.now() - hit.at < ttl) return hit.contactId;
    const contactId = resolve(page);
    leadContacts.set(key, { at: deps.now(), contactId });
    while (leadContacts.size > maxEntries) leadContacts.delete(leadContacts.keys().next().value!);
    try {
      const id = await contactId;
      if (id === null) leadContacts.delete(key);
      return id;
    } catch (error) {
      leadContacts.delete(key);
      throw error;
    }
  }

  return {
    async resolvePage(page) {
      if (page.objectType !== 'lead' || (page.crm !== 'hubspot' && page.crm !== 'sandbox')) return page;
      if (!deps.resolveLeadContact) throw unsupportedPageError(page);
      const contactId = await contactOfLead(page, deps.resolveLeadContact);
      if (contactId === null) {
        throw new CrmError('not_found', 'This HubSpot lead has no associated contact, so Baton has no one to show. Associate a contact with the lead in HubSpot, then reload.');
      }
      // The contact's own page: same portal and origin, so the context cache is shared with it.
      return { ...page, objectType: 'contact', id: contactId };
    },
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
      else {
        cache.clear();
        leadContacts.clear();
      }
    },
  };
}

/** The error for a page whose CRM Baton cannot serve in this build or connection. */
export function unsupportedPageError(page: LeadPage): CrmError {
  if (page.crm === 'salesforce') {
    return new CrmError('rejected', 'Salesforce records are recognised, but the Salesforce connection is not available yet. Baton works with HubSpot today.');
  }
  if (page.crm === 'hubspot' && page.objectType === 'lead') {
    // Only reached where no Leads resolution is wired in (the background resolves them to their contact).
    return new CrmError('rejected', "This is a HubSpot Leads record. Open the lead's contact record to see Baton's panel.");
  }
  return new CrmError('rejected', 'This CRM page is not supported.');
}
