import { queryOptions } from '@tanstack/react-query';
import { BatonRequestError, sendRequest } from '../messaging/send-request';
import { leadContextResultSchema } from '../messaging/protocol';

/** One queryOptions factory per resource; invalidate through `leadQueries.all`. */
export const leadQueries = {
  all: ['lead'] as const,
  /** The lead shown in this panel's tab, for the n-th navigation of that tab. */
  current: (navigation: number) =>
    queryOptions({
      queryKey: [...leadQueries.all, 'current', navigation] as const,
      queryFn: ({ client, queryKey }) =>
        // The first load of a navigation may come from the background's cache (a revisit costs no
        // CRM request); a refetch of data we already show (focus, Refresh) must reach the CRM, so a
        // call or email logged there meanwhile shows up.
        sendRequest({ type: 'lead/get-context', refresh: client.getQueryData(queryKey) !== undefined }, leadContextResultSchema),
      retry: (failureCount, error) => error instanceof BatonRequestError && error.retryable && failureCount < 2,
      // Coming back to the panel after logging a call in the CRM must show it (the SLA clock
      // stops), even if the lead was read seconds ago: refetch on every focus, not only when stale.
      refetchOnWindowFocus: 'always',
    }),
};
