import { notFound } from './http-kit';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import type { SandboxState } from './sandbox-state';

/** The record by id, or by `idProperty` (compared case-insensitively); a HubSpot-shaped 404 when there is none. */
export function requireRecord(state: SandboxState, type: CrmObjectType, id: string, idProperty?: string | null): CrmRecord {
  let record: CrmRecord | undefined;
  if (idProperty && idProperty !== 'hs_object_id') {
    record = state.records(type).find((candidate) => (candidate.properties[idProperty] ?? '').toLowerCase() === id.toLowerCase());
  } else {
    record = state.record(type, id);
  }
  if (!record) throw notFound('Object not found.  objectId are usually numeric.', { id: [id] });
  return record;
}
