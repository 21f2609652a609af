import { z } from 'zod';

/*
 * zod schemas for exactly the HubSpot response shapes Baton reads. Objects are loose
 * (`z.looseObject`): HubSpot adds fields all the time and an unknown field must never blank the
 * panel. What we do read is strict: a wrong type there is a 'bad_response' naming the field.
 *
 * Wire types only: dates are ISO strings here (the official SDK deserialises them to `Date`;
 * test/crm/hubspot/hubspot-sdk-contract.test.ts checks our schemas against the SDK's models).
 */

/** Property values are always strings (or null when unset) on read. */
/**
 * A value HubSpot documents as a string may come as a number or a boolean (an integration wrote it,
 * an API version changed): read as its text. Anything else in one property (an object, an array)
 * reads as no value, so one odd property never fails the whole record.
 */
const hubSpotPropertyValueSchema = z
  .union([z.string(), z.number().transform(String), z.boolean().transform(String), z.null()])
  .catch(null);

/** A record id: documented as a string; a number (some endpoints, some proxies) is read as its digits. */
export const hubSpotIdSchema = z.union([z.string(), z.number().transform(String)]);

export const hubSpotPropertiesSchema = z.record(z.string(), hubSpotPropertyValueSchema);

export const hubSpotNextPageSchema = z.looseObject({
  after: z.string(),
  link: z.string().optional(),
});

export const hubSpotPagingSchema = z.looseObject({
  next: hubSpotNextPageSchema.optional(),
});

/** One entry of `propertiesWithHistory[name]`, newest first as HubSpot returns them. */
export const hubSpotValueWithTimestampSchema = z.looseObject({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.string().optional().catch(undefined),
  sourceLabel: z.string().optional().catch(undefined),
  // Not read by Baton: whatever comes must not fail the record.
  updatedByUserId: z.number().optional().catch(undefined),
});
export type HubSpotValueWithTimestamp = z.infer<typeof hubSpotValueWithTimestampSchema>;

export const hubSpotAssociatedIdSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
});

/** `associations.<type>` on an object read with `?associations=`. */
export const hubSpotAssociationsCollectionSchema = z.looseObject({
  results: z.array(hubSpotAssociatedIdSchema),
  paging: hubSpotPagingSchema.optional(),
});

/** `GET /crm/v3/objects/contacts/{id}` (SimplePublicObjectWithAssociations). */
export const hubSpotContactSchema = z.looseObject({
  id: hubSpotIdSchema,
  properties: hubSpotPropertiesSchema,
  propertiesWithHistory: z.record(z.string(), z.array(hubSpotValueWithTimestampSchema)).optional(),
  // An association kind Baton did not ask for (or cannot read) is left out, not a failed contact.
  associations: z.record(z.string(), hubSpotAssociationsCollectionSchema.optional().catch(undefined)).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional().catch(undefined),
});
export type HubSpotContact = z.infer<typeof hubSpotContactSchema>;

/** A CRM object as returned by batch read (calls, emails, meetings...): SimplePublicObject. */
export const hubSpotObjectSchema = z.looseObject({
  id: z.string(),
  properties: hubSpotPropertiesSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
});
export type HubSpotObject = z.infer<typeof hubSpotObjectSchema>;

/** Generic `{results, paging?}` collection response. */
export function hubSpotCollectionSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    results: z.array(item),
    paging: hubSpotPagingSchema.optional(),
  });
}

/**
 * `POST /crm/v3/objects/{type}/batch/read` → BatchResponseSimplePublicObject. A 207 carries
 * per-id `errors` (e.g. an id deleted since the association was read): we keep the results.
 */
export const hubSpotBatchReadResponseSchema = z.looseObject({
  status: z.string(),
  results: z.array(hubSpotObjectSchema),
  numErrors: z.number().optional(),
  errors: z.array(z.unknown()).optional(),
});

/** Engagement objects with the `hs_` properties Baton reads; values stay strings. */
export const CALL_PROPERTIES = [
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_call_title',
  'hs_call_body',
  'hs_call_direction',
  'hs_call_disposition',
  'hs_call_status',
  'hs_call_duration',
] as const;
export const EMAIL_PROPERTIES = [
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_email_subject',
  'hs_email_direction',
  'hs_email_status',
  // Sequence markers: present on emails sent by a HubSpot sequence (see fromHubSpotEngagement).
  'hs_sequence_id',
  'hs_sequence_enrollment_id',
  'hs_email_sequence_step_id',
] as const;
export const MEETING_PROPERTIES = [
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_meeting_title',
  'hs_meeting_start_time',
  'hs_meeting_outcome',
] as const;

/** `GET /crm/v3/owners/{id}` (PublicOwner). */
export const hubSpotOwnerSchema = z.looseObject({
  id: hubSpotIdSchema,
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().optional().catch(undefined),
  archived: z.boolean().optional(),
});
export type HubSpotOwner = z.infer<typeof hubSpotOwnerSchema>;

export const hubSpotPropertyOptionSchema = z.looseObject({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
});

/** `GET /crm/v3/properties/contacts[/{name}]` (Property). */
export const hubSpotPropertyDefinitionSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  formField: z.boolean().optional(),
  options: z.array(hubSpotPropertyOptionSchema),
});
export type HubSpotPropertyDefinition = z.infer<typeof hubSpotPropertyDefinitionSchema>;

export const hubSpotPropertyDefinitionsSchema = hubSpotCollectionSchema(hubSpotPropertyDefinitionSchema);

