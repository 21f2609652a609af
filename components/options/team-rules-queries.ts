import { queryOptions } from '@tanstack/react-query';
import { sendRequest } from '../../lib/messaging/send-request';
import { teamRulesStatusSchema } from '../../lib/messaging/team-rules-protocol';

/** The team's published rules, as the background last read them (the first read asks the CRM). */
export const teamRulesQueries = {
  all: ['team-rules'] as const,
  /** `connection`: the settings' provider and address, so choosing another CRM reads its rules. */
  status: (connection: string) =>
    queryOptions({
      queryKey: [...teamRulesQueries.all, connection] as const,
      // Opening the options page (or switching CRM) asks the CRM now: an admin sees what reps see.
      queryFn: () => sendRequest({ type: 'team-rules/status', refresh: true }, teamRulesStatusSchema),
      staleTime: 60_000,
      retry: false,
    }),
};
