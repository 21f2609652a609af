import { parseAdminSetting, readAdminSetting } from './admin-settings';
import type { AdminSettingKind, AdminSettingValues } from './admin-settings';
import type { AdminSettingError, AdminSettingResult } from './admin-setting-errors';

/**
 * Admin settings as JSON text: reading an admin's file or editor text (syntax errors say where,
 * unknown fields are refused), and the pretty JSON and file name an export produces.
 */

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
