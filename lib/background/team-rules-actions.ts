import { RequestRefusedError } from '../messaging/request-refused-error';
import type { TeamRulesPublishRequest, TeamRulesStatus } from '../messaging/team-rules-protocol';
import { ADMIN_SETTING_KINDS, parseAdminSetting, type AdminSettingKind, type AdminSettingValues } from '../storage/admin-settings';
import { SETTING_NAMES, type TeamRulesDocument } from '../team-rules/team-rules-document';
import type { PanelRules } from './panel-view';
import type { TeamRulesSync } from './team-rules-sync';

/** The panel's rules from a published revision. */
export function toPanelRules(document: TeamRulesDocument): PanelRules {
  const s = document.settings;
  return { definition: s['sql-definition'], slaPolicy: s['sla-policy'], reasons: s['disposition-reasons'], leadStatusMapping: s['lead-status-mapping'], attemptPolicy: s['attempt-policy'] };
}

/** The options page's requests about shared rules: status (optionally asking the CRM now) and publish. */
export function createTeamRulesActions(sync: TeamRulesSync) {
  return {
    status(refresh: boolean): Promise<TeamRulesStatus> {
      return refresh ? sync.refresh() : sync.status();
    },
    async publish(request: Omit<TeamRulesPublishRequest, 'type'>): Promise<TeamRulesStatus> {
      const settings: Partial<Record<AdminSettingKind, unknown>> = {};
      for (const kind of ADMIN_SETTING_KINDS) {
        const parsed = parseAdminSetting(kind, request.settings[kind]);
        if (!parsed.ok) {
          const first = parsed.errors[0];
          throw new RequestRefusedError(`The ${SETTING_NAMES[kind]} cannot be published: ${first ? `${first.path || 'value'} ${first.message}` : 'it is invalid'}.`);
        }
        settings[kind] = parsed.value;
      }
      return sync.publish({ settings: settings as AdminSettingValues, publishedBy: request.publishedBy, summary: request.summary });
    },
  };
}
