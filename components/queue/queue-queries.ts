import { queryOptions } from '@tanstack/react-query';
import { sendRequest } from '../../lib/messaging/send-request';
import { ownerListSchema, queueViewSchema, repStatusSchema } from '../../lib/messaging/queue-protocol';

/**
 * Whether the next queue read asks the background to read the CRM (when its last listing is over
 * 15 s old): on opening the popup and on Refresh. The popup's periodic refetch only recomputes the
 * lists from the background's own listing, so an open popup adds no requests to the CRM.
 */
let readCrmNext = true;
export function readCrmOnNextQueueFetch(): void {
  readCrmNext = true;
}

/** The queue popup's and the options page's reads, one factory per resource. */
export const queueQueries = {
  all: ['queue'] as const,
  view: () =>
    queryOptions({
      queryKey: [...queueQueries.all, 'view'],
      queryFn: () => {
        const refresh = readCrmNext;
        readCrmNext = false;
        return sendRequest({ type: 'queue/get', refresh }, queueViewSchema);
      },
      refetchInterval: 30_000,
    }),
  rep: () => queryOptions({ queryKey: [...queueQueries.all, 'rep'], queryFn: () => sendRequest({ type: 'rep/get' }, repStatusSchema) }),
  owners: () =>
    queryOptions({
      queryKey: [...queueQueries.all, 'owners'],
      queryFn: async () => (await sendRequest({ type: 'rep/list-owners' }, ownerListSchema)).owners,
      staleTime: 5 * 60_000,
    }),
};
