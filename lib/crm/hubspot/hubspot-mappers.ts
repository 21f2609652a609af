import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import { normalizeForMatching } from '../../domain/engagement/match-keywords';
import type { FormAnswer, Lead, LeadRef, Owner, Touch } from '../../domain/lead';
import type { TouchDirection } from '../../domain/touch-kinds';
import type {
  HubSpotContact,
  HubSpotEmailEvent,
  HubSpotObject,
  HubSpotOwner,
  HubSpotV1Engagement,
  HubSpotValueWithTimestamp,
  HubSpotWebEvent,
} from './hubspot-schemas';
import {
  hubSpotV1CallMetadataSchema,
  hubSpotV1EmailMetadataSchema,
  hubSpotV1MeetingMetadataSchema,
  hubSpotV1NoteMetadataSchema,
} from './hubspot-schemas';
import { findMarkerId } from '../disposition-record-text';

/*
 * Pure mappers from HubSpot's wire shapes (already validated by hubspot-schemas.ts) to Baton's
 * domain types. Every string from HubSpot may have been typed by anyone who filled a form: it is
 * kept verbatim (no trimming, no HTML decoding) and rendered as text downstream. URLs survive only
 * when they are http(s); the UI links only https.
 */

/** The contact properties Baton reads (CRM-FACTS.md). */
export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'jobtitle',
  'company',
  'industry',
  'numemployees',
  'country',
  'lifecyclestage',
  'hs_lead_status',
  'hs_analytics_source',
  'hs_analytics_source_data_1',
  'hs_analytics_source_data_2',
  'hs_latest_source',
  'campaign_name',
  'first_conversion_event_name',
  'first_conversion_date',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'num_conversion_events',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'hs_email_last_open_date',
  'createdate',
  'lastmodifieddate',
] as const;

/**
 * Where HubSpot puts the utm_campaign in the source drill-downs (its "Understand source
 * properties" article): drill-down 1 for paid search, email marketing and other campaigns;
 * drill-down 2 for organic and paid social, whose drill-down 1 is the network. Other sources
 * (organic search, referrals, direct, offline) carry no campaign there.
 */
const CAMPAIGN_DRILL_DOWN: Readonly<Record<string, 1 | 2>> = {
  PAID_SEARCH: 1,
  EMAIL_MARKETING: 1,
  OTHER_CAMPAIGNS: 1,
  SOCIAL_MEDIA: 2,
  PAID_SOCIAL: 2,
};
/** Stages that mean "handed to sales" for the SLA clock. */
const HANDOFF_STAGES = new Set(['marketingqualifiedlead', 'salesqualifiedlead']);

export interface FromHubSpotContactContext {
  ref: LeadRef;
  /** The owner looked up from `hubspot_owner_id`, or null when unknown / the lookup failed. */
  owner: Owner | null;
  /** Form-field property name → its label (the question as asked), from the property definitions. */
  formFieldLabels: Readonly<Record<string, string>>;
}

