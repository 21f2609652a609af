import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_LEAD_STATUS_MAPPING, leadStatusMappingSchema } from '../crm/hubspot/lead-status-mapping';
import type { LeadStatusMapping } from '../crm/hubspot/lead-status-mapping';
import type { AttemptPolicy } from '../domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS, dispositionReasonListSchema } from '../domain/disposition/disposition-reasons';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../domain/qualification/default-sql-definition';
import { sqlDefinitionSchema } from '../domain/qualification/sql-definition';
import type { SqlDefinition } from '../domain/qualification/sql-definition';
import { defaultSlaPolicy } from '../domain/sla/default-sla-policy';
import { slaPolicySchema } from '../domain/sla/sla-policy';
import type { SlaPolicy } from '../domain/sla/sla-policy';

/**
 * The settings RevOps shares with every rep: SQL definition, SLA policy, disposition reasons,
 * HubSpot lead-status mapping and attempt policy. Each is a versioned WXT storage item whose
 * fallback is the shipped default, so a fresh install (and the demo) runs on the defaults without
 * writing anything. Storage is a boundary: reads are validated with the domain schemas and a bad
 * value falls back to the default loudly; writes are validated and refused when invalid.
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

export interface AdminSettingError {
  /** Dotted field path, e.g. "tiers.0.target.amount"; "(root)" for the whole document. */
  path: string;
  message: string;
  /** 1-based position in the JSON text, for syntax errors when the parser tells us where. */
  line?: number;
  column?: number;
}

export type AdminSettingResult<T> = { ok: true; value: T } | { ok: false; errors: AdminSettingError[] };

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
  publishing: 'change-log' | 'version' | 'none';
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

/**
 * zod's default messages speak in types ("Too small: expected number to be >=0"); an admin fixing
 * a JSON file wants the rule ("must be 0 or more"). Messages a schema wrote itself are kept as is.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const { message } = issue;
  const plural = (n: number | bigint, one: string, many: string) => `${String(n)} ${Number(n) === 1 ? one : many}`;
  if (issue.code === 'too_small' && message.startsWith('Too small')) {
    const min = issue.minimum;
    if (issue.origin === 'string') return Number(min) === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character', 'characters')}`;
    if (issue.origin === 'array' || issue.origin === 'set') return Number(min) === 1 ? 'needs at least one entry' : `needs at least ${plural(min, 'entry', 'entries')}`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
      if (Number(min) === 0) return issue.inclusive ? 'must be 0 or more' : 'must be positive';
      return issue.inclusive ? `must be at least ${String(min)}` : `must be more than ${String(min)}`;
    }
  }
  if (issue.code === 'too_big' && message.startsWith('Too big')) {
    const max = issue.maximum;
    if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
    if (issue.origin === 'array' || issue.origin === 'set') return `allows at most ${plural(max, 'entry', 'entries')}`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `must be at most ${String(max)}` : `must be less than ${String(max)}`;
  }
  if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
    const expected = `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    const received = / received (\w+)$/.exec(message)?.[1];
    return received === 'undefined' ? `required (${expected})` : `must be ${expected}${received ? `, not ${received}` : ''}`;
  }
  if (issue.code === 'invalid_value' && message.startsWith('Invalid option')) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return message;
}

export function toAdminSettingErrors(issues: readonly z.core.$ZodIssue[]): AdminSettingError[] {
  return issues.map((issue) => ({ path: issue.path.length ? issue.path.map(String).join('.') : '(root)', message: describeIssue(issue) }));
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
// Versions and publishing

type Version = number | string;

function versionParts(v: Version): { core: number[]; pre: string | null } | null {
  if (typeof v === 'number') return { core: [v], pre: null };
  const m = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?$/.exec(v.trim());
  return m ? { core: m[1]!.split('.').map(Number), pre: m[2] ?? null } : null;
}

/**
 * Orders versions: integers and dotted numbers numerically ("1.10.0" > "1.9.0", 2 > "1.5.0"), a
 * pre-release below its release, anything else by natural string order. Negative when a < b.
 */
export function compareVersions(a: Version, b: Version): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  if (!pa || !pb) return String(a).localeCompare(String(b), 'en', { numeric: true });
  for (let i = 0; i < Math.max(pa.core.length, pb.core.length); i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre.localeCompare(pb.pre, 'en', { numeric: true });
}

/** Key order must not make two equal documents look different. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

interface VersionedDocument {
  version: Version;
  changeLog?: readonly { version: Version }[];
}

/**
 * Why a valid value may not replace the current one: reps' dispositions record the version they
 * were made under, so a changed document must carry a new, higher version, and a change-log entry
 * saying what changed. Saving the current document unchanged is allowed (and does nothing).
 */
