import type { InsightRecord } from '../domain/insights/insight-record';
import type { PastLead } from '../domain/qualification/backtest-definition';
import type { QueueLead, RepIdentity } from '../domain/queue/queue-lead';
import type { EscalationWriter } from './escalation-writer';
import type { SearchPacer } from './search-pacer';
import type { LeadRecordChoicesRead } from './lead-record-choices';

/*
 * The reporting port: what Insights, the backtest (and later the rep's queue) read from a CRM in
 * bulk, CRM-neutral. A provider implements it with its own search or query API; the background's
 * Insights and backtest actions call only this.
 */

export interface InsightsReadProgress {
  /** Records this page added (owner names resolved, deal null: deals are read once all are in). */
  records: InsightRecord[];
  /** Distinct records read so far. */
  read: number;
  /** What the CRM says the read holds; null until it is known. */
  total: number | null;
}

export interface InsightsReadResult {
  records: InsightRecord[];
  /** How many windows the date range was read in (1 unless a window hit the CRM's result cap). */
  windows: number;
  requests: number;
  /** What could not be read (deals, owners): the rest is still shown, with these named. */
  warnings: string[];
}

export interface ReadInsightRecordsOptions {
  /** Window start (epoch ms, inclusive). */
  from: number;
  /** Window end (epoch ms, exclusive). */
  to: number;
  signal?: AbortSignal;
  /** Only records modified at or after this time (epoch ms): an incremental refresh. */
  modifiedSince?: number;
  /** Called as pages come in, so a caller can show figures while the read goes on. */
  onProgress?: (progress: InsightsReadProgress) => void;
  /** The connection's shared pacer: other readers of the same account take their turns from it too. */
  pace?: SearchPacer;
  /** Windows paged at once (the pacing still holds). */
  concurrency?: number;
}

export interface BacktestLead {
  /** The CRM record the lead is (shown in the flipped-leads table). */
  contactId: string;
  /** Plain text from the CRM, for the flipped-leads table. */
  name: string;
  company: string | null;
  campaign: string | null;
  pastLead: PastLead;
  /** Inputs were cut to fit the CRM's field: the replay is approximate. */
  approximate: boolean;
}

export type BacktestSkipReason = 'no_inputs' | 'unreadable_inputs';

export interface BacktestReadResult {
  leads: BacktestLead[];
  /** Dispositioned leads in the period, replayable or not. */
  dispositioned: number;
  skipped: Record<BacktestSkipReason, number>;
  /** One example of why inputs could not be read, for the marketer (or support). */
  unreadableExample: string | null;
  requests: number;
}

export interface ReadBacktestLeadsOptions {
  /** Dispositioned at or after (epoch ms). */
  from: number;
  /** Dispositioned before (epoch ms, exclusive). */
  to: number;
  signal?: AbortSignal;
  /** The connection's shared pacer (Insights may read the same account at the same time). */
  pace?: SearchPacer;
}

/** One of the CRM's own lead-status values, as the admin maps Baton's outcomes to them. */
export interface LeadStatusValue {
  /** What is written to the record. */
  value: string;
  /** What the CRM shows for it. */
  label: string;
  /** New records get this one. */
  isDefault: boolean;
}

/** The rep's queue as one listing read it (lib/domain/queue builds the lists from it). */
export interface QueueReadResult {
  leads: QueueLead[];
  /** Requests the listing took (pages). */
  requests: number;
  /** More leads matched than one listing reads: the queue shows the first ones by assignment. */
  truncated: boolean;
}

export interface ReadQueueOptions {
  /** The rep whose leads are listed (a CRM owner or user id). */
  ownerId: string;
  now: number;
  /** Leads that engaged since this instant count as "engaged, not reached" candidates. */
  engagedSince: number;
  signal?: AbortSignal;
  pace?: SearchPacer;
}

export interface CrmReporting {
  /** The provider kind, as lead keys name it. */
  crm: string;
  /** The account lead keys name (a portal id, an org...; "sandbox" for the sandbox). */
  account: string;
  /**
   * What Insights and the backtest know this connection by: persisted reads are kept under it and
   * reads are paced per key (a CRM's search limit is per account), so both must name it alike.
   */
  key: string;
  /** The sandbox CRM stands in for the vendor (demo builds): pages say so. */
  sandbox: boolean;
  /** The CRM's lead-status values that mean a conversation happened (the funnel's "connected" stage). */
  connectedStatuses: readonly string[];
  readInsightRecords(options: ReadInsightRecordsOptions): Promise<InsightsReadResult>;
  readBacktestLeads(options: ReadBacktestLeadsOptions): Promise<BacktestReadResult>;
  /** The rep's queue: their leads awaiting a first touch and those that engaged lately, in one listing. */
  readQueue?(options: ReadQueueOptions): Promise<QueueReadResult>;
  /** The CRM's owners (users a lead can be assigned to), for the rep to say which one they are. */
  readOwners?(options?: { signal?: AbortSignal }): Promise<RepIdentity[]>;
  /** The user the connection signed in as, where the CRM says (null: it does not). */
  readSignedInUser?(options?: { signal?: AbortSignal }): Promise<RepIdentity | null>;
  /** The lead-status values a disposition may set, read from the CRM (converted ones excluded); absent: the CRM cannot list them. */
  readLeadStatusValues?(options?: { signal?: AbortSignal }): Promise<LeadStatusValue[]>;
  /** The CRM's separate lead records: pipelines, stages and disqualification reasons (lead-record-choices.ts); absent: it keeps none. */
  readLeadRecordChoices?(options?: { signal?: AbortSignal }): Promise<LeadRecordChoicesRead>;
  /** Records an SLA escalation on the lead for the manager or marketing to see (escalation-writer.ts); absent: this CRM cannot yet. */
  recordEscalation?: EscalationWriter['recordEscalation'];
}
