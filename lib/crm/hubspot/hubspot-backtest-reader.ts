import { z } from 'zod';
import { CrmError } from '../crm-error';
import type { InsightDeal } from '../../domain/insights/insight-record';
import type { LeadRef } from '../../domain/lead';
import type { LeadOutcome, PastLead } from '../../domain/qualification/backtest-definition';
import { decodeQualificationInputs } from '../../domain/qualification/qualification-inputs';
import { BATON_PROPERTY_NAMES } from './baton-properties';
import type { HubSpotClient } from './hubspot-client';
import { readDeals } from './hubspot-insights-reader';
import type { HubSpotSearchFilter } from './hubspot-requests';
import { hubSpotObjectSchema } from './hubspot-schemas';
import type { BacktestLead, BacktestReadResult, BacktestSkipReason } from '../crm-reporting-port';
import type { SearchPacer } from '../search-pacer';
import { contactText, searchContacts, SEARCH_RESULT_CAP } from './hubspot-contact-search';
import type { ContactSearchBody } from './hubspot-contact-search';

/*
 * Reads the leads a backtest replays: contacts dispositioned in a period, with the inputs the SQL
 * definition saw when the rep decided (`baton_qualification_inputs`) and what happened next (the
 * disposition's stage and the contact's deals). On demand only, when a marketer asks for a
 * backtest: it is separate from Insights' own read, which does not fetch the (large) inputs.
 *
 * Search answers at most 10,000 results per query, so a period that reaches the cap is split in
 * two by time until every part fits; pages are 100 contacts (the inputs are up to 65 kB each).
 */

const P = BATON_PROPERTY_NAMES;
const PAGE_SIZE = 100;

export const BACKTEST_CONTACT_PROPERTIES = [
  P.disposition,
  P.stage,
  P.dispositionAt,
  P.definitionVersion,
  P.qualificationInputs,
  'firstname',
  'lastname',
  'company',
  'campaign_name',
  'hs_analytics_source',
] as const;

type HubSpotObject = z.infer<typeof hubSpotObjectSchema>;

export interface ReadBacktestOptions {
  /** Dispositioned at or after (epoch ms). */
  from: number;
  /** Dispositioned before (epoch ms, exclusive). */
  to: number;
  /** How lead keys name the CRM and account (the sandbox or a HubSpot portal). */
  account: Pick<LeadRef, 'crm' | 'account'>;
  signal?: AbortSignal;
  resultCap?: number;
  pageSize?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The connection's search pacer (search-pacer.ts), shared with Insights' own read: the two can
   * run at once on the Insights page and must stay within the portal's search limit together.
   */
  pace?: SearchPacer;
}

