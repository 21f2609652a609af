import { dispositionReasonListSchema } from '../domain/disposition/disposition-reasons';
import { sqlDefinitionSchema } from '../domain/qualification/sql-definition';
import { slaPolicySchema } from '../domain/sla/sla-policy';
import { toAdminSettingErrors } from '../storage/admin-setting-errors';
import type { AdminSettingError } from '../storage/admin-setting-errors';
import type { RulesEditorKind } from './form-state';

/**
 * The form's live check: the same domain schema the card validates with on Save, its problems
 * worded for an admin (admin-setting-errors.ts) and keyed by field path so each shows at its field.
 * (The publishing rule, "a change needs a new version", stays the card's Save check.)
 */
const SCHEMAS = {
  'sql-definition': sqlDefinitionSchema,
  'sla-policy': slaPolicySchema,
  'disposition-reasons': dispositionReasonListSchema,
} as const;

export function validateRules(kind: RulesEditorKind, value: unknown): AdminSettingError[] {
  const parsed = SCHEMAS[kind].safeParse(value);
  return parsed.success ? [] : toAdminSettingErrors(parsed.error.issues);
}

/** Errors grouped by field path ("tiers.0.target.amount"). */
export function errorsByPath(errors: readonly AdminSettingError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
  return map;
}
