import { z } from 'zod';
import { CrmError } from '../crm-error';
import type { FieldSetupResult } from '../crm-provider';
import { BATON_FIELDS_BY_OBJECT, type BatonFieldDefinition } from './salesforce-baton-fields';
import type { SalesforceClient } from './salesforce-client-contract';

/*
 * "Set up Baton fields in Salesforce": the admin's one-time action. Describes Lead, Contact and
 * Task, creates each missing Baton field with the Tooling API (`CustomField`), then grants read and
 * edit on the created fields to a permission set named "Baton" (created when missing), which the
 * admin assigns to Baton's users. Running it again creates nothing. When the signed-in user may not
 * customise the org, the error lists the fields for an admin to create by hand.
 */

/** The permission set that carries Baton's field access. */
export const BATON_PERMISSION_SET = 'Baton';

type BatonObject = keyof typeof BATON_FIELDS_BY_OBJECT;
const OBJECTS = Object.keys(BATON_FIELDS_BY_OBJECT) as BatonObject[];

const describeSchema = z.looseObject({ fields: z.array(z.looseObject({ name: z.string() })) });
const createdSchema = z.looseObject({ id: z.string(), success: z.boolean().optional(), errors: z.array(z.unknown()).optional() });
const idRecordSchema = z.looseObject({ Id: z.string() });

/** `Lead.Baton_Disposition__c` */
function fullName(objectName: string, field: BatonFieldDefinition): string {
  return `${objectName}.${field.apiName}`;
}

/** The Tooling API's `CustomField` Metadata for a Baton field (only the attributes its type takes). */
export function customFieldMetadata(field: BatonFieldDefinition): Record<string, unknown> {
  const metadata: Record<string, unknown> = { label: field.label, description: field.description, type: field.type };
  if (field.type === 'Text' || field.type === 'LongTextArea') metadata.length = field.length;
  if (field.type === 'LongTextArea') metadata.visibleLines = field.visibleLines ?? 3;
  if (field.type === 'Number') {
    metadata.precision = field.precision;
    metadata.scale = field.scale;
  }
  if (field.type === 'Text') {
    metadata.externalId = field.externalId ?? false;
    metadata.unique = field.unique ?? false;
    if (field.unique) metadata.caseSensitive = false;
  }
  return metadata;
}

function isAccessDenied(error: unknown): boolean {
  return error instanceof CrmError && (error.kind === 'forbidden' || /INSUFFICIENT_ACCESS|INSUFFICIENT_PRIVILEGES|API_DISABLED_FOR_ORG/.test(error.message));
}

function isDuplicate(error: unknown): boolean {
  return error instanceof CrmError && /DUPLICATE_(DEVELOPER_NAME|VALUE)/.test(error.message);
}

/** What an admin creates by hand when Baton may not: one line per field. */
function manualInstructions(missing: Array<{ objectName: string; field: BatonFieldDefinition }>): string {
  return missing
    .map(({ objectName, field }) => {
      const size =
        field.type === 'Text' || field.type === 'LongTextArea'
          ? ` (${field.length})`
          : field.type === 'Number'
            ? ` (${(field.precision ?? 18) - (field.scale ?? 0)}, ${field.scale ?? 0})`
            : '';
      const extra = field.externalId ? ', External ID, Unique' : '';
      return `${fullName(objectName, field)} — "${field.label}", ${field.type}${size}${extra}`;
    })
    .join('; ');
}

function accessError(missing: Array<{ objectName: string; field: BatonFieldDefinition }>, error: CrmError): CrmError {
  return new CrmError(
    'forbidden',
    `Your Salesforce user may not create fields (it needs "Customize Application" and "Modify All Data"). Ask a Salesforce admin to run this setup, or to create these fields in Setup → Object Manager and give Baton's users read and edit access to them: ${manualInstructions(missing)}.`,
    { status: error.status },
  );
}

/** Creates the Baton fields an org lacks and grants access to them through the "Baton" permission set. */
export async function ensureSalesforceBatonFields(client: SalesforceClient): Promise<FieldSetupResult> {
  const created: string[] = [];
  const existing: string[] = [];
  const missing: Array<{ objectName: BatonObject; field: BatonFieldDefinition }> = [];

  for (const objectName of OBJECTS) {
    const described = await client.request('GET', `sobjects/${objectName}/describe`, { schema: describeSchema });
    const names = new Set(described.fields.map((f) => f.name.toLowerCase()));
    for (const field of BATON_FIELDS_BY_OBJECT[objectName]) {
      if (names.has(field.apiName.toLowerCase())) existing.push(fullName(objectName, field));
      else missing.push({ objectName, field });
    }
  }

  for (const [index, entry] of missing.entries()) {
    const name = fullName(entry.objectName, entry.field);
    try {
      await client.request('POST', 'tooling/sobjects/CustomField', { schema: createdSchema, body: { FullName: name, Metadata: customFieldMetadata(entry.field) } });
      created.push(name);
    } catch (error) {
      if (isDuplicate(error)) {
        // Created meanwhile (another admin, or a describe cached by the org).
        existing.push(name);
        continue;
      }
      if (isAccessDenied(error)) throw accessError(missing.slice(index), error as CrmError);
      throw error;
    }
  }

  if (created.length) await grantAccess(client, created);
  return { created, existing };
}

/** Read and edit on the created fields, through the "Baton" permission set (created when missing). */
async function grantAccess(client: SalesforceClient, fields: string[]): Promise<void> {
  const found = await client.query(`SELECT Id FROM PermissionSet WHERE Name = '${BATON_PERMISSION_SET}'`, idRecordSchema, { maxPages: 1 });
  let parentId = found.records[0]?.Id;
  if (!parentId) {
    parentId = (await client.request('POST', 'sobjects/PermissionSet', { schema: createdSchema, body: { Name: BATON_PERMISSION_SET, Label: BATON_PERMISSION_SET } })).id;
  }
  for (const field of fields) {
    try {
      await client.request('POST', 'sobjects/FieldPermissions', {
        schema: createdSchema,
        body: { ParentId: parentId, SobjectType: field.split('.')[0], Field: field, PermissionsRead: true, PermissionsEdit: true },
      });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
}
