import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { findEscalationMarkerId } from '../../../lib/crm/escalation-record-text';
import type { EscalationWrite } from '../../../lib/crm/escalation-writer';
import { createSalesforceClient } from '../../../lib/crm/salesforce/salesforce-client';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { createSalesforceEscalationWriter } from '../../../lib/crm/salesforce/salesforce-escalation-writer';
import { API, startSalesforceSandbox, type SalesforceTestSandbox } from '../../sandbox/salesforce/salesforce-test-kit';
import { assignedAnHourAgo, escalationWriteFor } from '../escalation-write-fixture';

/*
 * Escalations written by the Salesforce writer into the sandbox org (which speaks Salesforce's REST
 * dialect): an open Task for the manager upserted on Task.Baton_Id__c, the hand-back's Lead Status
 * and Baton fields, and one Task however often the write is repeated or retried after a lost answer.
 */

let sandbox: SalesforceTestSandbox;
let client: SalesforceClient;
let rep: string;
let manager: string;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
  client = createSalesforceClient({ instanceUrl: sandbox.tokens.instance_url, session: { accessToken: async () => sandbox.tokens.access_token, refresh: async () => sandbox.tokens.access_token } });
  const users = await sandbox.call(`${API}/query?q=${encodeURIComponent("SELECT Id FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY Name")}`);
  [rep, manager] = (users.body.records as Array<{ Id: string }>).map((u) => u.Id) as [string, string];
});
afterAll(async () => sandbox.stop());

let leadId: string;
let assignedAt: number;
beforeEach(async () => {
  assignedAt = assignedAnHourAgo();
  const created = await sandbox.call(`${API}/sobjects/Lead`, { body: { LastName: 'Waiting', FirstName: 'Quinn', Company: 'Slow Co', OwnerId: rep, Status: 'Open - Not Contacted' } });
  expect(created.status).toBe(201);
  leadId = created.body.id as string;
});

function write(action: EscalationWrite['action'], overrides: Partial<EscalationWrite> = {}): EscalationWrite {
  const lead = { crm: 'salesforce', account: 'sandbox', id: leadId, objectType: 'lead' as const };
  const waiting = { lead, assignedAt, owner: { id: rep, name: 'The Rep' }, manager: { ownerId: manager, name: 'The Manager' }, handBackStatus: 'Nurture', timeZone: 'UTC' };
  return escalationWriteFor(waiting, action, overrides);
}

async function tasks(): Promise<Array<Record<string, string | null>>> {
  const q = `SELECT Id, OwnerId, Status, Priority, Subject, Description, Baton_Id__c FROM Task WHERE WhoId = '${leadId}'`;
  return (await sandbox.call(`${API}/query?q=${encodeURIComponent(q)}`)).body.records;
}

async function lead(): Promise<Record<string, string | null>> {
  return (await sandbox.call(`${API}/sobjects/Lead/${leadId}`)).body;
}

