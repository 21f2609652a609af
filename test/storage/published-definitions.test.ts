import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adoptPublishedRules } from '../../lib/storage/adopt-published-rules';
import { readSqlDefinition, writeSqlDefinition } from '../../lib/storage/admin-settings';
import { readPublishedSqlDefinitions, readSqlDefinitionInForce } from '../../lib/storage/published-definitions';
import { writeTeamRulesCache } from '../../lib/storage/team-rules-cache';
import { documentOf, settingsWithDefinitionVersion } from '../team-rules/team-rules-fixture';

describe('definitions Insights and the backtest compare', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the versions published to the CRM and the ones kept locally before, once each', async () => {
    await writeTeamRulesCache({
      key: 'hubspot|1',
      revisions: [documentOf(2, settingsWithDefinitionVersion(4)), documentOf(1, settingsWithDefinitionVersion(3))],
      listedRevision: 2,
      unreadable: [],
      checkedAt: 1,
      error: null,
      errorAt: null,
    });
    // 2 is this browser's (the shipped default), 3 and 4 the team's.
    expect((await readPublishedSqlDefinitions()).map((d) => d.version)).toEqual([2, 3, 4]);
    expect((await readSqlDefinitionInForce()).version).toBe(4);
  });

  it('falls back to this browser’s definition when nothing is published', async () => {
    expect((await readSqlDefinitionInForce()).version).toBe((await readSqlDefinition()).version);
  });
});

describe('adoptPublishedRules', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves an unedited copy to the new revision', async () => {
    const kept = await adoptPublishedRules(documentOf(1, settingsWithDefinitionVersion(2)), null);
    expect(kept).toEqual([]);
    expect((await readSqlDefinition()).version).toBe(2);
  });

  it('keeps an unpublished edit (a draft) instead of overwriting it', async () => {
    const published = documentOf(1, settingsWithDefinitionVersion(2));
    await adoptPublishedRules(published, null);
    const draft = settingsWithDefinitionVersion(5)['sql-definition'];
    expect((await writeSqlDefinition(draft)).ok).toBe(true);
    const kept = await adoptPublishedRules(documentOf(2, settingsWithDefinitionVersion(3)), published);
    expect(kept).toEqual(['sql-definition']);
    expect((await readSqlDefinition()).version).toBe(5);
  });
});
