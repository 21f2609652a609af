import type { EngagementEvent } from '../domain/engagement/engagement-event';
import type { Lead } from '../domain/lead';
import { buildQualificationInputs, encodeQualificationInputs } from '../domain/qualification/qualification-inputs';
import type { RepEvidence } from '../domain/qualification/rep-evidence';
import type { CampaignKey } from './seed-catalog';
import { createSeededRandom } from './seeded-random';

/*
 * What the SQL definition saw for each seeded historical disposition (`baton_qualification_inputs`),
 * so "Backtest a definition" in Insights has something to say on first open. The story, replayed
 * under the stricter sample definition (strict-sql-definition.ts) against the default one:
 *   - paid search brings small budgets ("$8k") and vague timelines: the default passes many of
 *     them, the strict one's 20,000 USD minimum disqualifies them, and sales rejected them anyway;
 *   - webinar and partner-referral leads state real budgets, near dates and fit the profile: they
 *     pass both, and they are the ones that became opportunities and closed;
 *   - the playbook's readers download two assets (enough for the default, not for the strict 3).
 * Dispositions older than INPUTS_RECORDED_SINCE_DAYS have none, as in a portal where Baton started
 * recording inputs a few months ago: the backtest says how many leads it had to skip, and why.
 *
 * Each contact draws from its own PRNG (seeded by its id), never from the history's: the other
 * seeded values, which Insights' tests assert exactly, are unchanged by this.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const INPUTS_SEED = 0x51a7e;
// Timelines are stated in days and weeks, never months or "next year": those read differently
// depending on the calendar date, and the demo's backtest figures must not change with the day.
/** Baton began recording the evaluator's inputs this many days before "now". */
export const INPUTS_RECORDED_SINCE_DAYS = 120;

interface Profile {
  industries: readonly string[];
  employees: [number, number];
  countries: readonly string[];
  budgets: readonly string[];
  timelines: readonly string[];
  needs: readonly string[];
  /** Engagement before the handoff: [kind, title, url] templates, each with a chance. */
  events: ReadonlyArray<{ kind: EngagementEvent['kind']; title: string; url: string; chance: number; count?: [number, number] }>;
}

