import type { Touch } from '../../domain/lead';
import type { TouchDirection } from '../../domain/touch-kinds';
import type { HubSpotObject, HubSpotV1Engagement } from './hubspot-schemas';
import { hubSpotV1CallMetadataSchema, hubSpotV1EmailMetadataSchema, hubSpotV1MeetingMetadataSchema, hubSpotV1NoteMetadataSchema } from './hubspot-schemas';
import { findMarkerId } from '../disposition-record-text';
import { epochMs, nonBlank, parseHubSpotTime, parseMetadata, readText } from './hubspot-map-helpers';

/** HubSpot calls, emails, meetings and notes (v3 objects and v1 engagements) → Baton's touches. */

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
