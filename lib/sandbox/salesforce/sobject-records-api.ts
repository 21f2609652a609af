import { applyDerivedFields, rollUpLastActivity } from './derived-fields';
import { SalesforceError, noSuchColumn, notFoundError } from './salesforce-error';
import type { SfObjectSchema } from './salesforce-object-schema';
import { findField } from './salesforce-object-schema';
import type { SalesforceOrgStore } from './salesforce-org-store';
import type { SfRecord, SfValue } from './salesforce-org-data';
import { parseSfDateTime, sfDateTime } from './salesforce-org-data';
import type { SfRequest, SfResponse } from './salesforce-request';
import { toId18 } from './salesforce-ids';
import { checkRequired, checkUnique, readFieldValues } from './record-values';

/*
 * sObject rows: retrieve (`?fields=`, If-Modified-Since), create, update (If-Unmodified-Since),
 * retrieve and upsert by external id. Answers as Salesforce's REST API answers them.
 */

export function objectOf(name: string, store: SalesforceOrgStore): SfObjectSchema {
  const object = store.object(name);
  if (!object) throw notFoundError(`The requested resource does not exist`);
  return object;
}

function withAttributes(req: SfRequest, object: SfObjectSchema, record: SfRecord, fieldNames?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: object.name, url: `/services/data/${req.version}/sobjects/${object.name}/${String(record.Id)}` } };
  for (const field of fieldNames ? fieldNames.map((name) => findField(object, name)!) : object.fields) out[field.name] = record[field.name] ?? null;
  return out;
}

function requestedFields(req: SfRequest, object: SfObjectSchema): string[] | undefined {
  const raw = req.params.get('fields');
  if (raw === null) return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) if (!findField(object, name)) throw noSuchColumn(name, object.name);
  return names;
}

function recordById(req: SfRequest, object: SfObjectSchema, id: string): SfRecord {
  if (!toId18(id)) throw new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);
  const record = req.store.get(object.name, id);
  if (!record || record.IsDeleted === true) throw notFoundError();
  return record;
}

export function getRecord(req: SfRequest, objectName: string, id: string): SfResponse {
  const object = objectOf(objectName, req.store);
  const record = recordById(req, object, id);
  const fields = requestedFields(req, object);
  const since = req.headers['if-modified-since'];
  if (since && !Number.isNaN(Date.parse(since)) && Math.floor(parseSfDateTime(String(record.LastModifiedDate)) / 1000) <= Math.floor(Date.parse(since) / 1000)) {
    return { status: 304 };
  }
  return { status: 200, body: withAttributes(req, object, record, fields) };
}

/** Applies checked values to a record, keeps derived fields and audit fields, and writes field history. */
function applyValues(req: SfRequest, object: SfObjectSchema, record: SfRecord, values: Array<[{ name: string }, SfValue]>, creating: boolean): void {
  const before = { ...record };
  for (const [field, value] of values) record[field.name] = value;
  const nowIso = sfDateTime(req.now);
  record.LastModifiedDate = nowIso;
  record.LastModifiedById = req.userId;
  record.SystemModstamp = nowIso;
  applyDerivedFields(object.name, record, nowIso);
  rollUpLastActivity(object.name, record, (id) => req.store.find(id));
  if (creating || !object.trackedFields) return;
  for (const name of object.trackedFields) {
    if (before[name] === record[name] || !values.some(([field]) => field.name === name)) continue;
    const history = (fieldName: string, dataType: string, oldValue: SfValue, newValue: SfValue): void => {
      req.store.insert('LeadHistory', {
        Id: req.store.newId('LeadHistory'), IsDeleted: false, LeadId: record.Id ?? null, Field: fieldName, DataType: dataType,
        OldValue: oldValue ?? null, NewValue: newValue ?? null, CreatedDate: nowIso, CreatedById: req.userId,
      });
    };
    if (name === 'OwnerId') {
      const nameOf = (id: SfValue): SfValue => (typeof id === 'string' ? (req.store.find(id)?.record.Name ?? null) : null);
      history('Owner', 'EntityId', before.OwnerId ?? null, record.OwnerId ?? null);
      history('Owner', 'Text', nameOf(before.OwnerId ?? null), nameOf(record.OwnerId ?? null));
    } else {
      history(name, name === 'Status' ? 'DynamicEnum' : 'Text', before[name] ?? null, record[name] ?? null);
    }
  }
}

