import type { SourceStatus } from '../crm-port';
import { CrmError } from '../crm-error';

/**
 * Failures that mean "this portal/connection does not offer this source": the view goes on
 * without it. Anything else (auth, rate limit, server, malformed data) is reported as an error
 * status, but still does not take the lead down with it.
 */
export function isDegradable(error: unknown): boolean {
  return error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not_found');
}

/** A source's failed read as the status the panel shows: unavailable (with the scope, if named) or error. */
export function toSourceStatus(error: unknown, source: string, label: string, unavailableMessage: string): SourceStatus {
  if (isDegradable(error)) {
    const scopeHint = error instanceof CrmError && error.kind === 'forbidden' && /scope/i.test(error.message) ? ` (${error.message})` : '';
    return { source, label, status: 'unavailable', message: unavailableMessage + scopeHint };
  }
  return { source, label, status: 'error', message: describe(error) };
}

/** `status` with the notes joined into its message (capitalised); unchanged when there are none. */
export function withMessage(status: SourceStatus, notes: readonly string[]): SourceStatus {
  if (notes.length === 0) return status;
  const text = notes.join('; ');
  return { ...status, message: text.charAt(0).toUpperCase() + text.slice(1) };
}

function describe(error: unknown): string {
  if (error instanceof CrmError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
