import { z } from 'zod';
import { badRequest, decodeCursor, intParam, listParam, notFound, ok, parseJsonBody, toIso } from './http-kit';
import type { ApiResponse } from './http-kit';
import { noteLastContacted } from './last-contacted';
import { normalizePropertyWrites, parseTimeValue } from './property-values';
import type { CrmObjectType, CrmRecord, HistoryEntry } from './sandbox-data';
import { associationTargetOf, resolveObjectType, singularOf } from './sandbox-state';
import type { SandboxState } from './sandbox-state';

/** Who wrote through the API: HubSpot records private-app writes as INTEGRATION with the app id. */
const API_WRITE_SOURCE = { sourceType: 'INTEGRATION', sourceId: '1901234', sourceLabel: 'Baton (private app)' } as const;

function createdProperty(type: CrmObjectType): string {
  return type === 'contacts' || type === 'deals' ? 'createdate' : 'hs_createdate';
}

function modifiedProperty(type: CrmObjectType): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** What HubSpot returns when the request names no properties. */
function defaultProperties(type: CrmObjectType): string[] {
  switch (type) {
    case 'contacts':
      return ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
    case 'deals':
      return ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'];
    default:
      return ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
  }
}

export interface SerializeOptions {
  properties?: string[] | undefined;
  propertiesWithHistory?: string[] | undefined;
  associations?: string[] | undefined;
}

/** A record as HubSpot's v3 object APIs return it. */
export function serializeRecord(state: SandboxState, type: CrmObjectType, record: CrmRecord, options: SerializeOptions = {}): Record<string, unknown> {
  const names = options.properties && options.properties.length > 0
    ? [...new Set([...options.properties.filter((name) => state.property(type, name)), 'hs_object_id', createdProperty(type), modifiedProperty(type)])]
    : defaultProperties(type);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = record.properties[name] ?? null;
  const out: Record<string, unknown> = { id: record.id, properties };
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const name of options.propertiesWithHistory) {
      if (!state.property(type, name)) continue;
      history[name] = [...(record.history[name] ?? [])].reverse().map(serializeHistoryEntry);
    }
    out.propertiesWithHistory = history;
  }
  out.createdAt = toIso(record.createdAt);
  out.updatedAt = toIso(record.updatedAt);
  out.archived = record.archivedAt !== undefined;
  if (record.archivedAt !== undefined) out.archivedAt = toIso(record.archivedAt);
  if (options.associations && options.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const segment of options.associations) {
      const toType = resolveObjectType(segment);
      if (!toType) continue;
      const ids = state.associatedIds(type, record.id, toType);
      if (ids.length === 0) continue;
      associations[toType] = { results: ids.map((id) => ({ id, type: `${singularOf(type)}_to_${singularOf(toType)}` })) };
    }
    if (Object.keys(associations).length > 0) out.associations = associations;
  }
  return out;
}

function serializeHistoryEntry(entry: HistoryEntry): Record<string, unknown> {
  return {
    value: entry.value,
    timestamp: toIso(entry.timestamp),
    sourceType: entry.sourceType,
    ...(entry.sourceId !== undefined ? { sourceId: entry.sourceId } : {}),
    ...(entry.sourceLabel !== undefined ? { sourceLabel: entry.sourceLabel } : {}),
    ...(entry.updatedByUserId !== undefined ? { updatedByUserId: entry.updatedByUserId } : {}),
  };
}

function requireRecord(state: SandboxState, type: CrmObjectType, id: string, idProperty?: string | null): CrmRecord {
  let record: CrmRecord | undefined;
  if (idProperty && idProperty !== 'hs_object_id') {
    record = state.records(type).find((candidate) => (candidate.properties[idProperty] ?? '').toLowerCase() === id.toLowerCase());
  } else {
    record = state.record(type, id);
  }
  if (!record) throw notFound('Object not found.  objectId are usually numeric.', { id: [id] });
  return record;
}

export function getObject(state: SandboxState, type: CrmObjectType, id: string, params: URLSearchParams): ApiResponse {
  const record = params.get('archived') === 'true' ? state.archivedRecord(type, id) : requireRecord(state, type, id, params.get('idProperty'));
  if (!record) throw notFound('Object not found.  objectId are usually numeric.', { id: [id] });
  return ok(serializeRecord(state, type, record, {
    properties: listParam(params, 'properties'),
    propertiesWithHistory: listParam(params, 'propertiesWithHistory'),
    associations: listParam(params, 'associations'),
  }));
}

