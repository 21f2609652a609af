import type { InsightDisposition, InsightRecord } from '../../../lib/domain/insights/insight-record';
import { toChannel } from '../../../lib/crm/hubspot/hubspot-sources';

/** 2026-11-22 12:00 UTC, a Sunday. */
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const DAY = 86_400_000;

function disposition(partial: Partial<InsightDisposition> & Pick<InsightDisposition, 'outcome'>): InsightDisposition {
  return {
    acceptedStage: null,
    reasonId: null,
    reasonLabel: null,
    objections: [],
    definitionVersion: 'default@1',
    slaOutcome: null,
    responseMinutes: null,
    decidedAt: NOW - 10 * DAY,
    rep: null,
    ...partial,
  };
}

function record(id: string, partial: Partial<InsightRecord>): InsightRecord {
  const source = partial.source ?? 'PAID_SEARCH';
  return {
    contactId: id,
    campaign: 'Q4 Paid Search',
    source,
    channel: toChannel(source),
    ownerId: 'o1',
    ownerName: 'Ana Rep',
    handedOffAt: NOW - 20 * DAY,
    lastTouchedAt: null,
    leadStatus: null,
    slaTier: null,
    disposition: null,
    deal: null,
    ...partial,
  };
}

/**
 * Eight leads: paid search gets rejected (no need, student), the webinar converts, one lead
 * waits without a disposition for 20 days, one was never handed off.
 */
export const FIXTURE: InsightRecord[] = [
  record('1', { disposition: disposition({ outcome: 'rejected', reasonId: 'no_need', reasonLabel: 'No need', objections: ['price'], slaOutcome: 'met', responseMinutes: 4, decidedAt: NOW - 15 * DAY, rep: 'Ana Rep' }), lastTouchedAt: NOW - 16 * DAY }),
  record('2', { disposition: disposition({ outcome: 'rejected', reasonId: 'student', reasonLabel: 'Student', objections: ['price', 'timing'], slaOutcome: 'breached', responseMinutes: 90, decidedAt: NOW - 15 * DAY, rep: 'Ana Rep' }) }),
  record('3', { disposition: disposition({ outcome: 'rejected', reasonId: 'no_need', reasonLabel: 'No need', slaOutcome: 'met_late', responseMinutes: 30, decidedAt: NOW - 8 * DAY, rep: 'Ana Rep' }) }),
  record('4', { lastTouchedAt: NOW - 19 * DAY }),
  record('5', {
    campaign: 'Q4 Webinar Series',
    source: 'EMAIL_MARKETING',
    channel: 'email',
    ownerId: 'o2',
    ownerName: 'Ben Closer',
    leadStatus: 'OPEN_DEAL',
    disposition: disposition({ outcome: 'accepted', acceptedStage: 'opportunity_created', objections: ['security_review'], definitionVersion: 'default@2', slaOutcome: 'met', responseMinutes: 2, decidedAt: NOW - 9 * DAY, rep: 'Ben Closer' }),
    deal: { amount: 40_000, stage: 'closedwon', won: true, closed: true },
  }),
  record('6', {
    campaign: 'Q4 Webinar Series',
    source: 'EMAIL_MARKETING',
    channel: 'email',
    ownerId: 'o2',
    ownerName: 'Ben Closer',
    leadStatus: 'CONNECTED',
    disposition: disposition({ outcome: 'accepted', acceptedStage: 'working', definitionVersion: 'default@2', slaOutcome: 'met', responseMinutes: 10, decidedAt: NOW - 2 * DAY, rep: 'Ben Closer' }),
  }),
  record('7', {
    campaign: 'Q4 Webinar Series',
    source: 'EMAIL_MARKETING',
    channel: 'email',
    ownerId: 'o2',
    ownerName: 'Ben Closer',
    disposition: disposition({ outcome: 'recycled', reasonId: 'bad_timing', reasonLabel: 'Bad timing', objections: ['timing'], definitionVersion: 'default@2', responseMinutes: 60, decidedAt: NOW - 2 * DAY, rep: 'Ben Closer' }),
  }),
  record('8', { campaign: null, source: 'ORGANIC_SEARCH', channel: 'organic', ownerId: null, ownerName: null, handedOffAt: null }),
];
