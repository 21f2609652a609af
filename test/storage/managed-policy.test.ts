import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';
import { applyManagedConnection, managedConnectionFields, managedCredential, managedEngagementSource } from '../../lib/storage/managed-policy-overlay';
import { EMPTY_MANAGED_POLICY, isPolicySet, parseManagedPolicy, type ManagedPolicy } from '../../lib/storage/managed-policy-parse';
import { MANAGED_POLICY_JSON_SCHEMA, MANAGED_POLICY_KEYS, managedPolicySchemaJson, type ChromePolicySchema } from '../../lib/storage/managed-policy-schema';

const KINDS = ['alpha', 'beta'];
const DEMO = { demoBuild: true, providerKinds: KINDS };
const PRODUCTION = { demoBuild: false, providerKinds: KINDS };

describe('the managed_schema.json Chrome validates policy with', () => {
  /** Chrome's subset: one type per schema, known attributes only, no additionalProperties at the top. */
  function check(schema: ChromePolicySchema, path: string, top: boolean): string[] {
    const allowed = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items', 'enum', '$ref', 'id', 'pattern', 'patternProperties', 'minimum', 'maximum']);
    const problems = Object.keys(schema).filter((key) => !allowed.has(key)).map((key) => `${path}: unknown attribute ${key}`);
    if (!['string', 'boolean', 'integer', 'number', 'object', 'array'].includes(schema.type)) problems.push(`${path}: type ${String(schema.type)}`);
    if (schema.type === 'object') {
      if (top && schema.additionalProperties) problems.push(`${path}: additionalProperties at the top level`);
      for (const [key, child] of Object.entries(schema.properties ?? {})) problems.push(...check(child, `${path}.${key}`, false));
      if (schema.additionalProperties) problems.push(...check(schema.additionalProperties, `${path}.*`, false));
    }
    return problems;
  }

  it('is an object of the policy names, in the subset Chrome accepts', () => {
    expect(MANAGED_POLICY_JSON_SCHEMA.type).toBe('object');
    expect(check(MANAGED_POLICY_JSON_SCHEMA, 'schema', true)).toEqual([]);
    expect(Object.keys(MANAGED_POLICY_JSON_SCHEMA.properties)).toEqual([...MANAGED_POLICY_KEYS]);
    expect(JSON.parse(managedPolicySchemaJson())).toEqual(MANAGED_POLICY_JSON_SCHEMA);
  });

  it('names no local host (the same file ships in the production build)', () => {
    expect(managedPolicySchemaJson()).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});

describe('parseManagedPolicy', () => {
  it('reads nothing set as nothing managed, with no problem', () => {
    expect(parseManagedPolicy({}, DEMO)).toEqual({ policy: EMPTY_MANAGED_POLICY, problems: [] });
    expect(parseManagedPolicy(undefined, DEMO)).toEqual({ policy: EMPTY_MANAGED_POLICY, problems: [] });
    expect(isPolicySet(EMPTY_MANAGED_POLICY)).toBe(false);
  });

  it('reads a whole vendor policy', () => {
    const { policy, problems } = parseManagedPolicy(
      {
        provider: ' Beta ',
        account: 'acme.example.com',
        address: 'vendor',
        consumerKey: '3MVG9abcdefghijklmnopqrstuvwxyz',
        loginHost: 'https://Login.Example.com/',
        serviceKey: 'key-123',
        engagementSources: { gamma: { endpoint: 'https://123-abc.example.com/', clientId: 'client-1' }, delta: { businessUnitId: '0Uv000000000001', host: 'demo' } },
      },
      PRODUCTION,
    );
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      provider: 'beta',
      account: 'acme.example.com',
      address: { kind: 'vendor' },
      consumerKey: '3MVG9abcdefghijklmnopqrstuvwxyz',
      loginHost: 'login.example.com',
      serviceKey: 'key-123',
      engagementSources: {
        gamma: { endpoint: 'https://123-abc.example.com', clientId: 'client-1' },
        delta: { businessUnitId: '0Uv000000000001', host: 'demo' },
      },
    });
    expect(isPolicySet(policy)).toBe(true);
  });

  it('accepts the sandbox address in demo builds only', () => {
    expect(parseManagedPolicy({ address: 'http://127.0.0.1:4477' }, DEMO).policy.address).toEqual({ kind: 'sandbox', baseUrl: 'http://127.0.0.1:4477' });
    const production = parseManagedPolicy({ address: 'http://127.0.0.1:4477' }, PRODUCTION);
    expect(production.policy.address).toBeNull();
    expect(production.problems).toEqual([{ field: 'address', message: expect.stringContaining('only available in demo builds') }]);
    expect(parseManagedPolicy({ address: 'http://evil.example:4477' }, DEMO).problems).toEqual([{ field: 'address', message: expect.any(String) }]);
  });

  it('reports each bad value and keeps the good ones', () => {
    const { policy, problems } = parseManagedPolicy(
      { provider: 'alpha', account: 'two words', serviceKey: 7, loginHost: 'http://x', colour: 'blue', engagementSources: { gamma: { endpoint: 'http://plain.example.com', clientId: 'ok' }, delta: 'nope', epsilon: { endpoint: 'ftp://x' } } },
      DEMO,
    );
    expect(policy.provider).toBe('alpha');
    expect(policy.account).toBeNull();
    expect(policy.serviceKey).toBeNull();
    expect(policy.loginHost).toBeNull();
    expect(policy.engagementSources).toEqual({ gamma: { clientId: 'ok' } });
    expect(problems.map((p) => p.field).sort()).toEqual(['account', 'colour', 'engagementSources.delta', 'engagementSources.epsilon.endpoint', 'engagementSources.gamma.endpoint', 'loginHost', 'serviceKey']);
  });

  it('ignores an account or a key without the CRM it belongs to, and says why', () => {
    const { policy, problems } = parseManagedPolicy({ account: '4711', serviceKey: 'key' }, DEMO);
    expect(policy).toEqual(EMPTY_MANAGED_POLICY);
    expect(problems).toEqual([
      { field: 'account', message: expect.stringContaining('set "provider" too') },
      { field: 'serviceKey', message: expect.stringContaining('set "provider" too') },
    ]);
    const unknown = parseManagedPolicy({ provider: 'omega', serviceKey: 'key' }, DEMO);
    expect(unknown.policy.provider).toBeNull();
    expect(unknown.policy.serviceKey).toBeNull();
    expect(unknown.problems.map((p) => p.field)).toEqual(['provider', 'serviceKey']);
  });

  it('never throws, whatever the policy holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...MANAGED_POLICY_KEYS, 'other'), fc.anything())), (raw) => {
        const { policy, problems } = parseManagedPolicy(raw, DEMO);
        expect(Array.isArray(problems)).toBe(true);
        expect(policy.provider === null || KINDS.includes(policy.provider)).toBe(true);
      }),
    );
  });
});

