import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { findEscalationMarkerId } from '../../../lib/crm/escalation-record-text';
import type { EscalationWrite } from '../../../lib/crm/escalation-writer';
import { BATON_PROPERTY_NAMES as P, ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { createHubSpotEscalationWriter } from '../../../lib/crm/hubspot/hubspot-escalation-writer';
import { startTestSandbox, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { assignedAnHourAgo, escalationWriteFor, MINUTE } from '../escalation-write-fixture';

/*
 * Escalations written by the HubSpot writer into the sandbox CRM (which speaks HubSpot and
 * validates property writes as HubSpot does): the manager's task, the hand-back, and that a
 * repeat, or a retry after a lost answer, leaves exactly one record.
 */

const REP = '81300106';
const MANAGER = '81300101';

let sandbox: TestSandbox;
let client: HubSpotClient;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
  await ensureBatonProperties(client);
});
afterAll(async () => sandbox.stop());

let contactId: string;
let assignedAt: number;
beforeEach(async () => {
  assignedAt = assignedAnHourAgo();
  const created = await sandbox.call('/crm/v3/objects/contacts', {
    body: { properties: { firstname: 'Quinn', lastname: 'Waiting', email: `quinn-${Math.random()}@example.com`, hubspot_owner_id: REP, hs_lead_status: 'NEW' } },
  });
  contactId = created.body.id as string;
});

function write(action: EscalationWrite['action'], overrides: Partial<EscalationWrite> = {}): EscalationWrite {
  const lead = { crm: 'hubspot', account: 'sandbox', id: contactId, objectType: 'contact' as const };
  const waiting = { lead, assignedAt, owner: { id: REP, name: 'Dana Whitfield' }, manager: { ownerId: MANAGER, name: 'Morgan Lead' }, handBackStatus: 'BAD_TIMING', timeZone: 'America/New_York' };
  return escalationWriteFor(waiting, action, overrides);
}

async function associated(type: 'tasks' | 'notes'): Promise<Array<{ id: string; properties: Record<string, string | null> }>> {
  const page = await sandbox.call(`/crm/v4/objects/contacts/${contactId}/associations/${type}`);
  const ids = (page.body.results as Array<{ toObjectId: string | number }>).map((r) => ({ id: String(r.toObjectId) }));
  if (!ids.length) return [];
  const body = type === 'tasks' ? ['hs_task_body', 'hs_task_subject', 'hubspot_owner_id', 'hs_task_status', 'hs_task_priority'] : ['hs_note_body', 'hubspot_owner_id'];
  const batch = await sandbox.call(`/crm/v3/objects/${type}/batch/read`, { body: { inputs: ids, properties: body, propertiesWithHistory: [] } });
  return batch.body.results;
}

async function contact(): Promise<Record<string, string | null>> {
  const read = await sandbox.call(`/crm/v3/objects/contacts/${contactId}?properties=hs_lead_status,notes_last_contacted,${P.escalation},${P.escalationAt},${P.escalationId}`);
  return read.body.properties;
}

/** A client whose answer to the first matching request is lost: the sandbox did the work, the caller hears a network error. */
function losingAnswer(match: (method: string, path: string) => boolean): HubSpotClient {
  let lost = false;
  return {
    ...client,
    request: (async (method: string, path: string, options: unknown) => {
      const answer = await (client.request as (...args: unknown[]) => Promise<unknown>)(method, path, options);
      if (!lost && match(method, path)) {
        lost = true;
        throw new CrmError('network', 'The connection dropped before the CRM answered');
      }
      return answer;
    }) as HubSpotClient['request'],
  };
}

