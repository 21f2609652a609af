import { CrmError } from '../crm/crm-error';
import type { CrmReporting } from '../crm/crm-reporting-port';
import type { RepIdentity } from '../domain/queue/queue-lead';
import type { RepStatus } from '../messaging/queue-protocol';
import type { StoredRepIdentity } from '../storage/rep-identity-store';

/*
 * Who "me" is, CRM-neutral: the user the CRM connection signed in as where the provider can say
 * (readSignedInUser), otherwise the rep's one-time choice among the CRM's owners, checked against
 * the CRM when made. Kept per connection (a portal or org), so another connection asks again.
 * `currentRep()` is what the rest of the background calls (the queue, and dispositions' "who decided").
 */

export interface RepIdentityDeps {
  openReporting(): Promise<CrmReporting>;
  crmLabel(): Promise<string>;
  read(): Promise<StoredRepIdentity | null>;
  write(identity: StoredRepIdentity): Promise<void>;
  clear(): Promise<void>;
  now(): number;
}

export interface RepIdentityService {
  /** The rep for the connected CRM, or null when Baton does not know (or cannot reach the CRM to ask). */
  currentRep(): Promise<RepIdentity | null>;
  status(): Promise<RepStatus>;
  listOwners(): Promise<RepIdentity[]>;
  choose(ownerId: string): Promise<RepStatus>;
  clear(): Promise<RepStatus>;
}

const toRep = (stored: StoredRepIdentity): RepIdentity => ({ ownerId: stored.ownerId, name: stored.name, email: stored.email });

export function createRepIdentityService(deps: RepIdentityDeps): RepIdentityService {
  /** The stored identity when it belongs to this connection; else the CRM's signed-in user, kept. */
  async function resolve(reporting: CrmReporting): Promise<StoredRepIdentity | null> {
    const stored = await deps.read();
    if (stored && stored.connection === reporting.key) return stored;
    if (!reporting.readSignedInUser) return null;
    const user = await reporting.readSignedInUser();
    if (!user) return null;
    const identity: StoredRepIdentity = { version: 1, connection: reporting.key, source: 'crm', ownerId: user.ownerId, name: user.name, email: user.email, verifiedAt: deps.now() };
    await deps.write(identity);
    return identity;
  }

  async function status(): Promise<RepStatus> {
    const crmLabel = await deps.crmLabel();
    let reporting: CrmReporting;
    try {
      reporting = await deps.openReporting();
    } catch (err) {
      // Not connected (or signed out): nothing to ask yet; the page says so without an error.
      if (err instanceof CrmError && (err.kind === 'auth' || err.kind === 'rejected')) return { rep: null, source: null, crmLabel, canChoose: false, connected: false };
      throw err;
    }
    const identity = await resolve(reporting);
    return { rep: identity ? toRep(identity) : null, source: identity?.source ?? null, crmLabel, canChoose: !!reporting.readOwners, connected: true };
  }

  return {
    async currentRep() {
      try {
        const identity = await resolve(await deps.openReporting());
        return identity ? toRep(identity) : null;
      } catch (err) {
        if (err instanceof CrmError) return null;
        throw err;
      }
    },
    status,
    async listOwners() {
      const reporting = await deps.openReporting();
      if (!reporting.readOwners) throw new CrmError('rejected', `${await deps.crmLabel()} does not let Baton list its users; Baton uses the user you connected as.`);
      const owners = await reporting.readOwners();
      return owners.sort((a, b) => (a.name ?? a.email ?? a.ownerId).localeCompare(b.name ?? b.email ?? b.ownerId));
    },
    async choose(ownerId) {
      const reporting = await deps.openReporting();
      if (!reporting.readOwners) throw new CrmError('rejected', `${await deps.crmLabel()} does not let Baton list its users.`);
      // Checked against the CRM now: an id typed or remembered from elsewhere is not kept.
      const owner = (await reporting.readOwners()).find((o) => o.ownerId === ownerId);
      if (!owner) throw new CrmError('not_found', `${await deps.crmLabel()} has no active user with that id. Choose yourself from the list again.`);
      await deps.write({ version: 1, connection: reporting.key, source: 'chosen', ownerId: owner.ownerId, name: owner.name, email: owner.email, verifiedAt: deps.now() });
      return status();
    },
    async clear() {
      await deps.clear();
      return status();
    },
  };
}
