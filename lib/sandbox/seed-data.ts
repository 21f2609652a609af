import { buildPropertyCatalog, CALL_DISPOSITIONS } from './property-catalog';
import type { Association, CrmObjectType, CrmRecord, EmailEvent, HistoryEntry, OwnerRecord, SandboxData, WebEvent } from './sandbox-data';
import { SANDBOX_DATA_FORMAT } from './sandbox-data';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from './scenarios';
import {
  ASSETS,
  ASSIGNMENT_WORKFLOWS,
  BLOG_PAGES,
  CAMPAIGNS,
  CASE_PAGES,
  CHALLENGES,
  COMPANIES,
  FIRST_NAMES,
  FORMS,
  JOB_TITLES,
  LAST_NAMES,
  MANAGER_OWNER_ID,
  MARKETING_EMAILS,
  OWNERS,
  PAGES,
  SDR_OWNER_IDS,
  SITE,
  WEBINARS,
} from './seed-catalog';
import type { AssetKey, CampaignKey, CompanySpec, FormKey, PageKey, WebinarKey } from './seed-catalog';
import { seedDispositionHistory } from './seed-history';
import { seedLeads } from './seed-leads';
import { compareCodeUnits, createSeededRandom } from './seeded-random';
import type { SeededRandom } from './seeded-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Fixed: the seed varies only with `now`, so the same `now` gives a byte-identical data set. */
const SEED = 0x2400001;
/** HubSpot's ids for our private app and the marketing workflows, as they appear in property history. */
const INTEGRATION_APP_ID = '1901234';

type Source = 'ORGANIC_SEARCH' | 'PAID_SEARCH' | 'EMAIL_MARKETING' | 'SOCIAL_MEDIA' | 'REFERRALS' | 'DIRECT_TRAFFIC' | 'OFFLINE' | 'PAID_SOCIAL';
type Trigger = 'demo' | 'contactSales' | 'mqlScore' | 'webinar' | 'education' | null;
type Assignment = 'demo' | 'contactSales' | 'mql' | 'manager';
type AnswerKey = 'biggest_challenge' | 'message' | 'project_timeline' | 'budget_range' | 'team_size' | 'current_tool';

interface TouchPlan {
  kind: 'call' | 'email' | 'meeting' | 'sequence' | 'note' | 'task';
  minutesAfterHandoff: number;
  outcome?: 'connected' | 'voicemail' | 'noAnswer';
  text?: string;
}

interface DealPlan {
  name: string;
  amount: number;
  stage: 'appointmentscheduled' | 'qualifiedtobuy' | 'presentationscheduled' | 'decisionmakerboughtin' | 'contractsent' | 'closedwon' | 'closedlost';
  daysAfterHandoff: number;
  closeDaysAfterCreate: number;
  lostReason?: string;
}

interface LeadPlan {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  company: CompanySpec;
  source: Source;
  campaign: CampaignKey | null;
  lifecycle: string;
  leadStatus: string | null;
  ownerId: string | null;
  /** Minutes between the owner assignment (the handoff) and `now`; for unassigned leads, the last activity. */
  handoffMinutesAgo: number;
  assignment: Assignment;
  previousOwnerId?: string;
  trigger: Trigger;
  journeyDays: number;
  /** Web sessions before the handoff. */
  sessions: number;
  interests: PageKey[];
  downloads: AssetKey[];
  webinar: { key: WebinarKey; attended: boolean; minutes?: number } | null;
  answers: Partial<Record<AnswerKey, string>>;
  marketingEmails: number;
  touches: TouchPlan[];
  deal?: DealPlan;
  /** Sessions after the handoff (the lead kept researching). */
  laterSessions?: number;
  hostile?: boolean;
  noEngagement?: boolean;
  /** Total web events wanted (long history). */
  webEventTarget?: number;
}

/** Builds the whole seeded data set. Deterministic: same `now` → same bytes. */
export function seedSandboxData(now: number): SandboxData {
  const rng = createSeededRandom(SEED);
  const portalCreatedAt = startOfUtcDay(now - 400 * DAY);
  const owners: OwnerRecord[] = OWNERS.map((owner, index) => ({
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    role: owner.role,
    teams: [{ id: owner.team === 'Inbound SDR' ? '5400101' : '5400102', name: owner.team, primary: true }],
    createdAt: portalCreatedAt + index * 3 * DAY + 9 * HOUR,
    updatedAt: portalCreatedAt + index * 3 * DAY + 9 * HOUR,
  }));
  const catalog = buildPropertyCatalog(portalCreatedAt, owners);
  const builder = new SeedBuilder(now, rng);
  const plans = [...scenarioPlans(rng), ...genericPlans(rng)];
  for (const plan of plans) builder.addLead(plan);
  // Dispositioned history for Insights, after the scenario contacts (own seed: theirs are unchanged).
  const history = seedDispositionHistory(now);
  builder.records.contacts.push(...history.contacts);
  builder.records.deals.push(...history.deals);
  builder.associations.push(...history.associations);
  // HubSpot Leads records for a few scenario contacts, last: nothing seeded before them changes.
  const leads = seedLeads(builder.records.contacts, now);
  builder.records.leads.push(...leads.leads);
  builder.associations.push(...leads.associations);

  return {
    format: SANDBOX_DATA_FORMAT,
    version: 1,
    portalId: SANDBOX_PORTAL_ID,
    seededAt: now,
    nextId: builder.nextId,
    owners,
    records: builder.records,
    associations: builder.associations,
    properties: catalog.properties,
    groups: catalog.groups,
    webEvents: builder.webEvents.sort((a, b) => a.occurredAt - b.occurredAt || compareCodeUnits(a.id, b.id)),
    emailCampaigns: MARKETING_EMAILS.map((email) => ({
      id: email.id,
      name: email.name,
      subject: email.subject,
      contentId: email.id + 9_000_000,
      sentAt: campaignSendTime(now, email.daysAgo),
    })),
    emailEvents: builder.emailEvents.sort((a, b) => a.created - b.created || compareCodeUnits(a.id, b.id)),
  };
}

function startOfUtcDay(ms: number): number {
  return ms - (ms % DAY);
}

/** Marketing sends go out at 14:00 UTC (9am US/Eastern) on their day. */
function campaignSendTime(now: number, daysAgo: number): number {
  return startOfUtcDay(now - daysAgo * DAY) + 14 * HOUR;
}

