import { z } from 'zod';
import { applyWrites, propertyValueSchema } from './apply-writes';
import { decodeCursor, intParam, listParam, notFound, ok, parseJsonBody } from './http-kit';
import type { ApiResponse } from './http-kit';
import { defaultProperties } from './object-system-properties';
import { normalizePropertyWrites } from './property-values';
import { sortById } from './record-id-order';
import { requireRecord } from './require-record';
import type { CrmObjectType } from './sandbox-data';
import { singularOf } from './sandbox-state';
import type { SandboxState } from './sandbox-state';
import { serializeRecord } from './serialize-record';
import type { SerializeOptions } from './serialize-record';

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

const updateSchema = z.object({ properties: z.record(z.string(), propertyValueSchema) });

export function updateObject(state: SandboxState, type: CrmObjectType, id: string, params: URLSearchParams, body: string, now: number): ApiResponse {
  const input = parseJsonBody(body, updateSchema);
  const record = requireRecord(state, type, id, params.get('idProperty'));
  const writes = normalizePropertyWrites(state, type, input.properties);
  if (applyWrites(state, type, record, writes, now) > 0) state.persist();
  return ok(serializeRecord(state, type, record, { properties: [...defaultProperties(type), ...Object.keys(writes)] }));
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
