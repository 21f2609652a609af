import type { Association, CrmRecord, HistoryEntry } from './sandbox-data';
import { CAMPAIGNS, COMPANIES, FIRST_NAMES, LAST_NAMES, OWNERS, SDR_OWNER_IDS } from './seed-catalog';
import type { CampaignKey } from './seed-catalog';
import { seedQualificationInputs } from './seed-qualification-inputs';
import { createSeededRandom } from './seeded-random';
import type { SeededRandom } from './seeded-random';

/*
 * Six months of dispositioned leads, so Baton Insights tells a story on first open: the paid
 * search campaign's leads are rejected as "no need" and students, the webinar leads are accepted
 * and close, the Pipewise switch campaign meets the competitor, trade-show leads wait without a
 * disposition. Light records (no web events): only what Insights reads back. Their Baton values
 * become visible once the admin has set up the Baton properties, as they would after an import.
 * Deterministic with its own seed, so adding it left the scenario contacts' bytes unchanged.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_SEED = 0x2400077;
/** Speed-to-lead times come from their own PRNG per contact, so the values asserted elsewhere stay as they were. */
const SPEED_SEED = 0x5beed;
export const HISTORY_CONTACT_COUNT = 300;
export const FIRST_HISTORY_CONTACT_ID = 1001;
const FIRST_HISTORY_DEAL_ID = 7_390_000_001;
/** The definition changed 75 days ago (stricter fit rules): version 2 accepts more of what it hands over. */
const DEFINITION_CHANGE_DAYS_AGO = 75;

type Outcome = 'accepted' | 'recycled' | 'rejected';

/**
 * The default SLA policy's tier behind each story's target (default-sla-policy.ts): a demo request
 * gets 5 business minutes, contact sales an hour, an MQL a business day.
 */
const SLA_TIER_BY_TARGET: Record<number, string> = { 5: 'Demo request', 60: 'Contact sales', 1440: 'MQL' };

interface CampaignStory {
  campaign: CampaignKey;
  source: string;
  drillDown: string;
  weight: number;
  /** Share accepted among dispositions. */
  accept: number;
  /** Reasons for recycled/rejected leads, weighted. */
  reasons: Array<[Outcome, string, string, number]>;
  objections: string[];
  /** Business minutes the SLA tier allows, and the typical response. */
  targetMinutes: number;
  responseMinutes: [number, number];
  /** Share with no disposition at all. */
  undecided: number;
  /**
   * Minutes from the engagement (the form, the badge scan) to the assignment: routing's part of
   * speed to lead. Trade-show badges wait for an import, webinar attendees for the next day's list.
   */
  routingMinutes: [number, number];
  /** Share of accepted leads that become opportunities, then win. */
  opportunity: number;
  win: number;
  amounts: number[];
}

