import { describe, expect, it } from 'vitest';
import { fromSalesforceEvent, fromSalesforceTask } from '../../../lib/crm/salesforce/salesforce-activity-mapper';
import { salesforceEventSchema, salesforceTaskSchema } from '../../../lib/crm/salesforce/salesforce-schemas';
import { loadSalesforceFixture } from './fake-salesforce-client';

const REP = '0055g00000RepAaAAB';
const activities = loadSalesforceFixture('activities-composite.json').compositeResponse;
const tasks = activities[0].body.records.map((r: unknown) => salesforceTaskSchema.parse(r));
const events = activities[1].body.records.map((r: unknown) => salesforceEventSchema.parse(r));

describe('fromSalesforceTask: touch classification', () => {
  const byId = (n: number) => fromSalesforceTask(tasks[n - 1]);

  it.each<[number, Record<string, unknown>, string]>([
    [1, { kind: 'sequence_email', automated: true, direction: 'outbound' }, 'list email sent by the Account Engagement integration user'],
    [2, { kind: 'sequence_email', automated: true, direction: 'outbound' }, 'sequence tool subject prefix'],
    [3, { kind: 'call', automated: false, direction: 'inbound', ownerId: null }, 'inbound call: never the owner’s response'],
    [4, { kind: 'call', automated: false, direction: 'outbound', connected: false, ownerId: REP }, 'outbound call, left voicemail'],
    [5, { kind: 'email', automated: false, direction: 'outbound', ownerId: REP }, 'rep email'],
    [6, { kind: 'email', automated: false, direction: 'inbound', ownerId: null }, 'the lead’s reply'],
    [9, { kind: 'call', automated: false, direction: 'outbound', connected: true }, "Baton's own call attempt"],
    [10, { kind: 'sequence_email', automated: true }, 'email created by the Automated Process user'],
    [11, { kind: 'call', automated: false, direction: 'outbound', connected: true }, 'dialer integration logs a rep’s call: still human'],
  ])('task %i → %o (%s)', (n, expected) => {
    expect(byId(n)).toMatchObject(expected);
  });

  it('is not a touch: a to-do, and Baton’s own disposition record', () => {
    expect(byId(7)).toBeNull();
    expect(byId(8)).toBeNull();
  });

  it('an automated touch never stops the clock (automated is what the SLA engine skips)', () => {
    const automated = tasks.map(fromSalesforceTask).filter((t: { automated: boolean } | null) => t?.automated);
    expect(automated.map((t: { id: string }) => t.id)).toEqual(['salesforce-task:00T5g00000Tsk01AAB', 'salesforce-task:00T5g00000Tsk02AAB', 'salesforce-task:00T5g00000Tsk10AAB']);
  });

  it('uses the completion time when there is one', () => {
    expect(byId(4)?.occurredAt).toBe(Date.parse('2026-11-16T09:50:30Z'));
  });

  it('maps an Event to a meeting at its start', () => {
    expect(fromSalesforceEvent(events[0])).toEqual({
      id: 'salesforce-event:00U5g00000Evt01AAB',
      kind: 'meeting',
      occurredAt: Date.parse('2026-11-18T15:00:00Z'),
      ownerId: REP,
      automated: false,
      direction: 'unknown',
      connected: null,
      summary: 'Demo: Northwind dispatch',
    });
  });
});
