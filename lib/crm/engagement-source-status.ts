import { CrmError } from './crm-error';
import type { SourceStatus } from './crm-port';
import { engagementStatusId } from './engagement-source-port';

/** A source's failed read as the status the panel names: `unavailable` (no access, a limit) or `error` (with why, for the rep). */
export function engagementFailureStatus(kind: string, label: string, error: unknown): SourceStatus {
  const source = engagementStatusId(kind);
  if (error instanceof CrmError) {
    if (error.kind === 'forbidden' || error.kind === 'rate_limited' || error.kind === 'auth') return { source, label, status: 'unavailable', message: error.message };
    if (error.kind === 'network' || error.kind === 'server') return { source, label, status: 'error', message: `${label} could not be reached just now (${error.message}); the rest of the panel is from the CRM.` };
    return { source, label, status: 'error', message: error.message };
  }
  return { source, label, status: 'error', message: `${label} could not be read (${error instanceof Error ? error.message : String(error)}).` };
}
