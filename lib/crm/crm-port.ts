import { z } from 'zod';
import { engagementEventSchema } from '../domain/engagement/engagement-event';
import type { Disposition } from '../domain/disposition/disposition';
import type { QualificationInputs } from '../domain/qualification/qualification-inputs';
import { leadSchema, touchSchema, type LeadRef } from '../domain/lead';
import { recordedDispositionSchema } from '../domain/disposition/recorded-disposition';

/**
 * Whether one engagement source could be read for this lead. Portals differ (the HubSpot events
 * API needs Enterprise), and the panel says which sources were unavailable instead of silently
 * showing less.
 */
export const sourceStatusSchema = z.object({
  /** e.g. `hubspot-web-analytics`, `hubspot-email`, `crm-activities`. */
  source: z.string(),
  label: z.string(),
  /**
   * `degraded`: read, but with something the rep should know (read a slower way, parts hidden
   * by a missing scope); `message` says what. An `ok` source's message is detail nobody needs
   * to act on, and the panel does not show it.
   */
  status: z.enum(['ok', 'degraded', 'unavailable', 'error']),
  /** Why it is unavailable / what failed / what is missing, for the rep. */
  message: z.string().optional(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

/** Everything the panel needs about one lead, CRM-neutral. Validated again when it crosses into the panel. */
export const leadContextSchema = z.object({
  lead: leadSchema,
  /** Normalised marketing engagement, newest first. */
  events: z.array(engagementEventSchema),
  /** Human and automated touches logged in the CRM (calls, emails, meetings...). */
  touches: z.array(touchSchema),
  sources: z.array(sourceStatusSchema),
  /** Epoch ms when the context was read from the CRM (or last found unchanged there). */
  fetchedAt: z.number(),
  /**
   * The disposition Baton's own fields on the record hold (any rep's, from any browser); null:
   * none, or the fields are not set up. Absent: the adapter does not read them.
   */
  recordedDisposition: recordedDispositionSchema.nullable().optional(),
  /**
   * The record's freshness stamp as this read saw it (opaque; see CrmAdapter.readFreshness).
   * Absent: the adapter has no cheap check, and a live refresh reads the whole lead.
   */
  freshness: z.string().optional(),
});
export type LeadContext = z.infer<typeof leadContextSchema>;

/**
 * The one port every CRM adapter implements (ports and adapters; see DESIGN.md). Adapters hold
 * the connection, call the CRM's API, validate every response with zod and map it with pure
 * mappers. They throw `CrmError` (lib/crm/crm-error.ts) and nothing else.
 */
export interface CrmAdapter {
  readonly crm: LeadRef['crm'];
  getLeadContext(ref: LeadRef, options?: { signal?: AbortSignal }): Promise<LeadContext>;
  /**
   * One request: the record's freshness stamp, made of the fields the CRM changes whenever the
   * record does for Baton's purposes (modified time, owner, status, the latest logged activity).
   * Equal to the `freshness` of a full read when nothing changed since; different otherwise. A
   * live panel asks this once a minute and reads the whole lead only when the stamp moved.
   * Absent: the adapter has no such check.
   */
  readFreshness?(ref: LeadRef, options?: { signal?: AbortSignal }): Promise<string>;
}

/**
 * What a CRM confirmed after a disposition was written (see lib/outbox for delivery).
 * Writes are idempotent: delivering the same disposition twice leaves the CRM as after once.
 */
export interface DispositionReceipt {
  /** Properties written on the record (CRM property names). */
  properties: string[];
  /** The note/task that carries the brief, checklist and reason; `reused` when it already existed. */
  note: { id: string; reused: boolean } | null;
  deliveredAt: number;
  /** What was written only in part, without failing the disposition (e.g. a CRM object the account lacks), for the admin. */
  notices?: string[];
}

/** A contact attempt the rep logs from the panel (counts toward "unreachable after N attempts"). */
export interface ContactAttempt {
  /** UUID, carried into the CRM so a retried write is recognised. */
  id: string;
  channel: 'call' | 'email' | 'social';
  connected: boolean;
  note: string | null;
  at: number;
  ownerId: string | null;
}

/**
 * The write side of the port. Kept separate from reading so a read-only adapter (Marketo as an
 * engagement source) need not pretend to write.
 */
/** A disposition as delivered: the record plus the brief the rep saw, for the CRM note. */
export interface DispositionWrite {
  disposition: Disposition;
  /** "Before you call" statements shown to the rep (plain text, one per line), kept with the note. */
  brief: string[];
  /**
   * What the SQL definition was evaluated on when the rep decided, written to
   * `baton_qualification_inputs` so a later definition can be backtested. Absent on outbox
   * entries saved before Baton recorded it.
   */
  qualificationInputs?: QualificationInputs | null;
  /**
   * When the record was last modified as the rep saw it (epoch ms; the lead's `updatedAt` when the
   * panel read it). A CRM that supports conditional writes (Salesforce's If-Unmodified-Since)
   * refuses the write when someone changed the record since, instead of silently overwriting
   * their Status. Absent: written unconditionally.
   */
  seenRecordModifiedAt?: number;
  /**
   * The lead status the rep saw when deciding (from the lead context at save time; null: the lead
   * had none). A writer compares it with the status in the CRM right before writing the status
   * (read, or a conditional write where the CRM has one): when a colleague changed it since, the
   * writer must not overwrite it: it writes nothing and throws `new CrmError('rejected', <what the
   * status is now>, { status: 412 })`, which the outbox keeps as a dead letter and the panel shows
   * as a conflict; if the rep then sends it again, the outbox delivers it without this field (the
   * rep chose to overwrite). Absent (entries saved before Baton recorded it, the lead could not be
   * read at save time, or a resend after a conflict): nothing to compare, written as before.
   */
  seenLeadStatus?: string | null;
}

export interface CrmWriter {
  /** Writes a disposition (see lib/domain/disposition) onto the lead; idempotent on the disposition id. */
  recordDisposition(write: DispositionWrite, options?: { signal?: AbortSignal }): Promise<DispositionReceipt>;
  /** Logs a contact attempt as an engagement on the lead; idempotent on the attempt id. */
  logContactAttempt(ref: LeadRef, attempt: ContactAttempt, options?: { signal?: AbortSignal }): Promise<{ id: string; reused: boolean }>;
}
