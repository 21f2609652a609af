import { z } from 'zod';
import { API_WRITE_SOURCE, applyWrites, propertyValueSchema } from './apply-writes';
import { badRequest, ok, parseJsonBody, toIso } from './http-kit';
import type { ApiResponse } from './http-kit';
import { noteLastContacted } from './last-contacted';
import { createdProperty, defaultProperties, modifiedProperty } from './object-system-properties';
import { normalizePropertyWrites } from './property-values';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import { associationTargetOf, singularOf } from './sandbox-state';
import type { SandboxState } from './sandbox-state';
import { serializeRecord } from './serialize-record';

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
