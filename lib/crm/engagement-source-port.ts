import type { EngagementEvent } from '../domain/engagement/engagement-event';
import type { RetentionCutoff } from '../domain/engagement/source-retention';
import type { SourceStatus } from './crm-port';
import type { CrmTarget } from './crm-provider';

/*
 * An engagement source: a marketing platform that is not the CRM (see DESIGN.md's ports), read-only.
 * Given the lead as the CRM knows it, it returns the lead's marketing engagement as Baton's
 * normalised events, its own status for the panel, and how far back it keeps what it reports.
 * Each source lives in lib/crm/<kind>/ with a `<kind>-engagement-source.ts` exporting
 * `engagementSource`; engagement-sources.ts finds them, so adding one changes no other file.
 */

/** The lead as an engagement source sees it: what the CRM record says about the person. */
export interface EngagementLead {
  /** The lead's email (how marketing platforms know people); null: the CRM record has none. */
  email: string | null;
  /** The CRM provider kind, its account and the record (id and kind) the panel is about. */
  crm: string;
  account: string;
  recordId: string;
  objectType: 'contact' | 'lead';
}

/** What one source found for one lead. `status` names the source in the panel's source notices. */
export interface EngagementReading {
  events: EngagementEvent[];
  status: SourceStatus;
  /** Activity older than this is no longer kept by the source (null: nothing cut off for this lead). */
  retention: RetentionCutoff | null;
  /** Requests this read sent (for the budget: at most 2 per lead view once warm). */
  requests: number;
}

/**
 * The lead's CRM connection lends its access token to a source that signs in the same way (a
 * marketing platform of the CRM's vendor), without the source knowing how the CRM signs in.
 */
export interface CrmAccessToken {
  token(): Promise<string>;
  /** A new token after `rejected` was refused (shared: concurrent refusals renew once). */
  renew(rejected: string): Promise<string>;
}

/** What a source's options form saves: its public settings (stored with the connection settings) and, optionally, a new secret. */
export interface EngagementSourceSave {
  settings: Record<string, string>;
  /** A new secret (null: keep the stored one). Kept by the background only. */
  secret: string | null;
}

/** The result of "Save and test", for the admin. */
export interface EngagementSourceCheck {
  ok: boolean;
  message: string;
}

/** What the background lends a source: its own settings and secret, the network, the CRM's token. */
export interface EngagementSourceContext {
  demoBuild: boolean;
  /** This source's public settings as stored (unvalidated: the source parses them); null: not set up. */
  readSettings(): Promise<Record<string, string> | null>;
  readSecret(): Promise<string | null>;
  /** The lead's CRM connection's token hand-over, when that CRM offers one (null: it does not). */
  crmAccessToken(crm: string, target: CrmTarget): Promise<CrmAccessToken | null>;
  fetch?: typeof fetch;
  now(): number;
}

export interface EngagementSourceConnection {
  /** Whether the admin has set this source up (no request): sources not set up are not read. */
  configured(): Promise<boolean>;
  /**
   * The lead's engagement in this source. Never throws: a failure is the reading's status
   * (`unavailable` / `error`, in words a rep uses) with no events, so one source never blanks another.
   * Null: this source does not apply to records of this CRM (nothing is said about it).
   */
  read(lead: EngagementLead, target: CrmTarget, options?: { signal?: AbortSignal }): Promise<EngagementReading | null>;
  /** Options page: "Save and test" (the settings are stored by then), against the CRM the settings choose. */
  test(crm: string, target: CrmTarget): Promise<EngagementSourceCheck>;
  /** Forget cached tokens and lookups (settings or secret changed). */
  reset(): void;
}

export interface EngagementSource {
  /** e.g. the folder name; also the settings key and the secret's name. */
  kind: string;
  /** The platform's name as reps know it. */
  label: string;
  /** Checks the public settings the form sends (field → problem, for the admin); empty: fine. */
  checkSettings(settings: Record<string, string>, options: { hasSecret: boolean }): Record<string, string>;
  connect(context: EngagementSourceContext): EngagementSourceConnection;
  /**
   * A source that signs in with the CRM's own sign-in may need more of it (an OAuth scope): the
   * CRM's provider asks for these when this source is set up. `crm`: the provider kind.
   */
  crmSignInScopes?: { crm: string; scopes: readonly string[] };
}

/** The `source` id engagement sources' statuses carry, so the panel can tell them from the CRM's own parts. */
export function engagementStatusId(kind: string): string {
  return `engagement:${kind}`;
}

export function isEngagementStatusId(source: string): boolean {
  return source.startsWith('engagement:');
}

/**
 * A CRM connection that lends its access token to engagement sources (CRM-neutral: the source
 * asks for "the lead's CRM's token"; the provider decides which org's token that is).
 */
export interface CrmAccessTokenLender {
  lendAccessToken(target: CrmTarget): Promise<CrmAccessToken>;
}
