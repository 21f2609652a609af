import { CHALLENGES, COMPANIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, SDR_OWNER_IDS } from './seed-catalog';
import type { AssetKey, CampaignKey, CompanySpec, PageKey } from './seed-catalog';
import type { DealPlan, LeadPlan, Source, TouchPlan, Trigger } from './seed-lead-plan';
import { phoneFor } from './seed-phone-numbers';
import type { SeededRandom } from './seeded-random';

/** Plain leads around the scenarios: a realistic spread of stages, owners, sources and ages. */
export function genericPlans(rng: SeededRandom): LeadPlan[] {
  const used = new Set(['Brightline Logistics', 'Quarry Health', 'Fernhill Software', 'Oakridge Capital', 'Kestrel Robotics', 'Tidewater Insurance', 'Saltmarsh Media', 'Meridian Retail Group', 'Granite Peak Manufacturing', 'Copperleaf Hospitality']);
  const companies = COMPANIES.filter((company) => !used.has(company.name));
  const sources: Source[] = ['ORGANIC_SEARCH', 'PAID_SEARCH', 'EMAIL_MARKETING', 'SOCIAL_MEDIA', 'REFERRALS', 'DIRECT_TRAFFIC', 'OFFLINE', 'PAID_SOCIAL'];
  const campaignFor: Record<Source, Array<CampaignKey | null>> = {
    ORGANIC_SEARCH: [null, 'playbook'],
    PAID_SEARCH: ['q4Paid'],
    EMAIL_MARKETING: ['nurture', 'webinars', 'playbook'],
    SOCIAL_MEDIA: [null],
    REFERRALS: ['partnerSnowflake', null],
    DIRECT_TRAFFIC: [null],
    OFFLINE: ['saastr'],
    PAID_SOCIAL: ['linkedinRevops', 'switchPipewise'],
  };
  // Outcome archetypes: [lifecycle, leadStatus, hours since handoff range, touches?, deal?]
  const archetypes = [
    { lifecycle: 'opportunity', status: 'OPEN_DEAL', hours: [24 * 10, 24 * 40], deal: 'open' },
    { lifecycle: 'customer', status: 'CONNECTED', hours: [24 * 45, 24 * 120], deal: 'won' },
    { lifecycle: 'salesqualifiedlead', status: 'IN_PROGRESS', hours: [24 * 2, 24 * 8], deal: null },
    { lifecycle: 'marketingqualifiedlead', status: 'UNQUALIFIED', hours: [24 * 3, 24 * 30], deal: null },
    { lifecycle: 'marketingqualifiedlead', status: 'BAD_TIMING', hours: [24 * 5, 24 * 25], deal: null },
    { lifecycle: 'marketingqualifiedlead', status: 'ATTEMPTED_TO_CONTACT', hours: [20, 24 * 4], deal: null },
    { lifecycle: 'marketingqualifiedlead', status: 'NEW', hours: [1, 30], deal: null },
    { lifecycle: 'opportunity', status: 'OPEN_DEAL', hours: [24 * 20, 24 * 70], deal: 'lost' },
    { lifecycle: 'lead', status: null, hours: [24, 24 * 60], deal: null },
    { lifecycle: 'subscriber', status: null, hours: [24, 24 * 90], deal: null },
  ] as const;
  const plans: LeadPlan[] = [];
  const interestSets: PageKey[][] = [
    ['pricing', 'integrations', 'caseHarbor'],
    ['security', 'pricingEnterprise', 'caseNorthpeak'],
    ['blogReverseEtl', 'docsStart', 'integrationSnowflake'],
    ['compareConduit', 'pricing', 'roiCalculator'],
    ['blogMqlSql', 'blogAttribution', 'integrationHubspot'],
    ['comparePipewise', 'pricing', 'integrationSalesforce'],
  ];
  const assets: AssetKey[] = ['playbook', 'stateOfData', 'securityWhitepaper', 'migration', 'buyersGuide'];
  const names = rng.shuffle(FIRST_NAMES.map((first, index) => [first, LAST_NAMES[index % LAST_NAMES.length] as string] as const));
  for (let i = 0; i < 38; i++) {
    const company = companies[i % companies.length] as CompanySpec;
    const [firstName, lastName] = names[i % names.length] as readonly [string, string];
    const source = sources[i % sources.length] as Source;
    const archetype = archetypes[i % archetypes.length] as (typeof archetypes)[number];
    const handoffMinutesAgo = rng.int(archetype.hours[0] * 60, archetype.hours[1] * 60);
    const assigned = archetype.lifecycle !== 'lead' && archetype.lifecycle !== 'subscriber';
    const trigger: Trigger = !assigned ? null : rng.pick(['demo', 'contactSales', 'mqlScore', 'mqlScore', 'webinar'] as const);
    const ownerId = assigned ? (archetype.deal ? rng.pick(['81300104', '81300105']) : rng.pick(SDR_OWNER_IDS)) : null;
    const contacted = assigned && archetype.status !== 'NEW';
    const touches: TouchPlan[] = [];
    if (contacted) {
      if (archetype.status === 'ATTEMPTED_TO_CONTACT') {
        touches.push({ kind: 'sequence', minutesAfterHandoff: 4 }, { kind: 'call', minutesAfterHandoff: rng.int(30, 600), outcome: rng.pick(['voicemail', 'noAnswer'] as const) });
      } else {
        touches.push({ kind: 'call', minutesAfterHandoff: rng.int(4, 300), outcome: 'connected' });
        if (rng.chance(0.6)) touches.push({ kind: 'email', minutesAfterHandoff: rng.int(310, 900) });
        if (archetype.deal || archetype.lifecycle === 'salesqualifiedlead') touches.push({ kind: 'meeting', minutesAfterHandoff: rng.int(60 * 20, 60 * 48) });
        if (archetype.status === 'UNQUALIFIED') touches.push({ kind: 'note', minutesAfterHandoff: rng.int(60, 400), text: rng.pick(['Not a fit: needs on-prem only.', 'Below minimum deal size — 2 connectors.', 'Existing customer (duplicate record).']) });
      }
    }
    const amount = rng.pick([18_000, 24_000, 36_000, 48_000, 72_000, 96_000, 140_000]);
    const deal: DealPlan | undefined =
      archetype.deal === 'open'
        ? { name: `${company.name} — Growth plan`, amount, stage: rng.pick(['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'] as const), daysAfterHandoff: 2, closeDaysAfterCreate: rng.int(25, 70) }
        : archetype.deal === 'won'
          ? { name: `${company.name} — Annual subscription`, amount, stage: 'closedwon', daysAfterHandoff: 3, closeDaysAfterCreate: rng.int(18, 40) }
          : archetype.deal === 'lost'
            ? { name: `${company.name} — Platform evaluation`, amount, stage: 'closedlost', daysAfterHandoff: 2, closeDaysAfterCreate: rng.int(10, 30), lostReason: rng.pick(['Chose competitor (Conduit)', 'No budget this fiscal year', 'Went with in-house build']) }
            : undefined;
    const hasForm = trigger === 'demo' || trigger === 'contactSales';
    plans.push({
      id: String(113 + i),
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${company.domain}`,
      phone: rng.chance(0.8) ? phoneFor(rng, company.country) : '',
      jobTitle: rng.pick(JOB_TITLES),
      company,
      source,
      campaign: rng.pick(campaignFor[source]),
      lifecycle: archetype.lifecycle,
      leadStatus: archetype.status,
      ownerId,
      handoffMinutesAgo,
      assignment: trigger === 'demo' ? 'demo' : trigger === 'contactSales' ? 'contactSales' : 'mql',
      trigger,
      journeyDays: rng.int(3, 45),
      sessions: rng.int(1, 9),
      interests: rng.pick(interestSets),
      downloads: rng.shuffle(assets).slice(0, rng.int(0, 2)),
      webinar: rng.chance(0.3) || trigger === 'webinar' ? { key: rng.pick(['handoff', 'snowflake'] as const), attended: trigger === 'webinar' || rng.chance(0.5), minutes: rng.int(8, 60) } : null,
      answers: hasForm
        ? {
            biggest_challenge: rng.pick(CHALLENGES),
            team_size: rng.pick(['1–10', '11–50', '51–200', '201–1,000'] as const),
            project_timeline: rng.pick(['This quarter', 'Next quarter', '6–12 months', 'Just researching'] as const),
            ...(trigger === 'contactSales' ? { budget_range: rng.pick(['Under $10k', '$10k–$50k', '$50k–$150k', 'Not sure yet'] as const) } : {}),
          }
        : {},
      marketingEmails: source === 'EMAIL_MARKETING' ? rng.int(3, 6) : rng.int(0, 3),
      touches,
      ...(deal ? { deal } : {}),
      previousOwnerId: i % 11 === 4 && ownerId ? (SDR_OWNER_IDS.find((id) => id !== ownerId) as string) : undefined,
      noEngagement: source === 'OFFLINE' && i % 2 === 0,
    } as LeadPlan);
  }
  return plans;
}
