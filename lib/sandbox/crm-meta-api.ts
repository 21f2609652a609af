import { z } from 'zod';
import { ApiError, badRequest, decodeCursor, intParam, notFound, ok, parseJsonBody, toIso } from './http-kit';
import type { ApiResponse } from './http-kit';
import { noteLastContacted } from './last-contacted';
import { PROPERTY_TYPES } from './sandbox-data';
import type { CrmObjectType, OwnerRecord, PropertyDefinition, PropertyGroup } from './sandbox-data';
import { associationTypesFor, defaultAssociationTypeId, resolveObjectType } from './sandbox-state';
import type { SandboxState } from './sandbox-state';

// ---- owners ----

function serializeOwner(owner: OwnerRecord): Record<string, unknown> {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: toIso(owner.createdAt),
    updatedAt: toIso(owner.updatedAt),
    archived: false,
    teams: owner.teams,
  };
}

export function listOwners(state: SandboxState, params: URLSearchParams, baseUrl: string): ApiResponse {
  const limit = intParam(params, 'limit', 100, { max: 500 });
  const offset = decodeCursor(params.get('after'));
  const email = params.get('email')?.toLowerCase();
  const all = params.get('archived') === 'true' ? [] : state.data.owners.filter((owner) => !email || owner.email.toLowerCase() === email);
  const page = all.slice(offset, offset + limit);
  const body: Record<string, unknown> = { results: page.map(serializeOwner) };
  if (offset + limit < all.length) {
    const after = String(offset + limit);
    body.paging = { next: { after, link: `${baseUrl}/crm/v3/owners/?after=${after}&limit=${limit}` } };
  }
  return ok(body);
}

export function getOwner(state: SandboxState, id: string, params: URLSearchParams): ApiResponse {
  const byUserId = params.get('idProperty') === 'userId';
  const owner = state.data.owners.find((candidate) => (byUserId ? String(candidate.userId) : candidate.id) === id);
  if (!owner || params.get('archived') === 'true') throw notFound(`No owner found with id ${id}.`, { id: [id] });
  return ok(serializeOwner(owner));
}

// ---- properties ----

export function serializeProperty(property: PropertyDefinition): Record<string, unknown> {
  return {
    updatedAt: toIso(property.updatedAt),
    createdAt: toIso(property.createdAt),
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description,
    groupName: property.groupName,
    options: property.options,
    displayOrder: property.displayOrder,
    calculated: false,
    externalOptions: property.referencedObjectType === 'OWNER',
    hasUniqueValue: false,
    hidden: property.hidden,
    ...(property.hubspotDefined ? { hubspotDefined: true } : {}),
    ...(property.referencedObjectType ? { referencedObjectType: property.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue,
    },
    formField: property.formField,
    dataSensitivity: 'non_sensitive',
  };
}

export function listProperties(state: SandboxState, type: CrmObjectType, params: URLSearchParams): ApiResponse {
  const all = params.get('archived') === 'true' ? [] : state.properties(type);
  return ok({ results: all.map(serializeProperty) });
}

export function getProperty(state: SandboxState, type: CrmObjectType, name: string): ApiResponse {
  const property = state.property(type, name);
  if (!property) throw notFound(`Unable to find property ${name}`, { name: [name] });
  return ok(serializeProperty(property));
}

const optionInputSchema = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});

const propertyCreateSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'property names are lowercase letters, digits and underscores, starting with a letter').max(100),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(['textarea', 'text', 'date', 'file', 'number', 'select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation', 'phonenumber', 'html']),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionInputSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  calculationFormula: z.string().optional(),
});

function toOptions(options: z.infer<typeof optionInputSchema>[] | undefined): PropertyDefinition['options'] {
  return (options ?? []).map((option, index) => ({
    label: option.label,
    value: option.value,
    displayOrder: option.displayOrder ?? index,
    hidden: option.hidden ?? false,
    ...(option.description !== undefined ? { description: option.description } : {}),
  }));
}

