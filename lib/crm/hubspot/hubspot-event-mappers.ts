import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import type { HubSpotEmailEvent, HubSpotWebEvent } from './hubspot-schemas';
import { nonBlank, parseHubSpotTime, safeUrl, withOptional } from './hubspot-map-helpers';

/*
 * HubSpot web-analytics and marketing-email events → Baton's engagement events. URLs survive only
 * when they are http(s); the UI links only https.
 */

export const HUBSPOT_WEB_SOURCE = 'hubspot-web-analytics';

export const HUBSPOT_EMAIL_SOURCE = 'hubspot-email';

/**
 * One web-analytics event (`/events/v3/events`) → EngagementEvent, or null for event types Baton
 * does not model (the adapter counts those) and events without a readable time.
 * Custom behavioural events are named `pe<portalId>_<name>`; only this portal's count.
 */
export function fromHubSpotWebEvent(event: HubSpotWebEvent, portalId: string): EngagementEvent | null {
  const occurredAt = parseHubSpotTime(event.occurredAt);
  if (occurredAt === null) return null;
  const p = event.properties ?? {};
  const base = { id: `${HUBSPOT_WEB_SOURCE}:${event.id}`, occurredAt, source: HUBSPOT_WEB_SOURCE };
  const custom = `pe${portalId}_`;
  const type = event.eventType;

  if (type === 'e_visited_page') {
    return withOptional({ ...base, kind: 'page_view' }, { url: safeUrl(p['hs_url']), title: p['hs_title'], campaign: p['hs_utm_campaign'] });
  }
  if (type === 'e_submitted_form') {
    return withOptional({ ...base, kind: 'form_submission' }, { url: safeUrl(p['hs_url']), title: p['hs_form_title'], campaign: p['hs_utm_campaign'] });
  }
  if (type.startsWith(custom)) {
    const kind = CUSTOM_EVENT_KINDS[type.slice(custom.length)];
    if (!kind) return null;
    if (kind === 'content_download') {
      return withOptional({ ...base, kind }, { url: safeUrl(p['asset_url']), title: p['asset_title'], campaign: p['campaign'] });
    }
    return withOptional({ ...base, kind }, { url: safeUrl(p['webinar_url']), title: p['webinar_name'], campaign: p['campaign'] });
  }
  return null;
}

const CUSTOM_EVENT_KINDS: Readonly<Record<string, EngagementKind>> = {
  content_downloaded: 'content_download',
  webinar_registered: 'webinar_registered',
  webinar_attended: 'webinar_attended',
};

const EMAIL_EVENT_KINDS: Readonly<Record<string, EngagementKind>> = {
  DELIVERED: 'email_delivered',
  OPEN: 'email_opened',
  CLICK: 'email_clicked',
};

/**
 * One legacy marketing-email event → EngagementEvent, or null for types Baton does not show
 * (SENT, PROCESSED, BOUNCE, DROPPED...). `filteredEvent` is HubSpot's own bot/scanner verdict.
 */
export function fromHubSpotEmailEvent(
  event: HubSpotEmailEvent,
  campaignName: string | null,
  subject: string | null = null,
): EngagementEvent | null {
  const kind = EMAIL_EVENT_KINDS[event.type];
  if (!kind || !Number.isFinite(event.created)) return null;
  const campaign = nonBlank(campaignName) ?? (event.emailCampaignId !== undefined ? String(event.emailCampaignId) : undefined);
  const mapped = withOptional(
    { id: `${HUBSPOT_EMAIL_SOURCE}:${event.id}`, kind, occurredAt: Math.trunc(event.created), source: HUBSPOT_EMAIL_SOURCE },
    { campaign, title: nonBlank(subject) ?? nonBlank(campaignName) ?? undefined, url: kind === 'email_clicked' ? safeUrl(event.url) : undefined },
  );
  if (event.filteredEvent === true) {
    mapped.likelyBot = true;
    mapped.botReason = 'HubSpot filtered this as a likely bot or email security scanner';
  }
  return mapped;
}
