import { queryOptions } from '@tanstack/react-query';
import { outboxListSchema } from '../messaging/panel-protocol';
import { sendRequest } from '../messaging/send-request';

/**
 * What the rep recorded for the lead in this tab and where it stands: the outbox. (The rep's
 * checklist evidence comes inside the lead's view model, already evaluated: leadQueries.current.)
 */
export const leadStateQueries = {
  all: ['lead-state'] as const,
  outbox: (navigation: number) =>
    queryOptions({
      queryKey: [...leadStateQueries.all, 'outbox', navigation] as const,
      queryFn: () => sendRequest({ type: 'outbox/list' }, outboxListSchema),
      // Deliveries happen in the background: poll while anything is still on its way.
      refetchInterval: (query) => (query.state.data?.items.some((i) => i.state !== 'delivered' && i.state !== 'failed') ? 2000 : false),
    }),
};
