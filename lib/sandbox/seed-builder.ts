import type { Association, CrmObjectType, CrmRecord, EmailEvent, HistoryEntry, WebEvent } from './sandbox-data';
import { ASSIGNMENT_WORKFLOWS, CAMPAIGNS, FORMS, MANAGER_OWNER_ID } from './seed-catalog';
import { DAY, HOUR, iso, MINUTE } from './seed-clock';
import type { SeedContext } from './seed-context';
import { addDeal } from './seed-deal';
import type { LeadPlan } from './seed-lead-plan';
import { addMarketingEmails } from './seed-marketing-emails';
import { ownerUser } from './seed-owner-user';
import { sourceDrillDown } from './seed-source-drill-down';
import { addTouch } from './seed-touches';
import { seedWebJourney } from './seed-web-journey';
import type { Submission } from './seed-web-journey';
import type { SeededRandom } from './seeded-random';

/** Turns lead plans into the contact records, engagements, deals and web and email events of the data set. */
export class SeedBuilder implements SeedContext {
  readonly records: Record<CrmObjectType, CrmRecord[]> = { contacts: [], deals: [], notes: [], calls: [], emails: [], meetings: [], tasks: [], leads: [] };
  readonly associations: Association[] = [];
  readonly webEvents: WebEvent[] = [];
  readonly emailEvents: EmailEvent[] = [];
  nextId = 51_000_000_001;
  nextDealId = 7_300_000_001;

  constructor(
    readonly now: number,
    readonly rng: SeededRandom,
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

    const { submissions, pageViews, sessions, lastVisitAt } = seedWebJourney(this, plan, { handoffAt, triggerAt, firstSeenAt });

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
      addTouch(this, plan, touch, at, owner?.id ?? null);
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

    if (plan.deal && plan.ownerId) addDeal(this, plan, plan.deal, handoffAt);

    // Marketing emails received after the contact existed.
    const emailStats = addMarketingEmails(this, plan, createdAt);
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
}