const policyArbitrary: fc.Arbitrary<ManagedPolicy> = fc.record({
  provider: fc.option(fc.constantFrom(...KINDS), { nil: null }),
  account: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  address: fc.option(fc.oneof(fc.constant({ kind: 'vendor' as const }), fc.integer({ min: 1, max: 65535 }).map((port) => ({ kind: 'sandbox' as const, baseUrl: `http://127.0.0.1:${port}` }))), { nil: null }),
  consumerKey: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  loginHost: fc.option(fc.domain(), { nil: null }),
  serviceKey: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  engagementSources: fc.constant({}),
});

const settingsArbitrary: fc.Arbitrary<ConnectionSettings & { sources?: unknown }> = fc.record({
  schema: fc.constant(2 as const),
  provider: fc.constantFrom(...KINDS),
  address: fc.constantFrom('vendor' as const, 'sandbox' as const),
  sandboxUrl: fc.constant('http://127.0.0.1:4477'),
  providers: fc.dictionary(fc.constantFrom(...KINDS), fc.record({ account: fc.option(fc.string(), { nil: null }), credential: fc.constant(null) })),
  // Settings other parts of Baton keep in the same record pass through.
  sources: fc.option(fc.dictionary(fc.string(), fc.string()), { nil: undefined }),
});

