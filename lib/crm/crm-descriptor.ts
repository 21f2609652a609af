import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import type { CrmPageReader } from './crm-page-reader';

/**
 * What Baton knows of a CRM without connecting to it: its name, its record URLs (its page reader),
 * its hosts and its vocabulary defaults. Pure and small: pages that name or list CRMs load it (the
 * content script loads only the page readers). Connecting (reading, writing,
 * reporting) is the provider's (crm-provider.ts), which only the background loads.
 */
export interface CrmDescriptor extends CrmPageReader {
  /** Stable id, stored with outbox entries, lead keys and connection settings: never rename. */
  kind: string;
  /** The CRM's name as people say it ("HubSpot"). */
  label: string;
  /** Listing order (lowest first); the first is the CRM a new installation connects to. */
  rank: number;
  /**
   * Kinds records stored by earlier releases used for this provider. Before the registry, sandbox
   * pages had a kind of their own although the sandbox speaks one vendor's dialect.
   */
  legacyKinds?: readonly string[];
  /** Match patterns of the CRM's API hosts (host permissions for the background). */
  apiHosts: readonly string[];
  /** Which of the CRM's lead-status values each outcome sets, until the admin maps their own. */
  defaultLeadStatusMapping: LeadStatusMapping;
  /** Names of the CRM's lead-source values, for people (values without one are shown as they are). */
  sourceLabels?: Readonly<Record<string, string>>;
  /** Limits of the CRM's text fields Baton writes to (the qualification inputs must fit). */
  maxTextPropertyLength: number;
}
