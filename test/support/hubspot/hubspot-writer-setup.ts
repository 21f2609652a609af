import { expect } from 'vitest';
import type { DispositionWrite } from '../../../lib/crm/crm-port';
import { createHubSpotWriter } from '../../../lib/crm/hubspot/hubspot-writer';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import { dispositionSchema } from '../../../lib/domain/disposition/disposition';
import type { Disposition } from '../../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRef } from '../../../lib/domain/lead';
import type { FakeRoute, RecordedRequest } from './fake-hubspot-fetch';
import { PORTAL_CONTACT_ID, createFakeContactPortal } from './fake-hubspot-contact-portal';

/** The HubSpot writer on the fake contact portal, the disposition it writes, and what it sent. */

export const CONTACT_ID = PORTAL_CONTACT_ID;
export const ref: LeadRef = { crm: 'hubspot', account: '4711', id: CONTACT_ID, objectType: 'contact' };
export const DECIDED_AT = Date.parse('2026-11-22T15:04:05.000Z');
export const DELIVERED_AT = Date.parse('2026-11-22T15:04:06.000Z');
export const DISPOSITION_ID = '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
export const OTHER_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

export function makeDisposition(overrides: Partial<Disposition> = {}): Disposition {
  return dispositionSchema.parse({
    id: DISPOSITION_ID,
    lead: ref,
    rep: { id: '910', name: 'Rita Rep' },
    outcome: 'accepted',
    acceptedStage: 'working',
    reasonId: null,
    recycleAt: null,
    objections: { tags: [], text: null },
    note: null,
    definitionId: 'default-sql',
    definitionVersion: 3,
    checklist: [
      { id: 'budget', label: 'Budget', group: 'bant', status: 'met', decidedBy: 'auto', evidence: { amount: 50000, currency: 'EUR' } },
      { id: 'authority', label: 'Authority', group: 'bant', status: 'unknown', decidedBy: 'rep', evidence: null },
      { id: 'geography', label: 'Geography', group: 'fit', status: 'unmet', decidedBy: 'auto', evidence: { country: 'Atlantis' } },
    ],
    verdict: 'sales_qualified',
    sla: { state: 'met', responseTimeMs: 270_000, tier: { id: 'demo-request', label: 'Demo request' } },
    responseTimeMs: 270_000,
    decidedAt: DECIDED_AT,
    reasonListVersion: 1,
    attemptsMade: 1,
    ...overrides,
  });
}

export const write = (disposition: Disposition = makeDisposition(), brief: string[] = ['Asked for a demo yesterday', 'Visited pricing 3 times']): DispositionWrite => ({ disposition, brief });

/** A writer on a fresh fake portal; `routes` replace the portal's own. */
export function setupWriter(options: { mapping?: LeadStatusMapping; timeZone?: string; routes?: Record<string, FakeRoute> } = {}) {
  const portal = createFakeContactPortal(options.routes);
  const writer = createHubSpotWriter({
    client: portal.client,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    reasons: DEFAULT_DISPOSITION_REASONS,
    now: () => DELIVERED_AT,
  });
  return { ...portal, writer };
}

/** The body of the one contact update the writer sent. */
export const patchBody = (requests: readonly RecordedRequest[]) => {
  const patches = requests.filter((r) => r.method === 'PATCH');
  expect(patches).toHaveLength(1);
  return patches[0]!.body as { properties: Record<string, string> };
};

/** The body of the one note the writer created. */
export const noteBody = (requests: readonly RecordedRequest[]) => {
  const posts = requests.filter((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/notes');
  expect(posts).toHaveLength(1);
  return posts[0]!.body as { properties: Record<string, string>; associations: unknown };
};
