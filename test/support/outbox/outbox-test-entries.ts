import { dispositionSchema } from '../../../lib/domain/disposition/disposition';
import { createOutboxEntry, type NewOutboxEntry, type OutboxEntry } from '../../../lib/outbox/outbox-entry';

/** Outbox entries for tests, numbered so the tests read their ids, on a fixed clock. */

export const NOW = Date.parse('2026-11-22T12:00:00Z');
export const SECOND = 1_000;
export const MINUTE = 60_000;

/** A deterministic UUID (v4 layout) from a number, so tests read their ids. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function dispositionEntry(n: number, over: { leadKey?: string; account?: string; createdAt?: number } = {}): NewOutboxEntry {
  const disposition = dispositionSchema.parse({
    id: uuid(n),
    decidedAt: NOW,
    reasonListVersion: 1,
    attemptsMade: 2,
    lead: { crm: 'hubspot', account: over.account ?? '4711', id: String(50 + n), objectType: 'contact' },
    rep: { id: '77', name: 'Sam Rep' },
    outcome: 'rejected',
    reasonId: 'no_budget',
    definitionId: 'default',
    definitionVersion: 1,
    checklist: [],
  });
  return {
    kind: 'disposition',
    payload: { disposition, brief: ['Asked for pricing twice this week'] },
    leadKey: over.leadKey ?? `hubspot|${over.account ?? '4711'}|contact|${50 + n}`,
    crm: { crm: 'hubspot', account: over.account ?? '4711', origin: 'https://api.hubapi.com' },
    createdAt: over.createdAt ?? NOW + n,
  };
}

export function attemptEntry(n: number, over: { leadKey?: string; createdAt?: number } = {}): NewOutboxEntry {
  return {
    kind: 'contact-attempt',
    payload: {
      ref: { crm: 'hubspot', account: '4711', id: String(50 + n), objectType: 'contact' },
      attempt: { id: uuid(n), channel: 'call', connected: false, note: 'Voicemail', at: NOW, ownerId: '77' },
    },
    leadKey: over.leadKey ?? `hubspot|4711|contact|${50 + n}`,
    crm: { crm: 'hubspot', account: '4711', origin: 'https://api.hubapi.com' },
    createdAt: over.createdAt ?? NOW + n,
  };
}

/** An entry as the store holds it (the state, attempts and error fields filled in), with `over` on top. */
export function storedEntry(input: NewOutboxEntry, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return { ...createOutboxEntry(input), ...over } as OutboxEntry;
}

export const receiptFor = (at: number) => ({ properties: ['hs_lead_status', 'baton_disposition_id'], note: { id: 'n1', reused: false }, deliveredAt: at });
