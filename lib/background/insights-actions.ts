import { CrmError } from '../crm/crm-error';
import type { CrmReporting } from '../crm/crm-reporting-port';
import { backgroundSearchPacers } from '../crm/search-pacer';
import type { SearchPacers } from '../crm/search-pacer';
import { aggregateInsights, drillInsights } from '../domain/insights/aggregate-insights';
import type { AggregateOptions } from '../domain/insights/aggregate-insights';
import { businessTimeBetween } from '../domain/sla/business-calendar';
import type { BusinessCalendar } from '../domain/sla/business-calendar';
import { readSlaPolicy } from '../storage/admin-settings';
import type { InsightRecord } from '../domain/insights/insight-record';
import { incrementalSince, mergeInsightRecords, recordsInWindow } from '../domain/insights/insight-sync';
import type { InsightsRequest, InsightsResult, InsightsSync } from '../messaging/insights-protocol';
import { STORED_INSIGHTS_VERSION } from '../storage/insights-read-store';
import type { InsightsReadStore, StoredInsightsRead, StoredInsightsSnapshot } from '../storage/insights-read-store';

/*
 * What the background does for the Insights page: read the dispositions from the connected CRM
 * through its reporting port (the sandbox in demo builds when it is the chosen connection) and
 * aggregate them.
 *
 * A full read of a large account takes tens of seconds (CRM search allows a few requests a second),
 * so reads run as jobs, one per connection, that requests join:
 * - nothing persisted: a full read starts and every answer covers the records read so far, with
 *   the progress; the page polls until it is complete (its polling also keeps the MV3 worker up);
 * - persisted (IndexedDB, so it outlives the worker): the answer comes from it at once, and if it
 *   is older than a couple of minutes the contacts modified since are read and merged in;
 * - Refresh on the page, or a persisted read older than a day: a full re-read, answered from the
 *   persisted records until it completes (deleted contacts and deal changes need a full read).
 * A restarted worker needs a moment to load and check 20,000 persisted records (~60 ms in their
 * compact form, see insight-record-columns.ts) and aggregate them (~100–200 ms): meanwhile a
 * request it answered before (same filters) gets that answer again, marked as updating, so the
 * page polls and gets the figures recomputed from the records once they are in.
 */

const DAY = 86_400_000;
/** With no start date, Insights reads the last six months (what marketers compare against). */
const DEFAULT_WINDOW_MS = 182 * DAY;
/** A persisted read this recent answers without asking the CRM for changes. */
const INCREMENTAL_AFTER_MS = 2 * 60_000;
/** Past this, the background refresh is a full re-read rather than the changes. */
const FULL_REREAD_AFTER_MS = DAY;
/** Windows paged at once: hides request latency while the pacing above keeps the rate. */
const READ_CONCURRENCY = 2;

export interface InsightsActionsDeps {
  /** The connected CRM's reporting port, as the settings choose it now (lib/crm/crm-connections.ts). */
  openReporting(): Promise<CrmReporting>;
  now(): number;
  /** Where reads are persisted; absent: kept in memory only. */
  store?: InsightsReadStore;
  /**
   * Search turns per connection, shared with the backtest (which searches the same portal, often
   * at the same time): the background's one registry unless a test passes its own.
   */
  searchPacers?: SearchPacers;
  log?: (message: string, detail?: unknown) => void;
  /**
   * The SLA calendar speed to lead is measured in (business hours); null: real time. Default: the
   * SLA policy in the admin settings (published team rules are adopted into them).
   */
  readSlaCalendar?: () => Promise<BusinessCalendar | null>;
}

/** Business minutes between two instants on the calendar (a span outside business hours counts 0). */
function businessMinutes(calendar: BusinessCalendar) {
  return (from: number, to: number) => businessTimeBetween(calendar, from, to) / 60_000;
}

interface Job {
  mode: 'full' | 'incremental';
  from: number;
  to: number;
  startedAt: number;
  /** Records read so far (full reads: shown while nothing covers the window). */
  partial: Map<string, InsightRecord>;
  read: number;
  total: number | null;
  /** Settles when the first page is in (or the job ends). */
  firstPage: Promise<void>;
  /** Settles when the job ends, successfully or not (never rejects). */
  done: Promise<void>;
  error: unknown;
  /** A full re-read was asked for while this (incremental) job ran: it starts when this one ends. */
  fullAfter: { from: number; to: number } | null;
}

interface SyncState {
  stored: StoredInsightsRead | null;
  loading: Promise<void> | null;
  loaded: boolean;
  /** The readAt of the answer last saved per request (so the same answer is not saved again). */
  saved: Map<string, number>;
  job: Job | null;
  /** A first read failed: the next request reports it (once) instead of starting another. */
  coldError: unknown;
  /** The last background update failed: shown beside the figures of the read before it. */
  updateError: string | null;
}

