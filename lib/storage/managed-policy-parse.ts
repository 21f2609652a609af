import { z } from 'zod';
import { ENGAGEMENT_SOURCE_KEYS, MANAGED_POLICY_JSON_SCHEMA, type EngagementSourceKey, type ManagedPolicyKey } from './managed-policy-schema';

/*
 * What Baton makes of the values IT set in `storage.managed` (managed-policy-schema.ts): each field
 * on its own, so one bad value is reported and ignored while the others still apply. Pure: the
 * browser read is managed-policy.ts. Reading never throws.
 */

export type ManagedAddress = { kind: 'vendor' } | { kind: 'sandbox'; baseUrl: string };

/** A source's settings IT set, by the source's own setting names (only the ones set). */
export type ManagedEngagementSource = Readonly<Partial<Record<EngagementSourceKey, string>>>;

export interface ManagedPolicy {
  /** The provider kind (lib/crm/<kind>/) Baton connects to; null: not managed. */
  provider: string | null;
  /** The account of that CRM (a portal id, an org's My Domain host). */
  account: string | null;
  address: ManagedAddress | null;
  consumerKey: string | null;
  /** A host name (no scheme, no path). */
  loginHost: string | null;
  /** The credential of a CRM that connects with a key; used in place of a stored one, never copied. */
  serviceKey: string | null;
  /** Per engagement source kind. */
  engagementSources: Readonly<Record<string, ManagedEngagementSource>>;
}

/** A value Baton could not use: which policy field (`engagementSources.<kind>.<key>` for sources) and why. */
export interface ManagedPolicyProblem {
  field: string;
  message: string;
}

export interface ManagedPolicyReading {
  policy: ManagedPolicy;
  problems: ManagedPolicyProblem[];
}

export const EMPTY_MANAGED_POLICY: ManagedPolicy = {
  provider: null,
  account: null,
  address: null,
  consumerKey: null,
  loginHost: null,
  serviceKey: null,
  engagementSources: {},
};

export interface ParseManagedPolicyOptions {
  demoBuild: boolean;
  /** The provider kinds this build knows (the registry's). */
  providerKinds: readonly string[];
}

/** One word: no spaces, at most this long (keys, ids, hosts). */
const word = (max: number) => z.string().trim().min(1, 'It is empty.').max(max, `It is longer than ${max} characters.`).regex(/^\S+$/, 'It contains spaces.');
const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d{1,5})?\/?$/;
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const hostSchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase().replace(/^https:\/\//, '').replace(/\/+$/, ''))
  .refine((host) => HOST.test(host), 'It is not a host name such as login.example.com (no http://, no path).');

const httpsUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'It is not an https:// address.')
  .transform((value) => value.replace(/\/+$/, ''));

const FIELD_SCHEMAS = {
  account: word(255),
  consumerKey: word(256),
  loginHost: hostSchema,
  serviceKey: word(4096),
} satisfies Partial<Record<ManagedPolicyKey, z.ZodType<string>>>;

const SOURCE_SCHEMAS: Record<EngagementSourceKey, z.ZodType<string>> = {
  endpoint: httpsUrlSchema,
  clientId: word(256),
  businessUnitId: word(64),
  host: word(64),
};

/** Policy values that only make sense for the CRM the policy names. */
const PROVIDER_BOUND = ['account', 'consumerKey', 'loginHost', 'serviceKey'] as const;

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'It is not a usable value.';
}

function readString(raw: Record<string, unknown>, key: string, problems: ManagedPolicyProblem[]): string | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ field: key, message: 'It is not text.' });
    return null;
  }
  return value;
}