export function listObjects(state: SandboxState, type: CrmObjectType, params: URLSearchParams, baseUrl: string): ApiResponse {
  const limit = intParam(params, 'limit', 10, { max: 100 });
  const offset = decodeCursor(params.get('after'));
  const all = sortById(params.get('archived') === 'true' ? state.archivedRecords(type) : state.records(type));
  const page = all.slice(offset, offset + limit);
  const options: SerializeOptions = {
    properties: listParam(params, 'properties'),
    propertiesWithHistory: listParam(params, 'propertiesWithHistory'),
    associations: listParam(params, 'associations'),
  };
  const body: Record<string, unknown> = { results: page.map((record) => serializeRecord(state, type, record, options)) };
  if (offset + limit < all.length) {
    const after = String(offset + limit);
    const link = new URL(`${baseUrl}/crm/v3/objects/${type}`);
    params.forEach((value, key) => key !== 'after' && link.searchParams.append(key, value));
    link.searchParams.set('after', after);
    body.paging = { next: { after, link: link.toString() } };
  }
  return ok(body);
}

function sortById(records: CrmRecord[]): CrmRecord[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const batchReadSchema = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })).max(100),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});

export function batchReadObjects(state: SandboxState, type: CrmObjectType, body: string): ApiResponse {
  const startedAt = new Date().toISOString();
  const input = parseJsonBody(body, batchReadSchema);
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const { id } of input.inputs) {
    try {
      const record = requireRecord(state, type, id, input.idProperty);
      results.push(serializeRecord(state, type, record, { properties: input.properties, propertiesWithHistory: input.propertiesWithHistory }));
    } catch {
      missing.push(id);
    }
  }
  const response: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() };
  if (missing.length > 0) {
    response.numErrors = 1;
    response.errors = [{
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${singularOf(type).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing },
    }];
    return ok(response, 207);
  }
  return ok(response);
}

const propertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const updateSchema = z.object({ properties: z.record(z.string(), propertyValueSchema) });

/**
 * Applies normalised writes to a record, appending property history (newest last) like HubSpot.
 * Writing a value a property already holds changes nothing (no history entry, no modified date),
 * so an idempotent retry leaves the record exactly as the first delivery did. Returns the number
 * of properties that changed.
 */
export function applyWrites(state: SandboxState, type: CrmObjectType, record: CrmRecord, writes: Record<string, string>, at: number): number {
  let changed = 0;
  for (const [name, value] of Object.entries(writes)) {
    if (record.properties[name] === value) continue;
    record.properties[name] = value;
    (record.history[name] ??= []).push({ value, timestamp: at, ...API_WRITE_SOURCE });
    changed++;
  }
  if (changed === 0) return 0;
  // Assigning an owner stamps the assignment date, as HubSpot does.
  if (type === 'contacts' && writes.hubspot_owner_id !== undefined && record.history.hubspot_owner_id?.at(-1)?.timestamp === at && state.property(type, 'hubspot_owner_assigneddate')) {
    const value = writes.hubspot_owner_id === '' ? '' : toIso(at);
    record.properties.hubspot_owner_assigneddate = value;
    (record.history.hubspot_owner_assigneddate ??= []).push({ value, timestamp: at, ...API_WRITE_SOURCE });
    // The first engagement date is the current owner's: a new owner starts without one.
    if (record.properties.hs_sa_first_engagement_date) {
      record.properties.hs_sa_first_engagement_date = '';
      (record.history.hs_sa_first_engagement_date ??= []).push({ value: '', timestamp: at, sourceType: 'CALCULATED' });
    }
  }
  record.updatedAt = at;
  const modified = modifiedProperty(type);
  record.properties[modified] = toIso(at);
  record.history[modified] = [{ value: toIso(at), timestamp: at, sourceType: 'CALCULATED' }];
  return changed;
}

export function updateObject(state: SandboxState, type: CrmObjectType, id: string, params: URLSearchParams, body: string, now: number): ApiResponse {
  const input = parseJsonBody(body, updateSchema);
  const record = requireRecord(state, type, id, params.get('idProperty'));
  const writes = normalizePropertyWrites(state, type, input.properties);
  if (applyWrites(state, type, record, writes, now) > 0) state.persist();
  return ok(serializeRecord(state, type, record, { properties: [...defaultProperties(type), ...Object.keys(writes)] }));
}

const associationInputSchema = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(z.object({
    associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
    associationTypeId: z.number().int(),
  })).min(1),
});

