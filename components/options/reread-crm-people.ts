import type { QueryClient } from '@tanstack/react-query';
import { queueQueries } from '../queue/queue-queries';

/**
 * "Who you are", the sales manager's choice and the queue list the people of the CRM Baton is
 * connected to: after the connection changes (another CRM or address, a new or forgotten
 * credential) ask again. A read still on its way is cancelled first: invalidating alone would
 * hand it the old connection's answer (the team-rules e2e hung on exactly that).
 */
export async function rereadCrmPeople(queryClient: QueryClient): Promise<void> {
  await queryClient.cancelQueries({ queryKey: queueQueries.all });
  await queryClient.invalidateQueries({ queryKey: queueQueries.all });
}
