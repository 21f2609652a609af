import type { EngagementKind } from '../domain/engagement/engagement-event';
import type { Seniority, TitleFunction } from '../domain/qualification/classify-title';
import type { Weekday } from '../domain/sla/calendar-vocabulary';
import type { ClockStartKind, EscalationAction } from '../domain/sla/sla-vocabulary';
import type { TouchKind } from '../domain/touch-kinds';

/** The words the rules editor shows for the schemas' fixed values (never the raw ids). */

export const SENIORITY_WORDS: Record<Exclude<Seniority, 'student'>, string> = {
  owner: 'Owner or founder',
  c_level: 'C-level (CEO, CFO…)',
  vp: 'VP',
  head: 'Head of',
  director: 'Director',
  manager: 'Manager',
  individual: 'Individual contributor',
};

export const FUNCTION_WORDS: Record<TitleFunction, string> = {
  executive: 'Executive',
  finance: 'Finance',
  sales: 'Sales',
  marketing: 'Marketing',
  revenue_operations: 'Revenue operations',
  operations: 'Operations',
  procurement: 'Procurement',
  it: 'IT',
  engineering: 'Engineering',
  product: 'Product',
  data: 'Data',
  people: 'People / HR',
  legal: 'Legal',
  customer_success: 'Customer success',
  business_development: 'Business development',
};

export const ENGAGEMENT_WORDS: Record<EngagementKind, string> = {
  page_view: 'Page view',
  form_submission: 'Form filled',
  content_download: 'Download',
  webinar_registered: 'Webinar sign-up',
  webinar_attended: 'Webinar attended',
  email_delivered: 'E-mail delivered',
  email_opened: 'E-mail opened',
  email_clicked: 'E-mail link clicked',
  meeting: 'Meeting',
  chat: 'Chat',
};

export const WEEKDAY_WORDS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export const ESCALATION_WORDS: Record<EscalationAction, string> = {
  notify_owner: 'Remind the lead owner',
  notify_manager: "Tell the owner's manager",
  notify_team: 'Tell the team',
  reassign: 'Reassign the lead',
  hand_back_to_marketing: 'Hand back to marketing',
};

export const CLOCK_START_WORDS: Record<ClockStartKind, string> = { owner_assigned: 'An owner is assigned', handed_off: 'Marketing hands the lead off' };

export const TOUCH_WORDS: Record<TouchKind, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  social: 'Social message',
  sequence_email: 'Sequence e-mail',
  note: 'Note',
  task: 'Task',
};

/** Criterion ids as a rep reads them (for the "required" set and the lead test). */
export const CRITERION_WORDS: Record<string, string> = {
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
  'fit.employees': 'Company size',
  'fit.industry': 'Industry',
  'fit.title': 'Job title',
  'fit.country': 'Country',
  engagement: 'Engagement',
  'disq.competitor': 'Not a competitor',
  'disq.personal_email': 'Not a personal e-mail',
  'disq.student': 'Not a student',
  'disq.below_minimum': 'Not below the minimum deal size',
  'disq.wrong_geography': 'Not outside our regions',
};

export function optionsOf<K extends string>(words: Record<K, string>): [K, string][] {
  return Object.entries(words) as [K, string][];
}
