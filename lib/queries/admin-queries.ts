import { queryOptions } from '@tanstack/react-query';
import { readAttemptPolicy, readDispositionReasons, readLeadStatusMapping, readSlaPolicy, readSqlDefinition } from '../storage/admin-settings';

/** The shared rules the panel applies (SQL definition, SLA policy, reasons...), as the admin set them. */
export const adminQueries = {
  all: ['admin-settings'] as const,
  panelRules: () =>
    queryOptions({
      queryKey: [...adminQueries.all, 'panel-rules'] as const,
      queryFn: async () => {
        const [definition, slaPolicy, reasons, leadStatusMapping, attemptPolicy] = await Promise.all([
          readSqlDefinition(),
          readSlaPolicy(),
          readDispositionReasons(),
          readLeadStatusMapping(),
          readAttemptPolicy(),
        ]);
        return { definition, slaPolicy, reasons, leadStatusMapping, attemptPolicy };
      },
      staleTime: 60_000,
    }),
};
