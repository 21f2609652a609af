import { toIso } from './http-kit';
import { createdProperty, defaultProperties, modifiedProperty } from './object-system-properties';
import type { CrmObjectType, CrmRecord, HistoryEntry } from './sandbox-data';
import { resolveObjectType, singularOf } from './sandbox-state';
import type { SandboxState } from './sandbox-state';

export interface SerializeOptions {
  properties?: string[] | undefined;
  propertiesWithHistory?: string[] | undefined;
  associations?: string[] | undefined;
}

/** A record as HubSpot's v3 object APIs return it. */
export function serializeRecord(state: SandboxState, type: CrmObjectType, record: CrmRecord, options: SerializeOptions = {}): Record<string, unknown> {
  const names = options.properties && options.properties.length > 0
    ? [...new Set([...options.properties.filter((name) => state.property(type, name)), 'hs_object_id', createdProperty(type), modifiedProperty(type)])]
    : defaultProperties(type);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = record.properties[name] ?? null;
  const out: Record<string, unknown> = { id: record.id, properties };
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const name of options.propertiesWithHistory) {
      if (!state.property(type, name)) continue;
      history[name] = [...(record.history[name] ?? [])].reverse().map(serializeHistoryEntry);
    }
    out.propertiesWithHistory = history;
  }
  out.createdAt = toIso(record.createdAt);
  out.updatedAt = toIso(record.updatedAt);
  out.archived = record.archivedAt !== undefined;
  if (record.archivedAt !== undefined) out.archivedAt = toIso(record.archivedAt);
  if (options.associations && options.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const segment of options.associations) {
      const toType = resolveObjectType(segment);
      if (!toType) continue;
      const ids = state.associatedIds(type, record.id, toType);
      if (ids.length === 0) continue;
      associations[toType] = { results: ids.map((id) => ({ id, type: `${singularOf(type)}_to_${singularOf(toType)}` })) };
    }
    if (Object.keys(associations).length > 0) out.associations = associations;
  }
  return out;
}

function serializeHistoryEntry(entry: HistoryEntry): Record<string, unknown> {
  return {
    value: entry.value,
    timestamp: toIso(entry.timestamp),
    sourceType: entry.sourceType,
    ...(entry.sourceId !== undefined ? { sourceId: entry.sourceId } : {}),
    ...(entry.sourceLabel !== undefined ? { sourceLabel: entry.sourceLabel } : {}),
    ...(entry.updatedByUserId !== undefined ? { updatedByUserId: entry.updatedByUserId } : {}),
  };
}
