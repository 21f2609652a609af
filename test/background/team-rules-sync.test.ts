import { describe, expect, it, vi } from 'vitest';
import { createTeamRulesSync } from '../../lib/background/team-rules-sync';
import type { TeamRulesLocation } from '../../lib/crm/crm-connections';
import { CrmError } from '../../lib/crm/crm-error';
import type { PublishedRevisionRef, TeamRulesStore } from '../../lib/crm/team-rules-port';
import type { TeamRulesCache } from '../../lib/storage/team-rules-cache';
import { encodeTeamRules } from '../../lib/team-rules/team-rules-codec';
import { defaultSettings, documentOf, settingsWithDefinitionVersion } from '../team-rules/team-rules-fixture';

/** A CRM's rules store in memory, counting requests, able to go offline. */
function memoryStore() {
  const texts = new Map<string, string>();
  const index: PublishedRevisionRef[] = [];
  const calls = { list: 0, read: 0, publish: 0 };
  let offline = false;
  const guard = () => {
    if (offline) throw new CrmError('network', 'The CRM could not be reached.');
  };
  const store: TeamRulesStore = {
    maxTextLength: 65_536,
    async list() {
      calls.list++;
      guard();
      return [...index].sort((a, b) => b.revision - a.revision);
    },
    async read(ref) {
      calls.read++;
      guard();
      return texts.get(ref.ref) ?? '';
    },
    async publish({ revision, text }) {
      calls.publish++;
      guard();
      if (index.some((r) => r.revision === revision)) throw new CrmError('rejected', 'taken', { status: 409 });
      const ref = { revision, ref: `note-${revision}` };
      texts.set(ref.ref, text);
      index.push(ref);
      return ref;
    },
  };
  return {
    store,
    calls,
    setOffline: (value: boolean) => (offline = value),
    /** Another admin (or a damaged record) puts text straight into the CRM. */
    put: (revision: number, text: string) => {
      texts.set(`note-${revision}`, text);
      index.push({ revision, ref: `note-${revision}` });
    },
  };
}

function harness(options: { key?: () => string; store?: ReturnType<typeof memoryStore> } = {}) {
  const crm = options.store ?? memoryStore();
  let saved: TeamRulesCache | null = null;
  let now = Date.parse('2026-12-04T09:00:00Z');
  const adopted = vi.fn(async () => {});
  const location = (): TeamRulesLocation => ({ store: crm.store, key: options.key?.() ?? 'hubspot|123', crmLabel: 'HubSpot' });
  const deps = {
    locate: async () => location(),
    readCache: async () => saved,
    writeCache: async (cache: TeamRulesCache) => {
      saved = JSON.parse(JSON.stringify(cache)) as TeamRulesCache;
    },
    onNewRevision: adopted,
    now: () => now,
  };
  return { crm, deps, sync: createTeamRulesSync(deps), adopted, saved: () => saved, advance: (ms: number) => (now += ms) };
}

const publisher = { name: 'Ana Ruiz', email: null };

