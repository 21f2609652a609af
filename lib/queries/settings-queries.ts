import { queryOptions } from '@tanstack/react-query';
import { connectionStatusSchema } from '../messaging/protocol';
import { sendRequest } from '../messaging/send-request';
import { readConnectionSettings } from '../storage/connection-settings';

export const settingsQueries = {
  all: ['settings'] as const,
  connection: () => queryOptions({ queryKey: [...settingsQueries.all, 'connection'] as const, queryFn: () => readConnectionSettings() }),
  /** Asks the background (which holds the token) whether the CRM accepts it. */
  connectionStatus: () =>
    queryOptions({
      queryKey: [...settingsQueries.all, 'connection-status'] as const,
      queryFn: () => sendRequest({ type: 'connection/status' }, connectionStatusSchema),
    }),
};
