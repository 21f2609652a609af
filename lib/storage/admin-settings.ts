import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { defaultCrmDescriptor } from '../crm/crm-descriptors';
import { leadStatusMappingSchema, type LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import type { AttemptPolicy } from '../domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS, dispositionReasonListSchema } from '../domain/disposition/disposition-reasons';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../domain/qualification/default-sql-definition';
import { sqlDefinitionSchema } from '../domain/qualification/sql-definition';
import type { SqlDefinition } from '../domain/qualification/sql-definition';
import { defaultSlaPolicy } from '../domain/sla/default-sla-policy';
import { slaPolicySchema } from '../domain/sla/sla-policy';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import { toAdminSettingErrors } from './admin-setting-errors';
import type { AdminSettingResult } from './admin-setting-errors';
import { compareVersions, publishingErrors, stableJson } from './admin-setting-publishing';
import type { PublishingMode, Version } from './admin-setting-publishing';

/** Until the admin maps their own: the default CRM's lead-status values (its descriptor's). */
const DEFAULT_LEAD_STATUS_MAPPING: LeadStatusMapping = defaultCrmDescriptor().defaultLeadStatusMapping;

/**
 * The settings RevOps shares with every rep: SQL definition, SLA policy, disposition reasons,
 * HubSpot lead-status mapping and attempt policy. Each is a versioned WXT storage item whose
 * fallback is the shipped default, so a fresh install (and the demo) runs on the defaults without
 * writing anything. Storage is a boundary: reads are validated with the domain schemas and a bad
 * value falls back to the default loudly; writes are validated and refused when invalid.
 *
 * Alongside: admin-setting-errors.ts words the errors, admin-setting-publishing.ts holds the
 * version rule a write must pass, admin-setting-json.ts reads and writes settings as JSON text.
 */

export const ADMIN_SETTING_KINDS = ['sql-definition', 'sla-policy', 'disposition-reasons', 'lead-status-mapping', 'attempt-policy'] as const;
export type AdminSettingKind = (typeof ADMIN_SETTING_KINDS)[number];

export const attemptPolicySchema = z.object({
  /** "Unreachable" needs at least this many logged contact attempts. */
  unreachableAfterAttempts: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'),
}) satisfies z.ZodType<AttemptPolicy>;

export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = { unreachableAfterAttempts: 3 };

export interface AdminSettingValues {
  'sql-definition': SqlDefinition;
  'sla-policy': SlaPolicy;
  'disposition-reasons': DispositionReasonList;
  'lead-status-mapping': LeadStatusMapping;
  'attempt-policy': AttemptPolicy;
}

/**
 * Version 1 of every item is the domain shape as it is today. When a shape changes, bump the
 * item's `version` and add `2: (v1) => v2` here: WXT runs it once on startup, before any read.
 */
const ADMIN_SETTING_MIGRATIONS: Record<number, (oldValue: unknown) => unknown> = {};

export const sqlDefinitionItem = storage.defineItem<SqlDefinition>('local:admin.sqlDefinition', {
  version: 1,
  fallback: DEFAULT_SQL_DEFINITION,
  migrations: ADMIN_SETTING_MIGRATIONS,
});

/** Definitions published before the current one, oldest first, so Insights can compare versions. */
export const sqlDefinitionHistoryItem = storage.defineItem<SqlDefinition[]>('local:admin.sqlDefinitionHistory', {
  version: 1,
  fallback: [],
  migrations: ADMIN_SETTING_MIGRATIONS,
});

export const slaPolicyItem = storage.defineItem<SlaPolicy>('local:admin.slaPolicy', {
  version: 1,
  fallback: defaultSlaPolicy,
  migrations: ADMIN_SETTING_MIGRATIONS,
});

export const dispositionReasonsItem = storage.defineItem<DispositionReasonList>('local:admin.dispositionReasons', {
  version: 1,
  fallback: DEFAULT_DISPOSITION_REASONS,
  migrations: ADMIN_SETTING_MIGRATIONS,
});

export const leadStatusMappingItem = storage.defineItem<LeadStatusMapping>('local:admin.leadStatusMapping', {
  version: 1,
  fallback: DEFAULT_LEAD_STATUS_MAPPING,
  migrations: ADMIN_SETTING_MIGRATIONS,
});

export const attemptPolicyItem = storage.defineItem<AttemptPolicy>('local:admin.attemptPolicy', {
  version: 1,
  fallback: DEFAULT_ATTEMPT_POLICY,
  migrations: ADMIN_SETTING_MIGRATIONS,
});

interface Descriptor<T> {
  schema: z.ZodType<T, unknown>;
  defaultValue: T;
  item: { getValue(): Promise<T>; setValue(value: T): Promise<void>; removeValue(): Promise<void>; watch(cb: (value: T) => void): () => void };
  /** How publishing works: versioned documents need a higher version (and, with a change log, an entry for it). */
  publishing: PublishingMode;
}

// Each domain schema declares its own input type; the registry only needs "unknown in, T out".
const DESCRIPTORS: { [K in AdminSettingKind]: Descriptor<AdminSettingValues[K]> } = {
  'sql-definition': { schema: sqlDefinitionSchema as z.ZodType<SqlDefinition, unknown>, defaultValue: DEFAULT_SQL_DEFINITION, item: sqlDefinitionItem, publishing: 'change-log' },
  'sla-policy': { schema: slaPolicySchema as z.ZodType<SlaPolicy, unknown>, defaultValue: defaultSlaPolicy, item: slaPolicyItem, publishing: 'change-log' },
  'disposition-reasons': { schema: dispositionReasonListSchema as z.ZodType<DispositionReasonList, unknown>, defaultValue: DEFAULT_DISPOSITION_REASONS, item: dispositionReasonsItem, publishing: 'change-log' },
  'lead-status-mapping': { schema: leadStatusMappingSchema, defaultValue: DEFAULT_LEAD_STATUS_MAPPING, item: leadStatusMappingItem, publishing: 'version' },
  'attempt-policy': { schema: attemptPolicySchema, defaultValue: DEFAULT_ATTEMPT_POLICY, item: attemptPolicyItem, publishing: 'none' },
};

function descriptor<K extends AdminSettingKind>(kind: K): Descriptor<AdminSettingValues[K]> {
  return DESCRIPTORS[kind];
}

export function defaultAdminSetting<K extends AdminSettingKind>(kind: K): AdminSettingValues[K] {
  return descriptor(kind).defaultValue;
}

/** Validates an already-parsed value against the setting's domain schema. */
export function parseAdminSetting<K extends AdminSettingKind>(kind: K, value: unknown): AdminSettingResult<AdminSettingValues[K]> {
  const parsed = descriptor(kind).schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toAdminSettingErrors(parsed.error.issues) };
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The stored value, validated; anything invalid falls back to the shipped default with a warning. */
export async function readAdminSetting<K extends AdminSettingKind>(kind: K): Promise<AdminSettingValues[K]> {
  const { item, defaultValue } = descriptor(kind);
  const raw = await item.getValue();
  const parsed = parseAdminSetting(kind, raw);
  if (parsed.ok) return parsed.value;
  console.warn(`Baton: the stored ${kind} is invalid; using the default.`, parsed.errors);
  return defaultValue;
}

export const readSqlDefinition = (): Promise<SqlDefinition> => readAdminSetting('sql-definition');
export const readSlaPolicy = (): Promise<SlaPolicy> => readAdminSetting('sla-policy');
export const readDispositionReasons = (): Promise<DispositionReasonList> => readAdminSetting('disposition-reasons');
export const readLeadStatusMapping = (): Promise<LeadStatusMapping> => readAdminSetting('lead-status-mapping');
export const readAttemptPolicy = (): Promise<AttemptPolicy> => readAdminSetting('attempt-policy');

/** Previously published definitions (not the current one), oldest first; invalid entries are skipped loudly. */
export async function readSqlDefinitionHistory(): Promise<SqlDefinition[]> {
  const raw: unknown = await sqlDefinitionHistoryItem.getValue();
  if (!Array.isArray(raw)) {
    console.warn('Baton: the stored SQL definition history is not a list; ignoring it.');
    return [];
  }
  const valid: SqlDefinition[] = [];
  raw.forEach((entry, i) => {
    const parsed = sqlDefinitionSchema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
    else console.warn(`Baton: SQL definition history entry ${i} is invalid; skipping it.`, toAdminSettingErrors(parsed.error.issues));
  });
  return valid.sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * Every published definition including the current one, oldest version first: what Insights
 * compares. (After a reset to the default the current one need not be the highest.)
 */
export async function readPublishedSqlDefinitions(): Promise<SqlDefinition[]> {
  const [history, current] = await Promise.all([readSqlDefinitionHistory(), readSqlDefinition()]);
  return [...history.filter((d) => compareVersions(d.version, current.version) !== 0), current].sort((a, b) => compareVersions(a.version, b.version));
}

/** Calls back with the validated value (or the default) whenever the setting changes in any extension page. */
export function watchAdminSetting<K extends AdminSettingKind>(kind: K, callback: (value: AdminSettingValues[K]) => void): () => void {
  return descriptor(kind).item.watch((raw) => {
    const parsed = parseAdminSetting(kind, raw ?? defaultAdminSetting(kind));
    if (parsed.ok) callback(parsed.value);
    else {
      console.warn(`Baton: the stored ${kind} is invalid; using the default.`, parsed.errors);
      callback(defaultAdminSetting(kind));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Publishing (the rule itself is in admin-setting-publishing.ts)

async function publishedVersions(kind: AdminSettingKind): Promise<Version[]> {
  return kind === 'sql-definition' ? (await readSqlDefinitionHistory()).map((d) => d.version) : [];
}

/** Everything a write would check (schema, then the publishing rule), without writing. */
export async function checkAdminSetting<K extends AdminSettingKind>(kind: K, value: unknown): Promise<AdminSettingResult<AdminSettingValues[K]>> {
  const parsed = parseAdminSetting(kind, value);
  if (!parsed.ok) return parsed;
  const [current, published] = await Promise.all([readAdminSetting(kind), publishedVersions(kind)]);
  const errors = publishingErrors(descriptor(kind).publishing, parsed.value, current, published);
  return errors.length ? { ok: false, errors } : parsed;
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * Validates and stores a setting; refuses (and stores nothing) when the value is invalid or would
 * replace the current version without a higher version and a change-log entry. Publishing a new
 * SQL definition keeps the one it replaces in the history.
 */
export async function writeAdminSetting<K extends AdminSettingKind>(kind: K, value: unknown): Promise<AdminSettingResult<AdminSettingValues[K]>> {
  const checked = await checkAdminSetting(kind, value);
  if (!checked.ok) return checked;
  if (kind === 'sql-definition') await archiveCurrentSqlDefinition(checked.value as SqlDefinition);
  await descriptor(kind).item.setValue(checked.value);
  return checked;
}

export const writeSqlDefinition = (value: unknown) => writeAdminSetting('sql-definition', value);
export const writeSlaPolicy = (value: unknown) => writeAdminSetting('sla-policy', value);
export const writeDispositionReasons = (value: unknown) => writeAdminSetting('disposition-reasons', value);
export const writeLeadStatusMapping = (value: unknown) => writeAdminSetting('lead-status-mapping', value);
export const writeAttemptPolicy = (value: unknown) => writeAdminSetting('attempt-policy', value);

/** Moves the current definition into the history unless `next` is that same version. */
async function archiveCurrentSqlDefinition(next: SqlDefinition | null): Promise<void> {
  const current = await readSqlDefinition();
  if (next && compareVersions(next.version, current.version) === 0) return;
  const history = await readSqlDefinitionHistory();
  if (history.some((d) => compareVersions(d.version, current.version) === 0)) return;
  await sqlDefinitionHistoryItem.setValue([...history, current]);
}

/**
 * Goes back to the shipped default (removes the stored value). The SQL definition being replaced
 * stays in the history: dispositions made under it still name its version.
 */
export async function resetAdminSetting<K extends AdminSettingKind>(kind: K): Promise<AdminSettingValues[K]> {
  if (kind === 'sql-definition') {
    const current = await readSqlDefinition();
    if (stableJson(current) !== stableJson(DEFAULT_SQL_DEFINITION)) await archiveCurrentSqlDefinition(null);
  }
  await descriptor(kind).item.removeValue();
  return defaultAdminSetting(kind);
}
