/*
 * HubSpot's original-source values (`hs_analytics_source`): the channel each belongs to, the name
 * marketers know it by, and which lead statuses mean a conversation happened.
 */

const CHANNELS: Record<string, string> = {
  PAID_SEARCH: 'paid',
  PAID_SOCIAL: 'paid',
  ORGANIC_SEARCH: 'organic',
  EMAIL_MARKETING: 'email',
  SOCIAL_MEDIA: 'social',
  REFERRALS: 'referral',
  DIRECT_TRAFFIC: 'direct',
  OFFLINE: 'offline',
  OTHER_CAMPAIGNS: 'other',
  AI_REFERRALS: 'referral',
};

/** Groups HubSpot's original sources into the channels marketing budgets by. */
export function toChannel(source: string | null): string {
  return (source && CHANNELS[source]) ?? 'unknown';
}

export const HUBSPOT_SOURCE_LABELS: Readonly<Record<string, string>> = {
  PAID_SEARCH: 'Paid search',
  PAID_SOCIAL: 'Paid social',
  ORGANIC_SEARCH: 'Organic search',
  EMAIL_MARKETING: 'Email marketing',
  SOCIAL_MEDIA: 'Organic social',
  REFERRALS: 'Referrals',
  DIRECT_TRAFFIC: 'Direct traffic',
  OFFLINE: 'Offline sources',
  OTHER_CAMPAIGNS: 'Other campaigns',
  AI_REFERRALS: 'AI referrals',
};

/** `hs_lead_status` values that say a conversation happened (the funnel's "connected" stage). */
export const HUBSPOT_CONNECTED_STATUSES: readonly string[] = ['CONNECTED', 'IN_PROGRESS', 'OPEN_DEAL'];
