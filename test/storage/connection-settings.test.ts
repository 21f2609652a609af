import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionSettingsItem, readConnectionSettings, writeConnectionSettings } from '../../lib/storage/connection-settings';

describe('connection settings (WXT storage item, versioned)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to HubSpot outside demo builds', async () => {
    expect(await readConnectionSettings()).toMatchObject({ kind: 'hubspot', hubspotPortalId: null });
  });

  it('round-trips a valid value', async () => {
    await writeConnectionSettings({ kind: 'sandbox', sandboxUrl: 'http://localhost:9999', hubspotPortalId: null, hubspotToken: null });
    expect(await readConnectionSettings()).toMatchObject({ kind: 'sandbox', sandboxUrl: 'http://localhost:9999' });
  });

  it('refuses to write an invalid value', async () => {
    await expect(writeConnectionSettings({ kind: 'sandbox', sandboxUrl: 'https://evil.example', hubspotPortalId: null, hubspotToken: null })).rejects.toThrow();
  });

  it('falls back to defaults when storage holds something malformed', async () => {
    await fakeBrowser.storage.local.set({ connection: { kind: 'salesforce', sandboxUrl: 42 } });
    expect(await readConnectionSettings()).toMatchObject({ kind: 'hubspot' });
  });

  it('never stores the HubSpot token in extension storage', async () => {
    await writeConnectionSettings({ kind: 'hubspot', sandboxUrl: 'http://127.0.0.1:4477', hubspotPortalId: '42', hubspotToken: { kind: 'static', expiresAt: null } });
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    // Only the token's kind and expiry are kept here, never the token.
    expect(everything).not.toMatch(/pat-|"token"/i);
  });

  it('keeps the token kind and expiry, and reads settings stored before it was kept', async () => {
    await writeConnectionSettings({ kind: 'hubspot', sandboxUrl: 'http://127.0.0.1:4477', hubspotPortalId: '42', hubspotToken: { kind: 'oauth_access', expiresAt: 1_800_000 } });
    expect((await readConnectionSettings()).hubspotToken).toEqual({ kind: 'oauth_access', expiresAt: 1_800_000 });
    // What Baton stored before: the never-set hubspotTokenKind, no hubspotToken. Not a reset to defaults.
    await fakeBrowser.storage.local.set({ connection: { kind: 'sandbox', sandboxUrl: 'http://localhost:9999', hubspotPortalId: null, hubspotTokenKind: null } });
    expect(await readConnectionSettings()).toEqual({ kind: 'sandbox', sandboxUrl: 'http://localhost:9999', hubspotPortalId: null, hubspotToken: null });
  });
});