const STORIES: CampaignStory[] = [
  {
    campaign: 'q4Paid', routingMinutes: [1, 6], source: 'PAID_SEARCH', drillDown: 'google', weight: 30, accept: 0.14,
    reasons: [['rejected', 'no_need', 'No need', 45], ['rejected', 'student', 'Student', 30], ['rejected', 'below_minimum_deal_size', 'Below minimum deal size', 15], ['rejected', 'bad_data', 'Bad data', 10]],
    objections: ['price', 'price', 'timing'], targetMinutes: 5, responseMinutes: [1, 9], undecided: 0.08, opportunity: 0.4, win: 0.3, amounts: [12_000, 18_000, 24_000],
  },
  {
    campaign: 'webinars', routingMinutes: [720, 1800], source: 'EMAIL_MARKETING', drillDown: 'Webinar invite', weight: 20, accept: 0.68,
    reasons: [['recycled', 'bad_timing', 'Bad timing', 60], ['recycled', 'no_budget', 'No budget', 40]],
    objections: ['security_review', 'integration', 'integration'], targetMinutes: 1440, responseMinutes: [30, 900], undecided: 0.06, opportunity: 0.6, win: 0.45, amounts: [36_000, 48_000, 72_000],
  },
  {
    campaign: 'switchPipewise', routingMinutes: [2, 20], source: 'PAID_SOCIAL', drillDown: 'linkedin', weight: 14, accept: 0.42,
    reasons: [['rejected', 'competitor', 'Competitor', 55], ['recycled', 'bad_timing', 'Bad timing', 45]],
    objections: ['competitor', 'price', 'integration'], targetMinutes: 5, responseMinutes: [2, 40], undecided: 0.1, opportunity: 0.5, win: 0.35, amounts: [24_000, 36_000, 48_000],
  },
  {
    campaign: 'partnerSnowflake', routingMinutes: [120, 480], source: 'REFERRALS', drillDown: 'snowflake.com', weight: 10, accept: 0.74,
    reasons: [['recycled', 'no_authority', 'No authority', 60], ['rejected', 'existing_customer', 'Existing customer', 40]],
    objections: ['security_review', 'authority'], targetMinutes: 60, responseMinutes: [5, 120], undecided: 0.05, opportunity: 0.65, win: 0.5, amounts: [72_000, 96_000, 140_000],
  },
  {
    campaign: 'saastr', routingMinutes: [1440, 5760], source: 'OFFLINE', drillDown: 'IMPORT', weight: 14, accept: 0.3,
    reasons: [['rejected', 'unreachable', 'Unreachable after repeated attempts', 50], ['recycled', 'bad_timing', 'Bad timing', 30], ['rejected', 'wrong_geography', 'Wrong geography', 20]],
    objections: ['timing'], targetMinutes: 1440, responseMinutes: [600, 4000], undecided: 0.35, opportunity: 0.4, win: 0.3, amounts: [24_000, 48_000],
  },
  {
    campaign: 'playbook', routingMinutes: [30, 360], source: 'ORGANIC_SEARCH', drillDown: 'google', weight: 12, accept: 0.35,
    reasons: [['recycled', 'bad_timing', 'Bad timing', 40], ['recycled', 'no_authority', 'No authority', 35], ['rejected', 'no_need', 'No need', 25]],
    objections: ['authority', 'timing', 'price'], targetMinutes: 1440, responseMinutes: [60, 2000], undecided: 0.12, opportunity: 0.4, win: 0.35, amounts: [18_000, 24_000, 36_000],
  },
];

export interface SeededHistory {
  contacts: CrmRecord[];
  deals: CrmRecord[];
  associations: Association[];
}

