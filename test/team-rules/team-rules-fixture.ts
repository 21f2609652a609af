import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { DEFAULT_ATTEMPT_POLICY, defaultAdminSetting, type AdminSettingValues } from '../../lib/storage/admin-settings';
import { TEAM_RULES_FORMAT, type TeamRulesDocument } from '../../lib/team-rules/team-rules-document';

export function defaultSettings(): AdminSettingValues {
  return {
    'sql-definition': DEFAULT_SQL_DEFINITION,
    'sla-policy': defaultSlaPolicy,
    'disposition-reasons': DEFAULT_DISPOSITION_REASONS,
    'lead-status-mapping': defaultAdminSetting('lead-status-mapping'),
    'attempt-policy': DEFAULT_ATTEMPT_POLICY,
  };
}

/** The default settings with the SQL definition at `version` (and a change-log entry for it). */
export function settingsWithDefinitionVersion(version: number): AdminSettingValues {
  const base = defaultSettings();
  const definition = base['sql-definition'];
  return {
    ...base,
    'sql-definition': { ...definition, version, changeLog: [...(definition.changeLog ?? []), { version, date: '2026-12-01', author: 'Ana Ruiz', summary: `Published as version ${version}.` }] },
  };
}

export function documentOf(revision: number, settings = defaultSettings(), overrides: Partial<TeamRulesDocument> = {}): TeamRulesDocument {
  return {
    format: TEAM_RULES_FORMAT,
    revision,
    publishedAt: Date.parse('2026-12-01T10:00:00Z') + revision * 60_000,
    publishedBy: { name: 'Ana Ruiz', email: null },
    summary: `Revision ${revision}`,
    settings,
    ...overrides,
  };
}
