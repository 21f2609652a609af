import { z } from 'zod';
import { CrmError } from '../crm-error';

/*
 * Salesforce's REST errors as Baton's CrmError kinds. The body is a JSON array
 * `[{message, errorCode, fields}]`; Baton keeps the code, message and fields in words, so an admin
 * reading an outbox entry or a notice knows which field or rule refused the write.
 */

const salesforceErrorBodySchema = z.array(
  z.looseObject({ errorCode: z.string().optional(), message: z.string().optional(), fields: z.array(z.string()).optional() }),
);
export type SalesforceErrorEntry = z.infer<typeof salesforceErrorBodySchema>[number];

/** The error entries of a body; [] when it is not Salesforce's error array (an HTML page from a proxy). */
export function parseSalesforceErrors(text: string): SalesforceErrorEntry[] {
  try {
    const parsed = salesforceErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** "FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required (fields: Phone); …" */
export function describeSalesforceErrors(errors: readonly SalesforceErrorEntry[]): string | null {
  const parts = errors.map((e) => {
    const fields = e.fields?.length ? ` (fields: ${e.fields.join(', ')})` : '';
    return `${e.errorCode ? `${e.errorCode}: ` : ''}${e.message?.trim() || 'no message'}${fields}`;
  });
  return parts.length ? parts.join('; ') : null;
}

export function hasErrorCode(errors: readonly SalesforceErrorEntry[], code: string): boolean {
  return errors.some((e) => e.errorCode === code);
}

/** How long a write parks after `REQUEST_LIMIT_EXCEEDED` before Baton looks for headroom again. */
export const REQUEST_LIMIT_RETRY_MS = 60 * 60 * 1000;

/** An error answer (status outside 2xx) as the CrmError the port promises. `what` names the request. */
export function salesforceResponseError(status: number, text: string, what: string): CrmError {
  const errors = parseSalesforceErrors(text);
  const said = describeSalesforceErrors(errors);
  const details = { status };
  if (status === 401) {
    return new CrmError('auth', "Salesforce no longer accepts Baton's sign-in: reconnect Salesforce in Baton's options.", details);
  }
  if (status === 403 && hasErrorCode(errors, 'REQUEST_LIMIT_EXCEEDED')) {
    // The allowance is a rolling 24 hours: requests made a day ago free up all the time, so Baton
    // parks and looks again in an hour (one request), not at some midnight the org does not keep.
    return new CrmError('rate_limited', `The Salesforce org has used its 24-hour API request allowance (${said}). Baton will try again once requests free up.`, { ...details, limit: 'daily', retryAfterMs: REQUEST_LIMIT_RETRY_MS });
  }
  if (status === 403) {
    return new CrmError('forbidden', `Salesforce refused access (${what})${said ? `: ${said}` : ''}. The signed-in user may lack the "API Enabled" permission or access to this object or field.`, details);
  }
  if (status === 404) {
    return new CrmError('not_found', `Salesforce could not find it (${what})${said ? `: ${said}` : ''}.`, details);
  }
  if (status === 300) {
    return new CrmError('rejected', `Salesforce found several records for one external id (${what})${said ? `: ${said}` : ''}.`, details);
  }
  if (status === 412) {
    return new CrmError('rejected', `The Salesforce record changed since Baton read it (${what})${said ? `: ${said}` : ''}.`, details);
  }
  if (status >= 500) {
    return new CrmError('server', `Salesforce had a problem (HTTP ${status}, ${what}); Baton will try again.`, details);
  }
  return new CrmError('rejected', `Salesforce refused the request (${what}): ${said ?? `HTTP ${status}`}.`, details);
}
