import { TOKEN_EXPIRY_WARNING_MS, type HubSpotTokenKind } from '../crm/hubspot/token-kind';
import { formatClockTime } from '../format/format-time';
import type { ConnectionNotice } from '../messaging/panel-protocol';
import type { OutboxEntry } from '../outbox/outbox-entry';

/**
 * Whether the rep's panel should say that Baton's CRM connection stops (or stopped) working. The
 * rep never opens the options page, where the admin sees the token's expiry, so the panel says
 * it, from what the background already knows: the token's kind and expiry as the last connection
 * check stored them, and writes the outbox parked after a 401. No CRM request. Pure.
 */

export interface ConnectionFacts {
  crm: 'hubspot' | 'sandbox';
  /** The stored HubSpot token's kind and expiry (epoch ms; null: none reported). Null: no token known. */
  token: { kind: HubSpotTokenKind; expiresAt: number | null } | null;
  /** Outbox entries parked because the CRM answered 401 ("reconnect"), across all leads. */
  waitingForReconnect: number;
  now: number;
  /** Tests pin it; the background formats in the browser's zone, the rep's own. */
  timeZone?: string;
}

export function decideConnectionNotice(facts: ConnectionFacts): ConnectionNotice | null {
  const crm = facts.crm === 'hubspot' ? 'HubSpot' : 'the CRM';
  const ask = `Ask your admin to reconnect ${crm} in Baton's options`;
  // A 401 is the CRM's own word that the connection is gone, whatever the stored expiry says.
  if (facts.waitingForReconnect > 0) {
    const n = facts.waitingForReconnect;
    return {
      level: 'stopped',
      message: `${capitalize(crm)} no longer accepts Baton's connection: ${n} ${n === 1 ? 'change waits' : 'changes wait'} in Baton. ${ask}; ${n === 1 ? 'it goes' : 'they go'} out once it is.`,
    };
  }
  if (facts.crm !== 'hubspot' || !facts.token) return null;
  const { expiresAt, kind } = facts.token;
  if (expiresAt === null) {
    // HubSpot would not say when, but OAuth access tokens live half an hour: the warning applies.
    if (kind !== 'oauth_access') return null;
    return { level: 'expiring', message: `Baton is connected to HubSpot with an OAuth access token, which stops working within hours. ${ask}.` };
  }
  const at = formatClockTime(expiresAt, facts.now, { timeZone: facts.timeZone });
  if (expiresAt <= facts.now) {
    return { level: 'stopped', message: `Baton's connection to HubSpot expired at ${at}. ${ask}; until then, what you save waits in Baton.` };
  }
  if (expiresAt - facts.now <= TOKEN_EXPIRY_WARNING_MS) {
    return { level: 'expiring', message: `Baton's connection to HubSpot expires at ${at}. ${ask} before then; after that, what you save waits in Baton until they do.` };
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