const PROFILES: Partial<Record<CampaignKey, Profile>> & { playbook: Profile } = {
  q4Paid: {
    industries: ['Retail', 'Computer Software', 'Hospitality', 'E-Learning'],
    employees: [15, 400],
    countries: ['US', 'US', 'IN', 'BR', 'GB'],
    budgets: ['$8k', '$12,000', 'around $15,000', '$6,500'],
    timelines: ['30 weeks', 'next 12 weeks', 'just researching'],
    needs: ['Comparing prices for a cheaper tool', 'Our CRM is messy', 'Looking to automate pipeline reports'],
    events: [
      { kind: 'form_submission', title: 'Request a demo — Q4 Pipeline Automation', url: 'https://tessellate.example/lp/pipeline-automation', chance: 1 },
      { kind: 'page_view', title: 'Pricing | Tessellate', url: 'https://tessellate.example/pricing', chance: 0.6, count: [1, 4] },
    ],
  },
  webinars: {
    industries: ['Computer Software', 'SaaS', 'Financial Services'],
    employees: [80, 1500],
    countries: ['US', 'GB', 'DE', 'CA', 'NL'],
    budgets: ['$40,000', '$60k', 'USD 90,000'],
    timelines: ['within 8 weeks', '6 weeks', '60 days'],
    needs: ['Our pipeline reporting lives in spreadsheets', 'Forecasts miss because CRM data is stale'],
    events: [
      { kind: 'webinar_attended', title: 'Fixing the MQL-to-SQL handoff with clean data', url: 'https://tessellate.example/webinars/fixing-the-mql-sql-handoff', chance: 1 },
      // Registration, not a sales request: these leads arrive as MQLs (the MQL SLA tier).
      { kind: 'form_submission', title: 'Webinar registration: Fixing the MQL-to-SQL handoff', url: 'https://tessellate.example/webinars/fixing-the-mql-sql-handoff', chance: 1 },
      { kind: 'page_view', title: 'Pricing | Tessellate', url: 'https://tessellate.example/pricing', chance: 0.9, count: [3, 5] },
    ],
  },
  partnerSnowflake: {
    industries: ['Computer Software', 'Financial Services', 'Information Technology and Services'],
    employees: [150, 1800],
    countries: ['US', 'GB', 'IE', 'AU'],
    budgets: ['$80k', '$120,000', 'USD 150k'],
    timelines: ['within 4 weeks', '8 weeks', 'ASAP'],
    needs: ['Need Snowflake data in Salesforce for the sales team', 'Our problem is slow lead routing'],
    events: [
      // A contact-sales request (the Contact sales SLA tier).
      { kind: 'form_submission', title: 'Contact sales (partner referral)', url: 'https://tessellate.example/partners/snowflake', chance: 1 },
      { kind: 'webinar_attended', title: 'Snowflake + Salesforce in 30 minutes', url: 'https://tessellate.example/webinars/snowflake-salesforce-30-minutes', chance: 0.5 },
    ],
  },
  switchPipewise: {
    industries: ['Computer Software', 'Marketing and Advertising', 'Retail'],
    employees: [30, 3000],
    countries: ['US', 'FR', 'ES', 'DE'],
    budgets: ['$25k', '$12,000', '$30,000'],
    timelines: ['10 weeks', '40 weeks'],
    needs: ['Looking to replace Pipewise before renewal', 'Pipewise reporting is too slow'],
    events: [
      { kind: 'form_submission', title: 'Request a demo — switch from Pipewise', url: 'https://tessellate.example/switch-from-pipewise', chance: 1 },
      { kind: 'page_view', title: 'Pricing | Tessellate', url: 'https://tessellate.example/pricing', chance: 0.5, count: [1, 3] },
    ],
  },
  saastr: {
    industries: ['Computer Software', 'Telecommunications', 'Insurance'],
    employees: [40, 2500],
    countries: ['US', 'GB', 'SE'],
    budgets: [],
    timelines: [],
    needs: [],
    events: [{ kind: 'content_download', title: 'SaaStr booth: RevOps checklist', url: 'https://tessellate.example/resources/revops-checklist', chance: 0.6 }],
  },
  playbook: {
    industries: ['Computer Software', 'Marketing and Advertising', 'Machinery'],
    employees: [20, 900],
    countries: ['US', 'GB', 'CA', 'DE'],
    budgets: ['$20k', 'not budgeted yet'],
    timelines: ['52 weeks', '17 weeks'],
    needs: ['Our goal is clean CRM data before the next board meeting'],
    events: [
      { kind: 'content_download', title: 'The RevOps Data Quality Playbook', url: 'https://tessellate.example/resources/revops-data-quality-playbook', chance: 1 },
      { kind: 'content_download', title: 'Data quality scorecard template', url: 'https://tessellate.example/resources/data-quality-scorecard', chance: 0.8 },
      { kind: 'content_download', title: 'CRM hygiene checklist', url: 'https://tessellate.example/resources/crm-hygiene-checklist', chance: 0.35 },
    ],
  },
};

export interface SeedInputsArgs {
  /** Contact id (also seeds this contact's PRNG). */
  id: string;
  campaign: CampaignKey;
  properties: Readonly<Record<string, string>>;
  handoffAt: number;
  decidedAt: number;
  accepted: boolean;
  now: number;
}

