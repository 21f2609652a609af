import { z } from 'zod';
import { CrmError } from '../crm-error';
import { toChannel } from './hubspot-sources';
import type { InsightDeal, InsightRecord } from '../../domain/insights/insight-record';
import { BATON_PROPERTY_NAMES } from './baton-properties';
import type { HubSpotClient } from './hubspot-client';
import { toHubSpotBatchRead } from './hubspot-requests';
import type { InsightsReadProgress, InsightsReadResult } from '../crm-reporting-port';
import { createSearchPacer } from '../search-pacer';
import type { SearchPacer } from '../search-pacer';
import type { HubSpotSearchFilter } from './hubspot-requests';
import { hubSpotBatchReadResponseSchema, hubSpotCollectionSchema, hubSpotObjectSchema, hubSpotOwnerSchema } from './hubspot-schemas';
import { sleep } from '../../async/sleep';
import { contactText, searchContacts, SEARCH_RESULT_CAP } from './hubspot-contact-search';
import { engagementBefore, firstTouchAfter, readRecordBase } from './hubspot-insight-fields';
import type { ContactSearchBody, ContactSearchPage } from './hubspot-contact-search';

/*
 * Reads dispositions back from HubSpot (or the sandbox) for Baton Insights: contacts handed off
 * or dispositioned in a date window, their owners and their deals. HubSpot's search stops at
 * 10,000 results per query, so a window whose total reaches the cap is split in two (by time)
 * until every part fits: large portals are read completely, a few hundred requests at most.
 */

const P = BATON_PROPERTY_NAMES;
const SEARCH_PAGE_SIZE = 200;
const ASSOCIATION_BATCH = 1000;
const DEAL_BATCH = 100;

export const INSIGHT_CONTACT_PROPERTIES = [
  P.disposition,
  P.stage,
  P.reason,
  P.reasonId,
  P.definitionVersion,
  P.slaOutcome,
  P.responseTimeMinutes,
  P.dispositionAt,
  P.objections,
  P.rep,
  P.slaTier,
  'hs_analytics_source',
  'campaign_name',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'notes_last_contacted',
  'hs_lead_status',
  // Speed to lead: the conversions (the engagement before the assignment) and the current owner's
  // first sales activity, which HubSpot resets when the owner changes.
  'first_conversion_date',
  'recent_conversion_date',
  'hs_sa_first_engagement_date',
  // Drill-down lists name the leads.
  'firstname',
  'lastname',
  'email',
] as const;

const DEAL_PROPERTIES = ['amount', 'dealstage', 'hs_is_closed_won', 'hs_is_closed'] as const;


const associationsBatchSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      from: z.looseObject({ id: z.string() }),
      to: z.array(z.looseObject({ toObjectId: z.union([z.number(), z.string()]).transform(String) })),
    }),
  ),
});

const ownersPageSchema = hubSpotCollectionSchema(hubSpotOwnerSchema);

export interface ReadInsightsOptions {
  /** Window start (epoch ms, inclusive). */
  from: number;
  /** Window end (epoch ms, exclusive). */
  to: number;
  signal?: AbortSignal;
  /** The search cap; smaller in tests so splitting can be exercised without 10,000 contacts. */
  resultCap?: number;
  pageSize?: number;
  /** Waits between rate-limited retries (tests pass a fake clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Only contacts modified at or after this time (epoch ms): an incremental refresh. Any contact
   * whose disposition or owner was written since has a newer modified date. HubSpot's search index
   * trails writes by seconds, sometimes minutes: the caller asks from a margin before its last read
   * (INCREMENTAL_MARGIN_MS in lib/domain/insights/insight-sync.ts).
   */
  modifiedSince?: number;
  /**
   * Called after every search page with the contacts it added, mapped without their deals (deals
   * are read once the contacts are all in), so a caller can show figures while the read goes on.
   */
  onProgress?: (progress: InsightsReadProgress) => void;
  /**
   * Least time between the starts of two search requests. Search has its own limit (about 5 a
   * second per portal, shared with every integration), so callers reading HubSpot pass ~250 ms.
   */
  minSearchIntervalMs?: number;
  /**
   * The connection's shared pacer (search-pacer.ts): other readers of the same portal take their
   * turns from it too. Takes the place of `minSearchIntervalMs`.
   */
  pace?: SearchPacer;
  /** Windows paged at once once their sizes are known (the pacing above still holds). */
  concurrency?: number;
  now?: () => number;
}

