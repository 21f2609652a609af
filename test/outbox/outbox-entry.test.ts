import { describe, expect, it } from 'vitest';
import { createOutboxEntry, isPending, outboxEntrySchema } from '../../lib/outbox/outbox-entry';
import { attemptEntry, dispositionEntry, NOW, uuid } from '../support/outbox/outbox-test-entries';

describe('outbox entry schema', () => {
  it('creates a queued entry whose id is the payload id', () => {
    const entry = createOutboxEntry(dispositionEntry(7));
    expect(entry).toMatchObject({ id: uuid(7), state: 'queued', attempts: 0, nextAttemptAt: NOW + 7, leaseUntil: null, lastError: null, message: null, parkedFor: null, deliveredAt: null, receipt: null });
    expect(createOutboxEntry(attemptEntry(8)).id).toBe(uuid(8));
  });

  it('validates the disposition payload with the domain schema', () => {
    const bad = dispositionEntry(1);
    const payload = { ...bad.payload, disposition: { ...(bad.payload as { disposition: object }).disposition, outcome: 'maybe' } };
    expect(() => createOutboxEntry({ ...bad, payload } as never)).toThrow(/outcome/);
  });

  it('refuses a record whose id is not its payload id (the id is the CRM idempotency key)', () => {
    const entry = createOutboxEntry(dispositionEntry(1));
    const result = outboxEntrySchema.safeParse({ ...entry, id: uuid(2) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/does not match/);
  });

  it('refuses unknown states and kinds', () => {
    const entry = createOutboxEntry(dispositionEntry(1));
    expect(outboxEntrySchema.safeParse({ ...entry, state: 'lost' }).success).toBe(false);
    expect(outboxEntrySchema.safeParse({ ...entry, kind: 'email' }).success).toBe(false);
  });

  it('pending means it still has to reach the CRM by itself', () => {
    expect(['queued', 'delivering', 'retrying', 'parked', 'delivered', 'failed'].map((state) => isPending({ state } as never))).toEqual([true, true, true, true, false, false]);
  });
});