export function fromHubSpotContact(contact: HubSpotContact, { ref, owner, formFieldLabels }: FromHubSpotContactContext): Lead {
  const p = contact.properties;
  const history = contact.propertiesWithHistory ?? {};

  const ownerId = readText(p, 'hubspot_owner_id');
  const ownerHistory = newestFirst(history['hubspot_owner_id'] ?? []);
  const latestOwnerChange = ownerHistory[0] ?? null;
  const ownerAssignedAt = parseHubSpotTime(readText(p, 'hubspot_owner_assigneddate')) ?? (latestOwnerChange && latestOwnerChange.value !== '' ? parseHubSpotTime(latestOwnerChange.timestamp) : null);

  const source = readText(p, 'hs_analytics_source');
  const sourceData1 = readText(p, 'hs_analytics_source_data_1');
  const sourceData2 = readText(p, 'hs_analytics_source_data_2');

  return {
    ref,
    firstName: readText(p, 'firstname'),
    lastName: readText(p, 'lastname'),
    email: readText(p, 'email'),
    phone: readText(p, 'phone'),
    jobTitle: readText(p, 'jobtitle'),
    company: readText(p, 'company'),
    industry: readText(p, 'industry'),
    employees: parseEmployeeCount(readText(p, 'numemployees')),
    country: readText(p, 'country'),
    lifecycleStage: readText(p, 'lifecyclestage'),
    leadStatus: readText(p, 'hs_lead_status'),
    // The owner lookup can fail (scope, deleted user): keep the id so the SLA still knows who owns it.
    owner: ownerId ? (owner && owner.id === ownerId ? owner : { id: ownerId, name: null, email: null }) : null,
    ownerAssignedAt,
    ownerAssignedBy: latestOwnerChange ? { type: latestOwnerChange.sourceType, label: latestOwnerChange.sourceLabel ?? null } : null,
    source,
    sourceDetail: [sourceData1, sourceData2].filter((s): s is string => s !== null),
    latestSource: readText(p, 'hs_latest_source'),
    campaign: readText(p, 'campaign_name') ?? campaignFromDrillDown(source, sourceData1, sourceData2),
    firstConversion: readConversion(p, 'first_conversion_event_name', 'first_conversion_date'),
    recentConversion: readConversion(p, 'recent_conversion_event_name', 'recent_conversion_date'),
    formAnswers: readFormAnswers(history, formFieldLabels),
    handedOffAt: findHandoffTime(history['lifecyclestage'] ?? []) ?? ownerAssignedAt,
    createdAt: parseHubSpotTime(readText(p, 'createdate')) ?? parseHubSpotTime(contact.createdAt),
    updatedAt: parseHubSpotTime(readText(p, 'lastmodifieddate')) ?? parseHubSpotTime(contact.updatedAt),
  };
}

/** HubSpot owner → domain Owner. */
export function fromHubSpotOwner(owner: HubSpotOwner): Owner {
  const name = [owner.firstName, owner.lastName].filter((s): s is string => !!s && s.trim() !== '').join(' ');
  return { id: owner.id, name: name === '' ? null : name, email: nonBlank(owner.email) };
}

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

export type HubSpotEngagementKind = 'calls' | 'emails' | 'meetings';

/** HubSpot's default call outcome ("Connected"); portals can add their own outcomes. */
const CALL_CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const CALL_NOT_CONNECTED = new Set([
  '9d9162e7-6cf3-4944-bf63-4dff82258764', // Busy
  'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', // Left live message
  'b2cf5968-551e-4856-9783-52b3da59a7d0', // Left voicemail
  '73a0d17f-1163-4015-bdd5-ec830791da20', // No answer
  '17b47fee-58de-441e-a44c-c6300d46f273', // Wrong number
]);
/**
 * `hs_call_direction` is from the HubSpot user's side (HubSpot's calls guide): OUTBOUND when the
 * user placed the call, INBOUND when the user received it. Anything else says nothing.
 */
function callDirection(raw: string | null): TouchDirection {
  return raw === 'OUTBOUND' ? 'outbound' : raw === 'INBOUND' ? 'inbound' : 'unknown';
}

/**
 * `hs_email_direction` (v3) and the v1 email engagement type share one vocabulary (HubSpot's emails
 * guide): EMAIL was sent from the CRM or logged by BCC, INCOMING_EMAIL is the contact's reply.
 * FORWARDED_EMAIL was "forwarded to the CRM" by the user: it may be the rep's own send or the
 * lead's message, so it stays 'unknown' (which the SLA counts as before, like EMAIL).
 */
function emailDirection(raw: string | null): TouchDirection {
  return raw === 'EMAIL' ? 'outbound' : raw === 'INCOMING_EMAIL' ? 'inbound' : 'unknown';
}

/** Properties that only emails sent by a sequence carry. */
const SEQUENCE_MARKERS = ['hs_sequence_id', 'hs_sequence_enrollment_id', 'hs_email_sequence_step_id'] as const;

