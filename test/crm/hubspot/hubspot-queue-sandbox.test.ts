import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { readHubSpotOwners } from '../../../lib/crm/hubspot/hubspot-owners';
import { queueSearchBody, readHubSpotQueue } from '../../../lib/crm/hubspot/hubspot-queue-reader';
import { hubSpotQueueReporting } from '../../../lib/crm/hubspot/hubspot-queue-reporting';
import { buildQueue } from '../../../lib/domain/queue/build-queue';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../../lib/sandbox/scenarios';
import { startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';

const DAY = 86_400_000;
let sandbox: TestSandbox;
let client: HubSpotClient;
let owner: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
  const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.justHandedOff}?properties=hubspot_owner_id`);
  owner = contact.body.properties.hubspot_owner_id;
});
afterAll(() => sandbox.stop());

const read = () =>
  hubSpotQueueReporting(client, { crm: 'hubspot', account: 'sandbox', sandbox: true }).readQueue!({ ownerId: owner, now: TEST_NOW, engagedSince: TEST_NOW - 7 * DAY });

describe('the rep’s queue from HubSpot (on the sandbox)', () => {
  it('is one search request listing the owner’s untouched and recently engaged contacts, with record links', async () => {
    let requests = 0;
    const counting = { ...client, request: ((...args: Parameters<HubSpotClient['request']>) => (requests++, client.request(...args))) as HubSpotClient['request'] };
    const result = await readHubSpotQueue(counting, { ownerId: owner, now: TEST_NOW, engagedSince: TEST_NOW - 7 * DAY, crm: 'hubspot', account: 'sandbox', recordUrl: async (id) => id });
    expect(result.requests).toBe(1);
    expect(requests).toBe(1);
    expect(result.leads.length).toBeGreaterThan(0);
    for (const item of result.leads) expect(item.lead.owner?.id).toBe(owner);
    const fresh = result.leads.find((l) => l.lead.ref.id === SANDBOX_SCENARIOS.justHandedOff)!;
    expect(fresh.lastTouchedAt).toBeNull();

    const linked = await read();
    expect(linked.leads.find((l) => l.lead.ref.id === SANDBOX_SCENARIOS.justHandedOff)!.recordUrl).toBe(
      `${sandbox.server.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${SANDBOX_SCENARIOS.justHandedOff}`,
    );
  });

  it('stays within HubSpot’s search limits (5 filter groups, 18 filters)', () => {
    const body = queueSearchBody({ ownerId: '1', now: TEST_NOW, engagedSince: TEST_NOW - 7 * DAY });
    expect(body.filterGroups.length).toBeLessThanOrEqual(5);
    expect(body.filterGroups.flatMap((g) => g.filters).length).toBeLessThanOrEqual(18);
  });

  it('a call logged on the contact takes it out of the awaiting list (the sandbox sets Last Contacted as HubSpot does)', async () => {
    const id = SANDBOX_SCENARIOS.justHandedOff;
    const before = buildQueue({ leads: (await read()).leads, policy: defaultSlaPolicy, ownerId: owner, now: TEST_NOW });
    expect(before.awaiting.map((e) => e.item.lead.ref.id)).toContain(id);

    const call = await sandbox.call('/crm/v3/objects/calls', {
      body: {
        properties: { hs_timestamp: new Date(TEST_NOW + 60_000).toISOString(), hs_call_title: 'First call', hs_call_direction: 'OUTBOUND', hubspot_owner_id: owner },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      },
    });
    expect(call.status).toBe(201);

    const after = await read();
    const item = after.leads.find((l) => l.lead.ref.id === id);
    expect(item?.lastTouchedAt).toBe(TEST_NOW + 60_000);
    const queue = buildQueue({ leads: after.leads, policy: defaultSlaPolicy, ownerId: owner, now: TEST_NOW + 120_000 });
    expect(queue.awaiting.map((e) => e.item.lead.ref.id)).not.toContain(id);
  });

  it('lists the portal’s owners with names and emails', async () => {
    const owners = await readHubSpotOwners(client);
    expect(owners.length).toBeGreaterThan(1);
    const me = owners.find((o) => o.ownerId === owner)!;
    expect(me.name).toMatch(/\S+ \S+/);
    expect(me.email).toContain('@');
  });
});