function parseAddress(value: string, demoBuild: boolean): ManagedAddress | string {
  const trimmed = value.trim();
  if (trimmed === 'vendor') return { kind: 'vendor' };
  if (LOOPBACK.test(trimmed)) {
    if (!demoBuild) return 'The sandbox CRM is only available in demo builds; Baton uses the CRM itself.';
    return { kind: 'sandbox', baseUrl: trimmed.replace(/\/$/, '') };
  }
  return demoBuild ? 'It is neither "vendor" nor a sandbox address such as http://127.0.0.1:4477.' : 'It is not "vendor".';
}

function parseEngagementSources(value: unknown, problems: ManagedPolicyProblem[]): Record<string, ManagedEngagementSource> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ field: 'engagementSources', message: 'It is not a set of sources.' });
    return {};
  }
  const sources: Record<string, ManagedEngagementSource> = {};
  for (const [kind, settings] of Object.entries(value)) {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      problems.push({ field: `engagementSources.${kind}`, message: 'It is not a set of settings.' });
      continue;
    }
    const source: Partial<Record<EngagementSourceKey, string>> = {};
    for (const key of ENGAGEMENT_SOURCE_KEYS) {
      const field = `engagementSources.${kind}.${key}`;
      const raw = (settings as Record<string, unknown>)[key];
      if (raw === undefined || raw === null) continue;
      const parsed = SOURCE_SCHEMAS[key].safeParse(raw);
      if (parsed.success) source[key] = parsed.data;
      else problems.push({ field, message: typeof raw === 'string' ? firstIssue(parsed.error) : 'It is not text.' });
    }
    // A source with nothing usable is not managed (its problems are said above).
    if (Object.keys(source).length) sources[kind] = source;
  }
  return sources;
}

/** Every key the schema declares: anything else in the policy is a typo worth saying. */
const KNOWN_KEYS = new Set(Object.keys(MANAGED_POLICY_JSON_SCHEMA.properties));

export function parseManagedPolicy(raw: unknown, options: ParseManagedPolicyOptions): ManagedPolicyReading {
  const problems: ManagedPolicyProblem[] = [];
  if (raw === undefined || raw === null) return { policy: EMPTY_MANAGED_POLICY, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: EMPTY_MANAGED_POLICY, problems: [{ field: '(policy)', message: 'The policy is not a set of values.' }] };
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ field: key, message: 'Baton has no setting of this name; it is ignored.' });
  }

  const policy: { -readonly [K in keyof ManagedPolicy]: ManagedPolicy[K] } = { ...EMPTY_MANAGED_POLICY };

  const provider = readString(record, 'provider', problems)?.trim().toLowerCase() ?? null;
  if (provider !== null) {
    if (options.providerKinds.includes(provider)) policy.provider = provider;
    else problems.push({ field: 'provider', message: `Baton does not know this CRM. It knows: ${options.providerKinds.join(', ')}.` });
  }

  const address = readString(record, 'address', problems);
  if (address !== null) {
    const parsed = parseAddress(address, options.demoBuild);
    if (typeof parsed === 'string') problems.push({ field: 'address', message: parsed });
    else policy.address = parsed;
  }

  for (const key of PROVIDER_BOUND) {
    const value = readString(record, key, problems);
    if (value === null) continue;
    if (policy.provider === null) {
      // An account or a key means nothing without the CRM it belongs to.
      problems.push({ field: key, message: provider === null ? 'It applies to the CRM the policy names: set "provider" too.' : 'It is ignored, because the CRM it belongs to is not usable.' });
      continue;
    }
    const parsed = FIELD_SCHEMAS[key].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push({ field: key, message: firstIssue(parsed.error) });
  }

  policy.engagementSources = parseEngagementSources(record.engagementSources, problems);
  return { policy, problems };
}

/** Whether IT set anything Baton uses. */
export function isPolicySet(policy: ManagedPolicy): boolean {
  return (
    policy.provider !== null ||
    policy.account !== null ||
    policy.address !== null ||
    policy.consumerKey !== null ||
    policy.loginHost !== null ||
    policy.serviceKey !== null ||
    Object.keys(policy.engagementSources).length > 0
  );
}
