import type { EngagementEvent } from '../domain/engagement/engagement-event';
import type { Lead, LeadRef, Touch } from '../domain/lead';

/**
 * Whether one engagement source could be read for this lead. Portals differ (the HubSpot events
 * API needs Enterprise), and the panel says which sources were unavailable instead of silently
 * showing less.
 */
export interface SourceStatus {
  /** e.g. `hubspot-web-analytics`, `hubspot-email`, `crm-activities`. */
  source: string;
  label: string;
  status: 'ok' | 'unavailable' | 'error';
  /** Why it is unavailable / what failed, for the rep. */
  message?: string;
}

/** Everything the panel needs about one lead, CRM-neutral. */
export interface LeadContext {
  lead: Lead;
  /** Normalised marketing engagement, newest first. */
  events: EngagementEvent[];
  /** Human and automated touches logged in the CRM (calls, emails, meetings...). */
  touches: Touch[];
  sources: SourceStatus[];
  /** Epoch ms when the context was read from the CRM. */
  fetchedAt: number;
}

/**
 * The one port every CRM adapter implements (ports and adapters; see DESIGN.md). Adapters hold
 * the connection, call the CRM's API, validate every response with zod and map it with pure
 * mappers. They throw `CrmError` (lib/crm/crm-error.ts) and nothing else.
 */
export interface CrmAdapter {
  readonly crm: LeadRef['crm'];
  getLeadContext(ref: LeadRef, options?: { signal?: AbortSignal }): Promise<LeadContext>;
}
