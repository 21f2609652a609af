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
 * HubSpot's limit on a text property's value written through the CRM (its knowledge base, "Property
 * field types in HubSpot": single-line and multi-line text, "the character limit is 65,536
 * characters"; only form submissions are exempt). Counted in UTF-16 code units, as Java's
 * String.length() and JS's `.length` do: never laxer than a count of code points.
 */
export const MAX_STRING_VALUE_CHARS = 65_536;

/**
 * Validates and normalises written values the way HubSpot does; dates come back as ISO strings.
 * Throws one 400 listing every problem (HubSpot reports them all at once), in HubSpot's shape:
 * `{status:"error", message:"Property values were not valid: [{isValid,message,error,name,...}]",
 * correlationId, category:"VALIDATION_ERROR", errors:[{message, code, context:{propertyName:[name]}}]}`.
 *
 * What each refusal rests on (HubSpot's public docs unless said otherwise):
 * - PROPERTY_DOESNT_EXIST for an unknown name: the message and code as a real portal answers them
 *   (test/fixtures/hubspot/error-400-property-doesnt-exist.json).
 * - INVALID_OPTION for an enumeration value that is not one of the options, each part of a
 *   checkbox `a;b` value too: developer changelog "Increased validation for contact updates made
 *   through APIs" (2023; other objects already had it) and the deal-currency changelog's
 *   "Property values were not valid: [...\"error\":\"INVALID_OPTION\"...]".
 * - Numbers: the same 2023 changelog (no commas, at most one period); a value that is not a number
 *   at all is refused. Exponents and a leading "+" are not refused: no doc says HubSpot does.
 *   The code, INVALID_INTEGER, is not confirmed.
 * - INVALID_DATE: API timestamps are epoch milliseconds, and a date property "must be set to
 *   midnight UTC ... you will receive an error" otherwise (FAQ "How should timestamps be formatted
 *   for HubSpot's APIs"). ISO 8601 (YYYY-MM-DD for dates) is accepted as HubSpot documents for
 *   date values elsewhere (form submissions) and as the v3 object APIs accept in practice.
 * - Strings longer than MAX_STRING_VALUE_CHARS: the limit is documented (see above); the code
 *   HubSpot answers with is not, so `VALUE_TOO_LONG` is the sandbox's own label.
 * - READ_ONLY_VALUE and booleans: not confirmed from the docs for the v3 API; kept from the
 *   sandbox's first version (HubSpot's property definitions do mark read-only values).
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
      // Commas ("5,333") and a second period are refused (confirmed); so is anything non-numeric.
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return { error: 'INVALID_INTEGER', message: `${value} is not a valid number.` };
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
        // Worded like a portal's answer quoted in a public HubSpot client ("1579179660000 is at 13:1:0.0 UTC, not midnight!").
        if (ms % 86_400_000 !== 0) return { error: 'INVALID_DATE', message: `${value} is at ${new Date(ms).toISOString().slice(11, 23)} UTC, not midnight!` };
        return new Date(ms).toISOString().slice(0, 10);
      }
      return new Date(ms).toISOString();
    }
    case 'string':
      if (value.length > MAX_STRING_VALUE_CHARS) {
        return { error: 'VALUE_TOO_LONG', message: `${definition.name} is ${value.length} characters long; a text property value holds at most ${MAX_STRING_VALUE_CHARS}.` };
      }
      return value;
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
