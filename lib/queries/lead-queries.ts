import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { BatonRequestError, sendRequest } from '../messaging/send-request';
import { leadViewResultSchema } from '../messaging/panel-protocol';

/** A call takes longer than this; a glance at another tab does not. */
export const FOCUS_REFETCH_MIN_AGE_MS = 5_000;

/** One queryOptions factory per resource; invalidate through `leadQueries.all`. */
export const leadQueries = {
  all: ['lead'] as const,
  /** The lead shown in this panel's tab, for the n-th navigation of that tab, as the background's view model. */
  current: (navigation: number) =>
    queryOptions({
      queryKey: [...leadQueries.all, 'current', navigation] as const,
      queryFn: ({ client, queryKey }) =>
        // The first load of a navigation may come from the background's cache (a revisit costs no
        // CRM request); a refetch of data we already show (focus, the live minute) must reach the
        // CRM, so a call or email logged there meanwhile shows up: one cheap freshness check, and
        // the whole lead only when the record changed. The rep's Refresh is `readAgain`.
        sendRequest({ type: 'lead/get-context', refresh: client.getQueryData(queryKey) !== undefined ? 'if-changed' : false }, leadViewResultSchema),
      retry: (failureCount, error) => error instanceof BatonRequestError && error.retryable && failureCount < 2,
      // Coming back to the panel after logging a call in the CRM must show it (the SLA clock
      // stops): refetch on focus even though the data is not "stale" yet, but only once it is a
      // few seconds old, so focus bouncing between tabs does not re-read the lead from the CRM.
      refetchOnWindowFocus: (query) => (Date.now() - query.state.dataUpdatedAt > FOCUS_REFETCH_MIN_AGE_MS ? 'always' : false),
    }),
  /** The rep's Refresh: the whole lead from the CRM, whatever its freshness stamp says (into the same query). */
  readAgain: (client: QueryClient, navigation: number) =>
    client.fetchQuery({
      ...leadQueries.current(navigation),
      queryFn: () => sendRequest({ type: 'lead/get-context', refresh: true }, leadViewResultSchema),
      staleTime: 0,
    }),
};
