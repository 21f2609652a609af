import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import type { SummarizeEngagementInput } from '../../../lib/domain/engagement/summarize-engagement';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 2026-11-22 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export function pageView(id: string, ago: number, title: string, url?: string, source = 'hubspot-web-analytics'): EngagementEvent {
  return { id, kind: 'page_view', occurredAt: NOW - ago, source, title, ...(url === undefined ? {} : { url }) };
}

export function formSubmission(id: string, ago: number, title: string, answers?: Record<string, string>): EngagementEvent {
  return { id, kind: 'form_submission', occurredAt: NOW - ago, source: 'hubspot-forms', title, ...(answers ? { answers } : {}) };
}

export type BriefLead = SummarizeEngagementInput['lead'];

export function makeLead(overrides: Partial<BriefLead> = {}): BriefLead {
  return {
    firstName: 'Dana',
    formAnswers: [],
    recentConversion: null,
    handedOffAt: null,
    ownerAssignedAt: null,
    ...overrides,
  };
}

/** Every `eventIds` array anywhere in a brief, flattened. */
export function collectEventIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectEventIds(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'eventIds' && Array.isArray(child)) into.push(...(child as string[]));
      else if (key === 'eventId' && typeof child === 'string') into.push(child);
      else collectEventIds(child, into);
    }
  }
  return into;
}

/** Every `href` value anywhere in a brief. */
export function collectHrefs(value: unknown, into: (string | null)[] = []): (string | null)[] {
  if (Array.isArray(value)) for (const item of value) collectHrefs(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'href') into.push(child as string | null);
      else collectHrefs(child, into);
    }
  }
  return into;
}

/** Every string anywhere in a brief. */
export function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object') for (const child of Object.values(value)) collectStrings(child, into);
  return into;
}
