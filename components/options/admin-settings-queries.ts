import { queryOptions } from '@tanstack/react-query';
import { readAdminSetting, readSqlDefinitionHistory } from '../../lib/storage/admin-settings';
import type { AdminSettingKind } from '../../lib/storage/admin-settings';

/**
 * Query options for the shared admin settings. Lives beside the options page because only the
 * page edits them; move it to lib/queries if the panel or Insights start reading through
 * react-query too.
 */
export const adminSettingsQueries = {
  all: ['admin-settings'] as const,
  setting: <K extends AdminSettingKind>(kind: K) =>
    queryOptions({ queryKey: [...adminSettingsQueries.all, kind] as const, queryFn: () => readAdminSetting(kind) }),
  sqlDefinitionHistory: () =>
    queryOptions({ queryKey: [...adminSettingsQueries.all, 'sql-definition-history'] as const, queryFn: readSqlDefinitionHistory }),
};