const createSchema = z.object({
  properties: z.record(z.string(), propertyValueSchema),
  associations: z.array(associationInputSchema).optional(),
});


export function createObject(state: SandboxState, type: CrmObjectType, body: string, now: number): ApiResponse {
  const input = parseJsonBody(body, createSchema);
  const { record, writes } = createRecord(state, type, input, now);
  state.persist();
  return ok(serializeRecord(state, type, record, { properties: [...defaultProperties(type), ...Object.keys(writes)] }), 201);
}

const batchCreateSchema = z.object({ inputs: z.array(createSchema).min(1).max(100) });

/** `POST .../batch/create`: all inputs are validated first, so one bad input creates nothing. */
export function batchCreateObjects(state: SandboxState, type: CrmObjectType, body: string, now: number): ApiResponse {
  const startedAt = new Date().toISOString();
  const input = parseJsonBody(body, batchCreateSchema);
  for (const item of input.inputs) validateCreate(state, type, item);
  const created = input.inputs.map((item) => createRecord(state, type, item, now));
  state.persist();
  return ok({
    status: 'COMPLETE',
    results: created.map(({ record, writes }) => serializeRecord(state, type, record, { properties: [...defaultProperties(type), ...Object.keys(writes)] })),
    startedAt,
    completedAt: new Date().toISOString(),
  }, 201);
}

const batchUpdateSchema = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), properties: z.record(z.string(), propertyValueSchema) })).min(1).max(100),
});

/** `POST .../batch/update`: validated as a whole (HubSpot rejects the batch on a bad value). */
export function batchUpdateObjects(state: SandboxState, type: CrmObjectType, body: string, now: number): ApiResponse {
  const startedAt = new Date().toISOString();
  const input = parseJsonBody(body, batchUpdateSchema);
  const planned = input.inputs.map((item) => ({ record: requireRecord(state, type, item.id), writes: normalizePropertyWrites(state, type, item.properties) }));
  for (const { record, writes } of planned) applyWrites(state, type, record, writes, now);
  state.persist();
  return ok({
    status: 'COMPLETE',
    results: planned.map(({ record, writes }) => serializeRecord(state, type, record, { properties: [...defaultProperties(type), ...Object.keys(writes)] })),
    startedAt,
    completedAt: new Date().toISOString(),
  });
}

type CreateInput = z.infer<typeof createSchema>;

/** Checks a create without writing anything; returns the normalised writes and association targets. */
function validateCreate(state: SandboxState, type: CrmObjectType, input: CreateInput): { writes: Record<string, string>; links: Array<{ toType: CrmObjectType; toId: string; primary: boolean }> } {
  const writes = normalizePropertyWrites(state, type, input.properties);
  if (type === 'leads' && !writes.hs_lead_name) {
    throw badRequest('Property values were not valid: hs_lead_name is required for leads.', {
      errors: [{ message: 'hs_lead_name is required', code: 'REQUIRED_FIELD', context: { propertyName: ['hs_lead_name'] } }],
    });
  }
  if (type !== 'contacts' && type !== 'deals' && type !== 'leads' && !writes.hs_timestamp) {
    throw badRequest('Property values were not valid: hs_timestamp is required for activities.', {
      errors: [{ message: 'hs_timestamp is required', code: 'REQUIRED_FIELD', context: { propertyName: ['hs_timestamp'] } }],
    });
  }
  // Resolve associations before writing anything: an invalid one fails the whole create, like HubSpot.
  const links: Array<{ toType: CrmObjectType; toId: string; primary: boolean }> = [];
  for (const association of input.associations ?? []) {
    for (const spec of association.types) {
      const target = spec.associationCategory === 'HUBSPOT_DEFINED' ? associationTargetOf(type, spec.associationTypeId) : undefined;
      const toType = target?.to;
      if (!toType) {
        throw badRequest(`${spec.associationCategory} ${spec.associationTypeId} is not a valid association type from ${singularOf(type)}.`, {
          errors: [{ message: `invalid association type id ${spec.associationTypeId}`, code: 'INVALID_ASSOCIATION_TYPE' }],
        });
      }
      if (!state.record(toType, association.to.id)) {
        throw badRequest(`One or more associations are invalid: ${singularOf(toType)} ${association.to.id} does not exist.`, {
          errors: [{ message: `${singularOf(toType)} ${association.to.id} not found`, code: 'INVALID_OBJECT_IDS', context: { ids: [association.to.id] } }],
        });
      }
      // Two type ids for one pair (primary and unlabeled) are one association, primary if either says so.
      const same = links.find((link) => link.toType === toType && link.toId === association.to.id);
      if (same) same.primary ||= target.primary;
      else links.push({ toType, toId: association.to.id, primary: target.primary });
    }
  }
  // HubSpot: a lead "must be associated with an existing contact".
  if (type === 'leads' && !links.some((link) => link.toType === 'contacts')) {
    throw badRequest('A lead must be associated with an existing contact (association type 578, lead to primary contact).', {
      errors: [{ message: 'missing contact association', code: 'INVALID_ASSOCIATIONS' }],
    });
  }
  return { writes, links };
}