describe('HubSpot escalation writer (sandbox CRM)', () => {
  it('tells the manager with a task assigned to them on the contact, and marks the contact', async () => {
    const writer = createHubSpotEscalationWriter({ client });
    const receipt = await writer.recordEscalation(write('notify_manager'));
    expect(receipt.outcome).toBe('written');
    expect(receipt.record?.kind).toBe('task');
    const tasks = await associated('tasks');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties.hubspot_owner_id).toBe(MANAGER);
    expect(tasks[0]!.properties.hs_task_status).toBe('NOT_STARTED');
    expect(tasks[0]!.properties.hs_task_priority).toBe('HIGH');
    expect(tasks[0]!.properties.hs_task_subject).toContain('Quinn Waiting');
    expect(findEscalationMarkerId(tasks[0]!.properties.hs_task_body)).toBe(write('notify_manager').id);
    const after = await contact();
    expect(after[P.escalation]).toBe('manager_notified');
    expect(after[P.escalationId]).toBe(write('notify_manager').id);
    // The status is the rep's to set: telling the manager does not change it, nor Last Contacted.
    expect(after.hs_lead_status).toBe('NEW');
    expect(after.notes_last_contacted).toBeNull();
  });

  it('gives the task to the lead’s owner, naming the manager’s role, when no manager is chosen', async () => {
    await createHubSpotEscalationWriter({ client }).recordEscalation(write('notify_manager', { manager: null }));
    const [task] = await associated('tasks');
    expect(task!.properties.hubspot_owner_id).toBe(REP);
    expect(task!.properties.hs_task_body).toContain('No sales manager is chosen');
  });

  it('hands the lead back: a note, the lead status the admin mapped, and the Baton property marketing lists on', async () => {
    const receipt = await createHubSpotEscalationWriter({ client }).recordEscalation(write('hand_back_to_marketing'));
    expect(receipt.record?.kind).toBe('note');
    expect(receipt.fields).toContain('hs_lead_status');
    const notes = await associated('notes');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain('Handed back to marketing');
    const after = await contact();
    expect(after.hs_lead_status).toBe('BAD_TIMING');
    expect(after[P.escalation]).toBe('handed_back_to_marketing');
    const listed = await sandbox.call('/crm/v3/objects/contacts/search', {
      body: { filterGroups: [{ filters: [{ propertyName: P.escalation, operator: 'EQ', value: 'handed_back_to_marketing' }] }], properties: ['email'], limit: 100 },
    });
    expect((listed.body.results as Array<{ id: string }>).map((r) => r.id)).toContain(contactId);
  });

  it('writes once: a repeat finds it done; the first write takes 4 requests, a repeat 1', async () => {
    const requests: string[] = [];
    const counting: HubSpotClient = {
      ...client,
      request: ((method: string, path: string, options: unknown) => {
        requests.push(`${method} ${path}`);
        return (client.request as (...args: unknown[]) => Promise<unknown>)(method, path, options);
      }) as HubSpotClient['request'],
    };
    const writer = createHubSpotEscalationWriter({ client: counting });
    await writer.recordEscalation(write('notify_manager'));
    expect(requests).toEqual([`GET /crm/v3/objects/contacts/${contactId}`, `GET /crm/v4/objects/contacts/${contactId}/associations/tasks`, 'POST /crm/v3/objects/tasks', `PATCH /crm/v3/objects/contacts/${contactId}`]);
    requests.length = 0;
    const again = await writer.recordEscalation(write('notify_manager'));
    expect(again.outcome).toBe('already');
    expect(requests).toHaveLength(1);
    expect(await associated('tasks')).toHaveLength(1);
  });

  it('writes one task when the answer to its creation was lost and the delivery is retried', async () => {
    const lossy = createHubSpotEscalationWriter({ client: losingAnswer((method, path) => method === 'POST' && path === '/crm/v3/objects/tasks') });
    await expect(lossy.recordEscalation(write('notify_manager'))).rejects.toMatchObject({ kind: 'network' });
    const retried = await lossy.recordEscalation(write('notify_manager'));
    expect(retried.outcome).toBe('written');
    expect(retried.record?.reused).toBe(true);
    expect(await associated('tasks')).toHaveLength(1);
    expect((await contact())[P.escalationId]).toBe(write('notify_manager').id);
  });

  it('writes one note when the answer to the last update was lost and the delivery is retried', async () => {
    const lossy = createHubSpotEscalationWriter({ client: losingAnswer((method, path) => method === 'PATCH' && path.startsWith('/crm/v3/objects/contacts/')) });
    await expect(lossy.recordEscalation(write('hand_back_to_marketing'))).rejects.toMatchObject({ kind: 'network' });
    expect((await lossy.recordEscalation(write('hand_back_to_marketing'))).outcome).toBe('already');
    expect(await associated('notes')).toHaveLength(1);
  });

  it('writes nothing once the lead was called, or has another owner', async () => {
    await sandbox.call('/crm/v3/objects/calls', {
      body: {
        properties: { hs_timestamp: new Date().toISOString(), hs_call_body: 'Left a voicemail', hs_call_direction: 'OUTBOUND', hubspot_owner_id: REP },
        associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      },
    });
    const moot = await createHubSpotEscalationWriter({ client }).recordEscalation(write('hand_back_to_marketing'));
    expect(moot).toMatchObject({ outcome: 'moot', reason: 'the lead was contacted', record: null });
    expect(await associated('notes')).toHaveLength(0);
    expect((await contact()).hs_lead_status).toBe('NEW');

    const other = await createHubSpotEscalationWriter({ client }).recordEscalation(write('notify_manager', { owner: { id: MANAGER, name: null } }));
    expect(other.outcome).toBe('moot');
    expect(await associated('tasks')).toHaveLength(0);
  });

  it('leaves a later step on the contact when an earlier one comes round again', async () => {
    const writer = createHubSpotEscalationWriter({ client });
    await writer.recordEscalation(write('hand_back_to_marketing', { dueAt: assignedAt + 20 * MINUTE }));
    const early = write('notify_manager');
    await writer.recordEscalation(early);
    const after = await contact();
    expect(after[P.escalation]).toBe('handed_back_to_marketing');
    expect(await associated('tasks')).toHaveLength(1);
  });
});
