import { leadIdForContact } from '../salesforce/salesforce-scenarios';

/*
 * The sandbox Account Engagement business unit's prospects and visitor activities, keyed by the
 * seeded leads' emails (each prospect synced to the sandbox org's Lead of the same person). Type
 * codes as the v5 Visitor Activity reference lists them. Times are relative to the seed's clock.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SANDBOX_BUSINESS_UNIT_ID = '0UvSANDBOX00000001';

export interface SandboxProspect {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  /** The Salesforce Lead this prospect is synced to. */
  salesforceId: string;
  createdAt: number;
}

export interface SandboxVisitorActivity {
  id: number;
  prospectId: number;
  visitorId: number;
  type: number;
  typeName: string;
  details: string;
  campaignId: number;
  createdAt: number;
}

export interface SandboxAccountEngagementData {
  prospects: SandboxProspect[];
  activities: SandboxVisitorActivity[];
}

/** Seeded prospects, by email (the scenario contacts the org's Leads are built from). */
export const ACCOUNT_ENGAGEMENT_SEEDED_EMAILS = {
  /** Webinar attendee turned MQL: registered, attended, then pricing and security. */
  demoSecondary: 'marcus.okafor@quarryhealth.com',
  /** Inbound demo request minutes ago: a form success and a custom URL click. */
  justHandedOff: 'hannah.lindqvist@fernhill.io',
  /** Competitor: comparison download and pricing views; hostile details. */
  competitor: 'caleb.foster@pipewise.com',
} as const;

const TYPE_NAMES: Record<number, string> = {
  1: 'Click', 2: 'View', 4: 'Success', 6: 'Sent', 11: 'Open', 20: 'Visit', 21: 'Custom URL click', 23: 'Invited to webinar', 24: 'Attended webinar', 25: 'Registered for webinar', 13: 'Bounced',
};

export function seedAccountEngagement(now: number): SandboxAccountEngagementData {
  const prospects: SandboxProspect[] = [];
  const activities: SandboxVisitorActivity[] = [];
  const prospect = (id: number, contactId: string, email: string, firstName: string, lastName: string, createdDaysAgo: number) => {
    prospects.push({ id, email, firstName, lastName, salesforceId: leadIdForContact(contactId), createdAt: now - createdDaysAgo * DAY });
    return id;
  };
  const add = (prospectId: number, ago: number, type: number, details: string, campaignId = 0) =>
    activities.push({ id: 70_000 + activities.length, prospectId, visitorId: 40_000 + prospectId, type, typeName: TYPE_NAMES[type] ?? 'Other', details, campaignId, createdAt: now - ago });

  const marcus = prospect(61102, '102', ACCOUNT_ENGAGEMENT_SEEDED_EMAILS.demoSecondary, 'Marcus', 'Okafor', 45);
  add(marcus, 9 * DAY, 23, 'Webinar: HIPAA-ready pipelines', 81);
  add(marcus, 8 * DAY, 25, 'Webinar: HIPAA-ready pipelines', 81);
  add(marcus, 6 * DAY, 24, 'Webinar: HIPAA-ready pipelines', 81);
  add(marcus, 4 * DAY, 6, 'Healthcare data security checklist', 82);
  add(marcus, 4 * DAY - 3 * HOUR, 11, 'Healthcare data security checklist', 82);
  add(marcus, 4 * DAY - 3 * HOUR + 30_000, 1, 'Healthcare data security checklist', 82);
  add(marcus, 3 * HOUR + 20 * MINUTE, 20, 'Visit: 4 page views');
  add(marcus, 3 * HOUR + 15 * MINUTE, 2, 'Pricing | Tessellate');
  add(marcus, 3 * HOUR + 10 * MINUTE, 2, 'Security and compliance | Tessellate');

  const hannah = prospect(61103, '103', ACCOUNT_ENGAGEMENT_SEEDED_EMAILS.justHandedOff, 'Hannah', 'Lindqvist', 20);
  add(hannah, 2 * DAY, 21, 'LinkedIn ad: Ops automation guide');
  add(hannah, 2 * DAY - 2 * MINUTE, 2, 'Ops automation guide (PDF)');
  add(hannah, 5 * MINUTE, 4, 'Request a demo (Account Engagement form)');

  const caleb = prospect(61109, '109', ACCOUNT_ENGAGEMENT_SEEDED_EMAILS.competitor, 'Caleb', 'Foster', 30);
  add(caleb, 6 * DAY, 13, 'Newsletter #41');
  add(caleb, 3 * DAY, 4, 'Download: Tessellate vs. the alternatives <script>alert(1)</script>');
  add(caleb, 3 * DAY - 10 * MINUTE, 2, 'Pricing | Tessellate');

  return { prospects, activities };
}
