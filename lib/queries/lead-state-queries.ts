import { queryOptions } from '@tanstack/react-query';
import { outboxListSchema, repEvidenceResultSchema } from '../messaging/protocol';
import { sendRequest } from '../messaging/send-request';

/** What the rep recorded for the lead in this tab: checklist evidence and the outbox. */
export const leadStateQueries = {
  all: ['lead-state'] as const,
  evidence: (navigation: number) =>
    queryOptions({
      queryKey: [...leadStateQueries.all, 'evidence', navigation] as const,
      queryFn: () => sendRequest({ type: 'evidence/get' }, repEvidenceResultSchema),
    }),
  outbox: (navigation: number) =>
    queryOptions({
      queryKey: [...leadStateQueries.all, 'outbox', navigation] as const,
      queryFn: () => sendRequest({ type: 'outbox/list' }, outboxListSchema),
      // Deliveries happen in the background: poll while anything is still on its way.
      refetchInterval: (query) => (query.state.data?.items.some((i) => i.state !== 'delivered' && i.state !== 'failed') ? 2000 : false),
    }),
};
