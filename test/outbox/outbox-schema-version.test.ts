import { describe, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { drainOutbox } from '../../lib/outbox/drain-outbox';
import { migrateOutboxRecord, OUTBOX_SCHEMA_VERSION } from '../../lib/outbox/outbox-entry';
import { openTestStore } from '../support/outbox/in-memory-outbox-store';
import { dispositionEntry, MINUTE, NOW, receiptFor, uuid } from '../support/outbox/outbox-test-entries';
import { putRaw, unreadableDisposition } from '../support/outbox/raw-outbox-records';

/*
 * Records as earlier releases wrote them, raw (no schema in between), read back by this one. Each
 * fixture is the literal shape that release stored; add one here whenever the entry schema changes.
 */

/** Schema version 1 (no `schemaVersion` field): a queued disposition before `confirmedOver` and `qualificationInputs` existed. */
const V1_EARLIEST_DISPOSITION = {
  id: uuid(101),
  kind: 'disposition',
  leadKey: 'hubspot|4711|contact|151',
  crm: { crm: 'hubspot', account: '4711', origin: 'https://api.hubapi.com' },
  createdAt: NOW - 10 * MINUTE,
  attempts: 0,
  state: 'queued',
  nextAttemptAt: NOW - 10 * MINUTE,
  leaseUntil: null,
  lastError: null,
  message: null,
  parkedFor: null,
  deliveredAt: null,
  receipt: null,
  payload: {
    disposition: {
      id: uuid(101),
      decidedAt: NOW - 10 * MINUTE,
      reasonListVersion: 1,
      attemptsMade: 0,
      lead: { crm: 'hubspot', account: '4711', id: '151', objectType: 'contact' },
      rep: { id: '77', name: 'Sam Rep' },
      outcome: 'rejected',
      acceptedStage: null,
      reasonId: 'no_budget',
      recycleAt: null,
      objections: { tags: [], text: null },
      note: null,
      definitionId: 'default',
      definitionVersion: 1,
      checklist: [],
      verdict: null,
      sla: { state: 'met', responseTimeMs: 1000 },
      responseTimeMs: 1000,
    },
    brief: ['Asked for pricing twice this week'],
  },
};

/** Schema version 1, the release right before versions: a parked contact attempt with `confirmedOver`. */
const V1_PARKED_ATTEMPT = {
  id: uuid(102),
  kind: 'contact-attempt',
  leadKey: 'hubspot|4711|contact|152',
  crm: { crm: 'hubspot', account: '4711', origin: 'https://api.hubapi.com' },
  createdAt: NOW - 5 * MINUTE,
  attempts: 1,
  state: 'parked',
  nextAttemptAt: null,
  leaseUntil: null,
  lastError: { kind: 'auth', message: 'Reconnect HubSpot', status: 401 },
  message: 'Reconnect the CRM to send this',
  parkedFor: 'auth',
  deliveredAt: null,
  receipt: null,
  confirmedOver: null,
  payload: {
    ref: { crm: 'hubspot', account: '4711', id: '152', objectType: 'contact' },
    attempt: { id: uuid(102), channel: 'call', connected: false, note: 'Voicemail', at: NOW - 5 * MINUTE, ownerId: '77' },
  },
};

/** Schema version 1: a delivered disposition with its receipt. */
const V1_DELIVERED = {
  ...V1_EARLIEST_DISPOSITION,
  id: uuid(103),
  leadKey: 'hubspot|4711|contact|153',
  state: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  deliveredAt: NOW - MINUTE,
  receipt: receiptFor(NOW - MINUTE),
  confirmedOver: null,
  payload: { ...V1_EARLIEST_DISPOSITION.payload, disposition: { ...V1_EARLIEST_DISPOSITION.payload.disposition, id: uuid(103), lead: { crm: 'hubspot', account: '4711', id: '153', objectType: 'contact' } }, qualificationInputs: null },
};

describe('outbox schema versions', () => {
  it('every new record carries the current schema version', async () => {
    const { store } = await openTestStore();
    expect(await store.enqueue(dispositionEntry(1))).toMatchObject({ schemaVersion: OUTBOX_SCHEMA_VERSION });
    const [claimed] = await store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    expect(claimed?.schemaVersion).toBe(OUTBOX_SCHEMA_VERSION);
  });

  it('reads records of the previous shape (written raw) as current ones, and delivers the pending ones', async () => {
    const kit = await openTestStore();
    for (const record of [V1_EARLIEST_DISPOSITION, V1_PARKED_ATTEMPT, V1_DELIVERED]) await putRaw(kit.factory, record);
    const all = await kit.store.listAll();
    expect(all.map((e) => [e.id, e.state, e.schemaVersion])).toEqual([
      [uuid(101), 'queued', OUTBOX_SCHEMA_VERSION],
      [uuid(103), 'delivered', OUTBOX_SCHEMA_VERSION],
      [uuid(102), 'parked', OUTBOX_SCHEMA_VERSION],
    ]);
    expect(await kit.store.get(uuid(101))).toMatchObject({ confirmedOver: null, payload: { brief: ['Asked for pricing twice this week'] } });
    expect(kit.corrupt).toEqual([]);
    expect(await kit.store.listUnreadable()).toEqual([]);

    const delivered: string[] = [];
    const result = await drainOutbox({ store: kit.store, deliver: async (e) => (delivered.push(e.id), receiptFor(NOW)), now: () => NOW, random: () => 0.5 });
    expect(result.delivered).toBe(1);
    expect(delivered).toEqual([uuid(101)]);
    // Written back in the current shape once touched.
    expect(await kit.store.get(uuid(101))).toMatchObject({ state: 'delivered', schemaVersion: OUTBOX_SCHEMA_VERSION });
    expect((await kit.store.resumeParked(NOW, 'auth')).map((e) => e.id)).toEqual([uuid(102)]);
  });

  it('migrates step by step and leaves a record from a newer release alone (then it is unreadable, not guessed at)', () => {
    expect(migrateOutboxRecord({ id: 'x' })).toEqual({ id: 'x', schemaVersion: OUTBOX_SCHEMA_VERSION, confirmedOver: null });
    expect(migrateOutboxRecord({ id: 'x', schemaVersion: 99 })).toEqual({ id: 'x', schemaVersion: 99 });
    expect(migrateOutboxRecord('junk')).toBe('junk');
  });
});

describe('unreadable outbox records', () => {
  it('are kept, never claimed or delivered, never pruned, and listed with what failed', async () => {
    const kit = await openTestStore();
    await kit.store.enqueue(dispositionEntry(1));
    const broken = { ...V1_EARLIEST_DISPOSITION, id: uuid(9), leadKey: 'hubspot|4711|contact|59', payload: { nonsense: true } };
    await putRaw(kit.factory, broken);
    await putRaw(kit.factory, { ...V1_DELIVERED, id: uuid(10), state: 'delivered', deliveredAt: 0, schemaVersion: 99 });
    await putRaw(kit.factory, { id: 'garbage' });

    const delivered: string[] = [];
    await drainOutbox({ store: kit.store, deliver: async (e) => (delivered.push(e.id), receiptFor(NOW)), now: () => NOW + MINUTE, random: () => 0.5 });
    expect(delivered).toEqual([uuid(1)]);
    expect(await kit.store.pruneDelivered(NOW + 365 * 24 * 60 * MINUTE)).toBe(1);

    const unreadable = await kit.store.listUnreadable();
    expect(unreadable.map((u) => u.id)).toEqual([uuid(9), uuid(10), 'garbage']);
    expect(unreadable[0]).toMatchObject({ id: uuid(9), leadKey: 'hubspot|4711|contact|59', kind: 'disposition', state: 'queued', schemaVersion: null });
    expect(unreadable[0]!.issues.join(' ')).toMatch(/payload/);
    expect(unreadable[1]!.issues.join(' ')).toMatch(/newer version of Baton/);
    // Still there after another open (a worker restart), byte for byte.
    await kit.reopen();
    expect((await kit.store.listUnreadable()).map((u) => u.id)).toEqual([uuid(9), uuid(10), 'garbage']);
  });

  it('a save with the id of an unreadable record does not overwrite it', async () => {
    const kit = await openTestStore();
    await putRaw(kit.factory, unreadableDisposition(uuid(1)));
    await expect(kit.store.enqueue(dispositionEntry(1))).rejects.toThrow(/cannot be read/);
    expect((await kit.store.listUnreadable()).map((u) => u.id)).toEqual([uuid(1)]);
  });
});

describe('a conflict (412) resent by the rep', () => {
  it('is queued without seenLeadStatus: the rep chose to overwrite the status they now know about', async () => {
    const { CrmError } = await import('../../lib/crm/crm-error');
    const { decideAfterFailure } = await import('../../lib/outbox/delivery-policy');
    const kit = await openTestStore();
    const fresh = dispositionEntry(1);
    if (fresh.kind !== 'disposition') throw new Error('expected a disposition');
    await kit.store.enqueue({ ...fresh, payload: { ...fresh.payload, seenLeadStatus: 'OPEN' } });
    await kit.store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    const conflict = new CrmError('rejected', "The lead's status is now 'CONNECTED'", { status: 412 });
    await kit.store.fail(uuid(1), decideAfterFailure(conflict, { attempts: 1, now: NOW + MINUTE, random: () => 0 }), conflict);
    const resent = await kit.store.resend(uuid(1), NOW + 2 * MINUTE);
    expect(resent.status).toBe('resent');
    const stored = await kit.store.get(uuid(1));
    expect(stored?.kind === 'disposition' && 'seenLeadStatus' in stored.payload).toBe(false);
  });

  it('any other dead letter keeps it', async () => {
    const { CrmError } = await import('../../lib/crm/crm-error');
    const { decideAfterFailure } = await import('../../lib/outbox/delivery-policy');
    const kit = await openTestStore();
    const fresh = dispositionEntry(1);
    if (fresh.kind !== 'disposition') throw new Error('expected a disposition');
    await kit.store.enqueue({ ...fresh, payload: { ...fresh.payload, seenLeadStatus: 'OPEN' } });
    await kit.store.claimDue(NOW + MINUTE, DELIVERY_LEASE_MS);
    const refused = new CrmError('rejected', 'Property values were not valid', { status: 400 });
    await kit.store.fail(uuid(1), decideAfterFailure(refused, { attempts: 1, now: NOW + MINUTE, random: () => 0 }), refused);
    await kit.store.resend(uuid(1), NOW + 2 * MINUTE);
    const stored = await kit.store.get(uuid(1));
    expect(stored?.kind === 'disposition' && stored.payload.seenLeadStatus).toBe('OPEN');
  });
});