/** The encoded property value, or null when the disposition predates Baton recording inputs. */
export function seedQualificationInputs(args: SeedInputsArgs): string | null {
  if (args.decidedAt < args.now - INPUTS_RECORDED_SINCE_DAYS * DAY) return null;
  // A campaign without a history story of its own (none today) takes the playbook's shape.
  const profile = PROFILES[args.campaign] ?? PROFILES.playbook;
  const rng = createSeededRandom((INPUTS_SEED ^ Number(args.id)) >>> 0);
  const p = args.properties;
  const answeredAt = args.handoffAt - rng.int(10, 180) * MINUTE;
  const formAnswers: Lead['formAnswers'] = [];
  const answer = (question: string, list: readonly string[]) => {
    if (list.length) formAnswers.push({ question, answer: rng.pick(list), answeredAt, form: null });
  };
  answer('What is your budget?', profile.budgets);
  answer("What's your timeline to implement?", profile.timelines);
  answer("What's your biggest challenge?", profile.needs);

  const events: EngagementEvent[] = [];
  for (const [i, template] of profile.events.entries()) {
    if (!rng.chance(template.chance)) continue;
    const count = template.count ? rng.int(template.count[0], template.count[1]) : 1;
    for (let n = 0; n < count; n++) {
      events.push({
        id: `seed-${args.id}-${i}-${n}`,
        kind: template.kind,
        occurredAt: answeredAt - n * rng.int(1, 48) * HOUR,
        source: 'hubspot-web-analytics',
        title: template.title,
        url: template.url,
        ...(template.kind === 'form_submission' ? { answers: Object.fromEntries(formAnswers.map((a) => [a.question, a.answer])) } : {}),
      });
    }
  }

  const form = events.find((e) => e.kind === 'form_submission');
  const conversion = form ? { name: form.title ?? 'Form', at: form.occurredAt } : null;

  // A rep who accepted a lead had confirmed who decides and what the problem is.
  const repEvidence: RepEvidence = args.accepted
    ? {
        authority: { status: 'met', evidence: { name: `${rng.pick(['Morgan', 'Alex', 'Priya', 'Jonas'])} ${rng.pick(['Lee', 'Novak', 'Shah', 'Berg'])}`, role: rng.pick(['VP Sales', 'CRO', 'Head of RevOps']) }, by: p.baton_disposition_rep ?? 'rep', at: args.decidedAt - HOUR },
        need: { status: 'met', evidence: { problem: rng.pick(profile.needs.length ? profile.needs : ['Pipeline visibility']) }, by: p.baton_disposition_rep ?? 'rep', at: args.decidedAt - HOUR },
      }
    : {};

  const lead: Lead = {
    ref: { crm: 'sandbox', account: 'sandbox', id: args.id, objectType: 'contact' },
    firstName: p.firstname ?? null,
    lastName: p.lastname ?? null,
    email: p.email ?? null,
    phone: null,
    jobTitle: p.jobtitle || null,
    company: p.company || null,
    industry: rng.pick(profile.industries),
    employees: rng.int(profile.employees[0], profile.employees[1]),
    country: rng.pick(profile.countries),
    lifecycleStage: 'marketingqualifiedlead',
    leadStatus: 'NEW',
    owner: p.hubspot_owner_id ? { id: p.hubspot_owner_id, name: p.baton_disposition_rep ?? null, email: null } : null,
    ownerAssignedAt: args.handoffAt,
    ownerAssignedBy: { type: 'IMPORT', label: 'Historical leads' },
    source: p.hs_analytics_source ?? null,
    sourceDetail: [p.hs_analytics_source_data_1, p.hs_analytics_source_data_2].filter((v): v is string => Boolean(v)),
    latestSource: p.hs_analytics_source ?? null,
    campaign: p.campaign_name ?? null,
    // The form is the conversion HubSpot records; its name is what picks the SLA tier (baton_sla_tier).
    firstConversion: conversion,
    recentConversion: conversion,
    formAnswers,
    handedOffAt: args.handoffAt,
    createdAt: null,
    updatedAt: null,
  };
  return encodeQualificationInputs(buildQualificationInputs({ lead, events, repEvidence, evaluatedAt: args.decidedAt }));
}