/** A call / email / meeting object associated with the contact → Touch. */
export function fromHubSpotEngagement(kind: HubSpotEngagementKind, object: HubSpotObject): Touch {
  const p = object.properties;
  const occurredAt = parseHubSpotTime(readText(p, 'hs_timestamp')) ?? parseHubSpotTime(object.createdAt) ?? 0;
  const ownerId = readText(p, 'hubspot_owner_id');

  if (kind === 'calls') {
    const disposition = readText(p, 'hs_call_disposition');
    return {
      id: `hubspot-call:${object.id}`,
      kind: 'call',
      occurredAt,
      ownerId,
      automated: false,
      direction: callDirection(readText(p, 'hs_call_direction')),
      connected: disposition === CALL_CONNECTED ? true : disposition && CALL_NOT_CONNECTED.has(disposition) ? false : null,
      summary: readText(p, 'hs_call_title') ?? readText(p, 'hs_call_body'),
    };
  }
  if (kind === 'emails') {
    const direction = readText(p, 'hs_email_direction');
    const fromSequence = SEQUENCE_MARKERS.some((name) => readText(p, name) !== null);
    const incoming = direction === 'INCOMING_EMAIL';
    return {
      id: `hubspot-email-activity:${object.id}`,
      kind: fromSequence ? 'sequence_email' : 'email',
      occurredAt,
      // An incoming email was written by the lead, not by the owner it is filed under: it must
      // not stop the SLA clock as the owner's first touch.
      ownerId: incoming ? null : ownerId,
      automated: fromSequence,
      direction: emailDirection(direction),
      connected: null,
      summary: readText(p, 'hs_email_subject'),
    };
  }
  const outcome = readText(p, 'hs_meeting_outcome');
  return {
    id: `hubspot-meeting:${object.id}`,
    kind: 'meeting',
    occurredAt: parseHubSpotTime(readText(p, 'hs_timestamp')) ?? parseHubSpotTime(readText(p, 'hs_meeting_start_time')) ?? occurredAt,
    ownerId,
    automated: false,
    // HubSpot records no direction for meetings (booked by the rep or through a booking link alike).
    direction: 'unknown',
    connected: outcome === 'COMPLETED' ? true : outcome === 'NO_SHOW' || outcome === 'CANCELED' ? false : null,
    summary: readText(p, 'hs_meeting_title'),
  };
}

/** Engagement types of the v1 API that Baton knows; anything else is counted and skipped. */
export const HUBSPOT_V1_ENGAGEMENT_TYPES = ['CALL', 'EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL', 'MEETING', 'NOTE', 'TASK'] as const;
const KNOWN_V1_TYPES: ReadonlySet<string> = new Set(HUBSPOT_V1_ENGAGEMENT_TYPES);
const V1_EMAIL_TYPES: ReadonlySet<string> = new Set(['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']);
/** `engagement.source` of emails a HubSpot sequence sent (see hubSpotV1EngagementSchema). */
const V1_SEQUENCE_SOURCE = 'SEQUENCES';
/** The status line Baton's writer puts under "Social attempt (LinkedIn)" (hubspot-writer.ts). */
const SOCIAL_REPLIED: Readonly<Record<string, boolean>> = { 'They replied.': true, 'No reply yet.': false };

export function isKnownHubSpotV1EngagementType(type: string): boolean {
  return KNOWN_V1_TYPES.has(type);
}

/**
 * One v1 engagement (`/engagements/v1/engagements/associated/CONTACT/{id}/paged`) → Touch, the
 * same Touch the v3 path (fromHubSpotEngagement) makes from the same record: same ids, owner and
 * automation rules. Null for what is not a touch: tasks (a to-do, not contact with the lead),
 * notes other than Baton's social contact attempts, and types Baton does not know.
 */
