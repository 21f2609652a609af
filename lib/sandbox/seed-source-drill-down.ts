import { MARKETING_EMAILS } from './seed-catalog';
import type { LeadPlan } from './seed-lead-plan';

/** HubSpot's original source drill-down 1 and 2 for the lead's source. */
export function sourceDrillDown(plan: LeadPlan, campaignName: string | null, slug: string | null): [string, string] {
  switch (plan.source) {
    case 'ORGANIC_SEARCH':
      return ['google', 'unknown keywords (SSL)'];
    case 'PAID_SEARCH':
      return ['google', slug ?? 'brand'];
    case 'EMAIL_MARKETING':
      return [campaignName ?? 'Newsletter', String(MARKETING_EMAILS[1].id)];
    case 'SOCIAL_MEDIA':
      return ['LinkedIn', ''];
    case 'PAID_SOCIAL':
      return ['LinkedIn', slug ?? ''];
    case 'REFERRALS':
      return [plan.campaign === 'partnerSnowflake' ? 'snowflake.com' : 'g2.com', ''];
    case 'DIRECT_TRAFFIC':
      return ['www.tessellate.io/', ''];
    case 'OFFLINE':
      return ['IMPORT', campaignName ?? 'Import'];
  }
}
