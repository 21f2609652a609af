import type { SfField, SfObjectSchema } from './salesforce-object-schema';
import { findField, findObject, findRelationship } from './salesforce-object-schema';
import type { SfRecord, SfValue } from './salesforce-org-data';
import { parseSfDateTime } from './salesforce-org-data';
import type { SalesforceOrgStore } from './salesforce-org-store';
import { toId18 } from './salesforce-ids';
import type { SoqlCondition, SoqlFieldRef, SoqlLiteral, SoqlQuery } from './soql-parser';
import { parseSoql, soqlPositionError } from './soql-parser';
import { findChildRelationship } from './child-relationships';

const DAY = 24 * 60 * 60 * 1000;

/** A checked field path: a field of the object, or a relationship and a field of the related object(s). */
interface ResolvedPath {
  /** Canonical names, e.g. ['Owner', 'Name']. */
  names: string[];
  field: SfField;
  relationship?: SfField;
}

export interface SoqlResult {
  objectName: string;
  totalSize: number;
  records: Array<Record<string, unknown>>;
}

function unknownColumn(query: SoqlQuery, ref: SoqlFieldRef, objectName: string): never {
  throw soqlPositionError(
    'INVALID_FIELD',
    query.text,
    ref.at,
    `No such column '${ref.path.join('.')}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function resolvePath(query: SoqlQuery, object: SfObjectSchema, ref: SoqlFieldRef): ResolvedPath {
  const path = ref.path[0]?.toLowerCase() === object.name.toLowerCase() && ref.path.length > 1 ? ref.path.slice(1) : ref.path;
  if (path.length === 1) {
    const field = findField(object, path[0]!);
    if (!field) unknownColumn(query, ref, object.name);
    return { names: [field.name], field };
  }
  if (path.length === 2) {
    const relationship = findRelationship(object, path[0]!);
    if (!relationship) {
      throw soqlPositionError(
        'INVALID_FIELD',
        query.text,
        ref.at,
        `Didn't understand relationship '${path[0]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    // Polymorphic relationships (Who) allow the fields their targets share.
    const targets = (relationship.referenceTo ?? []).map((name) => findObject(name)).filter((o): o is SfObjectSchema => !!o);
    const fields = targets.map((target) => findField(target, path[1]!));
    const field = fields.every((f) => f) ? fields[0] : undefined;
    if (!field) unknownColumn(query, ref, targets.length > 1 ? 'Name' : (targets[0]?.name ?? object.name));
    return { names: [relationship.relationshipName!, field.name], field, relationship };
  }
  return unknownColumn(query, ref, object.name);
}

function valueAt(store: SalesforceOrgStore, record: SfRecord, path: ResolvedPath): SfValue {
  return valueAtOrUndefined(store, record, path) ?? null;
}

function valueAtOrUndefined(store: SalesforceOrgStore, record: SfRecord, path: ResolvedPath): SfValue | undefined {
  if (!path.relationship) return record[path.field.name] ?? null;
  const target = related(store, record, path.relationship);
  return target ? (target.record[path.field.name] ?? null) : null;
}

function related(store: SalesforceOrgStore, record: SfRecord, relationship: SfField): { objectName: string; record: SfRecord } | undefined {
  const id = record[relationship.name];
  return typeof id === 'string' ? store.find(id) : undefined;
}

function startOfUtcDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** A relative date literal as a [start, end) range in ms (UTC days: the sandbox org's time zone). */
function relativeRange(literal: Extract<SoqlLiteral, { type: 'relativeDate' }>, now: number): [number, number] {
  const today = startOfUtcDay(now);
  switch (literal.name) {
    case 'TODAY':
      return [today, today + DAY];
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'LAST_N_DAYS':
      return [today - literal.n * DAY, today + DAY];
    case 'NEXT_N_DAYS':
      return [today + DAY, today + (literal.n + 1) * DAY];
    default: // N_DAYS_AGO
      return [today - literal.n * DAY, today - (literal.n - 1) * DAY];
  }
}

/** A comparable form of a field value: numbers for numbers, dates and date-times; lower-case text otherwise. */
function comparable(field: SfField, value: SfValue): number | string | boolean | null {
  if (value === null) return null;
  if (field.type === 'datetime') return typeof value === 'string' ? parseSfDateTime(value) : null;
  if (field.type === 'date') return typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : null;
  if (field.type === 'id' || field.type === 'reference') return typeof value === 'string' ? (toId18(value) ?? value) : null;
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

function literalValue(query: SoqlQuery, ref: SoqlFieldRef, field: SfField, literal: SoqlLiteral): number | string | boolean | null {
  const typeError = (expected: string): never => {
    throw soqlPositionError(
      'INVALID_FIELD',
      query.text,
      ref.at,
      `value of filter criterion for field '${field.name}' must be of type ${expected} and should not be enclosed in quotes`,
    );
  };
  if (literal.type === 'null') return null;
  if (field.type === 'datetime') {
    if (literal.type !== 'datetime') return typeError('dateTime');
    return literal.value;
  }
  if (field.type === 'date') {
    if (literal.type !== 'date') return typeError('date');
    return Date.parse(`${literal.value}T00:00:00Z`);
  }
  if (field.type === 'boolean') {
    if (literal.type !== 'boolean') return typeError('boolean');
    return literal.value;
  }
  if (field.type === 'int' || field.type === 'double' || field.type === 'currency') {
    if (literal.type !== 'number') return typeError('double');
    return literal.value;
  }
  if (literal.type === 'string') {
    if (field.type === 'id' || field.type === 'reference') return toId18(literal.value) ?? literal.value;
    return literal.value.toLowerCase();
  }
  if (field.type === 'anyType') return literal.type === 'number' || literal.type === 'boolean' ? literal.value : null;
  throw soqlPositionError('INVALID_FIELD', query.text, ref.at, `value of filter criterion for field '${field.name}' must be of type string and should be enclosed in quotes`);
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && (pattern.charAt(i + 1) === '%' || pattern.charAt(i + 1) === '_')) {
      source += pattern.charAt(++i);
      continue;
    }
    source += ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

type Predicate = (record: SfRecord) => boolean;

function compile(store: SalesforceOrgStore, query: SoqlQuery, object: SfObjectSchema, condition: SoqlCondition, now: number): Predicate {
  switch (condition.kind) {
    case 'and': {
      const items = condition.items.map((item) => compile(store, query, object, item, now));
      return (record) => items.every((item) => item(record));
    }
    case 'or': {
      const items = condition.items.map((item) => compile(store, query, object, item, now));
      return (record) => items.some((item) => item(record));
    }
    case 'not': {
      const item = compile(store, query, object, condition.item, now);
      return (record) => !item(record);
    }
    case 'in': {
      const path = resolvePath(query, object, condition.field);
      const values = condition.values.map((literal) => literalValue(query, condition.field, path.field, literal));
      return (record) => {
        const value = comparable(path.field, valueAt(store, record, path));
        const found = values.some((candidate) => candidate === value);
        return condition.negated ? !found && value !== null : found;
      };
    }
    case 'compare': {
      const path = resolvePath(query, object, condition.field);
      const { op, value: literal } = condition;
      if (op === 'LIKE') {
        const re = likeToRegExp((literal as { value: string }).value);
        return (record) => {
          const value = valueAt(store, record, path);
          return typeof value === 'string' && re.test(value);
        };
      }
      if (literal.type === 'relativeDate') {
        if (path.field.type !== 'date' && path.field.type !== 'datetime') {
          throw soqlPositionError('INVALID_FIELD', query.text, condition.field.at, `value of filter criterion for field '${path.field.name}' must be of type string and should be enclosed in quotes`);
        }
        const [start, end] = relativeRange(literal, now);
        return (record) => {
          const value = comparable(path.field, valueAt(store, record, path));
          if (typeof value !== 'number' || Number.isNaN(value)) return false;
          switch (op) {
            case '=':
              return value >= start && value < end;
            case '!=':
              return value < start || value >= end;
            case '<':
              return value < start;
            case '<=':
              return value < end;
            case '>':
              return value >= end;
            default:
              return value >= start;
          }
        };
      }
      const expected = literalValue(query, condition.field, path.field, literal);
      return (record) => {
        const value = comparable(path.field, valueAt(store, record, path));
        if (op === '=') return value === expected;
        if (op === '!=') return value !== expected;
        if (value === null || expected === null) return false;
        if (op === '<') return value < expected;
        if (op === '<=') return value <= expected;
        if (op === '>') return value > expected;
        return value >= expected;
      };
    }
  }
}

function recordUrl(version: string, objectName: string, id: SfValue | undefined): string {
  return `/services/data/${version}/sobjects/${objectName}/${String(id)}`;
}

/** Runs a SOQL query against the org. Errors are Salesforce's (MALFORMED_QUERY, INVALID_TYPE, INVALID_FIELD). */
export function runSoql(store: SalesforceOrgStore, text: string, version: string, now: number): SoqlResult {
  const query = parseSoql(text);
  const object = store.object(query.from.name);
  if (!object) {
    throw soqlPositionError(
      'INVALID_TYPE',
      text,
      query.from.at,
      `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  // Parent-to-child subqueries: each names a child relationship of the object, checked before any row is read.
  const children = query.subqueries.map((sub) => {
    const relationship = findChildRelationship(object.name, sub.from.name);
    const child = relationship ? store.object(relationship.childSObject) : undefined;
    if (!relationship || !child) {
      throw soqlPositionError(
        'INVALID_TYPE',
        text,
        sub.from.at,
        `Didn't understand relationship '${sub.from.name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return { relationship, run: prepare(store, sub, child, now), selected: sub.fields.map((ref) => resolvePath(sub, child, ref)) };
  });
  const selected = query.fields.map((ref) => resolvePath(query, object, ref));
  const rows = prepare(store, query, object, now)();
  if (query.countOnly) return { objectName: object.name, totalSize: rows.length, records: [] };
  const records = rows.map((record) => {
    const out = toRow(store, version, object.name, selected, record);
    for (const { relationship, run, selected: childSelected } of children) {
      const parentId = typeof record.Id === 'string' ? (toId18(record.Id) ?? record.Id) : null;
      const childRows = run((row) => {
        const ref = row[relationship.field];
        return typeof ref === 'string' && (toId18(ref) ?? ref) === parentId;
      });
      // Salesforce answers an empty child relationship with null, and a filled one as a query result.
      out[relationship.relationshipName] = childRows.length
        ? { totalSize: childRows.length, done: true, records: childRows.map((row) => toRow(store, version, relationship.childSObject, childSelected, row)) }
        : null;
    }
    return out;
  });
  return { objectName: object.name, totalSize: records.length, records };
}

/** Checks a query's fields, filter and order against the object, and returns a runner (with an optional extra filter). */
function prepare(store: SalesforceOrgStore, query: SoqlQuery, object: SfObjectSchema, now: number): (extra?: Predicate) => SfRecord[] {
  const predicate = query.where ? compile(store, query, object, query.where, now) : () => true;
  const order = query.orderBy.map((item) => ({ ...item, path: resolvePath(query, object, item.field) }));
  return (extra = () => true) => {
    let rows = store.list(object.name).filter((record) => record.IsDeleted !== true && extra(record) && predicate(record));
    if (order.length) {
      rows = [...rows].sort((a, b) => {
        for (const item of order) {
          const x = comparable(item.path.field, valueAt(store, a, item.path));
          const y = comparable(item.path.field, valueAt(store, b, item.path));
          if (x === y) continue;
          if (x === null) return item.nullsLast ? 1 : -1;
          if (y === null) return item.nullsLast ? -1 : 1;
          const cmp = x < y ? -1 : 1;
          return item.descending ? -cmp : cmp;
        }
        return 0;
      });
    }
    const offset = query.offset ?? 0;
    return rows.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
  };
}

/** One record as the query API returns it: its attributes, the selected fields, and related records' fields nested. */
function toRow(store: SalesforceOrgStore, version: string, objectName: string, selected: readonly ResolvedPath[], record: SfRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: objectName, url: recordUrl(version, objectName, record.Id) } };
  for (const path of selected) {
    if (!path.relationship) {
      out[path.field.name] = record[path.field.name] ?? null;
      continue;
    }
    const name = path.relationship.relationshipName!;
    const target = related(store, record, path.relationship);
    if (!target) {
      out[name] = null;
      continue;
    }
    const nested = (out[name] as Record<string, unknown> | null | undefined) ?? {
      attributes: { type: target.objectName, url: recordUrl(version, target.objectName, target.record.Id) },
    };
    nested[path.field.name] = target.record[path.field.name] ?? null;
    out[name] = nested;
  }
  return out;
}
