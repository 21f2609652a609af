import type { CredentialFacts } from '../crm/crm-provider';
import { formatClockTime } from '../format/format-time';
import type { ConnectionNotice } from '../messaging/panel-protocol';
import type { OutboxEntry } from '../outbox/outbox-entry';

/**
 * Whether the rep's panel should say that Baton's CRM connection stops (or stopped) working. The
 * rep never opens the options page, where the admin sees the token's expiry, so the panel says
 * it, from what the background already knows: the token's kind and expiry as the last connection
 * check stored them, and writes the outbox parked after a 401. No CRM request. Pure.
 */

/** Warn this long before a credential's expiry. */
export const CREDENTIAL_EXPIRY_WARNING_MS = 24 * 60 * 60 * 1000;

export interface ConnectionFacts {
  /** The CRM's name; null when the sandbox stands in for it (said as "the CRM"). */
  crmLabel: string | null;
  /** The stored credential's expiry, as its provider reads it. Null: none known. */
  credential: CredentialFacts | null;
  /** Outbox entries parked because the CRM answered 401 ("reconnect"), across all leads. */
  waitingForReconnect: number;
  now: number;
  /** Tests pin it; the background formats in the browser's zone, the rep's own. */
  timeZone?: string;
}

export function decideConnectionNotice(facts: ConnectionFacts): ConnectionNotice | null {
  const crm = facts.crmLabel ?? 'the CRM';
  const ask = `Ask your admin to reconnect ${crm} in Baton's options`;
  // A 401 is the CRM's own word that the connection is gone, whatever the stored expiry says.
  if (facts.waitingForReconnect > 0) {
    const n = facts.waitingForReconnect;
    return {
      level: 'stopped',
      message: `${capitalize(crm)} no longer accepts Baton's connection: ${n} ${n === 1 ? 'change waits' : 'changes wait'} in Baton. ${ask}; ${n === 1 ? 'it goes' : 'they go'} out once it is.`,
    };
  }
  if (facts.crmLabel === null || !facts.credential) return null;
  const { expiresAt, shortLived } = facts.credential;
  if (expiresAt === null) {
    // The CRM would not say when, but a short-lived kind lives hours at most: the warning applies.
    if (!shortLived) return null;
    return { level: 'expiring', message: `Baton is connected to ${crm} with a short-lived access token, which stops working within hours. ${ask}.` };
  }
  const at = formatClockTime(expiresAt, facts.now, { timeZone: facts.timeZone });
  if (expiresAt <= facts.now) {
    return { level: 'stopped', message: `Baton's connection to ${crm} expired at ${at}. ${ask}; until then, what you save waits in Baton.` };
  }
  if (expiresAt - facts.now <= CREDENTIAL_EXPIRY_WARNING_MS) {
    return { level: 'expiring', message: `Baton's connection to ${crm} expires at ${at}. ${ask} before then; after that, what you save waits in Baton until they do.` };
  }
  return null;
}

/** Entries a new connection would release (parked after a 401). */
export function countWaitingForReconnect(entries: readonly OutboxEntry[]): number {
  return entries.filter((e) => e.state === 'parked' && e.parkedFor === 'auth').length;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