export function createProperty(state: SandboxState, type: CrmObjectType, body: string, now: number): ApiResponse {
  const input = parseJsonBody(body, propertyCreateSchema);
  if (state.property(type, input.name)) {
    throw new ApiError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`, {
      subCategory: 'Properties.OBJECT_ALREADY_EXISTS',
      context: { name: [input.name] },
    });
  }
  if (!state.data.groups[type]?.some((group) => group.name === input.groupName)) {
    throw badRequest(`Property group '${input.groupName}' does not exist.`, { errors: [{ message: `group ${input.groupName} not found`, code: 'INVALID_PROPERTY_GROUP' }] });
  }
  if (input.type === 'enumeration' && (input.options ?? []).length === 0 && input.fieldType !== 'booleancheckbox') {
    throw badRequest(`Enumeration property '${input.name}' needs options.`);
  }
  const property: PropertyDefinition = {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? '',
    options: toOptions(input.options),
    displayOrder: input.displayOrder ?? -1,
    formField: input.formField ?? false,
    hidden: input.hidden ?? false,
    hubspotDefined: false,
    readOnlyValue: false,
    ...(input.referencedObjectType ? { referencedObjectType: input.referencedObjectType } : {}),
    createdAt: now,
    updatedAt: now,
  };
  state.properties(type).push(property);
  state.persist();
  return ok(serializeProperty(property), 201);
}

const propertyUpdateSchema = propertyCreateSchema.omit({ name: true }).partial();

export function updateProperty(state: SandboxState, type: CrmObjectType, name: string, body: string, now: number): ApiResponse {
  const input = parseJsonBody(body, propertyUpdateSchema);
  const property = state.property(type, name);
  if (!property) throw notFound(`Unable to find property ${name}`, { name: [name] });
  if (property.hubspotDefined && (input.type || input.fieldType || input.groupName)) {
    throw badRequest(`${name} is a HubSpot-defined property; only its label, description, options and display settings can change.`);
  }
  if (input.groupName && !state.data.groups[type]?.some((group) => group.name === input.groupName)) throw badRequest(`Property group '${input.groupName}' does not exist.`);
  Object.assign(property, {
    ...(input.label !== undefined ? { label: input.label } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.fieldType !== undefined ? { fieldType: input.fieldType } : {}),
    ...(input.groupName !== undefined ? { groupName: input.groupName } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.options !== undefined ? { options: toOptions(input.options) } : {}),
    ...(input.displayOrder !== undefined ? { displayOrder: input.displayOrder } : {}),
    ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
    ...(input.formField !== undefined ? { formField: input.formField } : {}),
    updatedAt: now,
  });
  state.persist();
  return ok(serializeProperty(property));
}

function serializeGroup(group: PropertyGroup): Record<string, unknown> {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: false };
}

export function listGroups(state: SandboxState, type: CrmObjectType): ApiResponse {
  return ok({ results: (state.data.groups[type] ?? []).map(serializeGroup) });
}

export function getGroup(state: SandboxState, type: CrmObjectType, name: string): ApiResponse {
  const group = state.data.groups[type]?.find((candidate) => candidate.name === name);
  if (!group) throw notFound(`Unable to find property group ${name}`, { name: [name] });
  return ok(serializeGroup(group));
}

const groupCreateSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'group names are lowercase letters, digits and underscores').max(100),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

export function createGroup(state: SandboxState, type: CrmObjectType, body: string): ApiResponse {
  const input = parseJsonBody(body, groupCreateSchema);
  const groups = (state.data.groups[type] ??= []);
  if (groups.some((group) => group.name === input.name)) {
    throw new ApiError(409, 'OBJECT_ALREADY_EXISTS', `Property group named '${input.name}' already exists.`, {
      subCategory: 'PropertyGroups.OBJECT_ALREADY_EXISTS',
      context: { name: [input.name] },
    });
  }
  const group: PropertyGroup = { name: input.name, label: input.label, displayOrder: input.displayOrder ?? -1 };
  groups.push(group);
  state.persist();
  return ok(serializeGroup(group), 201);
}

// ---- associations v4 ----

function requireType(segment: string): CrmObjectType {
  const type = resolveObjectType(segment);
  if (!type) throw badRequest(`Unable to infer object type from: ${segment}`);
  return type;
}

export function listAssociations(state: SandboxState, fromSegment: string, id: string, toSegment: string, params: URLSearchParams, baseUrl: string): ApiResponse {
  const fromType = requireType(fromSegment);
  const toType = requireType(toSegment);
  if (!state.record(fromType, id)) throw notFound('Object not found.  objectId are usually numeric.', { id: [id] });
  const limit = intParam(params, 'limit', 500, { max: 500 });
  const offset = decodeCursor(params.get('after'));
  const ids = state.associatedIds(fromType, id, toType);
  const page = ids.slice(offset, offset + limit);
  const body: Record<string, unknown> = {
    results: page.map((toId) => ({
      // HubSpot's v4 responses carry numeric object ids here.
      toObjectId: Number(toId),
      associationTypes: associationTypesFor(fromType, toType, state.isPrimaryAssociation(fromType, id, toType, toId)),
    })),
  };
  if (offset + limit < ids.length) {
    const after = String(offset + limit);
    body.paging = { next: { after, link: `${baseUrl}/crm/v4/objects/${fromSegment}/${id}/associations/${toSegment}?after=${after}&limit=${limit}` } };
  }
  return ok(body);
}

const batchAssociationsSchema = z.object({ inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })).max(1000) });

/**
 * `POST /crm/v4/associations/{from}/{to}/batch/read`: the associations of up to 1,000 objects in
 * one request. Ids that do not exist (or have none) are left out of `results`, as HubSpot does
 * (it reports them as errors on a 207; the sandbox keeps it to the results).
 */
export function batchReadAssociations(state: SandboxState, fromSegment: string, toSegment: string, body: string): ApiResponse {
  const startedAt = new Date().toISOString();
  const fromType = requireType(fromSegment);
  const toType = requireType(toSegment);
  const input = parseJsonBody(body, batchAssociationsSchema);
  const results = [];
  for (const { id } of input.inputs) {
    if (!state.record(fromType, id)) continue;
    const ids = state.associatedIds(fromType, id, toType);
    if (ids.length === 0) continue;
    results.push({
      from: { id },
      to: ids.map((toId) => ({ toObjectId: Number(toId), associationTypes: associationTypesFor(fromType, toType, state.isPrimaryAssociation(fromType, id, toType, toId)) })),
    });
  }
  return ok({ status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() });
}

export function createDefaultAssociation(state: SandboxState, fromSegment: string, fromId: string, toSegment: string, toId: string): ApiResponse {
  const startedAt = new Date().toISOString();
  const fromType = requireType(fromSegment);
  const toType = requireType(toSegment);
  const forward = defaultAssociationTypeId(fromType, toType);
  const backward = defaultAssociationTypeId(toType, fromType);
  if (forward === undefined || backward === undefined) throw badRequest(`No default association exists between ${fromType} and ${toType}.`);
  for (const [type, id] of [[fromType, fromId], [toType, toId]] as const) {
    if (!state.record(type, id)) throw notFound(`${type} ${id} was not found.`, { id: [id] });
  }
  if (state.addAssociation({ fromType, fromId, toType, toId })) {
    noteLastContacted(state, fromType, fromId, toType, toId);
    state.persist();
  }
  return ok({
    status: 'COMPLETE',
    results: [
      { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: forward } },
      { from: { id: toId }, to: { id: fromId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: backward } },
    ],
    startedAt,
    completedAt: new Date().toISOString(),
  });
}

/** `DELETE /crm/v4/objects/{from}/{id}/associations/{to}/{toId}`: removes every association between the pair. */
export function archiveAssociation(state: SandboxState, fromSegment: string, fromId: string, toSegment: string, toId: string): ApiResponse {
  const fromType = requireType(fromSegment);
  const toType = requireType(toSegment);
  if (state.removeAssociation(fromType, fromId, toType, toId)) state.persist();
  return { status: 204 };
}

// ---- account ----

export function getAccountDetails(state: SandboxState, host: string): ApiResponse {
  return ok({
    portalId: Number(state.portalId),
    accountType: 'SANDBOX',
    timeZone: 'US/Eastern',
    companyCurrency: 'USD',
    additionalCurrencies: [],
    utcOffset: '-05:00',
    utcOffsetMilliseconds: -18_000_000,
    // The sandbox serves its own record pages, so its "UI domain" is itself.
    uiDomain: host,
    dataHostingLocation: 'na1',
  });
}

export function getAccessTokenInfo(state: SandboxState, body: string): ApiResponse {
  const input = parseJsonBody(body, z.object({ tokenKey: z.string().min(1) }));
  if (input.tokenKey === 'expired') throw new ApiError(401, 'EXPIRED_AUTHENTICATION', 'The access token is expired.');
  return ok({
    userId: state.data.owners[0]?.userId ?? 0,
    hubId: Number(state.portalId),
    appId: 1901234,
    scopes: [
      'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read', 'crm.objects.leads.read', 'crm.objects.leads.write', 'crm.objects.owners.read',
      'crm.schemas.contacts.read', 'crm.schemas.contacts.write', 'content', 'analytics.behavioral_events.send',
      'behavioral_events.event_definitions.read_write', 'web-analytics-api-access', 'sales-email-read', 'timeline',
    ],
  });
}
