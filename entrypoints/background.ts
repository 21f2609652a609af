import { browser } from 'wxt/browser';
import { createCrmService } from '../lib/crm/crm-service';
import { createAdapterResolver } from '../lib/crm/resolve-adapter';
import { checkHubSpotConnection } from '../lib/crm/hubspot/check-connection';
import { createBackgroundRouter } from '../lib/messaging/background-router';
import { readConnectionSettings, writeConnectionSettings } from '../lib/storage/connection-settings';
import { deleteSecret, readSecret, writeSecret } from '../lib/storage/secret-store';

/** Thin wiring: the CRM service and the message router. Logic lives in lib/. */
export default defineBackground(() => {
  const demoBuild = import.meta.env.MODE === 'demo';
  const readHubSpotToken = () => readSecret('hubspot-token');
  const crmService = createCrmService({
    now: Date.now,
    resolveAdapter: createAdapterResolver({ demoBuild, readSettings: readConnectionSettings, readHubSpotToken }),
  });

  const router = createBackgroundRouter({
    extensionId: browser.runtime.id,
    demoBuild,
    crmService,
    saveToken: async (token) => {
      await writeSecret('hubspot-token', token);
      await writeConnectionSettings({ ...(await readConnectionSettings()), kind: 'hubspot', hubspotPortalId: null });
    },
    forgetToken: async () => {
      await deleteSecret('hubspot-token');
      await writeConnectionSettings({ ...(await readConnectionSettings()), hubspotPortalId: null });
    },
    connectionStatus: async () => {
      const token = await readHubSpotToken();
      if (!token) return { hasToken: false, check: null };
      const check = await checkHubSpotConnection(token);
      if (check.ok && check.portalId) await writeConnectionSettings({ ...(await readConnectionSettings()), hubspotPortalId: check.portalId });
      return { hasToken: true, check };
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void router(message, sender).then(sendResponse);
    return true; // answer asynchronously
  });
});
