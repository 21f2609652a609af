import { SalesforceError, noSuchColumn } from './salesforce-error';
import type { SfField, SfObjectSchema } from './salesforce-object-schema';
import { findField, findObject } from './salesforce-object-schema';
import type { SfRecord, SfValue } from './salesforce-org-data';
import { sfDateTime } from './salesforce-org-data';
import type { SalesforceOrgStore } from './salesforce-org-store';
import { toId18 } from './salesforce-ids';

/*
 * Field values of a create or update body, checked and converted the way Salesforce's REST API
 * does: unknown fields (INVALID_FIELD), read-only ones (INVALID_FIELD_FOR_INSERT_UPDATE), JSON of
 * the wrong type (JSON_PARSER_ERROR), restricted picklists, text lengths, e-mail addresses,
 * references to records that do not exist, missing required fields.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parserError(field: SfField, value: unknown, javaType: string): SalesforceError {
  const kind = typeof value === 'string' ? 'VALUE_STRING' : typeof value === 'number' ? 'VALUE_NUMBER_INT' : typeof value === 'boolean' ? 'VALUE_TRUE' : 'START_OBJECT';
  return new SalesforceError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${javaType} from ${kind} value ${String(JSON.stringify(value))} or request may be missing a required field`);
}

/** The values a picklist accepts: Lead.Status from the org's LeadStatus rows. */
export function picklistValues(store: SalesforceOrgStore, field: SfField): string[] {
  if (field.leadStatusPicklist) return store.list('LeadStatus').map((row) => String(row.ApiName));
  return [...(field.picklist ?? [])];
}

function convert(store: SalesforceOrgStore, field: SfField, value: unknown): SfValue {
  if (value === null) {
    if (!field.nillable) throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]);
    return null;
  }
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw parserError(field, value, 'boolean');
    case 'int': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw parserError(field, value, 'int');
      return n;
    }
    case 'double':
    case 'currency': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw parserError(field, value, 'double');
      return n;
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw parserError(field, value, 'date');
      return value;
    case 'datetime': {
      const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
      if (Number.isNaN(ms)) throw parserError(field, value, 'datetime');
      return sfDateTime(ms);
    }
    case 'reference': {
      if (typeof value !== 'string') throw parserError(field, value, 'String');
      const id18 = toId18(value);
      const targets = field.referenceTo ?? [];
      const prefixes = targets.map((name) => findObject(name)?.keyPrefix);
      if (!id18 || !prefixes.includes(id18.slice(0, 3))) {
        throw new SalesforceError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
      }
      const target = store.find(id18);
      if (!target || !targets.includes(target.objectName)) {
        throw new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
      }
      return id18;
    }
    default: {
      if (typeof value === 'object') throw parserError(field, value, 'String');
      const text = String(value);
      if (field.type === 'email' && text !== '' && !EMAIL.test(text)) {
        throw new SalesforceError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
      }
      if (field.type === 'picklist' && field.restricted && !picklistValues(store, field).includes(text)) {
        throw new SalesforceError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${text}`, [field.name]);
      }
      if (field.length > 0 && text.length > field.length) {
        throw new SalesforceError(400, 'STRING_TOO_LONG', `${field.label}: data value too large: ${text.slice(0, 40)}... (max length=${field.length})`, [field.name]);
      }
      // Salesforce stores an empty string as null.
      return text === '' ? null : text;
    }
  }
}

/** Checks and converts a request body's fields; throws Salesforce's error for the first problem class found. */
export function readFieldValues(store: SalesforceOrgStore, object: SfObjectSchema, body: unknown, mode: 'create' | 'update'): Array<[SfField, SfValue]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${object.name} from ${Array.isArray(body) ? 'START_ARRAY' : 'VALUE_STRING'} token`);
  }
  const entries = Object.entries(body as Record<string, unknown>).filter(([name]) => name !== 'attributes');
  for (const [name] of entries) {
    if (!findField(object, name)) throw noSuchColumn(name, object.name, 'sobject of type');
  }
  const readOnly = entries.map(([name]) => findField(object, name)!).filter((field) => (mode === 'create' ? !field.createable : !field.updateable));
  if (readOnly.length) {
    const names = readOnly.map((field) => field.name);
    throw new SalesforceError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      names,
    );
  }
  return entries.map(([name, value]) => {
    const field = findField(object, name)!;
    return [field, convert(store, field, value)];
  });
}

/** Salesforce refuses a second record with the same value in a unique field. */
export function checkUnique(store: SalesforceOrgStore, object: SfObjectSchema, record: SfRecord): void {
  for (const field of object.fields) {
    const value = record[field.name];
    if (!field.unique || value === null || value === undefined) continue;
    // Unique text fields are case-insensitive unless marked otherwise (Salesforce's default).
    const same = (other: SfValue | undefined): boolean => typeof other === 'string' && typeof value === 'string' ? other.toLowerCase() === value.toLowerCase() : other === value;
    const other = store.list(object.name).find((candidate) => candidate.Id !== record.Id && same(candidate[field.name]));
    if (other) throw new SalesforceError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${String(other.Id)}`, []);
  }
}

export function checkRequired(object: SfObjectSchema, record: SfRecord): void {
  const missing = object.fields.filter((field) => field.required && (record[field.name] === null || record[field.name] === undefined)).map((field) => field.name);
  if (missing.length) throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
}
