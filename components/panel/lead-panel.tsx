import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { neutralizeBidiDeep } from '../../lib/format/neutralize-bidi';
import { BatonRequestError } from '../../lib/messaging/send-request';
import { leadQueries } from '../../lib/queries/lead-queries';
import { usePanelNavigationSequence } from '../../lib/stores/panel-navigation';
import { Button, PanelLoading, PanelMessage } from '../ui/panel-states';
import { LeadView } from './lead-view';

/** The panel: the lead in this tab, loaded through the background's CRM service. */
export function LeadPanel() {
  const navigation = usePanelNavigationSequence();
  const queryClient = useQueryClient();
  const query = useQuery(leadQueries.current(navigation));
  // Every string the CRM gave us is drawn without bidi controls (lib/format/neutralize-bidi.ts):
  // one pass over the view model, so no field can be forgotten.
  const view = useMemo(() => (query.data?.status === 'ok' ? neutralizeBidiDeep(query.data.view) : null), [query.data]);

  if (query.isPending) return <PanelLoading label="Loading this lead from the CRM…" />;

  // A refresh that fails keeps the lead on screen (the header says it could not update); only a
  // first load that fails takes the whole panel.
  if (query.isError && !view) {
    return (
      <PanelMessage
        tone="error"
        title={errorTitle(query.error)}
        action={
          <Button onClick={() => void queryClient.resetQueries({ queryKey: leadQueries.current(navigation).queryKey })}>Try again</Button>
        }
      >
        <p>{query.error.message}</p>
      </PanelMessage>
    );
  }

  if (!query.data || query.data.status === 'no-lead' || !view) {
    return <PanelMessage title="No lead on this page">Open a contact or lead record and Baton will show its handoff context here.</PanelMessage>;
  }

  return (
    <LeadView
      view={view}
      navigation={navigation}
      updatedAt={query.dataUpdatedAt}
      refreshing={query.isFetching}
      refreshError={query.isError ? errorTitle(query.error) : null}
      // The rep's Refresh reads the whole lead; the live minute asks first whether it changed.
      onRefresh={() => void leadQueries.readAgain(queryClient, navigation).catch(() => undefined)}
      onLiveRefresh={() => void query.refetch()}
    />
  );
}

function errorTitle(error: Error): string {
  if (!(error instanceof BatonRequestError)) return 'Baton could not load this lead';
  switch (error.kind) {
    case 'auth':
      return 'Reconnect the CRM';
    case 'forbidden':
      return 'Baton is missing a permission';
    case 'not_found':
      return 'Lead not found in the CRM';
    case 'rate_limited':
      return 'The CRM asked Baton to slow down';
    case 'bad_response':
      return 'The CRM sent data Baton does not understand';
    case 'server':
      return 'The CRM is having trouble';
    case 'network':
      return 'Cannot reach the CRM';
    default:
      return 'Baton could not load this lead';
  }
}
