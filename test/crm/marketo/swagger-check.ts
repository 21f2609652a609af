import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/*
 * A small checker over a Swagger 2.0 description (Adobe's Marketo specs in ../shared/specs/marketo):
 * a request's path, method and query parameters (declared, required, typed), and an answer's body
 * against the response schema ($ref, object/required/properties, arrays, scalar types, enums).
 * Small on purpose (no dependency): Baton uses five operations. Two known quirks of the spec are
 * applied here, never in the spec file: parameters declared `collectionFormat: multi` that Marketo
 * documents as comma-separated are read as csv, and `type: object` without properties (Attribute's
 * `value`, a Java Object in the generator) accepts any value.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Parameter extends Omit<Schema, 'required'> {
  name: string;
  in: string;
  required?: boolean;
  collectionFormat?: string;
}
export interface Swagger {
  paths: Record<string, Record<string, { parameters?: Parameter[]; responses: Record<string, { schema?: Schema }> }>>;
  definitions: Record<string, Schema>;
}

const SPEC_DIR = resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared/specs/marketo');

/** The spec, or null where ../shared is absent (the contract tests then skip). */
export function loadSwagger(file: 'swagger-mapi.json' | 'swagger-identity.json'): Swagger | null {
  const path = resolve(SPEC_DIR, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Swagger) : null;
}

function scalarOk(schema: Schema, raw: string): boolean {
  if (schema.enum && !schema.enum.includes(raw)) return false;
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(raw);
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw));
    case 'boolean':
      return raw === 'true' || raw === 'false';
    case 'string':
      return schema.format === 'date-time' ? Number.isFinite(Date.parse(raw)) : true;
    default:
      return true;
  }
}

/** Problems with a request (empty: it is one the spec describes). */
export function checkRequest(spec: Swagger, method: string, url: URL): string[] {
  const op = spec.paths[url.pathname]?.[method.toLowerCase()];
  if (!op) return [`${method} ${url.pathname} is not in the spec`];
  const problems: string[] = [];
  const declared = (op.parameters ?? []).filter((p) => p.in === 'query');
  for (const name of new Set(url.searchParams.keys())) {
    if (!declared.some((p) => p.name === name)) problems.push(`query parameter "${name}" is not declared`);
  }
  for (const param of declared) {
    const values = url.searchParams.getAll(param.name);
    if (values.length === 0) {
      if (param.required) problems.push(`required query parameter "${param.name}" is missing`);
      continue;
    }
    const items = param.type === 'array' ? values.flatMap((v) => v.split(',')) : values;
    const itemSchema: Schema = param.type === 'array' ? (param.items ?? {}) : { type: param.type, format: param.format, enum: param.enum };
    for (const item of items) if (!scalarOk(itemSchema, item)) problems.push(`"${param.name}" value "${item}" is not a ${itemSchema.type}${itemSchema.format ? ` (${itemSchema.format})` : ''}`);
  }
  return problems;
}

function validate(spec: Swagger, schema: Schema, value: unknown, at: string, problems: string[]): void {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = spec.definitions[name];
    if (!target) return void problems.push(`${at}: unknown $ref ${schema.$ref}`);
    return validate(spec, target, value, at, problems);
  }
  if (value === null || value === undefined) return;
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case 'object':
    case undefined: {
      if (schema.type === 'object' && !schema.properties) return;
      if (typeof value !== 'object' || Array.isArray(value)) return void (schema.type && problems.push(`${at}: expected an object`));
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: required, missing`);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in record) validate(spec, sub, record[key], `${at}.${key}`, problems);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) return void problems.push(`${at}: expected an array`);
      value.forEach((item, i) => validate(spec, schema.items ?? {}, item, `${at}[${i}]`, problems));
      return;
    case 'string':
      if (typeof value !== 'string') problems.push(`${at}: expected a string`);
      else if (schema.format === 'date-time' && !Number.isFinite(Date.parse(value))) problems.push(`${at}: not a date-time`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${at}: expected an integer`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${at}: expected a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: expected a boolean`);
      return;
  }
}

/** Problems with an answer's body (empty: it matches the 200 response schema). */
export function checkResponse(spec: Swagger, method: string, path: string, body: unknown): string[] {
  const schema = spec.paths[path]?.[method.toLowerCase()]?.responses['200']?.schema;
  if (!schema) return [`${method} ${path} has no 200 response schema`];
  const problems: string[] = [];
  validate(spec, schema, body, '$', problems);
  return problems;
}
