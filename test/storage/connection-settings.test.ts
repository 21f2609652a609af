import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionSettingsItem, defaultConnectionSettings, readConnectionSettings, writeConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';

const hubspot = (state: ConnectionSettings['providers'][string], over: Partial<ConnectionSettings> = {}): ConnectionSettings => ({
  ...defaultConnectionSettings(false),
  providers: { hubspot: state },
  ...over,
});

describe('connection settings (keyed by provider, versioned)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the first provider (HubSpot), at its own API, outside demo builds', async () => {
    expect(await readConnectionSettings()).toEqual({ schema: 2, provider: 'hubspot', address: 'vendor', sandboxUrl: 'http://127.0.0.1:4477', providers: {} });
  });

  it('round-trips a valid value', async () => {
    await writeConnectionSettings({ ...defaultConnectionSettings(true), address: 'sandbox', sandboxUrl: 'http://localhost:9999' });
    expect(await readConnectionSettings()).toMatchObject({ provider: 'hubspot', address: 'sandbox', sandboxUrl: 'http://localhost:9999' });
  });

  it('refuses to write an invalid value', async () => {
    await expect(writeConnectionSettings({ ...defaultConnectionSettings(true), sandboxUrl: 'https://evil.example' })).rejects.toThrow();
  });

  it('falls back to defaults when storage holds something malformed', async () => {
    await fakeBrowser.storage.local.set({ connection: { kind: 'salesforce', sandboxUrl: 42 } });
    expect(await readConnectionSettings()).toMatchObject({ provider: 'hubspot', providers: {} });
  });

  it('never stores a credential in extension storage', async () => {
    await writeConnectionSettings(hubspot({ account: '42', credential: { kind: 'static', expiresAt: null } }));
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    // Only the credential's kind and expiry are kept here, never the credential.
    expect(everything).not.toMatch(/pat-|"token"/i);
  });

  it('keeps each provider its own account and credential facts', async () => {
    await writeConnectionSettings({ ...hubspot({ account: '42', credential: { kind: 'oauth_access', expiresAt: 1_800_000 } }), providers: { hubspot: { account: '42', credential: { kind: 'oauth_access', expiresAt: 1_800_000 } }, other: { account: 'acme', credential: null } } });
    const read = await readConnectionSettings();
    expect(read.providers.hubspot).toEqual({ account: '42', credential: { kind: 'oauth_access', expiresAt: 1_800_000 } });
    expect(read.providers.other).toEqual({ account: 'acme', credential: null });
  });

  describe('upgrade from the release before the provider registry', () => {
    it('a HubSpot connection keeps its portal and token facts, and is stored in the new shape once', async () => {
      // Exactly what that release wrote (lib/storage/connection-settings.ts, version 1).
      await fakeBrowser.storage.local.set({ connection: { kind: 'hubspot', sandboxUrl: 'http://127.0.0.1:4477', hubspotPortalId: '4711', hubspotToken: { kind: 'oauth_access', expiresAt: 1_800_000 } } });
      const upgraded = await readConnectionSettings();
      expect(upgraded).toEqual({ schema: 2, provider: 'hubspot', address: 'vendor', sandboxUrl: 'http://127.0.0.1:4477', providers: { hubspot: { account: '4711', credential: { kind: 'oauth_access', expiresAt: 1_800_000 } } } });
      expect(await connectionSettingsItem.getValue()).toEqual(upgraded);
    });

    it('a sandbox connection becomes HubSpot pointed at the sandbox; older records without token facts still read', async () => {
      await fakeBrowser.storage.local.set({ connection: { kind: 'sandbox', sandboxUrl: 'http://localhost:9999', hubspotPortalId: null, hubspotTokenKind: null } });
      expect(await readConnectionSettings()).toEqual({ schema: 2, provider: 'hubspot', address: 'sandbox', sandboxUrl: 'http://localhost:9999', providers: { hubspot: { account: null, credential: null } } });
    });
  });
});