export async function readHubSpotBacktestLeads(client: HubSpotClient, options: ReadBacktestOptions): Promise<BacktestReadResult> {
  const cap = options.resultCap ?? SEARCH_RESULT_CAP;
  const pageSize = Math.min(PAGE_SIZE, options.pageSize ?? PAGE_SIZE);
  const contacts = new Map<string, HubSpotObject>();
  let requests = 0;

  const search = async (from: number, to: number, after?: string) => {
    const filters: HubSpotSearchFilter[] = [{ propertyName: P.dispositionAt, operator: 'BETWEEN', value: String(from), highValue: String(to - 1) }];
    const body: ContactSearchBody = {
      filterGroups: [{ filters }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: [...BACKTEST_CONTACT_PROPERTIES],
      limit: pageSize,
    };
    if (after !== undefined) body.after = after;
    return searchContacts(client, body, {
      pace: options.pace,
      sleep: options.sleep,
      signal: options.signal,
      onRequest: () => requests++,
      missingPropertiesMessage: MISSING_PROPERTIES,
    });
  };

  const readWindow = async (from: number, to: number): Promise<void> => {
    const first = await search(from, to);
    if (first.total >= cap) {
      if (to - from <= 60_000) throw new CrmError('rejected', `More than ${cap.toLocaleString('en')} dispositions within one minute; Baton cannot read them through search.`);
      const mid = from + Math.floor((to - from) / 2);
      await readWindow(from, mid);
      await readWindow(mid, to);
      return;
    }
    let page = first;
    for (;;) {
      for (const contact of page.results) contacts.set(contact.id, contact);
      const after = page.paging?.next?.after;
      if (!after) break;
      page = await search(from, to, after);
    }
  };
  await readWindow(options.from, options.to);

  const skipped: Record<BacktestSkipReason, number> = { no_inputs: 0, unreadable_inputs: 0 };
  let unreadableExample: string | null = null;
  const leads: BacktestLead[] = [];
  const stageOf = new Map<string, string | null>();
  for (const contact of contacts.values()) {
    if (!text(contact, P.disposition)) continue;
    if (!text(contact, P.qualificationInputs)) {
      skipped.no_inputs++;
      continue;
    }
    const mapped = toBacktestLead(contact, null, options.account);
    if (!mapped.ok) {
      skipped.unreadable_inputs++;
      unreadableExample ??= `contact ${contact.id}: ${mapped.why}`;
      continue;
    }
    leads.push(mapped.lead);
    stageOf.set(contact.id, text(contact, P.stage));
  }
  // Deals only for the leads that will be replayed: what happened to them is what gets scored.
  const { deals, requests: dealRequests } = leads.length ? await readDeals(client, leads.map((l) => l.contactId), options.signal) : { deals: new Map<string, InsightDeal>(), requests: 0 };
  requests += dealRequests;
  for (const lead of leads) lead.pastLead = { ...lead.pastLead, outcome: toLeadOutcome(stageOf.get(lead.contactId) ?? null, deals.get(lead.contactId) ?? null) };
  leads.sort((a, b) => compareIds(a.contactId, b.contactId));
  return { leads, dispositioned: leads.length + skipped.no_inputs + skipped.unreadable_inputs, skipped, unreadableExample, requests };
}

/**
 * What happened to the lead: an opportunity when a deal is associated or the rep marked one
 * created; won or lost once the deal closed (left undefined while it is open, so it is not
 * scored as lost).
 */
export function toLeadOutcome(stage: string | null, deal: InsightDeal | null): LeadOutcome {
  const opportunityCreated = deal !== null || stage === 'opportunity_created';
  if (!opportunityCreated) return { opportunityCreated: false };
  const outcome: LeadOutcome = { opportunityCreated: true };
  if (deal?.closed) outcome.won = deal.won;
  if (deal?.amount !== null && deal?.amount !== undefined) outcome.amount = deal.amount;
  return outcome;
}

/** Maps one dispositioned contact with inputs to a replayable lead. Pure. */
export function toBacktestLead(contact: HubSpotObject, deal: InsightDeal | null, account: Pick<LeadRef, 'crm' | 'account'>): { ok: true; lead: BacktestLead } | { ok: false; why: string } {
  const raw = text(contact, P.qualificationInputs);
  if (!raw) return { ok: false, why: 'no inputs recorded' };
  const decoded = decodeQualificationInputs(raw, { crm: account.crm, account: account.account, id: contact.id, objectType: 'contact' });
  if (!decoded.ok) return { ok: false, why: `${decoded.why.replace(/_/g, ' ')} (${decoded.detail})` };
  const name = [text(contact, 'firstname'), text(contact, 'lastname')].filter(Boolean).join(' ') || `Contact ${contact.id}`;
  return {
    ok: true,
    lead: {
      contactId: contact.id,
      name,
      company: text(contact, 'company'),
      campaign: text(contact, 'campaign_name'),
      pastLead: { ...decoded.inputs, outcome: toLeadOutcome(text(contact, P.stage), deal) },
      approximate: decoded.approximate || decoded.evidenceSetAside,
    },
  };
}

const text = contactText;

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const MISSING_PROPERTIES = 'The Baton properties are not set up in this CRM yet (or lack "Baton qualification inputs"). An admin can create them in Baton\'s options ("Set up Baton properties").';
