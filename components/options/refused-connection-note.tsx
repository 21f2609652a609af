import { BatonRequestError } from '../../lib/messaging/send-request';

/*
 * When the CRM refuses Baton's credential, every options section that reads the CRM fails the
 * same way. The connection section above says so in an alert with how to reconnect; the others
 * say it quietly (no alert role), so a screen reader hears the problem once.
 */

/** The CRM refused Baton's credential (a token revoked or expired, a sign-in gone). */
export function isRefusedConnection(error: unknown): boolean {
  return error instanceof BatonRequestError && error.kind === 'auth';
}

/** "HubSpot does not accept Baton's connection at the moment, so … Once it is reconnected under CRM connection above, …" */
export function RefusedConnectionNote({ crmLabel, cannot, then, testId }: { crmLabel: string | null; cannot: string; then: string; testId: string }) {
  return (
    <p data-testid={testId} className="mt-2 text-slate-700">
      {crmLabel ?? 'The CRM'} does not accept Baton's connection at the moment, so {cannot}. Once {crmLabel ?? 'it'} is reconnected under{' '}
      <a href="#connection-heading" className="underline">
        CRM connection
      </a>{' '}
      above, {then}.
    </p>
  );
}
