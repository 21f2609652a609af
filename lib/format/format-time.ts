/** Time formatting for the panel. `now` is a parameter so the output is testable. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatRelativeTime(at: number, now: number): string {
  const diff = now - at;
  const abs = Math.abs(diff);
  const suffix = diff >= 0 ? 'ago' : 'from now';
  if (abs < MINUTE) return diff >= 0 ? 'just now' : 'in under a minute';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min ${suffix}`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h ${suffix}`;
  if (abs < 60 * DAY) return `${Math.floor(abs / DAY)} d ${suffix}`;
  return `${Math.floor(abs / (30 * DAY))} mo ${suffix}`;
}

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatAbsoluteTime(at: number): string {
  return absoluteFormat.format(at);
}

/** Day heading for the timeline, in the rep's time zone. */
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
export function formatDay(at: number): string {
  return dayFormat.format(at);
}

/** HubSpot-style enum values (PAID_SEARCH, marketingqualifiedlead) as words. */
const KNOWN_LABELS: Record<string, string> = {
  marketingqualifiedlead: 'MQL',
  salesqualifiedlead: 'SQL',
  subscriber: 'Subscriber',
  lead: 'Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
  ORGANIC_SEARCH: 'Organic search',
  PAID_SEARCH: 'Paid search',
  EMAIL_MARKETING: 'Email marketing',
  SOCIAL_MEDIA: 'Organic social',
  PAID_SOCIAL: 'Paid social',
  REFERRALS: 'Referrals',
  DIRECT_TRAFFIC: 'Direct traffic',
  OTHER_CAMPAIGNS: 'Other campaigns',
  OFFLINE: 'Offline sources',
  AI_REFERRALS: 'AI referrals',
  AUTOMATION_PLATFORM: 'workflow',
  CRM_UI: 'a user in the CRM',
  INTEGRATION: 'an integration',
  IMPORT: 'an import',
  API: 'the API',
  FORM: 'a form',
};
export function humanizeEnum(value: string): string {
  const known = KNOWN_LABELS[value];
  if (known) return known;
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A clock time for a status line: "14:05" on the same day as `now`, "23 Nov, 14:05" otherwise.
 * In the browser's time zone unless one is given (tests). Used by the background, which runs in
 * the same browser as the rep.
 */
export function formatClockTime(at: number, now: number, options: { timeZone?: string } = {}): string {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }).format(t);
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone }).format(at);
  if (day(at) === day(now)) return clock;
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...zone }).format(at)}, ${clock}`;
}
