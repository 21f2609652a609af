import { CrmError } from '../crm/crm-error';
import type { TeamRulesLocation } from '../crm/crm-connections';
import type { PublishedRevisionRef } from '../crm/team-rules-port';
import type { AdminSettingValues } from '../storage/admin-settings';
import type { TeamRulesCache } from '../storage/team-rules-cache';
import { decodeTeamRules, encodeTeamRules } from '../team-rules/team-rules-codec';
import { parseTeamRulesDocument, TEAM_RULES_FORMAT, type Publisher, type TeamRulesDocument } from '../team-rules/team-rules-document';
import type { TeamRulesStatus } from '../messaging/team-rules-protocol';

/**
 * Keeps this browser's copy of the team's published rules current: reads the CRM's index of
 * revisions, fetches the ones it has not seen (newest first, a few per check), and remembers
 * when the CRM last answered. Publishing writes the next revision and reads it back. The panel
 * runs on the newest readable revision; with none published, each browser's own settings apply.
 */

/** At least this often while the browser is open (and at startup, and when the options page opens). */
export const TEAM_RULES_REFRESH_MS = 60 * 60 * 1000;
/** Revisions fetched in one check (older ones follow on the next checks; the newest comes first). */
const FETCH_PER_CHECK = 5;
/** Revisions kept for Insights' version list. */
const KEEP_REVISIONS = 50;

export interface TeamRulesSyncDeps {
  locate(): Promise<TeamRulesLocation>;
  readCache(): Promise<TeamRulesCache | null>;
  writeCache(cache: TeamRulesCache): Promise<void>;
  /** After the newest revision changed: local copies without a draft follow it (see adoptPublished). */
  onNewRevision?(next: TeamRulesDocument, previous: TeamRulesDocument | null): Promise<void>;
  now(): number;
}

export interface PublishInput {
  settings: AdminSettingValues;
  publishedBy: Publisher;
  summary: string;
}

export function createTeamRulesSync(deps: TeamRulesSyncDeps) {
  let running: Promise<TeamRulesStatus> | null = null;
  let memo: Promise<TeamRulesCache | null> | null = null;

  const cache = () => (memo ??= deps.readCache().catch(() => null));
  async function save(next: TeamRulesCache): Promise<void> {
    memo = Promise.resolve(next);
    await deps.writeCache(next);
  }

  /** The cache for this location, or an empty one (another account's revisions never apply). */
  async function cacheFor(location: TeamRulesLocation): Promise<TeamRulesCache> {
    const current = await cache();
    if (current && current.key === location.key) return current;
    return { key: location.key, revisions: [], listedRevision: null, unreadable: [], checkedAt: null, error: null, errorAt: null };
  }

  async function check(): Promise<TeamRulesStatus> {
    let location: TeamRulesLocation;
    try {
      location = await deps.locate();
    } catch (error) {
      return statusOf(await cache(), null, describe(error));
    }
    const before = await cacheFor(location);
    if (!location.store) return statusOf(before, location, null);
    const store = location.store;
    try {
      const refs = await store.list();
      const known = new Set([...before.revisions.map((d) => d.revision), ...before.unreadable.map((u) => u.revision)]);
      const missing = refs.filter((ref) => !known.has(ref.revision)).slice(0, FETCH_PER_CHECK);
      const fetched: TeamRulesDocument[] = [];
      const unreadable = [...before.unreadable];
      for (const ref of missing) {
        const read = await readRevision(ref, await store.read(ref));
        if (read.ok) fetched.push(read.document);
        else unreadable.push({ revision: ref.revision, problem: read.problem });
      }
      const revisions = [...fetched, ...before.revisions].sort((a, b) => b.revision - a.revision).slice(0, KEEP_REVISIONS);
      const next: TeamRulesCache = { key: location.key, revisions, listedRevision: refs[0]?.revision ?? null, unreadable, checkedAt: deps.now(), error: null, errorAt: null };
      const previous = before.revisions[0] ?? null;
      await save(next);
      const newest = revisions[0];
      if (newest && newest.revision !== previous?.revision) await deps.onNewRevision?.(newest, previous);
      return statusOf(next, location, null);
    } catch (error) {
      const failed: TeamRulesCache = { ...before, error: describe(error), errorAt: deps.now() };
      await save(failed);
      return statusOf(failed, location, null);
    }
  }

  let queued: Promise<TeamRulesStatus> | null = null;
  /**
   * Reads the CRM's index now, one check at a time. A call during a check gets a check that
   * starts after it (the connection may have changed since it began); calls meanwhile share it.
   */
  const refresh = (): Promise<TeamRulesStatus> => {
    if (!running) return (running = check().finally(() => (running = null)));
    return (queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return refresh();
      }));
  };

  return {
    refresh,
    /** Refreshes only when the last check is older than the refresh period (no request otherwise). */
    async refreshIfDue(): Promise<void> {
      const current = await cache();
      const last = Math.max(current?.checkedAt ?? 0, current?.errorAt ?? 0);
      if (deps.now() - last >= TEAM_RULES_REFRESH_MS) await refresh();
    },
    /** The newest readable published revision for the connected account (no request). */
    async current(): Promise<TeamRulesDocument | null> {
      const [cached, location] = await Promise.all([cache(), deps.locate().catch(() => null)]);
      // Rules read from another account (the admin switched CRM) never apply here.
      if (!cached || (location && location.key !== cached.key)) return null;
      return cached.revisions[0] ?? null;
    },
    async status(): Promise<TeamRulesStatus> {
      try {
        const location = await deps.locate();
        return statusOf(await cacheFor(location), location, null);
      } catch (error) {
        return statusOf(await cache(), null, describe(error));
      }
    },
    /** Publishes the settings as the next revision; refuses when another admin published first. */
    async publish(input: PublishInput): Promise<TeamRulesStatus> {
      const location = await deps.locate();
      if (!location.store) throw new CrmError('rejected', `Baton cannot keep shared rules in ${location.crmLabel} yet: export them as files and import them in each browser.`);
      const refs = await location.store.list();
      const document: TeamRulesDocument = {
        format: TEAM_RULES_FORMAT,
        revision: (refs[0]?.revision ?? 0) + 1,
        publishedAt: deps.now(),
        publishedBy: input.publishedBy,
        summary: input.summary,
        settings: input.settings,
      };
      const text = encodeTeamRules(document);
      if (text.length > location.store.maxTextLength) {
        throw new CrmError('rejected', `These rules are too long to publish to ${location.crmLabel} (${text.length.toLocaleString('en')} characters; it holds ${location.store.maxTextLength.toLocaleString('en')}). Shorten the longest lists.`);
      }
      await location.store.publish({ revision: document.revision, text, label: revisionLabel(document) });
      return refresh();
    },
  };
}

