import { z } from 'zod';
import { ADMIN_SETTING_KINDS, parseAdminSetting, type AdminSettingKind, type AdminSettingValues } from '../storage/admin-settings';

/**
 * The team's rules as published to the CRM: one document holds every shared setting (SQL
 * definition, SLA policy, reasons, lead-status mapping, attempt policy) under one revision number,
 * so a rep's Baton switches all of them at once and a disposition's "definition version" means the
 * same thing on every machine. Published documents are never edited: a change is a new revision.
 */

export const TEAM_RULES_FORMAT = 'baton-team-rules/1';

export interface Publisher {
  name: string;
  email: string | null;
}

export interface TeamRulesDocument {
  format: typeof TEAM_RULES_FORMAT;
  /** 1, 2, 3…: the order of publication (each setting keeps its own version besides). */
  revision: number;
  publishedAt: number;
  publishedBy: Publisher;
  /** What the admin said changed, for the list of revisions. */
  summary: string;
  settings: AdminSettingValues;
}

// Parse what is used: a later Baton may add fields or settings; this one reads its own and
// ignores the rest (a setting it knows must still pass its schema, or the revision is refused).
const envelopeSchema = z.looseObject({
  format: z.literal(TEAM_RULES_FORMAT, { message: 'is not a Baton team-rules document' }),
  revision: z.number().int().min(1),
  publishedAt: z.number(),
  publishedBy: z.looseObject({ name: z.string().max(200), email: z.string().max(320).nullable().optional() }),
  summary: z.string().max(2000).optional(),
  settings: z.record(z.string(), z.unknown()),
});

export type ParsedTeamRules = { ok: true; document: TeamRulesDocument } | { ok: false; problem: string };

/** Validates a published document as a whole: every setting Baton knows must be present and valid. */
export function parseTeamRulesDocument(raw: unknown): ParsedTeamRules {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, problem: `the published rules are unreadable (${issue.path.join('.') || 'document'}: ${issue.message})` };
  }
  const settings: Partial<AdminSettingValues> = {};
  for (const kind of ADMIN_SETTING_KINDS) {
    if (!(kind in envelope.data.settings)) return { ok: false, problem: `the published rules have no ${SETTING_NAMES[kind]}` };
    const parsed = parseAdminSetting(kind, envelope.data.settings[kind]);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      return { ok: false, problem: `the published ${SETTING_NAMES[kind]} is invalid${first ? ` (${first.path || 'value'}: ${first.message})` : ''}` };
    }
    (settings as Record<AdminSettingKind, unknown>)[kind] = parsed.value;
  }
  const { revision, publishedAt, publishedBy, summary } = envelope.data;
  return {
    ok: true,
    document: {
      format: TEAM_RULES_FORMAT,
      revision,
      publishedAt,
      publishedBy: { name: publishedBy.name, email: publishedBy.email ?? null },
      summary: summary ?? '',
      settings: settings as AdminSettingValues,
    },
  };
}

/** The names people use for each setting, in messages. */
export const SETTING_NAMES: Record<AdminSettingKind, string> = {
  'sql-definition': 'SQL definition',
  'sla-policy': 'SLA policy',
  'disposition-reasons': 'disposition reasons',
  'lead-status-mapping': 'lead status mapping',
  'attempt-policy': 'attempt policy',
};
