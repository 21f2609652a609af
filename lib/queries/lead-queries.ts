import { queryOptions } from '@tanstack/react-query';
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
        // CRM request); a refetch of data we already show (focus, Refresh) must reach the CRM, so a
        // call or email logged there meanwhile shows up.
        sendRequest({ type: 'lead/get-context', refresh: client.getQueryData(queryKey) !== undefined }, leadViewResultSchema),
      retry: (failureCount, error) => error instanceof BatonRequestError && error.retryable && failureCount < 2,
      // Coming back to the panel after logging a call in the CRM must show it (the SLA clock
      // stops): refetch on focus even though the data is not "stale" yet, but only once it is a
      // few seconds old, so focus bouncing between tabs does not re-read the lead from the CRM.
      refetchOnWindowFocus: (query) => (Date.now() - query.state.dataUpdatedAt > FOCUS_REFETCH_MIN_AGE_MS ? 'always' : false),
    }),
};
