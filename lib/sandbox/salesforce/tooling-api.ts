import { SalesforceError } from './salesforce-error';
import { salesforceId } from './salesforce-ids';
import { customField, findField, type SfField, type SfFieldType } from './salesforce-object-schema';
import type { SfRequest, SfResponse } from './salesforce-request';
import { objectOf } from './sobject-records-api';

/*
 * The Tooling API's `CustomField` create (`POST tooling/sobjects/CustomField`), as Baton's field
 * setup uses it: `{FullName: 'Lead.Baton_Disposition__c', Metadata: {label, type, length, …}}`.
 * The field joins the object's schema at once (describe lists it, writes and SOQL accept it);
 * a field that exists already is refused with DUPLICATE_DEVELOPER_NAME, as Salesforce refuses it.
 */

/** Metadata API field types the sandbox creates, as describe then reports them. */
const METADATA_TYPES: Record<string, SfFieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Number: 'double',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Checkbox: 'boolean',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
};

function invalid(message: string): SalesforceError {
  return new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', message, []);
}

export function createCustomField(req: SfRequest): SfResponse {
  const body = req.body as { FullName?: unknown; Metadata?: Record<string, unknown> } | undefined;
  const fullName = typeof body?.FullName === 'string' ? body.FullName : '';
  const m = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*__c)$/.exec(fullName);
  if (!m) throw invalid(`FullName must be Object.Field__c (got ${JSON.stringify(body?.FullName ?? null)})`);
  const object = objectOf(m[1]!, req.store);
  const name = m[2]!;
  const metadata = body?.Metadata ?? {};
  if (findField(object, name)) {
    throw new SalesforceError(400, 'DUPLICATE_DEVELOPER_NAME', `There is already a field named ${name.replace(/__c$/, '')} on ${object.label}.`, []);
  }
  const type = METADATA_TYPES[String(metadata.type)];
  if (!type) throw invalid(`Unsupported field type: ${String(metadata.type)}`);
  const label = typeof metadata.label === 'string' && metadata.label.trim() ? metadata.label : null;
  if (!label) throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [label]', ['label']);
  const length = typeof metadata.length === 'number' ? metadata.length : undefined;
  if ((metadata.type === 'Text' && (length === undefined || length < 1 || length > 255)) || (metadata.type === 'LongTextArea' && (length === undefined || length < 256 || length > 131_072))) {
    throw invalid(`Length: ${String(metadata.length)} is not valid for a ${String(metadata.type)} field`);
  }
  const field: SfField = customField(name, label, type, {
    ...(length !== undefined && (type === 'string' || type === 'textarea') ? { length } : {}),
    ...(metadata.externalId === true ? { externalId: true } : {}),
    ...(metadata.unique === true ? { unique: true } : {}),
  });
  req.store.addField(object.name, field);
  // CustomField ids have the key prefix 00N.
  const id = salesforceId('00N', req.store.org.nextSequence++);
  req.store.persist();
  return { status: 201, body: { id, success: true, errors: [], warnings: [], infos: [] }, headers: { Location: `/services/data/${req.version}/tooling/sobjects/CustomField/${id}` } };
}
