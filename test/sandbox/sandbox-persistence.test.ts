import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { seedSandboxData } from '../../lib/sandbox/seed-data';
import { SandboxDataFileError } from '../../lib/sandbox/sandbox-data';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox, TEST_NOW } from './sandbox-test-kit';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-sandbox-persist-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps property updates, history, created engagements and property definitions across a restart', async () => {
    const dir = tempDir();
    const first = await startTestSandbox({ dir });
    const id = SANDBOX_SCENARIOS.justHandedOff;
    const patch = await first.call(`/crm/v3/objects/contacts/${id}`, { method: 'PATCH', body: { properties: { hs_lead_status: 'CONNECTED', jobtitle: 'Head of Data Platform' } } });
    expect(patch.status).toBe(200);
    expect(patch.body.properties).toMatchObject({ hs_lead_status: 'CONNECTED', jobtitle: 'Head of Data Platform' });
    const call = await first.call('/crm/v3/objects/calls', {
      body: {
        properties: { hs_timestamp: new Date().toISOString(), hs_call_title: 'First touch', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', hubspot_owner_id: '81300103' },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
      },
    });
    expect(call.status).toBe(201);
    await first.call('/crm/v3/properties/contacts/groups', { body: { name: 'baton', label: 'Baton' } });
    await first.call('/crm/v3/properties/contacts', { body: { name: 'baton_sla_outcome', label: 'SLA outcome', type: 'enumeration', fieldType: 'select', groupName: 'baton', options: [{ label: 'Met', value: 'met' }, { label: 'Breached', value: 'breached' }] } });
    const doomed = await first.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: new Date().toISOString(), hs_note_body: 'to be archived' } } });
    expect((await first.call(`/crm/v3/objects/notes/${doomed.body.id}`, { method: 'DELETE' })).status).toBe(204);
    await first.stop({ keepDir: true });
    // No temp files left behind by the atomic writes.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = await startTestSandbox({ dir, now: TEST_NOW + 86_400_000 });
    const read = await second.call(`/crm/v3/objects/contacts/${id}?properties=hs_lead_status,jobtitle&propertiesWithHistory=hs_lead_status`);
    expect(read.body.properties).toMatchObject({ hs_lead_status: 'CONNECTED', jobtitle: 'Head of Data Platform' });
    expect(read.body.propertiesWithHistory.hs_lead_status[0]).toMatchObject({ value: 'CONNECTED', sourceType: 'INTEGRATION' });
    expect(read.body.propertiesWithHistory.hs_lead_status[1].value).toBe('NEW');
    const calls = await second.call(`/crm/v4/objects/contacts/${id}/associations/calls`);
    expect(calls.body.results.map((r: any) => String(r.toObjectId))).toContain(call.body.id);
    expect((await second.call(`/crm/v3/objects/notes/${doomed.body.id}`)).status).toBe(404);
    expect((await second.call(`/crm/v3/objects/notes/${doomed.body.id}?archived=true`)).body.archived).toBe(true);
    const property = await second.call('/crm/v3/properties/contacts/baton_sla_outcome');
    expect(property.status).toBe(200);
    expect((await second.call(`/crm/v3/objects/contacts/${id}`, { method: 'PATCH', body: { properties: { baton_sla_outcome: 'met' } } })).status).toBe(200);
    await second.stop();
  });

  it('reseeds on request and fails clearly on a corrupt data file', async () => {
    const dir = tempDir();
    const file = join(dir, 'crm.json');
    writeFileSync(file, '{"format": "baton-sandbox-crm", "version": 1, "portalId": ');
    await expect(startSandboxServer({ port: 0, dataFile: file, quiet: true })).rejects.toThrow(SandboxDataFileError);
    await expect(startSandboxServer({ port: 0, dataFile: file, quiet: true })).rejects.toThrow(/not valid JSON/);
    writeFileSync(file, JSON.stringify({ format: 'something-else' }));
    await expect(startSandboxServer({ port: 0, dataFile: file, quiet: true })).rejects.toThrow(/does not match the expected format/);
    const server = await startSandboxServer({ port: 0, dataFile: file, quiet: true, reseed: true, now: TEST_NOW });
    await server.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('baton-sandbox-crm');
  });

  it('creates the data file (and its directory) when missing', async () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'deeper', 'crm.json');
    const server = await startSandboxServer({ port: 0, dataFile: file, quiet: true, now: TEST_NOW });
    expect(server.dataFile).toBe(file);
    expect(server.portalId).toBe('2400001');
    await server.close();
    expect(existsSync(file)).toBe(true);
  });
});

describe('seed determinism', () => {
  it('gives byte-identical data for the same now, and shifts with now', () => {
    const a = JSON.stringify(seedSandboxData(TEST_NOW));
    const b = JSON.stringify(seedSandboxData(TEST_NOW));
    expect(a).toBe(b);
    const later = seedSandboxData(TEST_NOW + 3_600_000);
    const earlier = seedSandboxData(TEST_NOW);
    const handoff = (data: typeof later) => Date.parse(data.records.contacts.find((c) => c.id === SANDBOX_SCENARIOS.justHandedOff)?.properties.hubspot_owner_assigneddate ?? '');
    expect(handoff(later) - handoff(earlier)).toBe(3_600_000);
  });

  it('writes byte-identical data files for the same now', async () => {
    const dir = tempDir();
    const one = await startSandboxServer({ port: 0, dataFile: join(dir, 'one.json'), now: TEST_NOW, quiet: true });
    const two = await startSandboxServer({ port: 0, dataFile: join(dir, 'two.json'), now: TEST_NOW, quiet: true });
    await Promise.all([one.close(), two.close()]);
    expect(readFileSync(join(dir, 'one.json')).equals(readFileSync(join(dir, 'two.json')))).toBe(true);
  });
});