/** One event of `GET /events/v3/events` (ExternalUnifiedEvent). */
export const hubSpotWebEventSchema = z.looseObject({
  id: hubSpotIdSchema,
  eventType: z.string(),
  objectId: hubSpotIdSchema,
  objectType: z.string(),
  occurredAt: z.string(),
  // Numbers and booleans read as text; any other value in one property is dropped, never the event.
  properties: z.record(z.string(), z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]).optional().catch(undefined)).optional(),
});
export type HubSpotWebEvent = z.infer<typeof hubSpotWebEventSchema>;

export const hubSpotWebEventsPageSchema = hubSpotCollectionSchema(hubSpotWebEventSchema);

/** One event of the legacy `GET /email/public/v1/events?recipient=`. */
export const hubSpotEmailEventSchema = z.looseObject({
  id: z.string(),
  /** Epoch ms. */
  created: z.number(),
  /** SENT, DELIVERED, OPEN, CLICK, BOUNCE, DROPPED, PROCESSED, DEFERRED, SPAMREPORT, ... */
  type: z.string(),
  recipient: z.string().optional(),
  emailCampaignId: z.number().optional(),
  url: z.string().optional(),
  /** HubSpot flags opens/clicks it believes came from bots or security scanners. */
  filteredEvent: z.boolean().optional(),
});
export type HubSpotEmailEvent = z.infer<typeof hubSpotEmailEventSchema>;

export const hubSpotEmailEventsPageSchema = z.looseObject({
  events: z.array(hubSpotEmailEventSchema),
  hasMore: z.boolean(),
  offset: z.string().optional(),
});

/** Legacy `GET /email/public/v1/campaigns/{id}`. */
export const hubSpotEmailCampaignSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  subject: z.string().optional(),
});
export type HubSpotEmailCampaign = z.infer<typeof hubSpotEmailCampaignSchema>;

/** Associations v4 `GET /crm/v4/objects/{from}/{id}/associations/{to}`. */
export const hubSpotAssociationTypeSchema = z.looseObject({
  category: z.string(),
  typeId: z.number(),
  label: z.string().nullable().optional(),
});
export const hubSpotAssociationsV4PageSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      toObjectId: z.union([z.string(), z.number()]),
      associationTypes: z.array(hubSpotAssociationTypeSchema),
    }),
  ),
  paging: hubSpotPagingSchema.optional(),
});

/** `{status:"error", message, correlationId, category, errors?}`; 429 adds policyName. Loose: bodies vary. */
export const hubSpotErrorBodySchema = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  correlationId: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  policyName: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        message: z.string().optional(),
        code: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
export type HubSpotErrorBody = z.infer<typeof hubSpotErrorBodySchema>;

/*
 * Legacy engagements v1: `GET /engagements/v1/engagements/associated/CONTACT/{id}/paged`.
 * One call lists every engagement type associated with the contact (calls, emails, meetings,
 * notes, tasks, and types HubSpot adds later), so a lead costs one request for all of its
 * touches instead of one batch read per type. Ids and times are numbers (epoch ms) in v1.
 * `metadata` depends on `engagement.type`: it is validated per type by the mapper
 * (fromHubSpotEngagementV1), so one odd record of a type Baton ignores cannot fail the page.
 */
const hubSpotV1IdSchema = z.union([z.number(), z.string()]).transform(String);

export const hubSpotV1EngagementSchema = z.looseObject({
  engagement: z.looseObject({
    id: hubSpotV1IdSchema,
    /** CALL, EMAIL, INCOMING_EMAIL, FORWARDED_EMAIL, MEETING, NOTE, TASK, or a type Baton does not know. */
    type: z.string(),
    ownerId: hubSpotV1IdSchema.nullable().optional(),
    /** When it happened (what HubSpot's timeline sorts by), epoch ms. */
    timestamp: z.number().nullable().optional(),
    createdAt: z.number().nullable().optional(),
    active: z.boolean().optional().catch(undefined),
    /**
     * Where the engagement came from. Not in HubSpot's v1 reference; observed on records, e.g.
     * CRM_UI, and SEQUENCES for emails a sequence sent. Read only to tell automated emails apart.
     */
    source: z.string().nullable().optional().catch(undefined),
  }),
  associations: z
    .looseObject({
      contactIds: z.array(z.number()).optional(),
    })
    .optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type HubSpotV1Engagement = z.infer<typeof hubSpotV1EngagementSchema>;

export const hubSpotV1EngagementsPageSchema = z.looseObject({
  results: z.array(hubSpotV1EngagementSchema),
  hasMore: z.boolean(),
  /** Pass back as `offset` for the next page. */
  offset: z.union([z.number(), z.string()]).optional(),
});

const optionalText = z.string().nullable().optional();

/** `metadata` of a CALL. `disposition` is the call-outcome GUID (hs_call_disposition in v3). */
export const hubSpotV1CallMetadataSchema = z.looseObject({
  title: optionalText,
  body: optionalText,
  status: optionalText,
  disposition: optionalText,
  durationMilliseconds: z.number().nullable().optional(),
});

/**
 * `metadata` of an EMAIL / INCOMING_EMAIL / FORWARDED_EMAIL. Without the `sales-email-read`
 * scope HubSpot answers 200 but redacts it: no subject, and an `html` saying so.
 */
export const hubSpotV1EmailMetadataSchema = z.looseObject({
  subject: optionalText,
  html: optionalText,
  text: optionalText,
});

/** `metadata` of a MEETING. */
export const hubSpotV1MeetingMetadataSchema = z.looseObject({
  title: optionalText,
  body: optionalText,
  startTime: z.number().nullable().optional(),
  endTime: z.number().nullable().optional(),
  meetingOutcome: optionalText,
});

/** `metadata` of a NOTE: its HTML body. */
export const hubSpotV1NoteMetadataSchema = z.looseObject({
  body: optionalText,
});
