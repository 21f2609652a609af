import type { SqlDefinition } from '../domain/qualification/sql-definition';
import { compareVersions } from './admin-setting-publishing';
import { readPublishedSqlDefinitions as readLocalDefinitions, readSqlDefinition } from './admin-settings';
import { readTeamRulesCache } from './team-rules-cache';

/**
 * The SQL definitions Insights and the backtest compare: every version the team published to the
 * CRM (as this browser last read them) and the ones this browser kept before the team published,
 * one per version, oldest first. Dispositions name the version they were made under, so each
 * version that ever applied must stay listed.
 */
export async function readPublishedSqlDefinitions(): Promise<SqlDefinition[]> {
  const [cache, local] = await Promise.all([readTeamRulesCache(), readLocalDefinitions()]);
  const byVersion = new Map<string, SqlDefinition>();
  for (const definition of local) byVersion.set(String(definition.version), definition);
  // The team's copy of a version wins over a local one of the same number.
  for (const document of [...(cache?.revisions ?? [])].reverse()) byVersion.set(String(document.settings['sql-definition'].version), document.settings['sql-definition']);
  return [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
}

/** The definition every rep's panel evaluates with: the newest published revision's, else this browser's. */
export async function readSqlDefinitionInForce(): Promise<SqlDefinition> {
  const cache = await readTeamRulesCache();
  return cache?.revisions[0]?.settings['sql-definition'] ?? readSqlDefinition();
}
