import { ApiError } from './http-kit';
import type { CrmObjectType, PropertyDefinition } from './sandbox-data';
import type { SandboxState } from './sandbox-state';

/** One invalid property in a write, in the shape HubSpot lists them in its error message. */
interface PropertyProblem {
  isValid: false;
  message: string;
  error: string;
  name: string;
  localizedErrorMessage: string;
}

/**
 * Validates and normalises written values the way HubSpot does: unknown names, read-only values,
 * enumeration options, numbers, booleans and dates are checked; dates come back as ISO strings.
 * Throws one 400 listing every problem (HubSpot reports them all at once).
 */
export function normalizePropertyWrites(
  state: SandboxState,
  type: CrmObjectType,
  input: Record<string, string | number | boolean | null>,
): Record<string, string> {
  const problems: PropertyProblem[] = [];
  const out: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(input)) {
    const definition = state.property(type, name);
    const problem = (error: string, message: string): void => {
      problems.push({ isValid: false, message, error, name, localizedErrorMessage: message });
    };
    if (!definition) {
      problem('PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
      continue;
    }
    if (definition.readOnlyValue) {
      problem('READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`);
      continue;
    }
    const value = rawValue === null ? '' : String(rawValue);
    if (value === '') {
      // Sending "" clears a property in HubSpot.
      out[name] = '';
      continue;
    }
    const normalized = normalizeValue(definition, value);
    if (typeof normalized === 'string') out[name] = normalized;
    else problem(normalized.error, normalized.message);
  }
  if (problems.length > 0) {
    throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(problems)}`, {
      errors: problems.map((problem) => ({ message: problem.message, code: problem.error, context: { propertyName: [problem.name] } })),
    });
  }
  return out;
}

function normalizeValue(definition: PropertyDefinition, value: string): string | { error: string; message: string } {
  switch (definition.type) {
    case 'enumeration': {
      const allowed = definition.options.map((option) => option.value);
      // Owner properties reference owners; multi-select checkboxes take `a;b`.
      const parts = definition.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = parts.find((part) => !allowed.includes(part));
      if (bad !== undefined) {
        return {
          error: 'INVALID_OPTION',
          message: `${bad} was not one of the allowed options: [${definition.options.map((option) => `label: "${option.label}"\nvalue: "${option.value}"`).join(', ')}]`,
        };
      }
      return value;
    }
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return { error: 'INVALID_INTEGER', message: `${value} is not a valid number.` };
      return value.trim();
    case 'bool': {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false') return { error: 'INVALID_BOOLEAN', message: `${value} is not a valid boolean (true or false).` };
      return lower;
    }
    case 'datetime':
    case 'date': {
      const ms = parseTimeValue(value);
      if (ms === null) return { error: 'INVALID_DATE', message: `${value} is not a valid ${definition.type === 'date' ? 'date' : 'datetime'} (epoch milliseconds or ISO 8601).` };
      if (definition.type === 'date') {
        if (ms % 86_400_000 !== 0) return { error: 'INVALID_DATE', message: `${value} is not at midnight UTC; date properties hold whole days.` };
        return new Date(ms).toISOString().slice(0, 10);
      }
      return new Date(ms).toISOString();
    }
    default:
      return value;
  }
}

/** Epoch ms from an epoch-ms string, an ISO datetime or a YYYY-MM-DD date. */
export function parseTimeValue(value: string): number | null {
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
