import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sourceSettingsOf, withSourceSettings } from '../../lib/crm/engagement-source-settings';
import { defaultConnectionSettings, readConnectionSettings, writeConnectionSettings } from '../../lib/storage/connection-settings';

/** The engagement sources' part of the connection settings: optional, versioned, never breaking the rest. */
describe('engagement source settings in the connection settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('settings stored before sources existed read as they were', async () => {
    const before = { schema: 2, provider: 'salesforce', address: 'vendor', sandboxUrl: 'http://127.0.0.1:4477', providers: { salesforce: { account: 'acme.my.salesforce.com', credential: null } } };
    await fakeBrowser.storage.local.set({ connection: before });
    const read = await readConnectionSettings();
    expect(read).toMatchObject(before);
    expect(read.engagementSources).toBeUndefined();
  });

  it('a malformed sources part is dropped; the CRM connection is kept', async () => {
    await fakeBrowser.storage.local.set({ connection: { schema: 2, provider: 'salesforce', address: 'vendor', sandboxUrl: 'http://127.0.0.1:4477', providers: {}, engagementSources: { version: 9, sources: 'x' } } });
    const read = await readConnectionSettings();
    expect(read.provider).toBe('salesforce');
    expect(read.engagementSources).toBeUndefined();
  });

  it('round-trips each source its own settings; removing one keeps the others', async () => {
    let settings = defaultConnectionSettings(false);
    settings = { ...settings, engagementSources: withSourceSettings(settings.engagementSources, 'one', { endpoint: 'https://a' }) };
    settings = { ...settings, engagementSources: withSourceSettings(settings.engagementSources, 'two', { id: 'b' }) };
    await writeConnectionSettings(settings);
    const read = await readConnectionSettings();
    expect(sourceSettingsOf(read.engagementSources, 'one')).toEqual({ endpoint: 'https://a' });
    const removed = withSourceSettings(read.engagementSources, 'one', null);
    expect(removed).toEqual({ version: 1, sources: { two: { id: 'b' } } });
    expect(sourceSettingsOf(removed, 'one')).toBeNull();
    // No secret is ever in this part: only what the forms show.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/secret/i);
  });
});