export type TeamRulesSync = ReturnType<typeof createTeamRulesSync>;

async function readRevision(ref: PublishedRevisionRef, text: string) {
  const raw = decodeTeamRules(text);
  if (raw === null) return { ok: false as const, problem: 'the stored text is not Baton rules (edited or damaged in the CRM)' };
  const parsed = parseTeamRulesDocument(raw);
  if (parsed.ok && parsed.document.revision !== ref.revision) return { ok: false as const, problem: `it says it is revision ${parsed.document.revision}` };
  return parsed;
}

function revisionLabel(document: TeamRulesDocument): string {
  const date = new Date(document.publishedAt).toISOString().slice(0, 10);
  return `Revision ${document.revision} · ${date} · ${document.publishedBy.name}`;
}

function describe(error: unknown): string {
  if (error instanceof CrmError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function summaryOf(document: TeamRulesDocument) {
  return {
    revision: document.revision,
    publishedAt: document.publishedAt,
    publishedBy: document.publishedBy,
    summary: document.summary,
    definitionVersion: String(document.settings['sql-definition'].version),
  };
}

function statusOf(cache: TeamRulesCache | null, location: TeamRulesLocation | null, locateError: string | null): TeamRulesStatus {
  const current = cache?.revisions[0] ?? null;
  return {
    available: location ? location.store !== null : null,
    crmLabel: location?.crmLabel ?? null,
    current: current ? { ...summaryOf(current), settings: { ...current.settings } } : null,
    revisions: (cache?.revisions ?? []).map(summaryOf),
    newestUnreadable: cache && cache.listedRevision !== null && current && cache.listedRevision > current.revision
      ? cache.unreadable.find((u) => u.revision === cache.listedRevision) ?? { revision: cache.listedRevision, problem: 'not read yet' }
      : cache && cache.listedRevision !== null && !current ? cache.unreadable[0] ?? null : null,
    checkedAt: cache?.checkedAt ?? null,
    error: locateError ?? cache?.error ?? null,
    errorAt: cache?.errorAt ?? null,
  };
}
