import { dispositionSchema, type Disposition } from '../../../lib/domain/disposition/disposition';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import type { LeadRef } from '../../../lib/domain/lead';

/** Shared test data for the Salesforce writer and mapper tests. */

const LEAD = '00Q5g00000LeAd1EAB';
const REP = '0055g00000RepAaAAB';
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };

/** An org's own Lead Status values, none of them Salesforce's defaults. */
export const MAPPING: LeadStatusMapping = {
  version: 2,
  rejected: 'Disqualified',
  recycled: 'Nurture',
  working: 'Working - Contacted',
  opportunityCreated: 'Qualified',
  unreachable: 'Unresponsive',
};

export function makeDisposition(overrides: Partial<Disposition> = {}): Disposition {
  return dispositionSchema.parse({
    id: '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f',
    lead: ref,
    rep: { id: REP, name: 'Sam Okafor' },
    outcome: 'accepted',
    acceptedStage: 'working',
    reasonId: null,
    recycleAt: null,
    objections: { tags: [], text: null },
    note: null,
    definitionId: 'default-sql',
    definitionVersion: 3,
    checklist: [{ id: 'budget', label: 'Budget', group: 'bant', status: 'met', decidedBy: 'auto', evidence: { amount: 50000, currency: 'EUR' } }],
    verdict: 'sales_qualified',
    sla: { state: 'met', responseTimeMs: 270_000, tier: { id: 'demo-request', label: 'Demo request' } },
    responseTimeMs: 270_000,
    decidedAt: Date.parse('2026-11-22T23:30:00.000Z'),
    reasonListVersion: 1,
    attemptsMade: 1,
    ...overrides,
  });
}