export function fromHubSpotEngagementV1(item: HubSpotV1Engagement): Touch | null {
  const { engagement } = item;
  const metadata = item.metadata ?? {};
  const ownerId = nonBlank(engagement.ownerId);
  const occurredAt = epochMs(engagement.timestamp) ?? epochMs(engagement.createdAt);

  switch (engagement.type) {
    case 'CALL': {
      const m = parseMetadata(hubSpotV1CallMetadataSchema, metadata);
      const disposition = nonBlank(m.disposition);
      return {
        id: `hubspot-call:${engagement.id}`,
        kind: 'call',
        occurredAt: occurredAt ?? 0,
        ownerId,
        automated: false,
        // v1 call metadata documents no direction. Baton's own call attempts carry its marker
        // in the body and are always placed by the rep (hubspot-writer.ts writes OUTBOUND).
        direction: findMarkerId(m.body ?? null, 'attempt') !== null ? 'outbound' : 'unknown',
        connected: disposition === CALL_CONNECTED ? true : disposition && CALL_NOT_CONNECTED.has(disposition) ? false : null,
        summary: nonBlank(m.title) ?? nonBlank(m.body),
      };
    }
    case 'EMAIL':
    case 'INCOMING_EMAIL':
    case 'FORWARDED_EMAIL': {
      const m = parseMetadata(hubSpotV1EmailMetadataSchema, metadata);
      const fromSequence = engagement.source === V1_SEQUENCE_SOURCE;
      return {
        id: `hubspot-email-activity:${engagement.id}`,
        kind: fromSequence ? 'sequence_email' : 'email',
        occurredAt: occurredAt ?? 0,
        // Written by the lead, not by the owner it is filed under: never the owner's first touch.
        ownerId: engagement.type === 'INCOMING_EMAIL' ? null : ownerId,
        automated: fromSequence,
        direction: emailDirection(engagement.type),
        connected: null,
        summary: nonBlank(m.subject),
      };
    }
    case 'MEETING': {
      const m = parseMetadata(hubSpotV1MeetingMetadataSchema, metadata);
      const outcome = nonBlank(m.meetingOutcome);
      return {
        id: `hubspot-meeting:${engagement.id}`,
        kind: 'meeting',
        occurredAt: epochMs(engagement.timestamp) ?? epochMs(m.startTime) ?? occurredAt ?? 0,
        ownerId,
        automated: false,
        direction: 'unknown',
        connected: outcome === 'COMPLETED' ? true : outcome === 'NO_SHOW' || outcome === 'CANCELED' ? false : null,
        summary: nonBlank(m.title),
      };
    }
    case 'NOTE': {
      // Baton logs a social (LinkedIn) contact attempt as a note carrying its attempt marker
      // (hubspot-writer.ts): that one is a touch; every other note is not.
      const body = parseMetadata(hubSpotV1NoteMetadataSchema, metadata).body ?? null;
      if (findMarkerId(body, 'attempt') === null) return null;
      const status = (body ?? '').split(/<br\s*\/?>|\n/i)[1]?.trim() ?? '';
      return {
        id: `hubspot-note:${engagement.id}`,
        kind: 'social',
        occurredAt: occurredAt ?? 0,
        ownerId,
        automated: false,
        // The rep's own LinkedIn attempt, logged through Baton.
        direction: 'outbound',
        connected: SOCIAL_REPLIED[status] ?? null,
        summary: 'Social attempt (LinkedIn)',
      };
    }
    default:
      return null;
  }
}

/**
 * Whether HubSpot redacted an email engagement because the connection lacks `sales-email-read`:
 * the request still succeeds, but the subject is gone and `html` says why.
 */
export function isRedactedHubSpotV1Email(item: HubSpotV1Engagement): boolean {
  if (!V1_EMAIL_TYPES.has(item.engagement.type)) return false;
  const m = parseMetadata(hubSpotV1EmailMetadataSchema, item.metadata ?? {});
  return nonBlank(m.subject) === null && /redacted/i.test(m.html ?? '') && /sales-email-read/.test(m.html ?? '');
}

/** Type-specific metadata, or an empty one when it does not match: the touch still counts. */
function parseMetadata<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, metadata: unknown): Partial<T> {
  const parsed = schema.safeParse(metadata);
  return parsed.success ? parsed.data : {};
}

