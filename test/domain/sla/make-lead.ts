import type { Lead, Touch } from '../../../lib/domain/lead';

/** A valid lead with an owner and nothing else decided; tests override what they exercise. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    ref: { crm: 'sandbox', account: 'acme', id: 'lead-1', objectType: 'contact' },
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: null,
    jobTitle: 'VP Operations',
    company: 'Example Corp',
    industry: 'Software',
    employees: 120,
    country: 'US',
    lifecycleStage: 'marketingqualifiedlead',
    leadStatus: 'NEW',
    owner: { id: 'owner-1', name: 'Sam Rep', email: 'sam@example.com' },
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
    ...overrides,
  };
}

let touchSeq = 0;
export function makeTouch(overrides: Partial<Touch> & Pick<Touch, 'occurredAt'>): Touch {
  touchSeq += 1;
  return {
    id: `touch-${touchSeq}`,
    kind: 'call',
    ownerId: 'owner-1',
    automated: false,
    direction: 'unknown',
    connected: true,
    summary: null,
    ...overrides,
  };
}

/** Epoch ms of an ISO string with offset, e.g. at('2026-11-20T16:30:00-05:00'). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant in test: ${iso}`);
  return ms;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