function publishingErrors(kind: AdminSettingKind, next: unknown, current: unknown, published: readonly Version[]): AdminSettingError[] {
  const mode = descriptor(kind).publishing;
  if (mode === 'none' || stableJson(next) === stableJson(current)) return [];
  const doc = next as VersionedDocument;
  const cur = current as VersionedDocument;
  const errors: AdminSettingError[] = [];
  const highest = [cur.version, ...published].reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  if (compareVersions(doc.version, highest) <= 0) {
    const already = published.some((v) => compareVersions(v, doc.version) === 0) && compareVersions(doc.version, cur.version) !== 0;
    errors.push({
      path: 'version',
      message: already
        ? `version ${String(doc.version)} was already published; publish the change as a version above ${String(highest)}`
        : `must be higher than ${String(highest)} to publish a change (the current version is ${String(cur.version)})`,
    });
  }
  if (mode === 'change-log' && !doc.changeLog?.some((e) => String(e.version) === String(doc.version))) {
    errors.push({ path: 'changeLog', message: `add a change-log entry for version ${String(doc.version)} saying what changed and why` });
  }
  return errors;
}

async function publishedVersions(kind: AdminSettingKind): Promise<Version[]> {
  return kind === 'sql-definition' ? (await readSqlDefinitionHistory()).map((d) => d.version) : [];
}

/** Everything a write would check (schema, then the publishing rule), without writing. */
export async function checkAdminSetting<K extends AdminSettingKind>(kind: K, value: unknown): Promise<AdminSettingResult<AdminSettingValues[K]>> {
  const parsed = parseAdminSetting(kind, value);
  if (!parsed.ok) return parsed;
  const [current, published] = await Promise.all([readAdminSetting(kind), publishedVersions(kind)]);
  const errors = publishingErrors(kind, parsed.value, current, published);
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

// ---------------------------------------------------------------------------------------------
// JSON import / export

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** JSON.parse with an error that says where, when the engine tells us (V8 gives a position). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: AdminSettingError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const raw = (err as Error).message;
    const explicit = /line (\d+) column (\d+)/.exec(raw);
    const position = /at position (\d+)/.exec(raw);
    const where = explicit
      ? { line: Number(explicit[1]), column: Number(explicit[2]) }
      : position
        ? lineColumn(text, Number(position[1]))
        : /end of JSON input/i.test(raw)
          ? lineColumn(text, text.length)
          : null;
    // Drop V8's own position suffixes (and its echo of the input) so the message reads once.
    const reason = raw
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+/, '')
      .replace(/, "[\s\S]*" is not valid JSON$/, '')
      .trim();
    const message = text.trim() === '' ? 'empty: paste or import a JSON document' : `not valid JSON: ${reason}${where ? ` at line ${where.line}, column ${where.column}` : ''}`;
    return { ok: false, error: { path: '(root)', message, ...(where ?? {}) } };
  }
}

/**
 * Reads an admin's JSON (a file or the editor) as a setting. Errors name the field path and the
 * rule ("tiers.0.target.amount: Too small: expected number to be >=0"); syntax errors say where.
 * Validation only: writing it (and the publishing rule) is `writeAdminSetting`.
 */
export function importAdminSettingJson<K extends AdminSettingKind>(kind: K, text: string): AdminSettingResult<AdminSettingValues[K]> {
  const json = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!json.ok) return { ok: false, errors: [json.error] };
  const parsed = parseAdminSetting(kind, json.value);
  if (!parsed.ok) return parsed;
  const unknown = unknownFieldErrors(json.value, parsed.value, []);
  return unknown.length ? { ok: false, errors: unknown } : parsed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fields the schema dropped. zod strips unknown keys silently, and in hand-edited JSON an unknown
 * key is nearly always a typo ("atRiskShar") whose value would otherwise vanish without a word.
 * Only text imports check this: stored values with extra keys (say, after a downgrade) still read.
 */
function unknownFieldErrors(input: unknown, output: unknown, path: (string | number)[]): AdminSettingError[] {
  if (Array.isArray(input) && Array.isArray(output)) return input.flatMap((item, i) => unknownFieldErrors(item, output[i], [...path, i]));
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.keys(input).flatMap((key) =>
    key in output
      ? unknownFieldErrors(input[key], output[key], [...path, key])
      : [{ path: [...path, key].join('.'), message: 'unknown field (a typo?): not part of this setting, so it would be dropped' }],
  );
}

/** A value as the pretty JSON an admin edits and exports (stable: re-importing gives the same value). */
export function formatAdminSettingJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The current setting as pretty JSON, ready to download or hand to another workspace. */
export async function exportAdminSettingJson(kind: AdminSettingKind): Promise<string> {
  return formatAdminSettingJson(await readAdminSetting(kind));
}

/** "baton-sla-policy-v1.2.0.json": the kind and version, so exported files sort and say what they are. */
export function adminSettingFileName(kind: AdminSettingKind, value: unknown): string {
  const version = (value as { version?: unknown } | null)?.version;
  const suffix = typeof version === 'number' || typeof version === 'string' ? `-v${String(version).replace(/[^0-9A-Za-z.-]/g, '_')}` : '';
  return `baton-${kind}${suffix}.json`;
}
