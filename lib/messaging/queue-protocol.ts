import { z } from 'zod';
import { slaInputsSchema } from './panel-protocol';

/*
 * The toolbar popup's "My queue" and the rep identity ("Who you are"): requests (wired into
 * protocol.ts's union) and answers, validated on both ends.
 */

export const queueRequestSchemas = [
  /** Popup: the rep's queue; `refresh` reads the CRM now unless it was read moments ago. */
  z.object({ type: z.literal('queue/get'), refresh: z.boolean().default(false) }),
  /** Options, popup: who "me" is for the connected CRM. */
  z.object({ type: z.literal('rep/get') }),
  /** Options, popup: the CRM's owners, to choose from. */
  z.object({ type: z.literal('rep/list-owners') }),
  /** Options, popup: "I am this owner" (checked against the CRM before it is kept). */
  z.object({ type: z.literal('rep/choose'), ownerId: z.string().trim().min(1).max(100) }),
  /** Options: forget the choice. */
  z.object({ type: z.literal('rep/clear') }),
] as const;

export const repIdentitySchema = z.object({ ownerId: z.string(), name: z.string().nullable(), email: z.string().nullable() });

export const repStatusSchema = z.object({
  rep: repIdentitySchema.nullable(),
  /** crm: the CRM says who the connection signed in as; chosen: the rep picked an owner. */
  source: z.enum(['crm', 'chosen']).nullable(),
  /** The connected CRM's name, for the page's words. */
  crmLabel: z.string(),
  /** The CRM can list owners to choose from. */
  canChoose: z.boolean(),
  /** False: no CRM connection to ask (connect it first). */
  connected: z.boolean().default(true),
});
export type RepStatus = z.infer<typeof repStatusSchema>;

export const ownerListSchema = z.object({ owners: z.array(repIdentitySchema) });

const entryBase = {
  id: z.string(),
  name: z.string(),
  recordUrl: z.string(),
  tier: z.string(),
  trigger: z.string().nullable(),
  brief: z.string(),
};

export const queueViewSchema = z.object({
  /**
   * ok: the lists are below. no-rep: Baton does not know who the rep is yet. not-connected: no CRM
   * connection (or it needs signing in again). unsupported: the connected CRM cannot list a queue.
   */
  status: z.enum(['ok', 'no-rep', 'not-connected', 'unsupported']),
  message: z.string().nullable(),
  crmLabel: z.string(),
  rep: repIdentitySchema.nullable(),
  /** When the lists were read from the CRM (epoch ms); null: never. */
  readAt: z.number().nullable(),
  /** The last read failed: the lists are from the one before it (or empty), and this says why. */
  error: z.object({ message: z.string(), offline: z.boolean() }).nullable(),
  /** More leads matched than one listing reads: the newest assignments are shown. */
  truncated: z.boolean(),
  awaiting: z.array(z.object({ ...entryBase, sla: slaInputsSchema })),
  engaged: z.array(z.object({ ...entryBase, engagedAt: z.number() })),
});
export type QueueView = z.infer<typeof queueViewSchema>;