function refuseConverted(object: SfObjectSchema, record: SfRecord): void {
  if (object.name === 'Lead' && record.IsConverted === true) {
    throw new SalesforceError(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', []);
  }
}

function checkPrecondition(req: SfRequest, record: SfRecord): void {
  const header = req.headers['if-unmodified-since'];
  if (!header) return;
  const since = Date.parse(header);
  if (Number.isNaN(since)) return;
  const modified = parseSfDateTime(String(record.LastModifiedDate));
  // HTTP dates have whole seconds: a change within the same second is not "later".
  if (Math.floor(modified / 1000) > Math.floor(since / 1000)) {
    throw new SalesforceError(412, 'PRECONDITION_FAILED', 'The requested Resource was modified after the time specified in the If-Unmodified-Since header.');
  }
}

export function updateRecord(req: SfRequest, objectName: string, id: string): SfResponse {
  const object = objectOf(objectName, req.store);
  const record = recordById(req, object, id);
  checkPrecondition(req, record);
  if (!object.updateable) throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id`, []);
  refuseConverted(object, record);
  const values = readFieldValues(req.store, object, req.body, 'update');
  const candidate = { ...record };
  for (const [field, value] of values) candidate[field.name] = value;
  checkUnique(req.store, object, candidate);
  applyValues(req, object, record, values, false);
  req.store.persist();
  return { status: 204 };
}

/** Defaults Salesforce fills in on create (the running user owns the record, picklist defaults). */
function newRecord(req: SfRequest, object: SfObjectSchema): SfRecord {
  const nowIso = sfDateTime(req.now);
  const record: SfRecord = { Id: req.store.newId(object.name) };
  for (const field of object.fields) if (field.name !== 'Id') record[field.name] = field.type === 'boolean' ? false : null;
  for (const field of object.fields) {
    if (field.leadStatusPicklist) record[field.name] = req.store.list('LeadStatus').find((row) => row.IsDefault === true)?.ApiName ?? null;
    else if (field.defaultValue !== undefined) record[field.name] = field.defaultValue;
  }
  if (findField(object, 'OwnerId')) record.OwnerId = req.userId;
  Object.assign(record, { Id: record.Id, CreatedDate: nowIso, CreatedById: req.userId, LastModifiedDate: nowIso, LastModifiedById: req.userId, SystemModstamp: nowIso, IsDeleted: false });
  if (object.name === 'Lead') record.IsUnreadByOwner = true;
  return record;
}

function create(req: SfRequest, object: SfObjectSchema, extra: Array<[{ name: string }, SfValue]> = []): SfRecord {
  if (!object.createable) throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on entity: ${object.name}`, []);
  const values = [...readFieldValues(req.store, object, req.body, 'create'), ...extra];
  const record = newRecord(req, object);
  for (const [field, value] of values) record[field.name] = value;
  checkRequired(object, record);
  checkUnique(req.store, object, record);
  applyValues(req, object, record, [], true);
  req.store.insert(object.name, record);
  if (object.name === 'Lead') {
    req.store.insert('LeadHistory', {
      Id: req.store.newId('LeadHistory'), IsDeleted: false, LeadId: record.Id ?? null, Field: 'created', DataType: 'Text',
      OldValue: null, NewValue: null, CreatedDate: sfDateTime(req.now), CreatedById: req.userId,
    });
  }
  return record;
}

export function createRecord(req: SfRequest, objectName: string): SfResponse {
  const object = objectOf(objectName, req.store);
  const record = create(req, object);
  req.store.persist();
  return { status: 201, body: { id: record.Id, success: true, errors: [] }, headers: { Location: `/services/data/${req.version}/sobjects/${object.name}/${String(record.Id)}` } };
}

function externalIdField(object: SfObjectSchema, fieldName: string): { name: string } {
  const field = findField(object, fieldName);
  if (!field || !(field.externalId || field.name === 'Id')) {
    throw new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  return field;
}

function matchesByExternalId(req: SfRequest, object: SfObjectSchema, fieldName: string, value: string): SfRecord[] {
  if (fieldName === 'Id') {
    const record = req.store.get(object.name, value);
    return record ? [record] : [];
  }
  return req.store.list(object.name).filter((record) => record.IsDeleted !== true && typeof record[fieldName] === 'string' && (record[fieldName] as string).toLowerCase() === value.toLowerCase());
}

function multipleChoices(req: SfRequest, object: SfObjectSchema, matches: SfRecord[]): SfResponse {
  return { status: 300, body: matches.map((record) => `/services/data/${req.version}/sobjects/${object.name}/${String(record.Id)}`) };
}

export function getByExternalId(req: SfRequest, objectName: string, fieldName: string, value: string): SfResponse {
  const object = objectOf(objectName, req.store);
  const field = externalIdField(object, fieldName);
  const matches = matchesByExternalId(req, object, field.name, value);
  if (matches.length === 0) throw notFoundError();
  if (matches.length > 1) return multipleChoices(req, object, matches);
  return { status: 200, body: withAttributes(req, object, matches[0]!, requestedFields(req, object)) };
}

/** Upsert: 201 and `created: true` when no record has the value, 200 when one has it, 300 when several do. */
export function upsertByExternalId(req: SfRequest, objectName: string, fieldName: string, value: string): SfResponse {
  const object = objectOf(objectName, req.store);
  const field = externalIdField(object, fieldName);
  if (field.name === 'Id') throw new SalesforceError(400, 'INVALID_FIELD', 'Id is not a valid external id field for upsert; use PATCH on the record instead.');
  const body = req.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const given = Object.entries(body as Record<string, unknown>).find(([name]) => name.toLowerCase() === field.name.toLowerCase());
    if (given && String(given[1]) !== value) {
      throw new SalesforceError(400, 'INVALID_FIELD', `The value of the external ID field in the URL (${value}) does not match the value in the request body (${String(given[1])}).`, [field.name]);
    }
  }
  const matches = matchesByExternalId(req, object, field.name, value);
  if (matches.length > 1) return multipleChoices(req, object, matches);
  if (matches.length === 1) {
    const record = matches[0]!;
    refuseConverted(object, record);
    const values = readFieldValues(req.store, object, body, 'update').filter(([f]) => f.name !== field.name);
    applyValues(req, object, record, values, false);
    req.store.persist();
    return { status: 200, body: { id: record.Id, success: true, errors: [], created: false } };
  }
  const withoutKey = body && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([name]) => name.toLowerCase() !== field.name.toLowerCase()))
    : body;
  const record = create({ ...req, body: withoutKey }, object, [[field, value]]);
  req.store.persist();
  return {
    status: 201,
    body: { id: record.Id, success: true, errors: [], created: true },
    headers: { Location: `/services/data/${req.version}/sobjects/${object.name}/${String(record.Id)}` },
  };
}
