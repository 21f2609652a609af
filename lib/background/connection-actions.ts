import type { ConnectionCheck } from '../crm/hubspot/check-connection';
import { detectHubSpotTokenKind } from '../crm/hubspot/token-kind';
import type { ConnectionStatus } from '../messaging/protocol';
import type { ConnectionSettings } from '../storage/connection-settings';

/*
 * What the options page asks the background about the HubSpot connection: store or forget the
 * token (kept by the background only), and check it. What a check learns (the portal, the token's
 * kind and expiry) is kept in the connection settings, where the rep's panel reads it without a
 * request of its own.
 */

export interface ConnectionActionsDeps {
  readToken(): Promise<string | null>;
  writeToken(token: string): Promise<void>;
  deleteToken(): Promise<void>;
  readSettings(): Promise<ConnectionSettings>;
  writeSettings(settings: ConnectionSettings): Promise<void>;
  check(token: string): Promise<ConnectionCheck>;
  /** Writes parked for "reconnect" can go once a new token is stored. */
  resumeParkedForAuth(): Promise<void>;
}

export function createConnectionActions(deps: ConnectionActionsDeps) {
  return {
    async saveToken(token: string): Promise<void> {
      await deps.writeToken(token);
      // The kind is known from the token's shape; its expiry once the check (which follows) asks HubSpot.
      await deps.writeSettings({ ...(await deps.readSettings()), kind: 'hubspot', hubspotPortalId: null, hubspotToken: { kind: detectHubSpotTokenKind(token).kind, expiresAt: null } });
      await deps.resumeParkedForAuth();
    },

    async forgetToken(): Promise<void> {
      await deps.deleteToken();
      await deps.writeSettings({ ...(await deps.readSettings()), hubspotPortalId: null, hubspotToken: null });
    },

    async connectionStatus(): Promise<ConnectionStatus> {
      const token = await deps.readToken();
      if (!token) return { hasToken: false, check: null };
      const check = await deps.check(token);
      const settings = await deps.readSettings();
      // A check that could not read the expiry (HubSpot already refuses an expired token) keeps
      // the one stored before, not null.
      const known = check.token ? { kind: check.token.kind, expiresAt: check.token.expiresAt ?? settings.hubspotToken?.expiresAt ?? null } : settings.hubspotToken;
      await deps.writeSettings({ ...settings, ...(check.ok && check.portalId ? { hubspotPortalId: check.portalId } : {}), hubspotToken: known });
      return { hasToken: true, check };
    },
  };
}
