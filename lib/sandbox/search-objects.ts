import { z } from 'zod';
import { badRequest, decodeCursor, ok, parseJsonBody } from './http-kit';
import type { ApiResponse } from './http-kit';
import { parseTimeValue } from './property-values';
import { compareIds } from './record-id-order';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import { resolveObjectType } from './sandbox-state';
import type { SandboxState } from './sandbox-state';
import { serializeRecord } from './serialize-record';

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