function epochMs(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/**
 * `numemployees` is a free string in many portals: "250", "1,000", "51-200" (lower bound),
 * "10001+", "1000 - 5000". Anything else is null, never guessed.
 */
export function parseEmployeeCount(raw: string | null): number | null {
  if (raw === null) return null;
  const match = /^\s*(\d[\d,]*)(?:\.0+)?\s*(?:(?:-|–|—|to)\s*\d[\d,]*\s*|\+\s*)?$/i.exec(raw);
  if (!match?.[1]) return null;
  const n = Number(match[1].replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** ISO date-times, date-only values and legacy epoch-ms strings → epoch ms; anything else → null. */
export function parseHubSpotTime(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (/^\d{10,}$/.test(trimmed)) {
    const n = Number(trimmed);
    return Number.isSafeInteger(n) ? n : null;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : at;
}

/** The raw string when it parses as an http(s) URL (as a browser would parse it), else undefined. */
export function safeUrl(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

function readText(properties: Readonly<Record<string, string | null>>, name: string): string | null {
  return nonBlank(properties[name]);
}

/** HubSpot returns "" for cleared properties: treat blank as absent, keep everything else verbatim. */
function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

function campaignFromDrillDown(source: string | null, data1: string | null, data2: string | null): string | null {
  const drillDown = source === null ? undefined : CAMPAIGN_DRILL_DOWN[source];
  return drillDown === 1 ? data1 : drillDown === 2 ? data2 : null;
}

function readConversion(p: Readonly<Record<string, string | null>>, nameKey: string, dateKey: string): { name: string; at: number | null } | null {
  const name = readText(p, nameKey);
  return name === null ? null : { name, at: parseHubSpotTime(readText(p, dateKey)) };
}

function newestFirst(entries: readonly HubSpotValueWithTimestamp[]): HubSpotValueWithTimestamp[] {
  return [...entries].sort((a, b) => (parseHubSpotTime(b.timestamp) ?? 0) - (parseHubSpotTime(a.timestamp) ?? 0));
}

/** The first time the lifecycle stage became MQL or SQL (a later re-entry does not restart the handoff). */
function findHandoffTime(entries: readonly HubSpotValueWithTimestamp[]): number | null {
  let earliest: number | null = null;
  for (const entry of entries) {
    if (!HANDOFF_STAGES.has(entry.value)) continue;
    const at = parseHubSpotTime(entry.timestamp);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/**
 * HubSpot's own hidden form fields (`hs_context`, `hubspotutk`, ...) carry tracking, not the
 * prospect's words: they never become form answers. Matched on the property name, and on the label
 * as asked (its first word "hs" or "hubspot", ignoring case and punctuation).
 */
function isHubSpotHiddenField(name: string, question: string): boolean {
  if (/^(?:hs_|hubspot)/i.test(name)) return true;
  const words = normalizeForMatching(question);
  return words.startsWith(' hs ') || words.startsWith(' hubspot ');
}

function readFormAnswers(
  history: Readonly<Record<string, readonly HubSpotValueWithTimestamp[]>>,
  formFieldLabels: Readonly<Record<string, string>>,
): FormAnswer[] {
  const answers: FormAnswer[] = [];
  for (const [name, question] of Object.entries(formFieldLabels)) {
    if (isHubSpotHiddenField(name, question)) continue;
    for (const entry of history[name] ?? []) {
      if (entry.sourceType !== 'FORM' || entry.value.trim() === '') continue;
      const answeredAt = parseHubSpotTime(entry.timestamp);
      if (answeredAt === null) continue;
      answers.push({ question, answer: entry.value, answeredAt, form: nonBlank(entry.sourceLabel) ?? nonBlank(entry.sourceId) });
    }
  }
  return answers.sort((a, b) => b.answeredAt - a.answeredAt);
}

/** Adds only the optional fields that have a value, so events carry no `undefined` keys. */
function withOptional(
  base: Pick<EngagementEvent, 'id' | 'kind' | 'occurredAt' | 'source'>,
  optional: { url?: string | undefined; title?: string | undefined; campaign?: string | undefined },
): EngagementEvent {
  const event: EngagementEvent = { ...base };
  const url = optional.url;
  const title = nonBlank(optional.title);
  const campaign = nonBlank(optional.campaign);
  if (url !== undefined) event.url = url;
  if (title !== null) event.title = title;
  if (campaign !== null) event.campaign = campaign;
  return event;
}
