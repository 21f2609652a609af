import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import type { ConnectionStatus } from '../messaging/protocol';
import type { CrmDescriptor } from './crm-descriptor';
import type { CrmAdapter, CrmWriter } from './crm-port';
import type { CrmReporting } from './crm-reporting-port';
import type { TeamRulesStore } from './team-rules-port';
import type { LeadPage } from './pages/lead-page';

/*
 * A CRM provider: everything Baton needs of one CRM, behind CRM-neutral ports. One folder per
 * provider (lib/crm/<kind>/) exports one of these; providers.ts lists them. The background reaches
 * a CRM only through this interface, so adding a CRM touches no code outside its folder and the
 * registry lines (see the README's "Adding a CRM").
 */

/** Where a provider's requests go: the vendor's own API, or the sandbox CRM speaking its dialect. */
export type CrmAddress = { kind: 'vendor' } | { kind: 'sandbox'; baseUrl: string };

/** The account a record or a report belongs to, and where its requests go. */
export interface CrmTarget {
  account: string;
  address: CrmAddress;
}

/** What a provider keeps between sessions about its connection; not secret (the credential is). */
export interface ProviderConnectionState {
  /** The account the credential reaches, once a connection check has said (null: not known yet). */
  account: string | null;
  /** The stored credential's kind and expiry (epoch ms; null: none reported), for warnings without a request. */
  credential: { kind: string; expiresAt: number | null } | null;
}

/** The admin's rules a writer needs at write time. */
export interface WriteRules {
  mapping: LeadStatusMapping;
  reasons: DispositionReasonList;
  timeZone: string;
}

/**
 * What IT's policy fixes for a provider's sign-in, in the policy's own words (null: not fixed).
 * All null unless the policy names this provider: another CRM's account or key is never lent.
 * The provider decides what each means for its sign-in and refuses a request that names another.
 */
export interface ManagedSignIn {
  /** The account Baton connects to (an org's My Domain, a portal's id). */
  account: string | null;
  /** The OAuth client the sign-in uses. */
  consumerKey: string | null;
  /** The host the sign-in page is on, when it is not the account itself. */
  loginHost: string | null;
}

export const NO_MANAGED_SIGN_IN: ManagedSignIn = { account: null, consumerKey: null, loginHost: null };

/** What the background lends a provider: its own slice of settings and secrets, the rules, the network. */
export interface ProviderContext {
  demoBuild: boolean;
  readState(): Promise<ProviderConnectionState>;
  writeState(state: ProviderConnectionState): Promise<void>;
  readSecret(): Promise<string | null>;
  writeSecret(secret: string): Promise<void>;
  deleteSecret(): Promise<void>;
  readWriteRules(): Promise<WriteRules>;
  /** More OAuth scopes the sign-in must ask for, for the engagement sources set up (none: absent or empty). */
  extraSignInScopes?(): Promise<readonly string[]>;
  /** What IT's policy fixes for this provider's sign-in (absent: nothing is fixed). */
  readManagedSignIn?(): Promise<ManagedSignIn>;
  fetch?: typeof fetch;
  now(): number;
}

/** The admin's one-time setup of Baton's own fields in the CRM. */
export interface FieldSetupResult {
  created: string[];
  existing: string[];
}

/** For the rep's connection notice: whether the credential stops working soon. No request. */
export interface CredentialFacts {
  expiresAt: number | null;
  /** A kind of credential that lives hours at most, even when the CRM did not say when it expires. */
  shortLived: boolean;
}

export interface ProviderConnection {
  /** The read adapter for records of this target. */
  adapterFor(target: CrmTarget): Promise<CrmAdapter>;
  /**
   * The record the panel is about, when the page shows another object that stands for it (a
   * lead object whose contact holds the history). Absent: every page is its own record.
   */
  resolvePage?(page: LeadPage, target: CrmTarget): Promise<LeadPage>;
  writerFor(target: CrmTarget): Promise<CrmWriter>;
  /** The bulk reads of Insights and the backtest. */
  reporting(address: CrmAddress): Promise<CrmReporting>;
  /** Where the team's published rules live in this CRM (absent: this CRM cannot hold them yet). */
  teamRules?(address: CrmAddress): Promise<TeamRulesStore>;
  /** Creates the fields Baton writes to (absent: the CRM needs none, or the admin creates them). */
  setupFields?(address: CrmAddress): Promise<FieldSetupResult>;
  /** Options page: store the credential an admin pasted (kept by the background only). */
  saveCredential(secret: string): Promise<void>;
  forgetCredential(): Promise<void>;
  /** Options page: is a credential stored, does the CRM accept it, what it lacks. */
  checkConnection(): Promise<ConnectionStatus>;
  credentialFacts(state: ProviderConnectionState): CredentialFacts | null;
}

/** Connection settings as a provider reads them from a previous release's stored record. */
export interface LegacyConnection {
  provider: string;
  address: 'vendor' | 'sandbox';
  sandboxUrl: string;
  providers: Record<string, ProviderConnectionState>;
}

export interface CrmProvider {
  descriptor: CrmDescriptor;
  /** Null: Baton recognises the CRM's pages but cannot connect to it yet. */
  connect: ((context: ProviderContext) => ProviderConnection) | null;
  /** Reads connection settings a release before the registry stored for this CRM (null: not its). */
  readLegacyConnection?(raw: unknown): LegacyConnection | null;
}