function createRecord(state: SandboxState, type: CrmObjectType, input: CreateInput, now: number): { record: CrmRecord; writes: Record<string, string> } {
  const { writes, links } = validateCreate(state, type, input);
  const id = state.allocateId();
  const record: CrmRecord = { id, createdAt: now, updatedAt: now, properties: {}, history: {} };
  const system: Record<string, string> = { hs_object_id: id, [createdProperty(type)]: toIso(now), [modifiedProperty(type)]: toIso(now) };
  for (const [name, value] of Object.entries(system)) {
    record.properties[name] = value;
    record.history[name] = [{ value, timestamp: now, ...API_WRITE_SOURCE }];
  }
  applyWrites(state, type, record, writes, now);
  state.addRecord(type, record);
  for (const link of links) state.addAssociation({ fromType: type, fromId: id, toType: link.toType, toId: link.toId, ...(link.primary ? { primary: true as const } : {}) });
  for (const link of links) noteLastContacted(state, type, id, link.toType, link.toId);
  return { record, writes };
}

/** `DELETE /crm/v3/objects/{type}/{id}`: archives (HubSpot keeps archived records ~90 days). */
export function archiveObject(state: SandboxState, type: CrmObjectType, id: string, now: number): ApiResponse {
  const record = state.record(type, id);
  if (record) {
    record.archivedAt = now;
    state.persist();
  } else if (!state.archivedRecord(type, id)) {
    throw notFound('Object not found.  objectId are usually numeric.', { id: [id] });
  }
  return { status: 204 };
}

// ---- search ----

const OPERATORS = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'] as const;
const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  highValue: z.union([z.string(), z.number()]).transform(String).optional(),
  values: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});
type Filter = z.infer<typeof filterSchema>;
const searchSchema = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterSchema).max(6) })).max(5).optional(),
  sorts: z.array(z.union([z.string(), z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() })])).optional(),
  query: z.string().optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).optional(),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
});

export function searchObjects(state: SandboxState, type: CrmObjectType, body: string): ApiResponse {
  const input = parseJsonBody(body, searchSchema);
  const limit = input.limit ?? 10;
  if (limit > 200) throw badRequest(`limit must be at most 200, got ${limit}.`);
  const groups = input.filterGroups ?? [];
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0);
  if (total > 18) throw badRequest(`Too many filters: ${total} (the maximum is 18).`);
  for (const group of groups) for (const filter of group.filters) checkFilter(state, type, filter);

  let matches = state.records(type).filter((record) =>
    (groups.length === 0 || groups.some((group) => group.filters.every((filter) => matchesFilter(state, type, record, filter)))) &&
    (!input.query || matchesQuery(type, record, input.query)),
  );
  const sorts = (input.sorts ?? []).map((sort) =>
    typeof sort === 'string'
      ? { propertyName: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'DESCENDING' : 'ASCENDING' }
      : { propertyName: sort.propertyName, direction: sort.direction ?? 'ASCENDING' },
  );
  matches = [...matches].sort((a, b) => {
    for (const sort of sorts) {
      const result = compareValues(state, type, sort.propertyName, a.properties[sort.propertyName], b.properties[sort.propertyName]);
      if (result !== 0) return sort.direction === 'DESCENDING' ? -result : result;
    }
    return compareIds(a.id, b.id);
  });
  const offset = decodeCursor(input.after ?? null);
  const page = matches.slice(offset, offset + limit);
  const response: Record<string, unknown> = {
    total: Math.min(matches.length, 10_000),
    results: page.map((record) => serializeRecord(state, type, record, { properties: input.properties })),
  };
  if (offset + limit < matches.length && offset + limit < 10_000) response.paging = { next: { after: String(offset + limit) } };
  return ok(response);
}

