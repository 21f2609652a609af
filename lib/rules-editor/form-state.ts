/**
 * The structured rules editor's form state and its conversion to and from the JSON value the
 * admin settings store. A form edits text: every number of the value is a string in the form
 * (so "1." or "" can be typed, and a non-number reaches the schema, which names the field), and
 * the rest is kept as it is. Which fields are numbers is listed per rule set below; a property
 * test checks that value → form → value is the identity for every valid value of each schema.
 * Pure: no browser APIs.
 */

export const RULES_EDITOR_KINDS = ['sql-definition', 'sla-policy', 'disposition-reasons'] as const;
export type RulesEditorKind = (typeof RULES_EDITOR_KINDS)[number];

export function isRulesEditorKind(kind: string): kind is RulesEditorKind {
  return (RULES_EDITOR_KINDS as readonly string[]).includes(kind);
}

/** A value as the form holds it: numbers become the text in their inputs. */
export type FormOf<T> = T extends number
  ? string
  : T extends readonly (infer U)[]
    ? FormOf<U>[]
    : T extends object
      ? { [K in keyof T]: FormOf<T[K]> }
      : T;

export type FieldPath = readonly (string | number)[];

/** How a number field's text becomes a number again. */
type NumberKind = 'number' | 'integer-or-text';

/**
 * The number fields of each rule set, as dotted paths where `*` is any list index.
 * `integer-or-text`: a definition version is either an integer or a text like "1.2.0".
 */
const NUMBER_FIELDS: Record<RulesEditorKind, Record<string, NumberKind>> = {
  'sql-definition': {
    version: 'integer-or-text',
    'changeLog.*.version': 'integer-or-text',
    'bant.budget.minimum.amount': 'number',
    'bant.timeline.withinDays': 'number',
    'fit.employees.min': 'number',
    'fit.employees.max': 'number',
    'engagement.signals.*.minCount': 'number',
    'engagement.signals.*.withinDays': 'number',
  },
  'sla-policy': {
    'calendar.hoursPerBusinessDay': 'number',
    'segments.*.minEmployees': 'number',
    'segments.*.maxEmployees': 'number',
    'tiers.*.target.amount': 'number',
    'tiers.*.atRiskShare': 'number',
    'tiers.*.escalations.*.after.share': 'number',
    'tiers.*.escalations.*.after.amount': 'number',
  },
  'disposition-reasons': {
    version: 'number',
    'changeLog.*.version': 'number',
  },
};

function patternOf(path: FieldPath): string {
  return path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
}

/** Whether the field at this path is a number field of the rule set (so the form shows a number input). */
export function isNumberField(kind: RulesEditorKind, path: FieldPath): boolean {
  return patternOf(path) in NUMBER_FIELDS[kind];
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number input's text as the value stores it: a number when it reads as one, nothing when
 * empty (the field is left out), and otherwise the text itself, which the schema then refuses
 * at that field ("must be a number").
 */
export function numberFromText(text: string, kind: NumberKind = 'number'): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'integer-or-text') return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
  if (!DECIMAL.test(t)) return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON value (already parsed) as form state: every number as its text. */
export function toFormState<T>(value: T): FormOf<T> {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as FormOf<T>;
}

/**
 * Form state back to the JSON value: number fields read as numbers (see numberFromText), fields
 * left empty or unset dropped, everything else as it is.
 */
export function fromFormState(kind: RulesEditorKind, form: unknown): unknown {
  const numbers = NUMBER_FIELDS[kind];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    const numberKind = numbers[patternOf(path)];
    if (numberKind && typeof v === 'string') return numberFromText(v, numberKind);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const converted = walk(x, [...path, k]);
        if (converted !== undefined) out[k] = converted;
      }
      return out;
    }
    return v;
  };
  return walk(form, []);
}

/** The value at a path, or undefined when any step is missing. */
export function getIn(value: unknown, path: FieldPath): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * A copy with the value at `path` replaced (objects and lists on the way are copied, missing ones
 * created). `undefined` removes an object's field.
 */
export function setIn<T>(value: T, path: FieldPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  const child = getIn(value, [key!]);
  const replaced = setIn(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, next);
  if (typeof key === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[key] = replaced;
    return list as T;
  }
  const obj: Record<string, unknown> = isPlainObject(value) ? { ...value } : {};
  if (replaced === undefined) delete obj[key!];
  else obj[key!] = replaced;
  return obj as T;
}

/** The dotted form of a path, as field errors name them ("tiers.0.target.amount"). */
export function pathKey(path: FieldPath): string {
  return path.length ? path.map(String).join('.') : '(root)';
}
