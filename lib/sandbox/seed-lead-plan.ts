import type { AssetKey, CampaignKey, CompanySpec, PageKey, WebinarKey } from './seed-catalog';

/*
 * One seeded lead's story, written as a plan: who they are, how they found us, what they did
 * before and after the handoff. The seed builder turns a plan into the contact, its web and email
 * events, its sales touches and its deal.
 */

export type Source = 'ORGANIC_SEARCH' | 'PAID_SEARCH' | 'EMAIL_MARKETING' | 'SOCIAL_MEDIA' | 'REFERRALS' | 'DIRECT_TRAFFIC' | 'OFFLINE' | 'PAID_SOCIAL';
export type Trigger = 'demo' | 'contactSales' | 'mqlScore' | 'webinar' | 'education' | null;
export type Assignment = 'demo' | 'contactSales' | 'mql' | 'manager';
export type AnswerKey = 'biggest_challenge' | 'message' | 'project_timeline' | 'budget_range' | 'team_size' | 'current_tool';

export interface TouchPlan {
  kind: 'call' | 'email' | 'meeting' | 'sequence' | 'note' | 'task';
  minutesAfterHandoff: number;
  outcome?: 'connected' | 'voicemail' | 'noAnswer';
  text?: string;
}

export interface DealPlan {
  name: string;
  amount: number;
  stage: 'appointmentscheduled' | 'qualifiedtobuy' | 'presentationscheduled' | 'decisionmakerboughtin' | 'contractsent' | 'closedwon' | 'closedlost';
  daysAfterHandoff: number;
  closeDaysAfterCreate: number;
  lostReason?: string;
}

export interface LeadPlan {
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