describe('team rules sync', () => {
  it('has no published rules until an admin publishes; then every browser reads the same revision', async () => {
    const admin = harness();
    expect(await admin.sync.current()).toBeNull();
    expect((await admin.sync.refresh()).current).toBeNull();

    const status = await admin.sync.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: publisher, summary: 'CFOs are decision makers' });
    expect(status.current).toMatchObject({ revision: 1, definitionVersion: '2', summary: 'CFOs are decision makers', publishedBy: publisher });

    const rep = harness({ store: admin.crm });
    await rep.sync.refresh();
    expect((await rep.sync.current())?.settings['sql-definition'].version).toBe(2);
    expect(rep.adopted).toHaveBeenCalledTimes(1);
  });

  it('reads each revision once: a check with nothing new costs one request', async () => {
    const h = harness();
    await h.sync.publish({ settings: defaultSettings(), publishedBy: publisher, summary: 'first' });
    await h.sync.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: publisher, summary: 'second' });
    const before = { ...h.crm.calls };
    await h.sync.refresh();
    expect(h.crm.calls.list - before.list).toBe(1);
    expect(h.crm.calls.read - before.read).toBe(0);
    expect((await h.sync.current())?.revision).toBe(2);
  });

  it('numbers revisions after what the CRM holds, so two admins never publish the same number', async () => {
    const first = harness();
    const second = harness({ store: first.crm });
    await first.sync.publish({ settings: defaultSettings(), publishedBy: publisher, summary: 'first' });
    const status = await second.sync.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: { name: 'Sam Lee', email: null }, summary: 'second' });
    expect(status.current?.revision).toBe(2);
    expect(status.revisions.map((r) => r.revision)).toEqual([2, 1]);
  });

  it('offline, keeps the last known revision and says when and why the check failed', async () => {
    const h = harness();
    await h.sync.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: publisher, summary: 'v2' });
    h.crm.setOffline(true);
    h.advance(2 * 60 * 60 * 1000);
    const status = await h.sync.refresh();
    expect(status.current?.revision).toBe(1);
    expect(status.error).toBe('The CRM could not be reached.');
    expect(status.errorAt).toBe(Date.parse('2026-12-04T11:00:00Z'));
    expect((await h.sync.current())?.settings['sql-definition'].version).toBe(2);

    h.crm.setOffline(false);
    expect((await h.sync.refresh()).error).toBeNull();
  });

  it('keeps running on the last good revision when the newest cannot be read, and says so', async () => {
    const h = harness();
    await h.sync.publish({ settings: defaultSettings(), publishedBy: publisher, summary: 'first' });
    h.crm.put(2, 'someone edited this note by hand');
    const status = await h.sync.refresh();
    expect(status.current?.revision).toBe(1);
    expect(status.newestUnreadable).toEqual({ revision: 2, problem: 'the stored text is not Baton rules (edited or damaged in the CRM)' });
  });

  it('refuses a revision whose text claims another number', async () => {
    const h = harness();
    h.crm.put(1, encodeTeamRules(documentOf(7)));
    const status = await h.sync.refresh();
    expect(status.current).toBeNull();
    expect(status.newestUnreadable?.problem).toBe('it says it is revision 7');
  });

  it('never applies one account’s rules to another', async () => {
    let key = 'hubspot|111';
    const h = harness({ key: () => key });
    await h.sync.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: publisher, summary: 'v2' });
    key = 'hubspot|222';
    const other = memoryStore();
    const h2 = harness({ key: () => key, store: other });
    // Same cache storage, other account: the cached revision is not this account's.
    await h2.deps.writeCache(h.saved()!);
    const status = await h2.sync.status();
    expect(status.current).toBeNull();
    expect(await h2.sync.current()).toBeNull();
  });

  it('refreshIfDue asks the CRM only when the last check is an hour old', async () => {
    const h = harness();
    await h.sync.refresh();
    const lists = h.crm.calls.list;
    await h.sync.refreshIfDue();
    expect(h.crm.calls.list).toBe(lists);
    h.advance(60 * 60 * 1000);
    await h.sync.refreshIfDue();
    expect(h.crm.calls.list).toBe(lists + 1);
  });

  it('refuses rules too long for the CRM, saying how long', async () => {
    const h = harness();
    const settings = defaultSettings();
    const huge = { ...settings, 'sql-definition': { ...settings['sql-definition'], description: 'x'.repeat(70_000) } };
    await expect(h.sync.publish({ settings: huge as typeof settings, publishedBy: publisher, summary: 'too long' })).rejects.toThrow(/too long to publish to HubSpot/);
    expect(h.crm.calls.publish).toBe(0);
  });
});

describe('team rules sync: a check asked for during another', () => {
  it('runs again after it, so a connection changed meanwhile is read', async () => {
    const good = memoryStore();
    await good.store.publish({ revision: 1, text: encodeTeamRules(documentOf(1)), label: 'r1' });
    let location: TeamRulesLocation = { store: { ...good.store, list: async () => { throw new CrmError('network', 'old address'); } }, key: 'hubspot|sandbox|old', crmLabel: 'HubSpot' };
    let saved: TeamRulesCache | null = null;
    const sync = createTeamRulesSync({
      locate: async () => location,
      readCache: async () => saved,
      writeCache: async (cache) => void (saved = cache),
      now: () => 0,
    });
    const first = sync.refresh();
    location = { store: good.store, key: 'hubspot|sandbox|new', crmLabel: 'HubSpot' };
    const second = sync.refresh();
    expect((await first).error).toBe('old address');
    expect((await second).current?.revision).toBe(1);
  });
});