function checkFilter(state: SandboxState, type: CrmObjectType, filter: Filter): void {
  if (filter.propertyName.startsWith('associations.')) {
    if (!resolveObjectType(filter.propertyName.slice('associations.'.length))) throw badRequest(`Unknown association filter ${filter.propertyName}.`);
    return;
  }
  if (!state.property(type, filter.propertyName)) {
    throw badRequest(`There was a problem with the request: property ${filter.propertyName} does not exist on ${type}.`, {
      errors: [{ message: `Property ${filter.propertyName} does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [filter.propertyName] } }],
    });
  }
  const needsValue = !['HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'IN', 'NOT_IN'].includes(filter.operator);
  if (needsValue && filter.value === undefined) throw badRequest(`Filter on ${filter.propertyName} with operator ${filter.operator} needs a value.`);
  if ((filter.operator === 'IN' || filter.operator === 'NOT_IN') && !filter.values) throw badRequest(`Filter on ${filter.propertyName} with operator ${filter.operator} needs values.`);
  if (filter.operator === 'BETWEEN' && filter.highValue === undefined) throw badRequest(`BETWEEN on ${filter.propertyName} needs highValue.`);
}

function matchesFilter(state: SandboxState, type: CrmObjectType, record: CrmRecord, filter: Filter): boolean {
  if (filter.propertyName.startsWith('associations.')) {
    const toType = resolveObjectType(filter.propertyName.slice('associations.'.length)) as CrmObjectType;
    const ids = state.associatedIds(type, record.id, toType);
    const wanted = filter.values ?? (filter.value !== undefined ? [filter.value] : []);
    switch (filter.operator) {
      case 'EQ':
      case 'IN':
        return wanted.some((id) => ids.includes(id));
      case 'NEQ':
      case 'NOT_IN':
        return !wanted.some((id) => ids.includes(id));
      case 'HAS_PROPERTY':
        return ids.length > 0;
      case 'NOT_HAS_PROPERTY':
        return ids.length === 0;
      default:
        return false;
    }
  }
  const actual = record.properties[filter.propertyName];
  const has = actual !== undefined && actual !== '';
  const cmp = (other: string): number => compareValues(state, type, filter.propertyName, actual, other);
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && cmp(filter.value as string) === 0;
    case 'NEQ':
      return !has || cmp(filter.value as string) !== 0;
    case 'LT':
      return has && cmp(filter.value as string) < 0;
    case 'LTE':
      return has && cmp(filter.value as string) <= 0;
    case 'GT':
      return has && cmp(filter.value as string) > 0;
    case 'GTE':
      return has && cmp(filter.value as string) >= 0;
    case 'BETWEEN':
      return has && cmp(filter.value as string) >= 0 && cmp(filter.highValue as string) <= 0;
    case 'IN':
      return has && (filter.values ?? []).some((value) => cmp(value) === 0);
    case 'NOT_IN':
      return !has || !(filter.values ?? []).some((value) => cmp(value) === 0);
    case 'CONTAINS_TOKEN':
      return has && containsToken(actual, filter.value as string);
    case 'NOT_CONTAINS_TOKEN':
      return !has || !containsToken(actual, filter.value as string);
  }
}

/**
 * HubSpot tokenises text on non-word characters; `*` is a wildcard inside a token. A token that
 * itself holds separators (an email, a UUID) is matched as a phrase, so lookups by such ids work.
 */
function containsToken(text: string, token: string): boolean {
  const body = token.toLowerCase().split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\s]*');
  const whole = text.toLowerCase();
  if (/[^\p{L}\p{N}_*]/u.test(token)) return new RegExp(body, 'u').test(whole);
  const pattern = new RegExp(`^${body}$`, 'u');
  return whole.split(/[^\p{L}\p{N}_]+/u).some((part) => pattern.test(part));
}

function compareValues(state: SandboxState, type: CrmObjectType, name: string, a: string | undefined, b: string | undefined): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  const definition = state.property(type, name);
  if (definition?.type === 'number') return Number(a) - Number(b);
  if (definition?.type === 'datetime' || definition?.type === 'date') {
    const left = parseTimeValue(a);
    const right = parseTimeValue(b);
    if (left !== null && right !== null) return left - right;
  }
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

function matchesQuery(type: CrmObjectType, record: CrmRecord, query: string): boolean {
  const fields = type === 'contacts' ? ['firstname', 'lastname', 'email', 'company', 'phone'] : type === 'deals' ? ['dealname'] : Object.keys(record.properties);
  const needle = query.toLowerCase();
  return fields.some((field) => (record.properties[field] ?? '').toLowerCase().includes(needle));
}
