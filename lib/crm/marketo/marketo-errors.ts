import { CrmError } from '../crm-error';

/*
 * Marketo answers HTTP 200 with `success: false` and `errors[{code, message}]`. The codes Baton acts
 * on, in the CRM-neutral limit words the rest of Baton uses:
 *   601/602 access token invalid/expired → renew once and retry (the client does);
 *   606 over 100 calls per 20 s, 615 over 10 concurrent calls → a `burst` limit (retry shortly);
 *   607 daily quota reached → a `daily` limit that resets at midnight US Central time.
 */

export const TOKEN_ERROR_CODES = new Set(['601', '602']);
const BURST_CODES = new Set(['606', '615']);
/** Marketo's rolling window is 20 seconds. */
const BURST_WAIT_MS = 20_000;

/** The next midnight in America/Chicago (where Marketo's daily quota resets) after `now`. */
export function nextMidnightUsCentral(now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(now));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnightMs = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (now % 1000);
  const candidate = now - sinceMidnightMs + 24 * 60 * 60 * 1000;
  // A DST change within the day moves midnight by an hour: correct by the zone's local hour then.
  const localHour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hourCycle: 'h23', hour: 'numeric' }).format(new Date(candidate)));
  return localHour === 0 ? candidate : localHour === 23 ? candidate + 60 * 60 * 1000 : candidate - localHour * 60 * 60 * 1000;
}

/** The CrmError a failed Marketo answer stands for (token errors included: the client renews on those first). */
export function marketoError(errors: readonly { code: string; message?: string | undefined }[], now: number): CrmError {
  const codes = errors.map((e) => e.code);
  const detail = errors.map((e) => `${e.code}${e.message ? ` ${e.message}` : ''}`).join('; ') || 'no error given';
  if (codes.some((c) => BURST_CODES.has(c))) {
    return new CrmError('rate_limited', 'Marketo is busy with other requests from your instance; Baton will try again in a moment.', { limit: 'burst', retryAfterMs: BURST_WAIT_MS });
  }
  if (codes.includes('607')) {
    return new CrmError('rate_limited', "Your Marketo instance has used today's API allowance; Marketo activity shows again after midnight US Central time.", { limit: 'daily', resetAt: nextMidnightUsCentral(now) });
  }
  if (codes.some((c) => TOKEN_ERROR_CODES.has(c))) return new CrmError('auth', 'Marketo did not accept Baton\'s sign-in. Check the client id and secret in Baton\'s options.');
  if (codes.includes('603')) return new CrmError('forbidden', "Marketo refused access: the API user's role lacks the read permission Baton needs (Read-Only Activity and Read-Only Lead).");
  if (codes.includes('1003') || codes.includes('1004')) return new CrmError('not_found', 'Marketo does not know this person.');
  return new CrmError('rejected', `Marketo refused the request (${detail}).`);
}