describe('Salesforce escalation writer (sandbox org)', () => {
  it('tells the manager with an open, high-priority Task they own, upserted on the escalation id', async () => {
    const receipt = await createSalesforceEscalationWriter({ client }).recordEscalation(write('notify_manager'));
    expect(receipt).toMatchObject({ outcome: 'written', record: { kind: 'task', reused: false } });
    const [task, ...more] = await tasks();
    expect(more).toEqual([]);
    expect(task).toMatchObject({ OwnerId: manager, Status: 'Not Started', Priority: 'High', Baton_Id__c: write('notify_manager').id });
    expect(findEscalationMarkerId(task!.Description)).toBe(write('notify_manager').id);
    const after = await lead();
    expect(after).toMatchObject({ Baton_Escalation__c: 'manager_notified', Baton_Escalation_Id__c: write('notify_manager').id, Status: 'Open - Not Contacted' });
  });

  it('hands the lead back: the Lead Status the admin mapped, the Baton fields and a completed Task', async () => {
    const statuses = await sandbox.call(`${API}/query?q=${encodeURIComponent('SELECT ApiName FROM LeadStatus WHERE IsConverted = false')}`);
    const nurture = (statuses.body.records as Array<{ ApiName: string }>).map((s) => s.ApiName).find((s) => s !== 'Open - Not Contacted')!;
    await createSalesforceEscalationWriter({ client }).recordEscalation(write('hand_back_to_marketing', { handBackStatus: nurture }));
    expect(await lead()).toMatchObject({ Status: nurture, Baton_Escalation__c: 'handed_back_to_marketing' });
    const [task] = await tasks();
    expect(task).toMatchObject({ OwnerId: rep, Status: 'Completed' });
  });

  it('writes one Task when the answer to the upsert was lost and the delivery is retried, and a repeat finds it done', async () => {
    let lost = false;
    const lossy: SalesforceClient = {
      ...client,
      request: (async (method: string, path: string, options: unknown) => {
        const answer = await (client.request as (...args: unknown[]) => Promise<unknown>)(method, path, options);
        if (!lost && method === 'PATCH' && path.startsWith('sobjects/Task/')) {
          lost = true;
          throw new CrmError('network', 'The connection dropped before the CRM answered');
        }
        return answer;
      }) as SalesforceClient['request'],
    };
    const writer = createSalesforceEscalationWriter({ client: lossy });
    await expect(writer.recordEscalation(write('notify_manager'))).rejects.toMatchObject({ kind: 'network' });
    expect((await writer.recordEscalation(write('notify_manager'))).record?.reused).toBe(true);
    expect((await writer.recordEscalation(write('notify_manager'))).outcome).toBe('already');
    expect(await tasks()).toHaveLength(1);
  });

  it('writes nothing for a lead reassigned since, and names the lead’s owner when no manager is chosen', async () => {
    expect((await createSalesforceEscalationWriter({ client }).recordEscalation(write('notify_manager', { owner: { id: manager, name: null } }))).outcome).toBe('moot');
    expect(await tasks()).toHaveLength(0);
    await createSalesforceEscalationWriter({ client }).recordEscalation(write('notify_manager', { manager: null }));
    const [task] = await tasks();
    expect(task!.OwnerId).toBe(rep);
    expect(task!.Description).toContain('No sales manager is chosen');
  });
});

describe('Last Activity in the sandbox org', () => {
  it('moves with a closed task, as Salesforce keeps it, so an escalation after a logged call writes nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const open = await sandbox.call(`${API}/sobjects/Task`, { body: { WhoId: leadId, Subject: 'Call back', Status: 'Not Started', ActivityDate: today } });
    expect(open.status).toBe(201);
    expect((await lead()).LastActivityDate).toBeNull();
    await sandbox.call(`${API}/sobjects/Task`, { body: { WhoId: leadId, Subject: 'Call', Type: 'Call', Status: 'Completed', ActivityDate: today } });
    expect((await lead()).LastActivityDate).toBe(today);
    const receipt = await createSalesforceEscalationWriter({ client }).recordEscalation(write('notify_manager'));
    expect(receipt).toMatchObject({ outcome: 'moot', reason: 'the lead has activity logged' });
  });
});

describe('Salesforce’s reporting port', () => {
  it('records escalations through the connection the queue reads with', async () => {
    const { createSalesforceProvider } = await import('../../../lib/crm/salesforce/salesforce-provider');
    let state = { account: null as string | null, credential: null };
    const connection = createSalesforceProvider({ webAuthFlow: { redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce', launch: async () => undefined } }).connect!({
      demoBuild: true,
      readState: async () => state,
      writeState: async (next) => void (state = next as typeof state),
      readSecret: async () => null,
      writeSecret: async () => {},
      deleteSecret: async () => {},
      readWriteRules: async () => ({ mapping: { version: 1 } as never, reasons: [] as never, timeZone: 'UTC' }),
      now: () => Date.now(),
    });
    const reporting = await connection.reporting({ kind: 'sandbox', baseUrl: sandbox.server.url });
    const queued = await reporting.readQueue!({ ownerId: rep, now: Date.now(), engagedSince: Date.now() - 86_400_000 });
    const item = queued.leads.find((l) => l.lead.ref.id === leadId)!;
    expect(item).toBeDefined();
    const receipt = await reporting.recordEscalation!(write('notify_manager', { lead: item.lead.ref }));
    expect(receipt.outcome).toBe('written');
    expect(await tasks()).toHaveLength(1);
  });
});
