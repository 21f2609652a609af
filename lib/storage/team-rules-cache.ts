import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { parseTeamRulesDocument, type TeamRulesDocument } from '../team-rules/team-rules-document';

/**
 * What this browser last read of the team's published rules: the revisions it fetched (published
 * revisions never change, so each is read once), and when and whether the last check reached the
 * CRM. Offline, Baton keeps using the newest revision here and says when it last checked.
 */
export interface TeamRulesCache {
  /** The CRM account the revisions were read from (see TeamRulesLocation.key). */
  key: string;
  /** Parsed revisions, newest first. */
  revisions: TeamRulesDocument[];
  /** The newest revision number the CRM listed (may be above the newest parsed, when that one was unreadable). */
  listedRevision: number | null;
  /** Revisions that could not be read, and why (shown to the admin). */
  unreadable: { revision: number; problem: string }[];
  /** Last time the CRM answered the check (epoch ms). */
  checkedAt: number | null;
  /** Why the last check failed (null: it succeeded). */
  error: string | null;
  errorAt: number | null;
}

// Documents are re-validated on read (a later Baton may have cached a shape this one refuses).
const cacheSchema = z.object({
  key: z.string(),
  revisions: z.array(z.unknown()),
  listedRevision: z.number().nullable().catch(null),
  unreadable: z.array(z.object({ revision: z.number(), problem: z.string() })).catch([]),
  checkedAt: z.number().nullable().catch(null),
  error: z.string().nullable().catch(null),
  errorAt: z.number().nullable().catch(null),
});

const teamRulesCacheItem = storage.defineItem<unknown>('local:team.rulesCache', { fallback: null });

export function parseTeamRulesCache(raw: unknown): TeamRulesCache | null {
  const parsed = cacheSchema.safeParse(raw);
  if (!parsed.success) return null;
  const revisions = parsed.data.revisions.flatMap((entry) => {
    const document = parseTeamRulesDocument(entry);
    return document.ok ? [document.document] : [];
  });
  return { ...parsed.data, revisions: revisions.sort((a, b) => b.revision - a.revision) };
}

export async function readTeamRulesCache(): Promise<TeamRulesCache | null> {
  return parseTeamRulesCache(await teamRulesCacheItem.getValue());
}

export async function writeTeamRulesCache(cache: TeamRulesCache): Promise<void> {
  await teamRulesCacheItem.setValue(cache);
}

export function watchTeamRulesCache(callback: () => void): () => void {
  return teamRulesCacheItem.watch(() => callback());
}