/** Builds the historical contacts (ids from 1001) and their deals. Deterministic: same `now`, same bytes. */
export function seedDispositionHistory(now: number): SeededHistory {
  const rng = createSeededRandom(HISTORY_SEED);
  const contacts: CrmRecord[] = [];
  const deals: CrmRecord[] = [];
  const associations: Association[] = [];
  const totalWeight = STORIES.reduce((sum, story) => sum + story.weight, 0);
  let nextDealId = FIRST_HISTORY_DEAL_ID;

  for (let i = 0; i < HISTORY_CONTACT_COUNT; i++) {
    const story = pickWeighted(rng, STORIES, totalWeight);
    const id = String(FIRST_HISTORY_CONTACT_ID + i);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const company = rng.pick(COMPANIES);
    const student = story.campaign === 'q4Paid' && rng.chance(0.25);
    const email = student ? `${first.toLowerCase()}.${last.toLowerCase()}${rng.int(1, 99)}@student.example.edu` : `${first.toLowerCase()}.${last.toLowerCase()}@${company.domain}`;
    // Handoffs spread over the last six months, a few in the last week (still open).
    const handoffAt = now - rng.int(3 * 24 * 60, 182 * 24 * 60) * MINUTE;
    const createdAt = handoffAt - rng.int(1, 20) * DAY;
    const ownerId = rng.pick(SDR_OWNER_IDS);
    const owner = OWNERS.find((o) => o.id === ownerId) as (typeof OWNERS)[number];
    // Jordan is the slow responder: his response times are three times the campaign's.
    const slowness = owner.id === '81300102' ? 3 : 1;

    const p: Record<string, string> = {
      hs_object_id: id,
      createdate: iso(createdAt),
      firstname: first,
      lastname: last,
      email,
      company: student ? '' : company.name,
      jobtitle: student ? 'Student' : rng.pick(['RevOps Manager', 'Head of Data', 'Marketing Operations Lead', 'VP Sales', 'Data Engineer']),
      hs_analytics_source: story.source,
      hs_analytics_source_data_1: story.drillDown,
      hs_analytics_source_data_2: CAMPAIGNS[story.campaign].slug,
      campaign_name: CAMPAIGNS[story.campaign].name,
      lifecyclestage: 'marketingqualifiedlead',
      hubspot_owner_id: owner.id,
      hubspot_owner_assigneddate: iso(handoffAt),
      hs_lead_status: 'NEW',
    };
    let updatedAt = handoffAt;

    const stale = now - handoffAt > 7 * DAY;
    const undecided = student ? false : rng.chance(story.undecided) || !stale && rng.chance(0.5);
    const minutes = Math.round(rng.int(story.responseMinutes[0], story.responseMinutes[1]) * slowness * 10) / 10;
    const touched = !undecided || rng.chance(0.5);
    const touchedAt = handoffAt + Math.min(minutes * MINUTE * 3, 5 * DAY);
    if (touched && touchedAt < now) {
      p.notes_last_contacted = iso(touchedAt);
      // The owner's first sales activity after the assignment (HubSpot's "First engagement date").
      p.hs_sa_first_engagement_date = iso(touchedAt);
      p.hs_lead_status = 'ATTEMPTED_TO_CONTACT';
    }
    // The conversion that got the lead handed over, before the assignment by the story's routing delay.
    const speed = createSeededRandom((SPEED_SEED ^ Number(id)) >>> 0);
    const engagedAt = Math.max(createdAt, handoffAt - speed.int(story.routingMinutes[0], story.routingMinutes[1]) * MINUTE);
    p.first_conversion_date = iso(engagedAt);
    p.recent_conversion_date = iso(engagedAt);

    if (!undecided) {
      const decidedAt = Math.min(now - HOUR, touchedAt + rng.int(1, 72) * HOUR);
      updatedAt = decidedAt;
      const v2 = handoffAt > now - DEFINITION_CHANGE_DAYS_AGO * DAY;
      // Under version 2 fewer poor-fit leads are handed over, so more of what arrives is accepted.
      const acceptShare = Math.min(0.95, story.accept * (v2 ? 1.25 : 0.85));
      let outcome: Outcome;
      let reasonId: string | null = null;
      let reasonLabel: string | null = null;
      if (student) {
        outcome = 'rejected';
        reasonId = 'student';
        reasonLabel = 'Student';
      } else if (rng.chance(acceptShare)) {
        outcome = 'accepted';
      } else {
        const [o, rid, label] = pickWeighted(rng, story.reasons.map(([o2, r, l, w]) => ({ value: [o2, r, l] as const, weight: w })), story.reasons.reduce((s, r) => s + r[3], 0)).value;
        outcome = o;
        reasonId = rid;
        reasonLabel = label;
      }
      const objections = rng.chance(0.55) ? [...new Set([rng.pick(story.objections), ...(rng.chance(0.3) ? [rng.pick(story.objections)] : [])])] : [];
      const opportunity = outcome === 'accepted' && rng.chance(story.opportunity);
      Object.assign(p, {
        baton_disposition: outcome,
        ...(outcome === 'accepted' ? { baton_disposition_stage: opportunity ? 'opportunity_created' : 'working' } : {}),
        ...(reasonId ? { baton_disposition_reason_id: reasonId, baton_disposition_reason: reasonLabel as string } : {}),
        baton_definition_version: `baton-default-sql@${v2 ? 2 : 1}`,
        baton_sla_outcome: minutes <= story.targetMinutes ? 'met' : 'met_late',
        baton_response_time_minutes: String(minutes),
        baton_disposition_at: iso(decidedAt),
        ...(objections.length ? { baton_objections: objections.join(';') } : {}),
        baton_disposition_rep: `${owner.firstName} ${owner.lastName}`,
        baton_sla_tier: SLA_TIER_BY_TARGET[story.targetMinutes] ?? 'MQL',
        baton_disposition_id: rng.uuid(),
        hs_lead_status: outcome === 'accepted' ? (opportunity ? 'OPEN_DEAL' : rng.pick(['CONNECTED', 'IN_PROGRESS'])) : outcome === 'recycled' ? 'BAD_TIMING' : 'UNQUALIFIED',
        lifecyclestage: outcome === 'accepted' ? (opportunity ? 'opportunity' : 'salesqualifiedlead') : 'marketingqualifiedlead',
      });
      if (opportunity) {
        const dealId = String(nextDealId++);
        const dealCreatedAt = Math.min(now - HOUR, decidedAt + rng.int(1, 10) * DAY);
        const closes = dealCreatedAt + rng.int(20, 60) * DAY;
        const closed = closes < now;
        const won = closed && rng.chance(story.win / 0.8);
        const stage = !closed ? rng.pick(['qualifiedtobuy', 'presentationscheduled', 'contractsent']) : won ? 'closedwon' : 'closedlost';
        if (won) p.lifecyclestage = 'customer';
        const dealProps: Record<string, string> = {
          hs_object_id: dealId,
          dealname: `${company.name} — ${rng.pick(['Growth plan', 'Annual subscription', 'Platform evaluation'])}`,
          amount: String(rng.pick(story.amounts)),
          dealstage: stage,
          pipeline: 'default',
          closedate: iso(closed ? closes : closes),
          hs_is_closed_won: String(won),
          hs_is_closed: String(closed),
          createdate: iso(dealCreatedAt),
          hs_lastmodifieddate: iso(Math.min(closes, now - HOUR)),
          hubspot_owner_id: owner.id,
        };
        const dealUpdatedAt = Math.min(closes, now - HOUR);
        deals.push({ id: dealId, createdAt: dealCreatedAt, updatedAt: dealUpdatedAt, properties: dealProps, history: historyOf(dealProps, dealCreatedAt) });
        associations.push({ fromType: 'deals', fromId: dealId, toType: 'contacts', toId: id });
        updatedAt = Math.max(updatedAt, dealCreatedAt);
      }
    }
    if (p.baton_disposition) {
      // Its own PRNG per contact: the values above (asserted exactly by Insights' tests) stay as they were.
      const inputs = seedQualificationInputs({ id, campaign: story.campaign, properties: p, handoffAt, decidedAt: Date.parse(p.baton_disposition_at as string), accepted: p.baton_disposition === 'accepted', now });
      if (inputs !== null) p.baton_qualification_inputs = inputs;
    }
    p.lastmodifieddate = iso(updatedAt);
    contacts.push({ id, createdAt, updatedAt, properties: p, history: historyOf(p, createdAt) });
  }
  return { contacts, deals, associations };
}

function pickWeighted<T extends { weight: number }>(rng: SeededRandom, items: readonly T[], total: number): T {
  let roll = rng.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** One history entry per property: enough for the property-history reads the panel makes. */
function historyOf(properties: Record<string, string>, at: number): CrmRecord['history'] {
  const source: Omit<HistoryEntry, 'value' | 'timestamp'> = { sourceType: 'IMPORT', sourceId: 'import:7710400', sourceLabel: 'Historical leads' };
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, [{ value, timestamp: at, ...source }]]));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
