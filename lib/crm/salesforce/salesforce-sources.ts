/*
 * Salesforce's Lead Source values (`LeadSource`, an org-editable picklist): the channel each
 * belongs to, and which lead statuses mean a conversation happened. The out-of-the-box values are
 * Web, Phone Inquiry, Partner Referral, Purchased List and Other; orgs add their own, so common
 * custom values are matched by name and then by keyword. A value Baton cannot place is 'unknown',
 * never guessed into a channel that has budgets against it.
 */

/** Exact values (compared case-insensitively, spacing and punctuation folded). */
const CHANNELS: Readonly<Record<string, string>> = {
  // Salesforce's defaults.
  web: 'organic',
  'phone inquiry': 'direct',
  'partner referral': 'referral',
  'purchased list': 'paid',
  other: 'other',
  // Common custom values.
  website: 'organic',
  'web form': 'organic',
  'organic search': 'organic',
  seo: 'organic',
  'paid search': 'paid',
  ppc: 'paid',
  sem: 'paid',
  'google ads': 'paid',
  'google adwords': 'paid',
  adwords: 'paid',
  advertisement: 'paid',
  'paid social': 'paid',
  'content syndication': 'paid',
  email: 'email',
  'email campaign': 'email',
  'email marketing': 'email',
  newsletter: 'email',
  'social media': 'social',
  social: 'social',
  linkedin: 'social',
  twitter: 'social',
  x: 'social',
  facebook: 'social',
  referral: 'referral',
  'employee referral': 'referral',
  'external referral': 'referral',
  'customer referral': 'referral',
  partner: 'referral',
  'word of mouth': 'referral',
  direct: 'direct',
  'direct traffic': 'direct',
  'inbound call': 'direct',
  'trade show': 'offline',
  tradeshow: 'offline',
  event: 'offline',
  events: 'offline',
  conference: 'offline',
  'seminar internal': 'offline',
  'seminar partner': 'offline',
  seminar: 'offline',
  'public relations': 'offline',
  'cold call': 'offline',
  'outbound prospecting': 'offline',
  webinar: 'other',
};

/** Keyword fallbacks for custom values, first match wins (paid before social: "Paid LinkedIn" is paid). */
const KEYWORDS: readonly [RegExp, string][] = [
  [/\b(paid|ppc|cpc|adwords|google ads|bing ads|sponsored|display|advert|purchased)\b/, 'paid'],
  [/\b(organic|seo|web ?site|web form|web)\b/, 'organic'],
  [/\b(e ?mail|newsletter|nurture)\b/, 'email'],
  [/\b(social|linkedin|twitter|facebook|instagram|youtube|tiktok)\b/, 'social'],
  [/\b(referr\w*|partner|word of mouth)\b/, 'referral'],
  [/\b(direct|phone|inbound call)\b/, 'direct'],
  [/\b(trade ?show|event|conference|seminar|booth|field|print|public relations|cold call)\b/, 'offline'],
];

function fold(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Groups a Lead Source value into the channels marketing budgets by. */
export function toSalesforceChannel(source: string | null | undefined): string {
  if (!source || source.trim() === '') return 'unknown';
  const folded = fold(source);
  const exact = CHANNELS[folded];
  if (exact) return exact;
  for (const [pattern, channel] of KEYWORDS) if (pattern.test(folded)) return channel;
  return 'unknown';
}

/**
 * Lead Status values that say a conversation happened (the funnel's "connected" stage): the
 * 'Working - Contacted' family of Salesforce's defaults and the names orgs commonly give it, and
 * the converted status (a converted lead was spoken to).
 */
export const SALESFORCE_CONNECTED_STATUSES: readonly string[] = [
  'Working - Contacted',
  'Working',
  'Contacted',
  'Connected',
  'In Conversation',
  'Qualified',
  'Sales Accepted',
  'Closed - Converted',
  'Converted',
];
