/*
 * The connection an organisation's IT sets for Baton through Chrome/Edge enterprise policy
 * (`storage.managed`). Two views of one list of policy names:
 * - `MANAGED_POLICY_JSON_SCHEMA`: the JSON Schema the browser validates policy values against,
 *   written to `managed_schema.json` at build time (wxt.config.ts) and named by the manifest's
 *   `storage.managed_schema`. Chrome accepts a subset of JSON Schema: the top level is an object
 *   with `properties` and no `additionalProperties`; every schema has exactly one `type` (or a
 *   `$ref`); an invalid schema stops the extension from loading, and a value that does not match
 *   its schema is left out of `storage.managed`.
 * - `parseManagedPolicy` (managed-policy-parse.ts): what Baton makes of the values, field by field.
 *
 * CRM-neutral names: `provider` is a provider kind (lib/crm/<kind>/), and each field says which
 * CRMs use it; the README's "Rolling Baton out to a team" names them per CRM.
 */

/** The part of JSON Schema Chrome accepts for policy, as Baton uses it. */
export type ChromePolicySchema =
  | { type: 'string' | 'boolean' | 'integer' | 'number'; title?: string; description?: string }
  | {
      type: 'object';
      title?: string;
      description?: string;
      properties?: Record<string, ChromePolicySchema>;
      additionalProperties?: ChromePolicySchema;
    };

/** The policy names (top-level keys), in the order the README lists them. */
export const MANAGED_POLICY_KEYS = ['provider', 'account', 'address', 'consumerKey', 'loginHost', 'serviceKey', 'engagementSources'] as const;
export type ManagedPolicyKey = (typeof MANAGED_POLICY_KEYS)[number];

/**
 * One engagement source's public settings (a marketing platform whose activity joins the lead's
 * timeline), named as the sources store them (lib/crm/engagement-source-settings.ts), so a source
 * reads managed values the way it reads its stored ones. `endpoint` is an https address.
 */
export const ENGAGEMENT_SOURCE_KEYS = ['endpoint', 'clientId', 'businessUnitId', 'host'] as const;
export type EngagementSourceKey = (typeof ENGAGEMENT_SOURCE_KEYS)[number];

const text = (title: string, description: string): ChromePolicySchema => ({ type: 'string', title, description });

export const MANAGED_POLICY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    provider: text('CRM', 'Which CRM Baton connects to: the provider kind in lowercase, as the README lists them.'),
    account: text('CRM account', "The CRM account whose records Baton reads: a portal's id, or an org's My Domain host."),
    address: text('CRM address', '"vendor": the CRM\'s own servers. Demo builds also accept the address of the bundled sandbox CRM.'),
    consumerKey: text('OAuth consumer key', "For CRMs that sign in with OAuth: the consumer key of the org's External Client App (no secret)."),
    loginHost: text('Sign-in host', 'For CRMs that sign in with OAuth: the host the sign-in page is on, when it is not the account itself.'),
    serviceKey: text('Service key', "For CRMs that connect with a key: the key Baton uses as its credential. It stays in the policy; Baton never copies it to the browser's storage."),
    engagementSources: {
      type: 'object',
      title: 'Engagement sources',
      description: 'Marketing platforms whose activity joins the lead timeline, keyed by source kind.',
      additionalProperties: {
        type: 'object',
        properties: {
          endpoint: text('REST endpoint', "The platform's REST API address (https)."),
          clientId: text('Client id', "The API client's id."),
          businessUnitId: text('Business unit id', 'The business unit whose activity Baton reads.'),
          host: text('Instance', 'Which of the platform\'s instances the account is on, where it has several (e.g. "production" or "demo").'),
        },
      },
    },
  },
} as const satisfies ChromePolicySchema;

/** The file the build writes and the manifest names (relative, in the extension's root). */
export const MANAGED_SCHEMA_FILE = 'managed_schema.json';

export function managedPolicySchemaJson(): string {
  return `${JSON.stringify(MANAGED_POLICY_JSON_SCHEMA, null, 2)}\n`;
}