/** HubSpot's "last modified" property for contacts (other objects call it hs_lastmodifieddate). */
export const CONTACT_MODIFIED_PROPERTY = 'lastmodifieddate';

type SearchPage = ContactSearchPage;

export async function readHubSpotInsights(client: HubSpotClient, options: ReadInsightsOptions): Promise<InsightsReadResult> {
  const cap = options.resultCap ?? SEARCH_RESULT_CAP;
  const pageSize = Math.min(SEARCH_PAGE_SIZE, options.pageSize ?? SEARCH_PAGE_SIZE);
  const contacts = new Map<string, z.infer<typeof hubSpotObjectSchema>>();
  const warnings: string[] = [];
  const wait = options.sleep ?? sleep;
  const pace = options.pace ?? createSearchPacer(options.minSearchIntervalMs ?? 0, { now: options.now, wait });
  let requests = 0;

  // Owner names are one cheap request outside the search limit: read them alongside the first
  // search, so the first progress already names the reps.
  const ownersRead = readOwners(client, options.signal).then(
    (read) => {
      requests += read.requests;
      return read.names;
    },
    (err: unknown) => {
      if (options.signal?.aborted) throw err;
      warnings.push(`Owner names could not be read (${describe(err)}); reps are shown by id.`);
      return new Map<string, string>();
    },
  );
  // Settled here too, so a search failure does not leave it as an unhandled rejection.
  ownersRead.catch(() => {});
  const recordBaseRead = readRecordBase(client, options.signal).then(
    (base) => {
      requests++;
      return base;
    },
    () => {
      requests++;
      return null;
    },
  );

  const search = async (from: number, to: number, after?: string): Promise<SearchPage> => {
    // Two filter groups are ORed: handed off in the window, or dispositioned in it (a lead
    // handed off earlier but decided now belongs to this window's dispositions).
    const between = (propertyName: string): HubSpotSearchFilter => ({ propertyName, operator: 'BETWEEN', value: String(from), highValue: String(to - 1) });
    const since: HubSpotSearchFilter[] = options.modifiedSince === undefined ? [] : [{ propertyName: CONTACT_MODIFIED_PROPERTY, operator: 'GTE', value: String(options.modifiedSince) }];
    const body: ContactSearchBody = {
      filterGroups: [{ filters: [between('hubspot_owner_assigneddate'), ...since] }, { filters: [between(P.dispositionAt), ...since] }],
      // A stable order: pages of one query do not shift while we read them.
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: [...INSIGHT_CONTACT_PROPERTIES],
      limit: pageSize,
    };
    if (after !== undefined) body.after = after;
    return searchContacts(client, body, {
      pace,
      sleep: wait,
      signal: options.signal,
      onRequest: () => requests++,
      missingPropertiesMessage: MISSING_PROPERTIES,
    });
  };

  // Windows whose first page has been read: their totals add up to what the read will hold.
  const leaves: { from: number; to: number; total: number; next: string | undefined }[] = [];
  let pending = 0;
  const take = async (page: SearchPage) => {
    const owners = await ownersRead;
    const recordBase = await recordBaseRead;
    const added: InsightRecord[] = [];
    for (const contact of page.results) {
      if (!contacts.has(contact.id)) added.push(fromHubSpotInsightContact(contact, owners, null, recordBase));
      contacts.set(contact.id, contact);
    }
    // The total is a sum of window totals; a contact handed off in one window and decided in
    // another is counted in both, so the read ends with at most that many.
    const total = pending === 0 ? leaves.reduce((sum, leaf) => sum + leaf.total, 0) : null;
    options.onProgress?.({ records: added, read: contacts.size, total });
  };

  // First every window's size: split the ones at the cap until each fits (their first pages are
  // kept, so sizing costs only the searches of windows that had to be split).
  const probe = async (from: number, to: number): Promise<void> => {
    pending++;
    const first = await search(from, to);
    if (first.total >= cap) {
      if (to - from <= 60_000) throw new CrmError('rejected', `More than ${cap.toLocaleString('en')} leads were handed off within one minute; Baton cannot read them through search.`);
      const mid = from + Math.floor((to - from) / 2);
      // The halves count themselves as pending before this window stops counting. This page's
      // contacts are real ones of the window: shown now (the halves read them again, merged by id),
      // so the first figures come after one search, not after the splitting.
      const halves = [probe(from, mid), probe(mid, to)];
      pending--;
      await Promise.all([take(first), ...halves]);
      return;
    }
    leaves.push({ from, to, total: first.total, next: first.paging?.next?.after });
    pending--;
    await take(first);
  };
  await probe(options.from, options.to);

  // Then the rest of each window's pages, a few windows at a time.
  const queue = [...leaves];
  const worker = async () => {
    for (let leaf = queue.shift(); leaf; leaf = queue.shift()) {
      while (leaf.next !== undefined) {
        const page = await search(leaf.from, leaf.to, leaf.next);
        leaf.next = page.paging?.next?.after;
        await take(page);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));

  const ids = [...contacts.keys()];
  const owners = await ownersRead;
  let deals = new Map<string, InsightDeal>();
  try {
    const read = await readDeals(client, ids, options.signal);
    requests += read.requests;
    deals = read.deals;
  } catch (err) {
    if (options.signal?.aborted) throw err;
    warnings.push(`Deals could not be read (${describe(err)}); opportunities and revenue are missing.`);
  }

  const recordBase = await recordBaseRead;
  const records = ids.map((id) => fromHubSpotInsightContact(contacts.get(id) as z.infer<typeof hubSpotObjectSchema>, owners, deals.get(id) ?? null, recordBase));
  return { records, windows: leaves.length, requests, warnings };
}

/** Maps one contact (with the Baton properties) onto the CRM-neutral record. Pure. */
export function fromHubSpotInsightContact(contact: z.infer<typeof hubSpotObjectSchema>, owners: ReadonlyMap<string, string>, deal: InsightDeal | null, recordBase: string | null = null): InsightRecord {
  const text = (name: string): string | null => contactText(contact, name);
  const outcome = text(P.disposition);
  const decidedAt = parseTime(text(P.dispositionAt));
  const stage = text(P.stage);
  const minutes = Number(text(P.responseTimeMinutes) ?? Number.NaN);
  const ownerId = text('hubspot_owner_id');
  const source = text('hs_analytics_source');
  const validOutcome = outcome === 'accepted' || outcome === 'recycled' || outcome === 'rejected' ? outcome : null;
  const handedOffAt = parseTime(text('hubspot_owner_assigneddate'));
  const name = [text('firstname'), text('lastname')].filter(Boolean).join(' ').trim() || text('email');
  const engagedAt = engagementBefore(handedOffAt, [parseTime(text('recent_conversion_date')), parseTime(text('first_conversion_date'))]);
  // HubSpot resets the first sales activity when the owner changes: it is the current owner's.
  const firstTouchedAt = firstTouchAfter(handedOffAt, parseTime(text('hs_sa_first_engagement_date')));
  return {
    contactId: contact.id,
    // The optional facts only when the CRM has them (as the persisted form gives them back).
    ...(name ? { name } : {}),
    ...(recordBase ? { recordUrl: `${recordBase}${encodeURIComponent(contact.id)}` } : {}),
    ...(engagedAt !== null ? { engagedAt } : {}),
    ...(firstTouchedAt !== null ? { firstTouchedAt } : {}),
    campaign: text('campaign_name'),
    source,
    channel: toChannel(source),
    ownerId,
    ownerName: ownerId ? (owners.get(ownerId) ?? null) : null,
    handedOffAt,
    lastTouchedAt: parseTime(text('notes_last_contacted')),
    leadStatus: text('hs_lead_status'),
    slaTier: text(P.slaTier),
    // A disposition without its time or with an outcome Baton does not know is not counted as one.
    disposition:
      validOutcome && decidedAt !== null
        ? {
            outcome: validOutcome,
            acceptedStage: validOutcome === 'accepted' && (stage === 'working' || stage === 'opportunity_created') ? stage : null,
            reasonId: text(P.reasonId),
            reasonLabel: text(P.reason),
            objections: (text(P.objections) ?? '').split(';').map((tag) => tag.trim()).filter(Boolean),
            definitionVersion: text(P.definitionVersion),
            slaOutcome: text(P.slaOutcome),
            responseMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : null,
            decidedAt,
            rep: text(P.rep),
          }
        : null,
    deal,
  };
}

/** HubSpot datetimes read back as ISO strings (or epoch ms from older writes). */
function parseTime(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

async function readOwners(client: HubSpotClient, signal: AbortSignal | undefined): Promise<{ names: Map<string, string>; requests: number }> {
  const names = new Map<string, string>();
  let after: string | undefined;
  let requests = 0;
  do {
    requests++;
    const page = await client.request('GET', '/crm/v3/owners', { query: { limit: 500, after }, schema: ownersPageSchema, signal });
    for (const owner of page.results) {
      const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim() || owner.email || owner.id;
      names.set(owner.id, name);
    }
    after = page.paging?.next?.after;
  } while (after);
  return { names, requests };
}

/** Won beats open beats lost: the deal that says how far the lead got. */
function rankDeal(deal: InsightDeal): number {
  return deal.won ? 2 : deal.closed ? 0 : 1;
}

/** Also used by the backtest reader (hubspot-backtest-reader.ts): the same deal ranking for the same question. */
export async function readDeals(client: HubSpotClient, contactIds: readonly string[], signal: AbortSignal | undefined): Promise<{ deals: Map<string, InsightDeal>; requests: number }> {
  let requests = 0;
  const dealsOf = new Map<string, string[]>();
  for (let i = 0; i < contactIds.length; i += ASSOCIATION_BATCH) {
    requests++;
    const chunk = contactIds.slice(i, i + ASSOCIATION_BATCH);
    const page = await client.request('POST', '/crm/v4/associations/contacts/deals/batch/read', {
      body: { inputs: chunk.map((id) => ({ id })) },
      schema: associationsBatchSchema,
      signal,
    });
    for (const result of page.results) dealsOf.set(result.from.id, result.to.map((to) => to.toObjectId));
  }
  const dealIds = [...new Set([...dealsOf.values()].flat())];
  const byId = new Map<string, InsightDeal>();
  for (let i = 0; i < dealIds.length; i += DEAL_BATCH) {
    requests++;
    const page = await client.request('POST', '/crm/v3/objects/deals/batch/read', {
      body: toHubSpotBatchRead(dealIds.slice(i, i + DEAL_BATCH), DEAL_PROPERTIES),
      schema: hubSpotBatchReadResponseSchema,
      signal,
    });
    for (const deal of page.results) {
      const amount = Number(deal.properties.amount ?? Number.NaN);
      const stage = deal.properties.dealstage ?? null;
      const won = deal.properties.hs_is_closed_won === 'true' || stage === 'closedwon';
      byId.set(deal.id, {
        amount: Number.isFinite(amount) ? amount : null,
        stage,
        won,
        closed: won || deal.properties.hs_is_closed === 'true' || stage === 'closedlost',
      });
    }
  }
  const deals = new Map<string, InsightDeal>();
  for (const [contactId, ids] of dealsOf) {
    let best: InsightDeal | null = null;
    for (const id of ids) {
      const deal = byId.get(id);
      if (deal && (!best || rankDeal(deal) > rankDeal(best))) best = deal;
    }
    if (best) deals.set(contactId, best);
  }
  return { deals, requests };
}

const MISSING_PROPERTIES = 'The Baton properties are not set up in this CRM yet, so there are no dispositions to read. An admin can create them in Baton\'s options ("Set up Baton properties").';

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
