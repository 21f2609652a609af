import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import type { CrmAdapter } from '../../../lib/crm/crm-port';
import { createSalesforceAdapter } from '../../../lib/crm/salesforce/salesforce-adapter';
import { BATON_FIELDS_BY_OBJECT } from '../../../lib/crm/salesforce/salesforce-baton-fields';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { ensureSalesforceBatonFields } from '../../../lib/crm/salesforce/salesforce-field-setup';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import { createSalesforceWriter } from '../../../lib/crm/salesforce/salesforce-writer';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { approvingSignInWindow } from '../../support/salesforce/approving-sign-in-window';
import { createFakeSalesforceClient, fail } from './fake-salesforce-client';
import { MAPPING, makeDisposition } from './salesforce-test-data';

/*
 * "Set up Baton fields in Salesforce" against the sandbox org started WITHOUT Baton's custom
 * fields (real HTTP on loopback): the Tooling API creates them, the "Baton" permission set gets
 * access, a second run creates nothing, and a disposition then lands. The refusal for a user who
 * may not customise the org is checked with the fake client.
 */

const ALL_FIELDS = Object.entries(BATON_FIELDS_BY_OBJECT).flatMap(([object, fields]) => fields.map((f) => `${object}.${f.apiName}`));

let server: SandboxServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-sf-field-setup-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true, salesforce: { withoutBatonFields: true } });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const context = () => inMemoryProviderContext({ rules: { mapping: MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' }, fetch: (input, init) => globalThis.fetch(input, init) }).context;

const flow = approvingSignInWindow();

describe('ensureSalesforceBatonFields on the sandbox org without Baton fields', () => {
  it('creates every field once, grants them to the "Baton" permission set, and then a disposition lands', async () => {
    const clients: SalesforceClient[] = [];
    const provider = createSalesforceProvider({
      webAuthFlow: flow,
      parts: {
        adapter: (args): CrmAdapter => {
          clients.push(args.client);
          return createSalesforceAdapter(args);
        },
      },
    });
    const connection = provider.connect!(context());
    const address = { kind: 'sandbox', baseUrl: server.url } as const;
    await connection.adapterFor({ account: new URL(server.url).host, address });
    const client = clients[0]!;
    const idRow = z.looseObject({ Id: z.string() });

    // Before: describe does not list them and a write naming one is refused.
    const before = await client.request('GET', 'sobjects/Lead/describe', { schema: z.looseObject({ fields: z.array(z.looseObject({ name: z.string() })) }) });
    expect(before.fields.map((f) => f.name)).not.toContain('Baton_Disposition__c');
    const leadId = (await client.query('SELECT Id FROM Lead ORDER BY CreatedDate DESC LIMIT 1', idRow)).records[0]!.Id;
    await expect(client.request('PATCH', `sobjects/Lead/${leadId}`, { schema: z.unknown(), body: { Baton_Disposition__c: 'accepted' } })).rejects.toThrow(/INVALID_FIELD/);

    const first = await connection.setupFields!(address);
    expect(first.created.sort()).toEqual([...ALL_FIELDS].sort());
    expect(first.existing).toEqual([]);

    const after = await client.request('GET', 'sobjects/Task/describe', { schema: z.looseObject({ fields: z.array(z.looseObject({ name: z.string(), externalId: z.boolean(), unique: z.boolean() })) }) });
    expect(after.fields.find((f) => f.name === 'Baton_Id__c')).toMatchObject({ externalId: true, unique: true });

    const sets = await client.query("SELECT Id FROM PermissionSet WHERE Name = 'Baton'", idRow);
    expect(sets.records).toHaveLength(1);
    const grants = await client.query(
      `SELECT Id, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = '${sets.records[0]!.Id}'`,
      z.looseObject({ Field: z.string(), PermissionsRead: z.boolean(), PermissionsEdit: z.boolean() }),
    );
    expect(grants.records.map((g) => g.Field).sort()).toEqual([...ALL_FIELDS].sort());
    expect(grants.records.every((g) => g.PermissionsRead && g.PermissionsEdit)).toBe(true);

    // A field that exists is refused as Salesforce refuses it.
    await expect(
      client.request('POST', 'tooling/sobjects/CustomField', { schema: z.unknown(), body: { FullName: 'Lead.Baton_Disposition__c', Metadata: { label: 'x', type: 'Text', length: 20 } } }),
    ).rejects.toThrow(/DUPLICATE_DEVELOPER_NAME/);

    const second = await connection.setupFields!(address);
    expect(second.created).toEqual([]);
    expect(second.existing.sort()).toEqual([...ALL_FIELDS].sort());
    expect((await client.query("SELECT Id FROM PermissionSet WHERE Name = 'Baton'", idRow)).records).toHaveLength(1);

    const writer = createSalesforceWriter({ client, mapping: MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' });
    const disposition = makeDisposition({ lead: { crm: 'salesforce', account: new URL(server.url).host, id: leadId, objectType: 'lead' } });
    await writer.recordDisposition({ disposition, brief: ['Asked for a demo'] });
    const lead = await client.request('GET', `sobjects/Lead/${leadId}`, { schema: z.looseObject({ Baton_Disposition__c: z.string().nullable(), Baton_Disposition_Id__c: z.string().nullable() }) });
    expect(lead).toMatchObject({ Baton_Disposition__c: 'accepted', Baton_Disposition_Id__c: disposition.id });
  });
});

describe('ensureSalesforceBatonFields without the right to customise the org', () => {
  it('throws a forbidden CrmError listing the fields for an admin to create by hand', async () => {
    const fake = createFakeSalesforceClient((r) => {
      if (r.method === 'GET' && r.path.endsWith('/describe')) return { fields: [{ name: 'Id' }, ...(r.path.includes('Task') ? [{ name: 'Baton_Id__c' }] : [])] };
      if (r.method === 'POST' && r.path === 'tooling/sobjects/CustomField') {
        return fail(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }]);
      }
      return undefined;
    });
    const error = await ensureSalesforceBatonFields(fake.client).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('forbidden');
    const message = (error as CrmError).message;
    expect(message).toMatch(/Customize Application/);
    expect(message).toContain('Lead.Baton_Disposition__c — "Baton disposition", Text (20)');
    expect(message).toContain('Contact.Baton_Response_Minutes__c');
    expect(message).toContain('Lead.Baton_Qualification_Inputs__c — "Baton qualification inputs", LongTextArea (131072)');
    // Task's field exists: not asked for.
    expect(message).not.toContain('Task.Baton_Id__c');
    // Stopped at the first refusal: no permission set touched.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
