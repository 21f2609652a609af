import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { createHubSpotTeamRulesStore, TEAM_RULES_PROPERTY } from '../../../lib/crm/hubspot/hubspot-team-rules';
import { createTeamRulesSync } from '../../../lib/background/team-rules-sync';
import type { TeamRulesCache } from '../../../lib/storage/team-rules-cache';
import { startTestSandbox, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { defaultSettings, settingsWithDefinitionVersion } from '../../team-rules/team-rules-fixture';

/*
 * The team's rules published to and read from the sandbox CRM through the HubSpot dialect: a note
 * per revision (no association) and the hidden `baton_team_rules` contact property as the index.
 */
describe('HubSpot team rules store against the sandbox CRM', () => {
  let sandbox: TestSandbox;
  let client: HubSpotClient;
  const requests: string[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const counting: typeof fetch = async (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox', fetch: counting });
  });
  afterAll(async () => sandbox.stop());

  function syncFor(cacheBox: { value: TeamRulesCache | null }) {
    return createTeamRulesSync({
      locate: async () => ({ store: createHubSpotTeamRulesStore(client), key: 'hubspot|sandbox', crmLabel: 'HubSpot' }),
      readCache: async () => cacheBox.value,
      writeCache: async (cache) => void (cacheBox.value = cache),
      now: () => Date.parse('2026-12-04T09:00:00Z'),
    });
  }

  it('lists nothing before anything is published', async () => {
    expect(await createHubSpotTeamRulesStore(client).list()).toEqual([]);
  });

  it('publishes revisions an admin’s browser and a rep’s browser read alike', async () => {
    const admin = syncFor({ value: null });
    await admin.publish({ settings: defaultSettings(), publishedBy: { name: 'Ana Ruiz', email: null }, summary: 'Our first shared rules' });
    const status = await admin.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: { name: 'Ana Ruiz', email: null }, summary: 'CFOs decide' });
    expect(status.current).toMatchObject({ revision: 2, definitionVersion: '2' });

    const rep = syncFor({ value: null });
    requests.length = 0;
    const seen = await rep.refresh();
    expect(seen.current?.revision).toBe(2);
    expect(seen.revisions.map((r) => r.revision)).toEqual([2, 1]);
    // One index read and one read per revision never seen before.
    expect(requests).toEqual([`GET /crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`, expect.stringMatching(/^GET \/crm\/v3\/objects\/notes\/\d+$/), expect.stringMatching(/^GET \/crm\/v3\/objects\/notes\/\d+$/)]);

    requests.length = 0;
    await rep.refresh();
    expect(requests).toEqual([`GET /crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`]);
  });

  it('keeps the index hidden from reps in the CRM and outside forms, in the Baton group', async () => {
    const property = await sandbox.call(`/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`);
    expect(property.status).toBe(200);
    expect(property.body).toMatchObject({ groupName: 'baton', type: 'enumeration', hidden: true, formField: false });
    expect(property.body.options).toHaveLength(2);
  });

  it('refuses a revision number already taken', async () => {
    const store = createHubSpotTeamRulesStore(client);
    await expect(store.publish({ revision: 2, text: 'x', label: 'dup' })).rejects.toMatchObject({ kind: 'rejected', status: 409 });
  });
});

describe('HubSpot team rules store: two admins publishing at once', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => sandbox.stop());

  it('puts its revision back in the index when another admin’s write dropped it', async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
    const store = createHubSpotTeamRulesStore(client);
    await store.publish({ revision: 1, text: 'first', label: 'r1' });
    // The other admin's PATCH lands right after ours, written from the index as it was before ours.
    let patches = 0;
    const racing = createHubSpotClient({
      baseUrl: sandbox.server.url,
      getAccessToken: async () => 'sandbox',
      fetch: async (input, init) => {
        const answer = await fetch(input, init);
        if (init?.method === 'PATCH' && ++patches === 1) {
          const other = await sandbox.call(`/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`);
          const before = other.body.options.filter((o: { value: string }) => o.value.startsWith('1-'));
          await sandbox.call(`/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`, { method: 'PATCH', body: { options: [...before, { label: 'r3', value: '3-999', displayOrder: 3, hidden: false }] } });
        }
        return answer;
      },
    });
    await createHubSpotTeamRulesStore(racing).publish({ revision: 2, text: 'second', label: 'r2' });
    expect((await store.list()).map((r) => r.revision)).toEqual([3, 2, 1]);
  });
});

describe('HubSpot team rules store: two admins take the same number', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => sandbox.stop());

  it('the earlier note keeps the revision for every reader; the later publish is refused and withdrawn', async () => {
    const client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
    const store = createHubSpotTeamRulesStore(client);
    await store.publish({ revision: 1, text: 'first', label: 'r1' });
    // Another admin's revision 2 lands between our index check and our note.
    let injected = false;
    const racing = createHubSpotClient({
      baseUrl: sandbox.server.url,
      getAccessToken: async () => 'sandbox',
      fetch: async (input, init) => {
        if (!injected && init?.method === 'POST' && String(input).endsWith('/crm/v3/objects/notes')) {
          injected = true;
          await createHubSpotTeamRulesStore(client).publish({ revision: 2, text: 'theirs', label: 'r2 theirs' });
        }
        return fetch(input, init);
      },
    });
    await expect(createHubSpotTeamRulesStore(racing).publish({ revision: 2, text: 'ours', label: 'r2 ours' })).rejects.toMatchObject({ status: 409 });
    const listed = await store.list();
    expect(listed.map((r) => r.revision)).toEqual([2, 1]);
    expect(await store.read(listed[0]!)).toBe('theirs');
  });
});
