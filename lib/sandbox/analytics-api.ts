import { badRequest, decodeCursor, encodeCursor, intParam, listParam, notFound, ok, toIso } from './http-kit';
import type { ApiResponse } from './http-kit';
import { parseTimeValue } from './property-values';
import type { EmailEvent, WebEvent } from './sandbox-data';
import type { SandboxState } from './sandbox-state';
import { compareCodeUnits } from './seeded-random';

/** Event types the portal knows (HubSpot lists every type, used or not). */
export function eventTypeNames(portalId: string): string[] {
  return [
    'e_visited_page',
    'e_submitted_form',
    'e_clicked_cta',
    'e_viewed_cta',
    'e_document_viewed',
    'e_opened_sequence_email',
    `pe${portalId}_content_downloaded`,
    `pe${portalId}_webinar_registered`,
    `pe${portalId}_webinar_attended`,
  ];
}

function timeParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  const ms = parseTimeValue(raw);
  if (ms === null) throw badRequest(`${name} must be an ISO 8601 timestamp, got "${raw}".`);
  return ms;
}

/** `GET /events/v3/events`: web-analytics and custom behavioural events, newest first by default. */
export function listWebEvents(state: SandboxState, params: URLSearchParams, baseUrl: string): ApiResponse {
  const objectType = params.get('objectType');
  const objectId = params.get('objectId');
  if (objectId !== null && !objectType) throw badRequest('objectType is required when objectId is given.');
  if (objectId !== null && !/^\d+$/.test(objectId)) throw badRequest(`objectId must be numeric, got "${objectId}".`);
  const limit = intParam(params, 'limit', 100, { max: 100 });
  const after = timeParam(params, 'occurredAfter');
  const before = timeParam(params, 'occurredBefore');
  const eventType = params.get('eventType');
  const ids = listParam(params, 'id');
  const sort = (params.get('sort') ?? '-occurredAt').toUpperCase();
  const ascending = sort === 'OCCURREDAT' || sort === 'ASCENDING' || sort === 'ASC';

  const contactType = objectType === null || ['contact', 'contacts', '0-1'].includes(objectType.toLowerCase());
  const source: WebEvent[] = !contactType ? [] : objectId !== null ? state.webEvents(objectId) : state.allWebEvents();
  const filtered = source.filter((event) =>
    (after === null || event.occurredAt >= after) &&
    (before === null || event.occurredAt <= before) &&
    (!eventType || event.eventType === eventType) &&
    (!ids || ids.includes(event.id)),
  );
  const ordered = ascending ? filtered : [...filtered].reverse();
  const offset = decodeCursor(params.get('after'));
  const page = ordered.slice(offset, offset + limit);
  const body: Record<string, unknown> = {
    results: page.map((event) => ({
      objectType: 'CONTACT',
      objectId: event.objectId,
      eventType: event.eventType,
      occurredAt: toIso(event.occurredAt),
      id: event.id,
      properties: event.properties,
    })),
  };
  if (offset + limit < ordered.length) {
    const cursor = encodeCursor(offset + limit);
    const link = new URL(`${baseUrl}/events/v3/events/`);
    params.forEach((value, key) => key !== 'after' && link.searchParams.append(key, value));
    link.searchParams.set('after', cursor);
    body.paging = { next: { after: cursor, link: link.toString() } };
  }
  return ok(body);
}

export function listEventTypes(state: SandboxState): ApiResponse {
  return ok({ eventTypes: eventTypeNames(state.portalId) });
}

const BROWSERS: Record<string, { name: string; family: string; producer: string; type: string }> = {
  Gmail: { name: 'Gmail image proxy', family: 'Gmail image proxy', producer: 'Google Inc.', type: 'Proxy' },
  'Apple Mail': { name: 'Apple Mail', family: 'Apple Mail', producer: 'Apple Inc.', type: 'Email client' },
  'Microsoft Outlook': { name: 'Microsoft Outlook 16', family: 'Microsoft Outlook', producer: 'Microsoft Corporation', type: 'Email client' },
  'Google Chrome': { name: 'Chrome 131.0', family: 'Chrome', producer: 'Google Inc.', type: 'Browser' },
  'Microsoft Defender for Office 365 (Safe Links)': { name: 'Microsoft Defender for Office 365', family: 'Microsoft Defender', producer: 'Microsoft Corporation', type: 'Robot' },
};

const EMAIL_APP_ID = 113;

