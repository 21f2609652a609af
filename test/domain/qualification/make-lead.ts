import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import type { Lead } from '../../../lib/domain/lead';

/** Test builders: a plain, fit-neutral lead and events, overridden per example. */
export const NOW = Date.parse('2026-11-22T12:00:00Z');
export const DAY = 86_400_000;

export function makeLead(over: Partial<Lead> = {}): Lead {
  return {
    ref: { crm: 'hubspot', account: '4242', id: '1', objectType: 'contact' },
    firstName: 'Dana',
    lastName: 'Kim',
    email: 'dana@northwind.example',
    phone: null,
    jobTitle: 'VP Sales',
    company: 'Northwind',
    industry: 'Computer Software',
    employees: 250,
    country: 'US',
    lifecycleStage: null,
    leadStatus: null,
    owner: null,
    ownerAssignedAt: null,
    ownerAssignedBy: null,
    source: 'ORGANIC_SEARCH',
    sourceDetail: [],
    latestSource: null,
    campaign: null,
    firstConversion: null,
    recentConversion: null,
    formAnswers: [],
    handedOffAt: null,
    createdAt: null,
    updatedAt: null,
    ...over,
  };
}

export function answer(question: string, text: string, answeredAt = NOW - DAY) {
  return { question, answer: text, answeredAt, form: 'Demo request' };
}

let seq = 0;
export function event(kind: EngagementEvent['kind'], daysAgo: number, over: Partial<EngagementEvent> = {}): EngagementEvent {
  seq++;
  return { id: `e${seq}`, kind, occurredAt: NOW - daysAgo * DAY, source: 'test', ...over };
}

export const pricingVisit = (daysAgo: number, over: Partial<EngagementEvent> = {}) =>
  event('page_view', daysAgo, { url: 'https://baton.example/pricing', title: 'Pricing', ...over });
export const demoRequest = (daysAgo: number, over: Partial<EngagementEvent> = {}) =>
  event('form_submission', daysAgo, { title: 'Demo request', url: 'https://baton.example/demo', ...over });

/** A lead that meets every default requirement: need from a form answer, VP title, fit, a demo request. */
export function qualifiedInput() {
  return {
    lead: makeLead({ formAnswers: [answer("What's your biggest challenge?", 'Leads go cold before a rep calls')] }),
    events: [demoRequest(1)],
    now: NOW,
  };
}
