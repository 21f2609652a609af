import { useMutation } from '@tanstack/react-query';
import { propertySetupResultSchema } from '../../../lib/messaging/protocol';
import { sendRequest } from '../../../lib/messaging/send-request';
import { OptionsButton } from '../options-button';

/**
 * Creates Baton's contact properties (the "Baton" group: reason, criteria version, SLA outcome,
 * ...) in the connected portal. The background holds the token and does the work; it is
 * idempotent, so running it again only reports what already exists.
 */
export function HubSpotSetupProperties({ crmLabel = 'HubSpot' }: { crmLabel?: string }) {
  const setup = useMutation({
    mutationFn: () => sendRequest({ type: 'crm/setup-properties' }, propertySetupResultSchema),
  });
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <OptionsButton onClick={() => setup.mutate()} disabled={setup.isPending}>
          {setup.isPending ? 'Setting up…' : `Set up Baton properties in ${crmLabel}`}
        </OptionsButton>
        <span className="text-xs text-slate-600">Adds the “Baton” property group dispositions are written to. Safe to run again.</span>
      </div>
      <div aria-live="polite">
        {setup.isSuccess ? (
          <p className="mt-2 text-emerald-800">
            {setup.data.created.length
              ? `Created ${setup.data.created.length} ${setup.data.created.length === 1 ? 'property' : 'properties'}: ${setup.data.created.join(', ')}.`
              : 'Nothing to create.'}
            {setup.data.existing.length ? ` Already there: ${setup.data.existing.join(', ')}.` : ''}
          </p>
        ) : null}
      </div>
      {setup.isError ? (
        <p role="alert" className="mt-2 text-red-700">
          Could not set up the properties: {setup.error.message}
        </p>
      ) : null}
    </div>
  );
}
