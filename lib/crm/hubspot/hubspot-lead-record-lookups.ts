import { CrmError } from '../crm-error';
import type { HubSpotClient } from './hubspot-client';
import { readLeadPipelines, readLeadReasonOptions, type LeadPipeline, type LeadReasonOption } from './hubspot-leads-object';
import { createTtlCache } from './hubspot-ttl-cache';

/*
 * The portal's lead pipelines and disqualification reasons, which every disposition delivery
 * needs to move the contact's Leads records. An admin edits them rarely, so one connection reads
 * them at most once per TTL (like the lead-status labels the panel shows) instead of two requests
 * per delivery. A refusal that suggests they changed (HubSpot answering 400 to a stage or reason
 * Baton sent, a lead in a pipeline Baton has not seen) makes the next ask read them again.
 */

/** Pipelines and reasons change when an admin edits them in HubSpot: read them again after this long. */
export const LEAD_RECORD_LOOKUPS_TTL_MS = 10 * 60_000;

export interface LeadRecordChoices {
  /** The portal's lead pipelines (see readLeadPipelines). */
  pipelines: LeadPipeline[];
  /** Its disqualification reasons; none when leads have no reason property (404). */
  reasons: LeadReasonOption[];
  /** Both came from an earlier read (so they may be up to a TTL old), not from this ask. */
  remembered: boolean;
}

export interface HubSpotLeadRecordLookups {
  /** Pipelines and reasons, read together; failures are thrown and not remembered. */
  choices(): Promise<LeadRecordChoices>;
  /** HubSpot said they may have changed: the next ask reads both again. */
  forget(): void;
}

/** One set of pipelines and one of reasons per connection: a single cache entry each. */
const PORTAL = 'portal';

export function createHubSpotLeadRecordLookups({ client, now }: { client: HubSpotClient; now: () => number }): HubSpotLeadRecordLookups {
  const pipelineCache = createTtlCache<typeof PORTAL, LeadPipeline[]>(LEAD_RECORD_LOOKUPS_TTL_MS, now);
  const reasonCache = createTtlCache<typeof PORTAL, LeadReasonOption[]>(LEAD_RECORD_LOOKUPS_TTL_MS, now);
  // Shared by every delivery on the connection, so not tied to one delivery's AbortSignal (the
  // client's own timeout still bounds them).
  return {
    async choices() {
      let loaded = false;
      const noting = <T>(load: () => Promise<T>) => () => {
        loaded = true;
        return load();
      };
      const [pipelines, reasons] = await Promise.all([
        pipelineCache.get(PORTAL, noting(() => readLeadPipelines(client))),
        reasonCache.get(PORTAL, noting(() => readLeadReasonOptions(client).catch(noReasonProperty))),
      ]);
      return { pipelines, reasons, remembered: !loaded };
    },
    forget() {
      pipelineCache.forget(PORTAL);
      reasonCache.forget(PORTAL);
    },
  };
}

/** A portal whose leads have no disqualification reason property still gets its stages moved. */
function noReasonProperty(error: unknown): LeadReasonOption[] {
  if (error instanceof CrmError && error.kind === 'not_found') return [];
  throw error;
}