describe('applyManagedConnection', () => {
  it('puts the managed provider, address and account over the stored ones', () => {
    const stored: ConnectionSettings = { ...defaultConnectionSettings(true), provider: 'alpha', providers: { alpha: { account: '1', credential: { kind: 'key', expiresAt: null } } } };
    const policy: ManagedPolicy = { ...EMPTY_MANAGED_POLICY, provider: 'beta', account: 'acme', address: { kind: 'vendor' } };
    expect(applyManagedConnection(stored, policy)).toEqual({ ...stored, provider: 'beta', address: 'vendor', providers: { alpha: stored.providers.alpha, beta: { account: 'acme', credential: null } } });
    // The stored credential facts of the managed provider are kept.
    expect(applyManagedConnection(stored, { ...policy, provider: 'alpha' }).providers.alpha).toEqual({ account: 'acme', credential: { kind: 'key', expiresAt: null } });
    expect(applyManagedConnection(stored, { ...EMPTY_MANAGED_POLICY, address: { kind: 'sandbox', baseUrl: 'http://127.0.0.1:9' } })).toEqual({ ...stored, address: 'sandbox', sandboxUrl: 'http://127.0.0.1:9' });
  });

  it('changes nothing when nothing is managed, and what it sets always wins', () => {
    fc.assert(
      fc.property(settingsArbitrary, policyArbitrary, (stored, policy) => {
        expect(applyManagedConnection(stored, EMPTY_MANAGED_POLICY)).toEqual(stored);
        const used = applyManagedConnection(stored, policy);
        expect(used.provider).toBe(policy.provider ?? stored.provider);
        if (policy.address) expect(used.address).toBe(policy.address.kind);
        else expect({ address: used.address, sandboxUrl: used.sandboxUrl }).toEqual({ address: stored.address, sandboxUrl: stored.sandboxUrl });
        if (policy.provider && policy.account) expect(used.providers[policy.provider]?.account).toBe(policy.account);
        // Other providers' state and other settings are untouched; applying twice is applying once.
        for (const kind of Object.keys(stored.providers)) if (kind !== policy.provider) expect(used.providers[kind]).toEqual(stored.providers[kind]);
        expect(used.sources).toEqual(stored.sources);
        expect(applyManagedConnection(used, policy)).toEqual(used);
      }),
    );
  });
});

describe('managed credential, engagement sources and locked fields', () => {
  const policy: ManagedPolicy = { ...EMPTY_MANAGED_POLICY, provider: 'alpha', serviceKey: 'key-1', consumerKey: 'ck', engagementSources: { gamma: { endpoint: 'https://x.example.com', clientId: 'c' }, epsilon: {} } };

  it('gives the service key to the managed provider only', () => {
    expect(managedCredential(policy, 'alpha')).toBe('key-1');
    expect(managedCredential(policy, 'beta')).toBeNull();
    expect(managedCredential(EMPTY_MANAGED_POLICY, 'alpha')).toBeNull();
  });

  it("returns a source's settings by its kind", () => {
    expect(managedEngagementSource(policy, 'gamma')).toEqual({ endpoint: 'https://x.example.com', clientId: 'c' });
    // Over a source's stored settings, as they are.
    expect({ endpoint: 'https://old.example.com', clientId: 'old', other: 'kept' , ...managedEngagementSource(policy, 'gamma') }).toEqual({ endpoint: 'https://x.example.com', clientId: 'c', other: 'kept' });
    expect(managedEngagementSource(policy, 'delta')).toBeNull();
    expect(managedEngagementSource(policy, 'epsilon')).toBeNull();
  });

  it('locks exactly what the policy sets', () => {
    expect(managedConnectionFields(policy)).toEqual({ provider: true, address: false, account: false, consumerKey: true, loginHost: false, credential: true });
    expect(Object.values(managedConnectionFields(EMPTY_MANAGED_POLICY)).some(Boolean)).toBe(false);
  });
});
