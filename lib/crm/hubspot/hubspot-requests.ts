/*
 * Pure builders for the request bodies Baton sends to HubSpot, named by direction. Their shapes
 * are checked against the official SDK's input models in
 * test/crm/hubspot/hubspot-sdk-contract.test.ts (type-level; the SDK is never bundled).
 */

/** HubSpot-defined association type: note → contact. */
export const NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID = 202;
/** HubSpot-defined association type: call → contact. */
export const CALL_TO_CONTACT_ASSOCIATION_TYPE_ID = 194;
/** HubSpot-defined association type: email → contact. */
export const EMAIL_TO_CONTACT_ASSOCIATION_TYPE_ID = 198;
/** Search accepts at most 200 results per page. */
const MAX_SEARCH_LIMIT = 200;

export interface HubSpotBatchReadBody {
  inputs: { id: string }[];
  properties: string[];
  propertiesWithHistory: string[];
}

/** `POST /crm/v3/objects/{type}/batch/read` (at most 100 ids; the caller chunks). */
export function toHubSpotBatchRead(ids: readonly string[], properties: readonly string[]): HubSpotBatchReadBody {
  return { inputs: ids.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] };
}

export type HubSpotFilterOperator =
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'BETWEEN'
  | 'IN'
  | 'NOT_IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY'
  | 'CONTAINS_TOKEN'
  | 'NOT_CONTAINS_TOKEN';

export interface HubSpotSearchFilter {
  propertyName: string;
  operator: HubSpotFilterOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface HubSpotSearchBody {
  filterGroups: { filters: HubSpotSearchFilter[] }[];
  properties: string[];
  limit: number;
  after?: string;
}

/**
 * `POST /crm/v3/objects/contacts/search`: all filters ANDed in one group. Search is capped at
 * 10,000 results per query and ~4 requests/s per portal: callers window by date for big sets.
 */
export function toHubSpotContactSearch(input: {
  filters: readonly HubSpotSearchFilter[];
  properties: readonly string[];
  limit?: number;
  after?: string;
}): HubSpotSearchBody {
  const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.trunc(input.limit ?? 100)));
  const body: HubSpotSearchBody = {
    filterGroups: [{ filters: input.filters.map((f) => ({ ...f })) }],
    properties: [...input.properties],
    limit,
  };
  if (input.after !== undefined) body.after = input.after;
  return body;
}

/**
 * `PATCH /crm/v3/objects/contacts/{id}` body. Sending "" clears a property in HubSpot, so only
 * values that are present are sent; an explicit "" is the caller's deliberate clear.
 */
export function toHubSpotContactUpdate(properties: Readonly<Record<string, string | null | undefined>>): { properties: Record<string, string> } {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string') out[name] = value;
  }
  return { properties: out };
}

export interface HubSpotNoteCreateBody {
  properties: Record<string, string>;
  associations: {
    to: { id: string };
    types: { associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }[];
  }[];
}

/**
 * `POST /crm/v3/objects/notes` associated to the contact. `hs_note_body` is HTML in HubSpot:
 * the text is escaped here so a rep's (or a prospect's) words never become markup in the CRM.
 */
export function toHubSpotNoteCreate(input: { contactId: string; text: string; at: number; ownerId?: string | null }): HubSpotNoteCreateBody {
  return toHubSpotEngagementCreate({
    contactId: input.contactId,
    associationTypeId: NOTE_TO_CONTACT_ASSOCIATION_TYPE_ID,
    properties: { hs_timestamp: new Date(input.at).toISOString(), hs_note_body: toHubSpotHtml(input.text), hubspot_owner_id: input.ownerId },
  });
}

/**
 * `POST /crm/v3/objects/{notes|calls|emails|...}` with one HUBSPOT_DEFINED association to the
 * contact. Rich-text values must already be HTML (see `toHubSpotHtml`); as with updates, only
 * values that are present are sent.
 */
export function toHubSpotEngagementCreate(input: {
  contactId: string;
  associationTypeId: number;
  properties: Readonly<Record<string, string | null | undefined>>;
}): HubSpotNoteCreateBody {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.properties)) {
    if (typeof value === 'string' && value !== '') properties[name] = value;
  }
  return {
    properties,
    associations: [{ to: { id: input.contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: input.associationTypeId }] }],
  };
}

/**
 * Plain text as HubSpot rich text (`hs_note_body`, `hs_call_body` are HTML): every character that
 * could start markup is escaped, so a rep's (or a prospect's) words never become markup in the
 * CRM; line breaks are kept as `<br>`.
 */
export function toHubSpotHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