function ownerUser(ownerId: string): (typeof OWNERS)[number] {
  const owner = OWNERS.find((candidate) => candidate.id === ownerId);
  if (!owner) throw new Error(`unknown owner ${ownerId}`);
  return owner;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

class SeedBuilder {
  readonly records: Record<CrmObjectType, CrmRecord[]> = { contacts: [], deals: [], notes: [], calls: [], emails: [], meetings: [], tasks: [], leads: [] };
  readonly associations: Association[] = [];
  readonly webEvents: WebEvent[] = [];
  readonly emailEvents: EmailEvent[] = [];
  nextId = 51_000_000_001;
  private nextDealId = 7_300_000_001;

  constructor(
    private readonly now: number,
    private readonly rng: SeededRandom,
  ) {}

  addLead(plan: LeadPlan): void {
    const { rng, now } = this;
    const handoffAt = now - plan.handoffMinutesAgo * MINUTE;
    const contact: CrmRecord = { id: plan.id, createdAt: 0, updatedAt: 0, properties: {}, history: {} };
    const set = (name: string, value: string, at: number, source: Omit<HistoryEntry, 'value' | 'timestamp'>): void => {
      contact.properties[name] = value;
      // Nothing happens after `now`: late steps of a fresh lead's story are squeezed in before it.
      (contact.history[name] ??= []).push({ value, timestamp: Math.min(at, now - 1000), ...source });
    };
    const campaign = plan.campaign ? CAMPAIGNS[plan.campaign] : null;

    // The conversion that triggered the handoff happens shortly before assignment.
    const triggerAt =
      plan.trigger === 'demo' || plan.trigger === 'contactSales'
        ? handoffAt - rng.int(20, 90) * 1000
        : plan.trigger === 'webinar'
          ? handoffAt - rng.int(2, 6) * HOUR
          : handoffAt - rng.int(15, 180) * MINUTE;
    const firstSeenAt = triggerAt - plan.journeyDays * DAY - rng.int(0, 8) * HOUR;

    interface Submission {
      at: number;
      form: FormKey;
      pageTitle: string;
      url: string;
      answers: Partial<Record<AnswerKey, string>>;
    }
    const submissions: Submission[] = [];
    let pageViews = 0;
    let sessions = 0;
    let lastVisitAt = 0;

    const addWebEvent = (eventType: string, occurredAt: number, properties: Record<string, string>): void => {
      this.webEvents.push({ id: rng.uuid(), eventType, objectType: 'contact', objectId: plan.id, occurredAt, properties });
    };
    const utmFor = (source: Source): string => {
      if (!campaign) return '';
      if (source === 'PAID_SEARCH') return `?utm_source=google&utm_medium=cpc&utm_campaign=${campaign.slug}`;
      if (source === 'PAID_SOCIAL') return `?utm_source=linkedin&utm_medium=paid_social&utm_campaign=${campaign.slug}`;
      if (source === 'EMAIL_MARKETING') return `?utm_source=hs_email&utm_medium=email&utm_campaign=${campaign.slug}`;
      return '';
    };
    const referrerFor = (source: Source): string => {
      switch (source) {
        case 'ORGANIC_SEARCH':
        case 'PAID_SEARCH':
          return 'https://www.google.com/';
        case 'SOCIAL_MEDIA':
        case 'PAID_SOCIAL':
          return 'https://www.linkedin.com/';
        case 'REFERRALS':
          return plan.campaign === 'partnerSnowflake' ? 'https://www.snowflake.com/en/data-cloud/marketplace/' : 'https://www.g2.com/categories/etl-tools';
        default:
          return '';
      }
    };
    const visit = (at: number, page: PageKey, opts: { referrer?: string; utm?: string; campaignDriven?: boolean } = {}): number => {
      const spec = PAGES[page];
      const props: Record<string, string> = {
        hs_url: `${SITE}${spec.path}${opts.utm ?? ''}`,
        hs_title: spec.title,
        hs_referrer: opts.referrer ?? '',
      };
      if (opts.campaignDriven && campaign) props.hs_utm_campaign = campaign.slug;
      addWebEvent('e_visited_page', at, props);
      pageViews++;
      lastVisitAt = Math.max(lastVisitAt, at);
      return at + rng.int(25, 240) * 1000;
    };
    const session = (start: number, first: boolean, pages: PageKey[]): number => {
      sessions++;
      const campaignDriven = first && campaign !== null && ['PAID_SEARCH', 'PAID_SOCIAL', 'EMAIL_MARKETING'].includes(plan.source);
      let at = start;
      pages.forEach((page, index) => {
        at = visit(at, page, {
          referrer: index === 0 ? (first ? referrerFor(plan.source) : rng.pick(['', 'https://www.google.com/', ''])) : `${SITE}${PAGES[pages[index - 1] as PageKey].path}`,
          utm: index === 0 && campaignDriven ? utmFor(plan.source) : '',
          campaignDriven: index === 0 && campaignDriven,
        });
      });
      return at;
    };
    const browsePages = (count: number): PageKey[] => {
      const pool: PageKey[] = [...plan.interests, ...plan.interests, ...BLOG_PAGES, 'home', ...CASE_PAGES];
      return Array.from({ length: count }, () => rng.pick(pool));
    };
    const submit = (at: number, form: FormKey, pageTitle: string, url: string, answers: Partial<Record<AnswerKey, string>>): void => {
      const spec = FORMS[form];
      const props: Record<string, string> = { hs_form_id: spec.id, hs_form_title: spec.title, hs_url: url };
      if (campaign) props.hs_utm_campaign = campaign.slug;
      addWebEvent('e_submitted_form', at, props);
      submissions.push({ at, form, pageTitle, url, answers });
    };

    if (!plan.noEngagement) {
      // Browsing sessions spread over the journey, denser near the end (intent builds up).
      const windowEnd = triggerAt - 10 * MINUTE;
      const sessionTimes: number[] = [];
      const target = plan.webEventTarget;
      const sessionCount = target ? Math.ceil(target / 4) : plan.sessions;
      for (let i = 0; i < sessionCount; i++) {
        const u = Math.sqrt(rng.next());
        sessionTimes.push(Math.floor(firstSeenAt + u * (windowEnd - firstSeenAt)));
      }
      sessionTimes.sort((a, b) => a - b);
      sessionTimes.forEach((start, index) => {
        const pages = target ? 4 : rng.int(1, 4);
        session(Math.max(start, firstSeenAt), index === 0, index === 0 && plan.interests.length > 0 ? ['home', ...browsePages(pages - 1)] : browsePages(pages));
      });
      if (target) {
        // Trim to exactly the wanted count by dropping the oldest extra page views of this contact.
        const own = this.webEvents.filter((event) => event.objectId === plan.id);
        const excess = own.length - target + 8;
        if (excess > 0) {
          const drop = new Set(own.slice(1, excess + 1).map((event) => event.id));
          for (let i = this.webEvents.length - 1; i >= 0; i--) if (drop.has((this.webEvents[i] as WebEvent).id)) this.webEvents.splice(i, 1);
          pageViews -= drop.size;
        }
      }

      // Gated downloads, each a short session ending in a form and a download event.
      plan.downloads.forEach((key, index) => {
        const asset = ASSETS[key];
        const at = firstSeenAt + Math.floor(((index + 1) / (plan.downloads.length + 2)) * (triggerAt - firstSeenAt)) + rng.int(0, 6) * HOUR;
        sessions++;
        const url = `${SITE}${asset.path}`;
        addWebEvent('e_visited_page', at, { hs_url: url, hs_title: `${asset.title} | Tessellate`, hs_referrer: referrerFor(plan.source), ...(campaign ? { hs_utm_campaign: campaign.slug } : {}) });
        pageViews++;
        const formAnswers: Partial<Record<AnswerKey, string>> = index === 0 && plan.answers.team_size ? { team_size: plan.answers.team_size } : {};
        submit(at + rng.int(40, 150) * 1000, 'gatedContent', `${asset.title} | Tessellate`, url, formAnswers);
        addWebEvent(`pe${SANDBOX_PORTAL_ID}_content_downloaded`, at + rng.int(160, 200) * 1000, {
          asset_title: asset.title,
          asset_type: asset.type,
          asset_url: `${SITE}${asset.path}/download.pdf`,
          campaign: campaign?.name ?? CAMPAIGNS.playbook.name,
        });
      });

      if (plan.webinar) {
        const webinar = WEBINARS[plan.webinar.key];
        const registeredAt = plan.trigger === 'webinar' ? triggerAt - rng.int(5, 12) * DAY : firstSeenAt + Math.floor((triggerAt - firstSeenAt) * 0.5);
        const url = `${SITE}${webinar.path}`;
        addWebEvent('e_visited_page', registeredAt, { hs_url: url, hs_title: `${webinar.name} | Tessellate Webinars`, hs_referrer: '', hs_utm_campaign: CAMPAIGNS.webinars.slug });
        pageViews++;
        submit(registeredAt + 70_000, 'webinar', `${webinar.name} | Tessellate Webinars`, url, {});
        const webinarProps = { webinar_name: webinar.name, webinar_url: url, campaign: webinar.campaign };
        addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_registered`, registeredAt + 75_000, { ...webinarProps, minutes_attended: '0' });
        if (plan.webinar.attended) {
          const attendedAt = plan.trigger === 'webinar' ? triggerAt : registeredAt + rng.int(3, 8) * DAY;
          addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_attended`, Math.min(attendedAt, now - MINUTE), { ...webinarProps, minutes_attended: String(plan.webinar.minutes ?? 45) });
        }
      }

      // The trigger itself.
      if (plan.trigger === 'demo' || plan.trigger === 'contactSales' || plan.trigger === 'education') {
        const formKey: FormKey = plan.trigger;
        const page = FORMS[formKey].page as PageKey;
        const landed = visit(triggerAt - rng.int(70, 160) * 1000, rng.chance(0.6) ? 'pricing' : plan.interests[0] ?? 'home');
        visit(Math.min(landed, triggerAt - 50_000), page);
        sessions++;
        const answers = { ...plan.answers };
        if (plan.downloads.length > 0) delete answers.team_size;
        submit(triggerAt, formKey, PAGES[page].title, `${SITE}${PAGES[page].path}`, answers);
      } else if (plan.trigger === 'mqlScore') {
        visit(triggerAt - 3 * MINUTE, 'pricing');
        visit(triggerAt - MINUTE, plan.interests[0] ?? 'security');
        sessions++;
      }
      if (submissions.length === 0 && !plan.noEngagement) {
        // Everyone known by email filled at least one form (newsletter signup from the blog).
        const at = firstSeenAt + rng.int(2, 20) * MINUTE;
        submit(at, 'newsletter', PAGES.blogMqlSql.title, `${SITE}${PAGES.blogMqlSql.path}`, plan.answers);
      } else {
        // Answers no form has carried yet go on the latest submission (the one that asked them).
        const given = new Set(submissions.flatMap((submission) => Object.keys(submission.answers)));
        const rest = Object.fromEntries(Object.entries(plan.answers).filter(([key]) => !given.has(key)));
        const latest = submissions.reduce<Submission | null>((found, submission) => (!found || submission.at > found.at ? submission : found), null);
        if (latest && Object.keys(rest).length > 0) latest.answers = { ...latest.answers, ...rest };
      }
      if (plan.hostile) {
        // Attacker-controlled engagement: anyone can send page titles, URLs and custom event properties.
        const at = triggerAt - 40 * MINUTE;
        addWebEvent('e_visited_page', at, { hs_url: 'javascript:alert(1)', hs_title: '<img src=x onerror=alert(1)> مرحبا 👋 \u202Eevil', hs_referrer: 'javascript:alert(document.cookie)' });
        addWebEvent('e_visited_page', at + 30_000, { hs_url: `${SITE}/pricing?q=%3Cscript%3Ealert(1)%3C/script%3E`, hs_title: `Pricing ${'🚀'.repeat(30)} ${'A'.repeat(600)}`, hs_referrer: 'data:text/html,<script>alert(1)</script>' });
        addWebEvent(`pe${SANDBOX_PORTAL_ID}_content_downloaded`, at + 60_000, { asset_title: '<script>alert("asset")</script>', asset_type: 'ebook', asset_url: 'javascript:alert(1)', campaign: '"><svg onload=alert(1)>' });
        addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_attended`, at + 90_000, { webinar_name: HOSTILE_LONG_TEXT, webinar_url: 'JaVaScRiPt:alert(1)', campaign: 'שלום עולם 🎉', minutes_attended: '-5' });
        pageViews += 2;
      }
      for (let i = 0; i < (plan.laterSessions ?? 0); i++) {
        const start = handoffAt + Math.floor(((i + 1) / ((plan.laterSessions ?? 0) + 1)) * (now - handoffAt)) - rng.int(0, 30) * MINUTE;
        if (start < now - 5 * MINUTE && start > handoffAt) session(start, false, ['pricing', ...browsePages(rng.int(1, 2))]);
      }
    }

    submissions.sort((a, b) => a.at - b.at);
    const createdAt = plan.noEngagement ? handoffAt - rng.int(3, 6) * DAY : (submissions[0] as Submission).at;
    contact.createdAt = createdAt;

    // Identity properties: set by the first form (or the trade-show import).
    const identitySource: Omit<HistoryEntry, 'value' | 'timestamp'> = plan.noEngagement
      ? { sourceType: 'IMPORT', sourceId: 'import:7710345', sourceLabel: 'SaaStr Annual 2026 — badge scans.csv' }
      : { sourceType: 'FORM', sourceId: FORMS[(submissions[0] as Submission).form].id, sourceLabel: FORMS[(submissions[0] as Submission).form].title };
    const defaultsWorkflow = { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840015', sourceLabel: 'Lifecycle — default stage and status' };
    set('hs_object_id', plan.id, createdAt, { sourceType: 'API' });
    set('createdate', iso(createdAt), createdAt, { sourceType: plan.noEngagement ? 'IMPORT' : 'FORM' });
    set('firstname', plan.firstName, createdAt, identitySource);
    set('lastname', plan.lastName, createdAt, identitySource);
    set('email', plan.email, createdAt, identitySource);
    set('hs_email_domain', plan.email.split('@')[1] ?? '', createdAt, { sourceType: 'CALCULATED' });
    set('company', plan.company.name, createdAt, identitySource);
    set('jobtitle', plan.jobTitle, createdAt, identitySource);
    if (plan.phone) set('phone', plan.phone, createdAt, identitySource);
    // Enrichment fills firmographics a few minutes later.
    const enrichment = { sourceType: 'INTEGRATION', sourceId: '2110345', sourceLabel: 'Clearbit enrichment' };
    const enrichedAt = Math.min(createdAt + 4 * MINUTE, Math.max(createdAt + 1000, now - 20_000));
    set('website', `https://${plan.company.domain}`, enrichedAt, enrichment);
    set('industry', plan.company.industry, enrichedAt, enrichment);
    set('numemployees', plan.company.employees, enrichedAt, enrichment);
    set('country', plan.company.country, enrichedAt, enrichment);
    set('city', plan.company.city, enrichedAt, enrichment);

    const analytics = { sourceType: 'ANALYTICS' };
    set('hs_analytics_source', plan.source, createdAt, analytics);
    const [drill1, drill2] = sourceDrillDown(plan, campaign?.name ?? null, campaign?.slug ?? null);
    set('hs_analytics_source_data_1', drill1, createdAt, analytics);
    set('hs_analytics_source_data_2', drill2, createdAt, analytics);
    set('hs_latest_source', plan.trigger === 'demo' && plan.source !== 'DIRECT_TRAFFIC' ? 'DIRECT_TRAFFIC' : plan.source, Math.max(createdAt, triggerAt), analytics);
    if (campaign) set('campaign_name', campaign.name, createdAt + 2 * MINUTE, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840010', sourceLabel: 'Campaign attribution — first touch' });
    if (!plan.noEngagement) {
      set('hs_analytics_first_timestamp', iso(firstSeenAt), createdAt, analytics);
      set('hs_analytics_last_visit_timestamp', iso(lastVisitAt), lastVisitAt, analytics);
      set('hs_analytics_num_page_views', String(pageViews), lastVisitAt, analytics);
      set('hs_analytics_num_visits', String(sessions), lastVisitAt, analytics);
    }

    // Form submissions: conversion properties and the verbatim answers, each sourced to its form.
    submissions.forEach((submission, index) => {
      const spec = FORMS[submission.form];
      const formSource = { sourceType: 'FORM', sourceId: spec.id, sourceLabel: spec.title };
      const eventName = `${submission.pageTitle}: ${spec.title}`;
      if (index === 0) {
        set('first_conversion_event_name', eventName, submission.at, formSource);
        set('first_conversion_date', iso(submission.at), submission.at, formSource);
      }
      set('recent_conversion_event_name', eventName, submission.at, formSource);
      set('recent_conversion_date', iso(submission.at), submission.at, formSource);
      set('num_conversion_events', String(index + 1), submission.at, { sourceType: 'CALCULATED' });
      for (const [name, value] of Object.entries(submission.answers)) set(name, value, submission.at, formSource);
    });

    // Lifecycle: subscriber/lead on creation, MQL at the handoff, later stages set by the owner.
    const owner = plan.ownerId ? ownerUser(plan.ownerId) : null;
    const byOwner: Omit<HistoryEntry, 'value' | 'timestamp'> = owner
      ? { sourceType: 'CRM_UI', sourceId: `userId:${owner.userId}`, sourceLabel: owner.email, updatedByUserId: owner.userId }
      : defaultsWorkflow;
    set('lifecyclestage', plan.noEngagement ? 'lead' : submissions[0]?.form === 'newsletter' ? 'subscriber' : 'lead', createdAt, plan.noEngagement ? identitySource : { sourceType: 'FORM', sourceId: FORMS[(submissions[0] as Submission).form].id, sourceLabel: FORMS[(submissions[0] as Submission).form].title });
    const ladder = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
    const targetRank = ladder.indexOf(plan.lifecycle);
    if (targetRank >= 2 && plan.ownerId) {
      const mqlAt = handoffAt - rng.int(5, 25) * 1000;
      set('lifecyclestage', 'marketingqualifiedlead', mqlAt, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840011', sourceLabel: plan.trigger === 'mqlScore' || plan.trigger === 'webinar' ? 'Lifecycle — MQL at score 60' : 'Lifecycle — hand-raisers to MQL' });
      set('hs_lifecyclestage_marketingqualifiedlead_date', iso(mqlAt), mqlAt, { sourceType: 'CALCULATED' });
    }
    if (plan.ownerId && owner) {
      const assignSource: Omit<HistoryEntry, 'value' | 'timestamp'> =
        plan.assignment === 'manager'
          ? { sourceType: 'CRM_UI', sourceId: `userId:${ownerUser(MANAGER_OWNER_ID).userId}`, sourceLabel: ownerUser(MANAGER_OWNER_ID).email, updatedByUserId: ownerUser(MANAGER_OWNER_ID).userId }
          : { sourceType: 'AUTOMATION_PLATFORM', sourceId: ASSIGNMENT_WORKFLOWS[plan.assignment].id, sourceLabel: ASSIGNMENT_WORKFLOWS[plan.assignment].label };
      if (plan.previousOwnerId) {
        const earlier = handoffAt - rng.int(2, 5) * DAY;
        set('hubspot_owner_id', plan.previousOwnerId, earlier, { sourceType: 'AUTOMATION_PLATFORM', sourceId: ASSIGNMENT_WORKFLOWS.mql.id, sourceLabel: ASSIGNMENT_WORKFLOWS.mql.label });
        set('hubspot_owner_assigneddate', iso(earlier), earlier, { sourceType: 'AUTOMATION_PLATFORM', sourceId: ASSIGNMENT_WORKFLOWS.mql.id, sourceLabel: ASSIGNMENT_WORKFLOWS.mql.label });
      }
      set('hubspot_owner_id', plan.ownerId, handoffAt, assignSource);
      set('hubspot_owner_assigneddate', iso(handoffAt), handoffAt, assignSource);
      set('hs_lead_status', 'NEW', handoffAt + 1000, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840012', sourceLabel: 'Lead status — set New on assignment' });
    } else if (plan.leadStatus) {
      set('hs_lead_status', plan.leadStatus, createdAt + HOUR, defaultsWorkflow);
    }

    // Touches after the handoff: engagements associated to the contact.
    let lastHumanTouch = 0;
    for (const touch of plan.touches) {
      const at = handoffAt + touch.minutesAfterHandoff * MINUTE;
      if (at > now - 30_000) continue;
      this.addTouch(plan, touch, at, owner?.id ?? null);
      if (touch.kind === 'call' || touch.kind === 'email' || touch.kind === 'meeting') lastHumanTouch = Math.max(lastHumanTouch, at);
    }
    if (lastHumanTouch) {
      set('notes_last_contacted', iso(lastHumanTouch), lastHumanTouch, { sourceType: 'CALCULATED' });
    }
    // Lead status and lifecycle as the owner left them.
    if (plan.ownerId && plan.leadStatus && plan.leadStatus !== 'NEW') {
      const at = Math.min(now - MINUTE, (lastHumanTouch || handoffAt + HOUR) + 2 * MINUTE);
      set('hs_lead_status', plan.leadStatus, at, byOwner);
    }
    if (targetRank >= 3 && plan.ownerId) {
      const sqlAt = Math.min(now - MINUTE, (lastHumanTouch || handoffAt + 2 * HOUR) + 5 * MINUTE);
      set('lifecyclestage', 'salesqualifiedlead', sqlAt, byOwner);
      set('hs_lifecyclestage_salesqualifiedlead_date', iso(sqlAt), sqlAt, { sourceType: 'CALCULATED' });
      if (targetRank >= 4) set('lifecyclestage', plan.lifecycle, sqlAt + DAY, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840013', sourceLabel: 'Lifecycle — sync from deal stage' });
    } else if (targetRank < 2 && !contact.history.lifecyclestage?.some((entry) => entry.value === plan.lifecycle)) {
      set('lifecyclestage', plan.lifecycle, createdAt + MINUTE, defaultsWorkflow);
    }

    if (plan.deal && plan.ownerId) this.addDeal(plan, plan.deal, handoffAt);

    // Marketing emails received after the contact existed.
    const emailStats = this.addMarketingEmails(plan, createdAt);
    if (emailStats.lastOpen) set('hs_email_last_open_date', iso(emailStats.lastOpen), emailStats.lastOpen, { sourceType: 'EMAIL' });
    if (emailStats.lastClick) set('hs_email_last_click_date', iso(emailStats.lastClick), emailStats.lastClick, { sourceType: 'EMAIL' });
    if (emailStats.lastName) set('hs_email_last_email_name', emailStats.lastName, emailStats.lastSent, { sourceType: 'EMAIL' });

    // A plausible HubSpot score: engagement with diminishing returns, forms and webinars weigh most.
    const score = Math.min(98, 5 + Math.min(pageViews, 30) + submissions.length * 8 + (plan.webinar?.attended ? 12 : 0) + (plan.trigger === 'demo' || plan.trigger === 'contactSales' ? 15 : 0));
    set('hubspotscore', String(plan.noEngagement ? 0 : score), Math.max(createdAt, lastVisitAt), { sourceType: 'CALCULATED' });

    // Histories in time order; current value = newest entry.
    let updatedAt = createdAt;
    for (const [name, entries] of Object.entries(contact.history)) {
      entries.sort((a, b) => a.timestamp - b.timestamp);
      const newest = entries[entries.length - 1] as HistoryEntry;
      contact.properties[name] = newest.value;
      updatedAt = Math.max(updatedAt, newest.timestamp);
    }
    contact.updatedAt = updatedAt;
    contact.properties.lastmodifieddate = iso(updatedAt);
    contact.history.lastmodifieddate = [{ value: iso(updatedAt), timestamp: updatedAt, sourceType: 'CALCULATED' }];
    this.records.contacts.push(contact);
  }

  private newEngagement(type: CrmObjectType, contactId: string, at: number, properties: Record<string, string>, source: Omit<HistoryEntry, 'value' | 'timestamp'>): CrmRecord {
    const id = String(this.nextId++);
    const createdAt = at + 1000;
    const all: Record<string, string> = { ...properties, hs_object_id: id, hs_createdate: iso(createdAt), hs_lastmodifieddate: iso(createdAt) };
    const record: CrmRecord = {
      id,
      createdAt,
      updatedAt: createdAt,
      properties: all,
      history: Object.fromEntries(Object.entries(all).map(([name, value]) => [name, [{ value, timestamp: createdAt, ...source }]])),
    };
    this.records[type].push(record);
    this.associations.push({ fromType: type, fromId: id, toType: 'contacts', toId: contactId });
    return record;
  }

  private addTouch(plan: LeadPlan, touch: TouchPlan, at: number, ownerId: string | null): void {
    const rng = this.rng;
    const owner = ownerId ? ownerUser(ownerId) : null;
    const human = owner ? { sourceType: 'CRM_UI', sourceId: `userId:${owner.userId}`, updatedByUserId: owner.userId } : { sourceType: 'CRM_UI' };
    const common = { hs_timestamp: iso(at), ...(ownerId ? { hubspot_owner_id: ownerId } : {}) };
    const name = `${plan.firstName} ${plan.lastName}`;
    switch (touch.kind) {
      case 'call': {
        const outcome = touch.outcome ?? 'connected';
        const disposition = CALL_DISPOSITIONS.find(([, label]) => label === (outcome === 'connected' ? 'Connected' : outcome === 'voicemail' ? 'Left voicemail' : 'No answer'));
        this.newEngagement('calls', plan.id, at, {
          ...common,
          hs_call_title: `Call with ${name}`,
          hs_call_body: touch.text ?? (outcome === 'connected' ? `Spoke with ${plan.firstName}. Walked through their setup; follow-up scheduled.` : outcome === 'voicemail' ? 'Left a voicemail referencing their form answers.' : 'No answer.'),
          hs_call_direction: 'OUTBOUND',
          hs_call_disposition: disposition?.[0] ?? '',
          hs_call_status: 'COMPLETED',
          hs_call_duration: String(outcome === 'connected' ? rng.int(240, 1500) * 1000 : rng.int(15, 40) * 1000),
        }, human);
        break;
      }
      case 'email':
        this.newEngagement('emails', plan.id, at, {
          ...common,
          hs_email_direction: 'EMAIL',
          hs_email_subject: touch.text ?? `Re: your ${plan.trigger === 'demo' ? 'demo request' : 'note'} — Tessellate`,
          hs_email_text: `Hi ${plan.firstName},\n\nThanks for reaching out. Would Thursday at 10am work for a 30-minute call?\n\nBest,\n${owner?.firstName ?? ''}`,
          hs_email_status: 'SENT',
        }, human);
        break;
      case 'sequence':
        this.newEngagement('emails', plan.id, at, {
          ...common,
          hs_email_direction: 'EMAIL',
          hs_email_subject: touch.text ?? `Quick question, ${plan.firstName}`,
          hs_email_text: `Hi ${plan.firstName},\n\nI noticed you were looking at how Tessellate handles ${rng.pick(['Salesforce syncs', 'schema drift', 'SOC 2 evidence', 'attribution data'])}. Worth a quick chat?\n\n${owner?.firstName ?? ''}`,
          hs_email_status: 'SENT',
          hs_sequence_id: '3310045',
        }, { sourceType: 'SEQUENCES', sourceId: '3310045', sourceLabel: 'Inbound follow-up — 5 touches' });
        break;
      case 'meeting': {
        const start = at + 2 * DAY;
        this.newEngagement('meetings', plan.id, at, {
          ...common,
          hs_meeting_title: `Tessellate intro — ${plan.company.name}`,
          hs_meeting_body: touch.text ?? 'Discovery call: current pipeline stack, reporting pain, timeline.',
          hs_meeting_start_time: iso(start),
          hs_meeting_end_time: iso(start + 30 * MINUTE),
          hs_meeting_outcome: start < this.now ? 'COMPLETED' : 'SCHEDULED',
        }, human);
        break;
      }
      case 'note':
        this.newEngagement('notes', plan.id, at, { ...common, hs_note_body: touch.text ?? 'Note.' }, human);
        break;
      case 'task':
        this.newEngagement('tasks', plan.id, at, {
          ...common,
          hs_task_subject: touch.text ?? `Follow up with ${name}`,
          hs_task_status: 'NOT_STARTED',
          hs_task_type: 'CALL',
        }, { sourceType: 'AUTOMATION_PLATFORM', sourceId: '1840014', sourceLabel: 'Create follow-up task on assignment' });
        break;
    }
  }

  private addDeal(plan: LeadPlan, deal: DealPlan, handoffAt: number): void {
    const createdAt = Math.min(handoffAt + deal.daysAfterHandoff * DAY, this.now - HOUR);
    const closed = deal.stage === 'closedwon' || deal.stage === 'closedlost';
    const closeAt = createdAt + deal.closeDaysAfterCreate * DAY;
    const id = String(this.nextDealId++);
    const owner = ownerUser(plan.ownerId as string);
    const source = { sourceType: 'CRM_UI', sourceId: `userId:${owner.userId}`, updatedByUserId: owner.userId };
    const updatedAt = closed ? Math.min(closeAt, this.now - HOUR) : Math.min(createdAt + 2 * DAY, this.now - HOUR);
    const properties: Record<string, string> = {
      hs_object_id: id,
      dealname: deal.name,
      amount: String(deal.amount),
      dealstage: deal.stage,
      pipeline: 'default',
      closedate: iso(closed ? Math.min(closeAt, this.now - HOUR) : closeAt),
      hs_is_closed_won: String(deal.stage === 'closedwon'),
      hs_is_closed: String(closed),
      createdate: iso(createdAt),
      hs_lastmodifieddate: iso(updatedAt),
      hubspot_owner_id: owner.id,
      ...(deal.lostReason ? { closed_lost_reason: deal.lostReason } : {}),
    };
    const history: CrmRecord['history'] = Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, [{ value, timestamp: createdAt, ...source }]]));
    if (deal.stage !== 'appointmentscheduled') {
      history.dealstage = [
        { value: 'appointmentscheduled', timestamp: createdAt, ...source },
        { value: deal.stage, timestamp: updatedAt, ...source },
      ];
    }
    this.records.deals.push({ id, createdAt, updatedAt, properties, history });
    this.associations.push({ fromType: 'deals', fromId: id, toType: 'contacts', toId: plan.id });
  }

  private addMarketingEmails(plan: LeadPlan, createdAt: number): { lastOpen: number; lastClick: number; lastSent: number; lastName: string | null } {
    const { rng, now } = this;
    const stats = { lastOpen: 0, lastClick: 0, lastSent: 0, lastName: null as string | null };
    if (plan.noEngagement || plan.marketingEmails <= 0) return stats;
    const eligible = MARKETING_EMAILS.filter((email) => campaignSendTime(now, email.daysAgo) > createdAt + HOUR && campaignSendTime(now, email.daysAgo) < now - HOUR);
    const chosen = eligible.slice(-plan.marketingEmails);
    const engaged = plan.source === 'EMAIL_MARKETING' || plan.marketingEmails >= 3;
    for (const email of chosen) {
      const sentAt = campaignSendTime(now, email.daysAgo) + rng.int(0, 40) * 60_000 + rng.int(0, 59) * 1000;
      const sentId = rng.uuid();
      const base = { recipient: plan.email, emailCampaignId: email.id, sentById: sentId, sentByCreated: sentAt };
      this.emailEvents.push({ id: sentId, created: sentAt, type: 'SENT', filteredEvent: false, ...base });
      const deliveredAt = sentAt + rng.int(2, 20) * 1000;
      this.emailEvents.push({ id: rng.uuid(), created: deliveredAt, type: 'DELIVERED', filteredEvent: false, ...base });
      stats.lastSent = sentAt;
      stats.lastName = email.name;
      // Corporate mail scanners open (and sometimes click) every link within seconds of delivery.
      const scanned = plan.company.employees === '1000+' || plan.company.employees === '500-1000' || rng.chance(0.3);
      if (scanned) {
        this.emailEvents.push({ id: rng.uuid(), created: deliveredAt + 2000, type: 'OPEN', filteredEvent: true, browser: 'Microsoft Defender for Office 365 (Safe Links)', ...base });
        if (rng.chance(0.4)) this.emailEvents.push({ id: rng.uuid(), created: deliveredAt + 3000, type: 'CLICK', filteredEvent: true, url: `${SITE}/?utm_source=hs_email&utm_medium=email`, browser: 'Microsoft Defender for Office 365 (Safe Links)', ...base });
      }
      if (engaged ? rng.chance(0.75) : rng.chance(0.35)) {
        const openAt = Math.min(deliveredAt + rng.int(20, 600) * MINUTE, now - 2 * MINUTE);
        this.emailEvents.push({ id: rng.uuid(), created: openAt, type: 'OPEN', filteredEvent: false, browser: rng.pick(['Gmail', 'Apple Mail', 'Microsoft Outlook', 'Google Chrome']), ...base });
        stats.lastOpen = Math.max(stats.lastOpen, openAt);
        if (rng.chance(engaged ? 0.5 : 0.2)) {
          const page: PageKey = rng.pick(['pricing', 'caseHarbor', 'blogMqlSql', 'webinars', 'integrations']);
          const clickAt = openAt + rng.int(10, 120) * 1000;
          const slug = CAMPAIGNS[email.campaign].slug;
          const url = `${SITE}${PAGES[page].path}?utm_source=hs_email&utm_medium=email&utm_campaign=${slug}`;
          this.emailEvents.push({ id: rng.uuid(), created: clickAt, type: 'CLICK', filteredEvent: false, url, browser: 'Google Chrome', ...base });
          stats.lastClick = Math.max(stats.lastClick, clickAt);
          this.webEvents.push({
            id: rng.uuid(),
            eventType: 'e_visited_page',
            objectType: 'contact',
            objectId: plan.id,
            occurredAt: clickAt + 4000,
            properties: { hs_url: url, hs_title: PAGES[page].title, hs_referrer: '', hs_utm_campaign: slug },
          });
        }
      }
    }
    return stats;
  }
}

function sourceDrillDown(plan: LeadPlan, campaignName: string | null, slug: string | null): [string, string] {
  switch (plan.source) {
    case 'ORGANIC_SEARCH':
      return ['google', 'unknown keywords (SSL)'];
    case 'PAID_SEARCH':
      return ['google', slug ?? 'brand'];
    case 'EMAIL_MARKETING':
      return [campaignName ?? 'Newsletter', String(MARKETING_EMAILS[1].id)];
    case 'SOCIAL_MEDIA':
      return ['LinkedIn', ''];
    case 'PAID_SOCIAL':
      return ['LinkedIn', slug ?? ''];
    case 'REFERRALS':
      return [plan.campaign === 'partnerSnowflake' ? 'snowflake.com' : 'g2.com', ''];
    case 'DIRECT_TRAFFIC':
      return ['www.tessellate.io/', ''];
    case 'OFFLINE':
      return ['IMPORT', campaignName ?? 'Import'];
  }
}

function phoneFor(rng: SeededRandom, country: string): string {
  const digits = (n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'United Kingdom':
      return `+44 20 ${digits(4)} ${digits(4)}`;
    case 'Germany':
      return `+49 89 ${digits(8)}`;
    case 'Canada':
    case 'United States':
      return `+1 (${rng.int(212, 989)}) ${rng.int(200, 989)}-${digits(4)}`;
    default:
      return `+${rng.int(30, 91)} ${digits(3)} ${digits(3)} ${digits(3)}`;
  }
}

function companyNamed(name: string): CompanySpec {
  const company = COMPANIES.find((candidate) => candidate.name === name);
  if (!company) throw new Error(`unknown company ${name}`);
  return company;
}

const HOSTILE_LONG_TEXT = `${'We evaluated four vendors and every one of them promised “real-time” sync. '.repeat(40)}<script>alert('long')</script> END`;

function scenarioPlans(rng: SeededRandom): LeadPlan[] {
  const s = SANDBOX_SCENARIOS;
  const base = (id: string, company: CompanySpec, firstName: string, lastName: string, jobTitle: string): Pick<LeadPlan, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle' | 'company'> => ({
    id,
    firstName,
    lastName,
    jobTitle,
    company,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${company.domain}`,
    phone: phoneFor(rng, company.country),
  });
  return [
    {
      ...base(s.demoPrimary, companyNamed('Brightline Logistics'), 'Elena', 'Marsh', 'VP Revenue Operations'),
      source: 'PAID_SEARCH', campaign: 'q4Paid', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 12, assignment: 'contactSales', trigger: 'contactSales',
      journeyDays: 26, sessions: 9, interests: ['pricing', 'integrationSalesforce', 'security', 'caseHarbor', 'compareConduit', 'roiCalculator'],
      downloads: ['playbook', 'stateOfData'], webinar: { key: 'handoff', attended: true, minutes: 52 },
      answers: {
        biggest_challenge: 'Our Salesforce pipeline and the warehouse never agree — finance and sales argue over numbers every Monday. We need one source of truth before our 2027 planning cycle.',
        message: 'We are consolidating 9 data sources (Salesforce, NetSuite, Zendesk, two Postgres DBs...). Currently on Conduit; renewal is 31 March. Looking for pricing for ~40 connectors and SSO.',
        project_timeline: 'This quarter', budget_range: '$50k–$150k', team_size: '51–200', current_tool: 'Conduit',
      },
      marketingEmails: 5, touches: [{ kind: 'task', minutesAfterHandoff: 0, text: 'Call Elena Marsh — contact-sales request (1h SLA)' }],
    },
    {
      ...base(s.demoSecondary, companyNamed('Quarry Health'), 'Marcus', 'Okafor', 'Director of Data Engineering'),
      source: 'EMAIL_MARKETING', campaign: 'webinars', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 185, assignment: 'mql', trigger: 'webinar',
      journeyDays: 40, sessions: 12, interests: ['security', 'pricingEnterprise', 'caseNorthpeak', 'integrationSnowflake', 'docsApi'],
      downloads: ['securityWhitepaper'], webinar: { key: 'snowflake', attended: true, minutes: 38 },
      answers: { team_size: '201–1,000', biggest_challenge: 'HIPAA-compliant pipelines from Epic exports into Snowflake without a six-month project.' },
      marketingEmails: 6, touches: [], laterSessions: 1,
    },
    {
      ...base(s.justHandedOff, companyNamed('Fernhill Software'), 'Hannah', 'Lindqvist', 'Head of Data'),
      source: 'ORGANIC_SEARCH', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300103', handoffMinutesAgo: 2.5, assignment: 'demo', trigger: 'demo',
      journeyDays: 9, sessions: 5, interests: ['pricing', 'integrations', 'compareConduit', 'blogSchemaDrift'],
      downloads: [], webinar: null,
      answers: { biggest_challenge: 'Schema drift from our product DB breaks dashboards weekly. Need alerting + auto-handling.', team_size: '11–50', project_timeline: 'Next quarter', budget_range: '$10k–$50k' },
      marketingEmails: 1, touches: [],
    },
    {
      ...base(s.atRisk, companyNamed('Oakridge Capital'), 'Samuel', 'Brennan', 'CFO'),
      source: 'REFERRALS', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 46, assignment: 'contactSales', trigger: 'contactSales',
      journeyDays: 4, sessions: 3, interests: ['pricing', 'pricingEnterprise', 'security'],
      downloads: [], webinar: null,
      answers: { message: 'Need a quote for 3 years, prepaid. Board approved budget last week. Please call, not email.', budget_range: '$150k+', project_timeline: 'This quarter' },
      marketingEmails: 0, touches: [],
    },
    {
      ...base(s.breached, companyNamed('Kestrel Robotics'), 'Jonas', 'Fischer', 'VP Engineering'),
      source: 'PAID_SOCIAL', campaign: 'linkedinRevops', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 2 * 24 * 60 + 3 * 60 + 17, assignment: 'demo', trigger: 'demo',
      journeyDays: 15, sessions: 6, interests: ['integrations', 'docsStart', 'pricing', 'security'],
      downloads: ['buyersGuide'], webinar: null,
      answers: { biggest_challenge: 'Getting sensor + ERP data into one model for our ops team. Current scripts are fragile.', team_size: '51–200', project_timeline: '6–12 months', budget_range: 'Not sure yet' },
      marketingEmails: 2, touches: [], laterSessions: 2,
    },
    {
      ...base(s.touched, companyNamed('Tidewater Insurance'), 'Grace', 'Sullivan', 'Director of Marketing Operations'),
      source: 'ORGANIC_SEARCH', campaign: 'playbook', lifecycle: 'salesqualifiedlead', leadStatus: 'CONNECTED',
      ownerId: '81300103', handoffMinutesAgo: 4 * 60 + 5, assignment: 'demo', trigger: 'demo',
      journeyDays: 30, sessions: 8, interests: ['blogAttribution', 'pricing', 'integrationHubspot', 'caseLumen'],
      downloads: ['playbook'], webinar: { key: 'handoff', attended: false },
      answers: { biggest_challenge: CHALLENGES[2], team_size: '11–50', project_timeline: 'Next quarter', budget_range: '$10k–$50k' },
      marketingEmails: 4,
      touches: [
        { kind: 'call', minutesAfterHandoff: 18, outcome: 'connected', text: 'Connected with Grace. Attribution is the pain; marketing ops team of 6; wants a demo with her VP next week.' },
        { kind: 'email', minutesAfterHandoff: 26, text: 'Recap + times for a demo with your VP' },
        { kind: 'meeting', minutesAfterHandoff: 30, text: 'Demo with Grace Sullivan and VP Marketing (attribution use case).' },
      ],
    },
    {
      ...base(s.hostile, companyNamed('Saltmarsh Media'), 'Zoë', 'Ng 🚀', 'Head of 🔥 Growth'),
      email: 'zoe+test@saltmarsh.media',
      company: { ...companyNamed('Saltmarsh Media'), name: 'Saltmarsh Media \u202Egnp.exe' },
      source: 'DIRECT_TRAFFIC', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 95, assignment: 'demo', trigger: 'demo',
      journeyDays: 3, sessions: 2, interests: ['pricing', 'security'],
      downloads: [], webinar: null,
      answers: {
        biggest_challenge: '<img src=x onerror=alert(1)> Our reports break. "Quotes" & <b>ampersands</b> — مرحبا بالعالم 👋🏽 ‏שלום',
        message: HOSTILE_LONG_TEXT,
        current_tool: 'javascript:alert(1)',
        team_size: '1–10',
      },
      marketingEmails: 0, hostile: true,
      touches: [{ kind: 'note', minutesAfterHandoff: 4, text: '<p>Handoff note from marketing</p><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">details</a> &amp; more' }],
    },
    {
      ...base(s.longHistory, companyNamed('Meridian Retail Group'), 'Leila', 'Haddad', 'Senior Data Engineer'),
      source: 'ORGANIC_SEARCH', campaign: 'nurture', lifecycle: 'marketingqualifiedlead', leadStatus: 'ATTEMPTED_TO_CONTACT',
      ownerId: '81300104', handoffMinutesAgo: 26 * 60, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 300, sessions: 0, interests: ['docsStart', 'docsApi', 'blogReverseEtl', 'integrationSnowflake', 'pricing', 'blogSchemaDrift'],
      downloads: ['stateOfData', 'migration', 'buyersGuide'], webinar: { key: 'handoff', attended: true, minutes: 61 },
      answers: { biggest_challenge: CHALLENGES[1], team_size: '51–200' },
      marketingEmails: 8, webEventTarget: 1200,
      touches: [
        { kind: 'call', minutesAfterHandoff: 40, outcome: 'voicemail' },
        { kind: 'call', minutesAfterHandoff: 22 * 60, outcome: 'noAnswer' },
      ],
    },
    {
      ...base(s.competitor, { name: 'Pipewise', domain: 'pipewise.com', industry: 'Computer Software', employees: '100-500', country: 'United States', city: 'San Francisco' }, 'Caleb', 'Foster', 'Product Marketing Manager'),
      source: 'ORGANIC_SEARCH', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 70, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 12, sessions: 7, interests: ['comparePipewise', 'pricing', 'pricingEnterprise', 'integrations', 'caseHarbor'],
      downloads: ['buyersGuide', 'stateOfData'], webinar: null,
      answers: { team_size: '201–1,000', current_tool: 'We build our own' },
      marketingEmails: 2, touches: [],
    },
    {
      ...base(s.personalEmail, { name: 'University of Michigan', domain: 'gmail.com', industry: 'Higher Education', employees: '1000+', country: 'United States', city: 'Ann Arbor' }, 'Theo', 'Quinn', 'Student'),
      email: 'theo.quinn.data@gmail.com', phone: '',
      source: 'SOCIAL_MEDIA', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300103', handoffMinutesAgo: 5 * 60 + 40, assignment: 'demo', trigger: 'demo',
      journeyDays: 2, sessions: 3, interests: ['education', 'careers', 'docsStart'],
      downloads: [], webinar: null,
      answers: { biggest_challenge: 'Class project on ELT pipelines — can I get a free student licence?', team_size: '1–10', project_timeline: 'Just researching', budget_range: 'Not sure yet' },
      marketingEmails: 0, touches: [],
    },
    {
      ...base(s.noEngagement, companyNamed('Granite Peak Manufacturing'), 'Ruth', 'Kowalski', 'Operations Analyst'),
      source: 'OFFLINE', campaign: 'saastr', lifecycle: 'lead', leadStatus: 'NEW',
      ownerId: '81300105', handoffMinutesAgo: 3 * 24 * 60, assignment: 'manager', trigger: null,
      journeyDays: 0, sessions: 0, interests: [], downloads: [], webinar: null, answers: {},
      marketingEmails: 0, touches: [], noEngagement: true,
    },
    {
      ...base(s.sequenceOnly, companyNamed('Copperleaf Hospitality'), 'Isabel', 'Castillo', 'Director of Sales Operations'),
      source: 'PAID_SEARCH', campaign: 'q4Paid', lifecycle: 'marketingqualifiedlead', leadStatus: 'ATTEMPTED_TO_CONTACT',
      ownerId: '81300104', handoffMinutesAgo: 27 * 60, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 18, sessions: 6, interests: ['pricing', 'integrationSalesforce', 'roiCalculator'],
      downloads: ['playbook'], webinar: null,
      answers: { team_size: '51–200' },
      marketingEmails: 3,
      touches: [
        { kind: 'sequence', minutesAfterHandoff: 3 },
        { kind: 'sequence', minutesAfterHandoff: 24 * 60 + 3, text: 'Following up — Copperleaf + Tessellate' },
      ],
    },
  ];
}

/** Plain leads around the scenarios: a realistic spread of stages, owners, sources and ages. */
function genericPlans(rng: SeededRandom): LeadPlan[] {
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
