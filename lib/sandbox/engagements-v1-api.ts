import { badRequest, intParam } from './http-kit';
import type { ApiResponse } from './http-kit';
import { ok } from './http-kit';
import { parseTimeValue } from './property-values';
import type { CrmObjectType, CrmRecord } from './sandbox-data';
import { resolveObjectType } from './sandbox-state';
import type { SandboxState } from './sandbox-state';

/*
 * HubSpot's legacy engagements v1 read, `GET /engagements/v1/engagements/associated/{objectType}/{objectId}/paged`,
 * built from the same call / email / meeting / note / task records the v3 object APIs serve, so
 * both read paths of the HubSpot adapter see one data set. Shapes as HubSpot documents v1:
 * `{results:[{engagement, associations, attachments, metadata}], hasMore, offset}`, ids and times
 * as numbers (epoch ms), `metadata` depending on `engagement.type`.
 * Emails are never redacted here: the sandbox grants every scope, `sales-email-read` included.
 */

/** v3 object type → v1 engagement type (emails are refined by `hs_email_direction`). */
const V1_TYPE: Partial<Record<CrmObjectType, string>> = {
  calls: 'CALL',
  emails: 'EMAIL',
  meetings: 'MEETING',
  notes: 'NOTE',
  tasks: 'TASK',
};
const ENGAGEMENT_OBJECT_TYPES = Object.keys(V1_TYPE) as CrmObjectType[];
const EMAIL_TYPES = new Set(['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']);
/** The associated-engagements endpoint pages by 100 at most (the portal-wide one allows 250). */
const MAX_LIMIT = 100;

interface V1Engagement {
  engagement: Record<string, unknown> & { id: number; type: string; timestamp: number };
  associations: Record<string, number[]>;
  attachments: unknown[];
  metadata: Record<string, unknown>;
}

/** `GET /engagements/v1/engagements/associated/{objectType}/{objectId}/paged?limit=&offset=`, newest first. */
export function listAssociatedEngagements(state: SandboxState, objectTypeSegment: string, objectId: string, params: URLSearchParams): ApiResponse {
  const objectType = resolveObjectType(objectTypeSegment);
  if (!objectType || ENGAGEMENT_OBJECT_TYPES.includes(objectType)) throw badRequest(`Unsupported object type ${objectTypeSegment}.`);
  if (!/^\d+$/.test(objectId)) throw badRequest(`objectId must be numeric, got "${objectId}".`);
  const limit = intParam(params, 'limit', MAX_LIMIT, { max: MAX_LIMIT });
  const offsetRaw = params.get('offset');
  if (offsetRaw !== null && offsetRaw !== '' && !/^\d+$/.test(offsetRaw)) throw badRequest(`offset must be a number, got "${offsetRaw}".`);
  const offset = offsetRaw ? Number(offsetRaw) : 0;

  const all = ENGAGEMENT_OBJECT_TYPES.flatMap((type) =>
    state.associatedIds(objectType, objectId, type).flatMap((id) => {
      const record = state.record(type, id);
      return record ? [toV1Engagement(state, type, record)] : [];
    }),
  ).sort((a, b) => b.engagement.timestamp - a.engagement.timestamp || b.engagement.id - a.engagement.id);

  const page = all.slice(offset, offset + limit);
  const next = offset + page.length;
  return ok({ results: page, hasMore: next < all.length, offset: next });
}

function toV1Engagement(state: SandboxState, type: CrmObjectType, record: CrmRecord): V1Engagement {
  const p = record.properties;
  const text = (name: string): string | undefined => (p[name] === undefined || p[name] === '' ? undefined : p[name]);
  const time = (name: string): number | undefined => {
    const raw = text(name);
    return raw === undefined ? undefined : (parseTimeValue(raw) ?? undefined);
  };
  const ownerId = text('hubspot_owner_id');
  const created = record.history['hs_object_id']?.[0] ?? Object.values(record.history)[0]?.[0];
  let v1Type = V1_TYPE[type] as string;
  if (type === 'emails') {
    const direction = text('hs_email_direction');
    if (direction && EMAIL_TYPES.has(direction)) v1Type = direction;
  }
  return {
    engagement: {
      id: Number(record.id),
      portalId: Number(state.portalId),
      active: true,
      createdAt: record.createdAt,
      lastUpdated: record.updatedAt,
      ...(created?.updatedByUserId !== undefined ? { createdBy: created.updatedByUserId, modifiedBy: created.updatedByUserId } : {}),
      ...(ownerId !== undefined && /^\d+$/.test(ownerId) ? { ownerId: Number(ownerId) } : {}),
      type: v1Type,
      timestamp: time('hs_timestamp') ?? record.createdAt,
      // Where it came from, as HubSpot labels it on the record (SEQUENCES for sequence emails).
      source: text('hs_sequence_id') !== undefined ? 'SEQUENCES' : (created?.sourceType ?? 'CRM_UI'),
    },
    associations: {
      contactIds: state.associatedIds(type, record.id, 'contacts').map(Number),
      companyIds: [],
      dealIds: state.associatedIds(type, record.id, 'deals').map(Number),
      ownerIds: [],
      workflowIds: [],
      ticketIds: [],
    },
    attachments: [],
    metadata: metadataFor(type, text, time),
  };
}

function metadataFor(type: CrmObjectType, text: (name: string) => string | undefined, time: (name: string) => number | undefined): Record<string, unknown> {
  const defined = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  switch (type) {
    case 'calls': {
      const duration = text('hs_call_duration');
      return defined({
        title: text('hs_call_title'),
        body: text('hs_call_body'),
        status: text('hs_call_status'),
        disposition: text('hs_call_disposition'),
        durationMilliseconds: duration !== undefined && /^\d+$/.test(duration) ? Number(duration) : undefined,
      });
    }
    case 'emails':
      return defined({ from: {}, to: [], cc: [], bcc: [], subject: text('hs_email_subject'), text: text('hs_email_text'), html: text('hs_email_html') });
    case 'meetings':
      return defined({
        title: text('hs_meeting_title'),
        body: text('hs_meeting_body'),
        startTime: time('hs_meeting_start_time'),
        endTime: time('hs_meeting_end_time'),
        meetingOutcome: text('hs_meeting_outcome'),
      });
    case 'notes':
      return defined({ body: text('hs_note_body') });
    case 'tasks':
      return defined({ subject: text('hs_task_subject'), body: text('hs_task_body'), status: text('hs_task_status'), taskType: text('hs_task_type'), forObjectType: 'CONTACT' });
    default:
      return {};
  }
}
