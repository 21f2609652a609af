import { describe, expect, it } from 'vitest';
import { createCrmConnections } from '../../lib/crm/crm-connections';
import type { CrmDescriptor } from '../../lib/crm/crm-descriptor';
import type { CrmProvider } from '../../lib/crm/crm-provider';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';
import { EMPTY_MANAGED_POLICY, type ManagedPolicy } from '../../lib/storage/managed-policy-parse';

/*
 * Chrome's first read of IT's policy on a fresh profile can take seconds. The settings in use are
 * read after that wait, not before it: otherwise a choice the admin saved during the wait (another
 * CRM, another address) is missed, and the options page shows the old connection.
 */

const provider = (kind: string): CrmProvider => ({
  descriptor: { kind, label: kind.toUpperCase(), rank: 1, pageMatches: [], readPage: () => null, apiHosts: [] } as unknown as CrmDescriptor,
  connect: () => {
    throw new Error('not used here');
  },
});

describe('the settings in use, under a slow first policy read', () => {
  it('are the ones stored when the policy arrives, not when the read began', async () => {
    let stored: ConnectionSettings = { ...defaultConnectionSettings(false), provider: 'alpha' };
    let policyArrives!: (policy: ManagedPolicy) => void;
    const policy = new Promise<ManagedPolicy>((resolve) => (policyArrives = resolve));
    const connections = createCrmConnections({
      providers: [provider('alpha'), provider('beta')],
      demoBuild: false,
      readSettings: async () => stored,
      writeSettings: async (next) => void (stored = next),
      readSecret: async () => null,
      writeSecret: async () => undefined,
      deleteSecret: async () => undefined,
      readWriteRules: () => Promise.reject(new Error('not used here')),
      readManagedPolicy: () => policy,
    });

    const target = connections.activeTarget();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The admin picks another CRM while the policy read is still on its way.
    stored = { ...stored, provider: 'beta' };
    policyArrives(EMPTY_MANAGED_POLICY);

    expect((await target).crm).toBe('beta');
  });
});
