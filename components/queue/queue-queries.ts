import { queryOptions } from '@tanstack/react-query';
import { sendRequest } from '../../lib/messaging/send-request';
import { ownerListSchema, queueViewSchema, repStatusSchema } from '../../lib/messaging/queue-protocol';

/** The queue popup's and the options page's reads, one factory per resource. */
export const queueQueries = {
  all: ['queue'] as const,
  /** The rep's queue; the background reads the CRM again when its last listing is over 15 s old. */
  view: () =>
    queryOptions({
      queryKey: [...queueQueries.all, 'view'],
      queryFn: () => sendRequest({ type: 'queue/get', refresh: true }, queueViewSchema),
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