function serializeEmailEvent(portalId: string, event: EmailEvent): Record<string, unknown> {
  const browser = event.browser ? BROWSERS[event.browser] : undefined;
  return {
    appId: EMAIL_APP_ID,
    appName: 'BatchEmail',
    created: event.created,
    emailCampaignId: event.emailCampaignId,
    id: event.id,
    portalId: Number(portalId),
    recipient: event.recipient,
    sentBy: { id: event.sentById, created: event.sentByCreated },
    type: event.type,
    filteredEvent: event.filteredEvent,
    ...(event.url ? { url: event.url } : {}),
    ...(browser ? { browser: { ...browser, producerUrl: '', url: '', version: [] } } : {}),
    ...(event.type === 'OPEN' || event.type === 'CLICK' ? { deviceType: 'COMPUTER' } : {}),
  };
}

/** `GET /email/public/v1/events`: the legacy marketing-email events API, newest first, offset paging. */
export function listEmailEvents(state: SandboxState, params: URLSearchParams): ApiResponse {
  const recipient = params.get('recipient');
  const eventType = params.get('eventType')?.toUpperCase();
  const campaignId = params.get('campaignId');
  const start = params.get('startTimestamp');
  const end = params.get('endTimestamp');
  if (start !== null && !/^\d+$/.test(start)) throw badRequest('startTimestamp must be epoch milliseconds.');
  if (end !== null && !/^\d+$/.test(end)) throw badRequest('endTimestamp must be epoch milliseconds.');
  const limit = intParam(params, 'limit', 100, { max: 1000 });
  const excludeFiltered = params.get('excludeFilteredEvents') === 'true';
  const events = state.emailEvents(recipient).filter((event) =>
    (!eventType || event.type === eventType) &&
    (!campaignId || String(event.emailCampaignId) === campaignId) &&
    (start === null || event.created >= Number(start)) &&
    (end === null || event.created <= Number(end)) &&
    (!excludeFiltered || !event.filteredEvent),
  );
  const ordered = [...events].sort((a, b) => b.created - a.created || compareCodeUnits(a.id, b.id));
  const offset = decodeCursor(params.get('offset'), 'offset');
  const page = ordered.slice(offset, offset + limit);
  const hasMore = offset + limit < ordered.length;
  return ok({
    hasMore,
    offset: encodeCursor(hasMore ? offset + limit : ordered.length),
    events: page.map((event) => serializeEmailEvent(state.portalId, event)),
  });
}

export function getEmailCampaign(state: SandboxState, id: string): ApiResponse {
  const campaign = state.data.emailCampaigns.find((candidate) => String(candidate.id) === id);
  if (!campaign) throw notFound(`Email campaign ${id} not found.`);
  const events = state.data.emailEvents.filter((event) => event.emailCampaignId === campaign.id && !event.filteredEvent);
  const count = (type: EmailEvent['type']): number => events.filter((event) => event.type === type).length;
  return ok({
    appId: EMAIL_APP_ID,
    appName: 'BatchEmail',
    contentId: campaign.contentId,
    counters: { sent: count('SENT'), delivered: count('DELIVERED'), open: count('OPEN'), click: count('CLICK') },
    id: campaign.id,
    name: campaign.name,
    subject: campaign.subject,
    numIncluded: count('SENT'),
    numQueued: 0,
    subType: 'batch',
    type: 'BATCH_EMAIL',
    processingState: 'DONE',
    lastProcessingStartedAt: campaign.sentAt,
    lastProcessingFinishedAt: campaign.sentAt + 90_000,
    lastProcessingStateChangeAt: campaign.sentAt + 90_000,
  });
}

export function listEmailCampaigns(state: SandboxState, params: URLSearchParams): ApiResponse {
  const limit = intParam(params, 'limit', 250, { max: 1000 });
  const offset = decodeCursor(params.get('offset'), 'offset');
  const all = [...state.data.emailCampaigns].sort((a, b) => b.sentAt - a.sentAt);
  const page = all.slice(offset, offset + limit);
  const hasMore = offset + limit < all.length;
  return ok({
    campaigns: page.map((campaign) => ({ id: campaign.id, appId: EMAIL_APP_ID, appName: 'BatchEmail', lastUpdatedTime: campaign.sentAt + 90_000 })),
    hasMore,
    offset: encodeCursor(hasMore ? offset + limit : all.length),
  });
}