export function createInsightsActions(deps: InsightsActionsDeps) {
  const syncs = new Map<string, SyncState>();
  const log = deps.log ?? ((message: string, detail?: unknown) => console.warn(message, detail));
  const readSlaCalendar =
    deps.readSlaCalendar ??
    (async () => {
      try {
        return (await readSlaPolicy()).calendar;
      } catch (err) {
        log('Baton: the SLA calendar could not be read; speed to lead is shown in real time.', err);
        return null;
      }
    });

  /**
   * The connection's state, its persisted read loading (not awaited here). A new worker first lets
   * `after` (the saved answer's read) finish: the records' IndexedDB read and validation hold the
   * worker's thread for a while, and the saved answer is what answers meanwhile.
   */
  function syncFor(key: string, after?: Promise<unknown>): SyncState {
    let sync = syncs.get(key);
    if (!sync) {
      const state: SyncState = { stored: null, loading: null, loaded: false, saved: new Map(), job: null, coldError: null, updateError: null };
      syncs.set(key, state);
      state.loading = (async () => {
        await after;
        try {
          state.stored = (await deps.store?.read(key)) ?? null;
        } catch (err) {
          log('Baton: the persisted Insights read could not be opened; reading the CRM instead.', err);
        }
        state.loaded = true;
      })();
      sync = state;
    }
    return sync;
  }

  /** Keeps this answer for the next worker (unless it was just kept). Not awaited. */
  function rememberAnswer(sync: SyncState, key: string, requestKey: string, result: InsightsResult): void {
    const store = deps.store;
    if (!store || sync.saved.get(requestKey) === result.read.readAt) return;
    sync.saved.set(requestKey, result.read.readAt);
    const entry: StoredInsightsSnapshot = { version: STORED_INSIGHTS_VERSION, key, requestKey, computedAt: deps.now(), result };
    // After the answer has gone: validating and cloning it for IndexedDB is the worker's time too.
    setTimeout(() => store.writeSnapshot(entry).catch((err: unknown) => log('Baton: the Insights answer could not be saved.', err)), 0);
  }

  function startJob(sync: SyncState, connection: CrmReporting, mode: 'full' | 'incremental', from: number, to: number): Job {
    const startedAt = deps.now();
    let firstPage!: () => void;
    const job: Job = {
      mode,
      from,
      to,
      startedAt,
      partial: new Map(),
      read: 0,
      total: null,
      firstPage: new Promise<void>((resolve) => (firstPage = resolve)),
      done: Promise.resolve(),
      error: null,
      fullAfter: null,
    };
    const since = mode === 'incremental' && sync.stored ? incrementalSince(sync.stored.syncedAt) : undefined;
    job.done = connection.readInsightRecords({
      from,
      to,
      modifiedSince: since,
      pace: (deps.searchPacers ?? backgroundSearchPacers).forConnection(connection.key),
      concurrency: READ_CONCURRENCY,
      onProgress: (progress) => {
        for (const record of progress.records) job.partial.set(record.contactId, record);
        job.read = progress.read;
        job.total = progress.total;
        firstPage();
      },
    }).then(
      (result) => {
        const base = mode === 'incremental' ? sync.stored : null;
        const entry: StoredInsightsRead = {
          version: STORED_INSIGHTS_VERSION,
          key: connection.key,
          crm: connection.crm,
          from: base ? Math.min(base.from, from) : from,
          to,
          syncedAt: startedAt,
          fullReadAt: base ? base.fullReadAt : startedAt,
          windows: base ? base.windows : result.windows,
          requests: (base?.requests ?? 0) + result.requests,
          warnings: base ? [...new Set([...base.warnings, ...result.warnings])] : result.warnings,
          records: base ? mergeInsightRecords(base.records, result.records, Math.min(base.from, from), Number.POSITIVE_INFINITY) : result.records,
        };
        sync.stored = entry;
        sync.updateError = null;
        deps.store?.write(entry).catch((err: unknown) => log('Baton: the Insights read could not be persisted; it is kept until the worker stops.', err));
      },
      (err: unknown) => {
        job.error = err;
        if (sync.stored && coversFrom(sync.stored, from)) sync.updateError = describe(err);
        else sync.coldError = err;
        log(`Baton: the Insights ${mode} read failed.`, err);
      },
    ).finally(() => {
      firstPage();
      sync.job = null;
      const next = job.fullAfter;
      if (next && job.error === null) sync.job = startJob(sync, connection, 'full', next.from, next.to);
    });
    sync.job = job;
    return job;
  }

  return {
    async getInsights(request: Omit<InsightsRequest, 'type'>): Promise<InsightsResult> {
      const now = deps.now();
      const from = request.filters.from ?? now - DEFAULT_WINDOW_MS;
      const to = request.filters.to ?? now + 60_000;
      const connection = await deps.openReporting();
      const requestKey = JSON.stringify([request.filters, request.averageDealValue]);
      const drill = request.drill ?? null;
      const snapshot =
        deps.store && !request.refresh && !drill && !syncs.get(connection.key)?.loaded
          ? deps.store.readSnapshot(connection.key, requestKey).catch((err: unknown) => (log('Baton: a saved Insights answer could not be read.', err), null))
          : null;
      const sync = syncFor(connection.key, snapshot ?? undefined);
      if (snapshot) {
        const saved = await snapshot;
        if (saved && !sync.loaded && now - saved.computedAt < FULL_REREAD_AFTER_MS) {
          return { ...saved.result, read: { ...saved.result.read, sync: { state: 'updating', mode: null, read: 0, total: null, error: null } } };
        }
      }
      await sync.loading;

      // A full read covers at least the default six months, so a narrow date filter does not
      // leave the persisted read too narrow for the page's default view.
      const fullFrom = Math.min(from, now - DEFAULT_WINDOW_MS);
      if (request.refresh) {
        sync.coldError = null;
        if (!sync.job) startJob(sync, connection, 'full', fullFrom, now + 60_000);
        else if (sync.job.mode === 'incremental') sync.job.fullAfter = { from: fullFrom, to: now + 60_000 };
      } else if (sync.coldError !== null && !sync.job) {
        // Report a failed first read once; the page's next request (Refresh) tries again.
        const err = sync.coldError;
        sync.coldError = null;
        throw err;
      } else if (!sync.job) {
        const stored = sync.stored;
        if (!stored || !coversFrom(stored, from)) startJob(sync, connection, 'full', fullFrom, now + 60_000);
        else if (now - stored.fullReadAt > FULL_REREAD_AFTER_MS) startJob(sync, connection, 'full', fullFrom, now + 60_000);
        else if (now - stored.syncedAt > INCREMENTAL_AFTER_MS) startJob(sync, connection, 'incremental', stored.from, now + 60_000);
      }

      const job = sync.job;
      const stored = sync.stored && coversFrom(sync.stored, from) ? sync.stored : null;
      if (!stored && job) {
        // A first read: answer once there is something to show (the first page), not with nothing.
        await job.firstPage;
        if (job.error !== null && !sync.job) {
          sync.coldError = null;
          throw job.error;
        }
      }
      const covered = sync.stored && coversFrom(sync.stored, from) ? sync.stored : null;
      const running = sync.job;
      let records: InsightRecord[];
      let meta: { windows: number; requests: number; warnings: string[]; readAt: number };
      let state: InsightsSync['state'];
      if (covered) {
        records = recordsInWindow(covered.records, from, to);
        meta = { windows: covered.windows, requests: covered.requests, warnings: covered.warnings, readAt: covered.syncedAt };
        state = running ? 'updating' : 'idle';
      } else if (running) {
        // What is persisted (an older, narrower window) plus what the read has brought so far.
        records = mergeInsightRecords(sync.stored?.records ?? [], [...running.partial.values()], from, to);
        meta = { windows: 0, requests: 0, warnings: [], readAt: running.startedAt };
        state = 'reading';
      } else {
        throw new CrmError('network', 'Insights could not read the CRM. Try Refresh.');
      }
      const progress: InsightsSync = {
        state,
        mode: running?.mode ?? null,
        read: running?.read ?? 0,
        total: running?.total ?? null,
        error: state === 'reading' ? null : sync.updateError,
      };
      const calendar = await readSlaCalendar();
      const options: AggregateOptions = {
        now,
        averageDealValue: request.averageDealValue,
        connectedStatuses: connection.connectedStatuses,
        ...(calendar ? { minutesBetween: businessMinutes(calendar) } : {}),
      };
      const report = aggregateInsights(records, request.filters, options);
      const result: InsightsResult = {
        report,
        drill: drill ? drillInsights(records, request.filters, drill, options) : null,
        read: { crm: connection.crm, sandbox: connection.sandbox, from, to, records: records.length, ...meta, sync: progress },
      };
      if (state === 'idle' && !progress.error && !drill) rememberAnswer(sync, connection.key, requestKey, result);
      return result;
    },
  };
}

/** Whether a persisted read reaches back far enough for a window starting at `from`. */
function coversFrom(stored: StoredInsightsRead, from: number): boolean {
  return stored.from <= from;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
