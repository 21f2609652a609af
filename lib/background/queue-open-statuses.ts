import { z } from 'zod';
import type { CrmReporting } from '../crm/crm-reporting-port';

/*
 * The lead status a new lead gets in this CRM (Salesforce's default Lead Status, for example "Open -
 * Not Contacted"). An admin's mapping may send "recycled" dispositions and hand-backs to that same
 * status; it must then not read as "decided", or every new lead would leave the rep's queue. Read
 * once a day per connection (one request) and kept in local storage (no lead data), so a waking
 * worker does not pay for it on every poll.
 */

export const OPEN_STATUSES_MAX_AGE_MS = 24 * 3_600_000;

export const openStatusesRecordSchema = z.object({ connection: z.string(), readAt: z.number(), statuses: z.array(z.string()) });
export type OpenStatusesRecord = z.infer<typeof openStatusesRecordSchema>;

export interface OpenStatusesDeps {
  read(): Promise<OpenStatusesRecord | null>;
  write(record: OpenStatusesRecord): Promise<void>;
  now(): number;
  log?: (message: string, detail?: unknown) => void;
}

/** The CRM's default statuses for new leads; null: not known (the caller then treats any status that could be one as open). */
export function createOpenStatuses(deps: OpenStatusesDeps): (reporting: CrmReporting) => Promise<string[] | null> {
  return async (reporting) => {
    const cached = await deps.read();
    const fits = cached && cached.connection === reporting.key;
    if (fits && deps.now() - cached.readAt < OPEN_STATUSES_MAX_AGE_MS) return cached.statuses;
    // A CRM that cannot list its statuses has no default Baton could confuse with a decision.
    if (!reporting.readLeadStatusValues) return [];
    try {
      const statuses = (await reporting.readLeadStatusValues()).filter((v) => v.isDefault).map((v) => v.value);
      await deps.write({ connection: reporting.key, readAt: deps.now(), statuses });
      return statuses;
    } catch (err) {
      deps.log?.('Baton: could not read the lead statuses new leads get.', err);
      return fits ? cached.statuses : null;
    }
  };
}
