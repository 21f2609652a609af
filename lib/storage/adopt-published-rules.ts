import { ADMIN_SETTING_KINDS, attemptPolicyItem, defaultAdminSetting, dispositionReasonsItem, leadStatusMappingItem, readAdminSetting, slaPolicyItem, sqlDefinitionItem } from './admin-settings';
import type { AdminSettingKind } from './admin-settings';
import { stableJson } from './admin-setting-publishing';
import type { TeamRulesDocument } from '../team-rules/team-rules-document';

const ITEMS: Record<AdminSettingKind, { setValue(value: never): Promise<void> }> = {
  'sql-definition': sqlDefinitionItem,
  'sla-policy': slaPolicyItem,
  'disposition-reasons': dispositionReasonsItem,
  'lead-status-mapping': leadStatusMappingItem,
  'attempt-policy': attemptPolicyItem,
};

/**
 * This browser's editable copy of each setting follows a newly published revision unless it holds
 * a draft: a copy equal to the revision it last followed (or still the shipped default) is
 * replaced; anything else is someone's unpublished edit and is kept, never lost.
 * Returns the settings that kept a draft.
 */
export async function adoptPublishedRules(next: TeamRulesDocument, previous: TeamRulesDocument | null): Promise<AdminSettingKind[]> {
  const kept: AdminSettingKind[] = [];
  for (const kind of ADMIN_SETTING_KINDS) {
    const local = stableJson(await readAdminSetting(kind));
    const followed = previous ? stableJson(previous.settings[kind]) : null;
    if (local === followed || local === stableJson(defaultAdminSetting(kind))) {
      await ITEMS[kind].setValue(next.settings[kind] as never);
    } else if (local !== stableJson(next.settings[kind])) {
      kept.push(kind);
    }
  }
  return kept;
}
