import { z } from 'zod';
import { leadContextSchema } from '../crm/crm-port';

/**
 * Typed runtime messages between extension pages (panel, options) and the background. Both ends
 * validate with these schemas: the background every request (a forged or malformed one is
 * refused), the pages every response (a background bug shows as a clear error, not a blank panel).
 */
export const requestSchema = z.discriminatedUnion('type', [
  /** Panel: the lead shown in *my* tab. No lead id: the background derives it from the tab URL. */
  z.object({ type: z.literal('lead/get-context'), refresh: z.boolean().default(false) }),
  /** Options: store the HubSpot token (kept by the background, never echoed back). */
  z.object({ type: z.literal('connection/save-token'), token: z.string().trim().min(1).max(500) }),
  z.object({ type: z.literal('connection/forget-token') }),
  /** Options: is a token stored, and does the CRM accept it? */
  z.object({ type: z.literal('connection/status') }),
]);
export type BatonRequest = z.input<typeof requestSchema>;
export type BatonRequestParsed = z.output<typeof requestSchema>;

export const errorPayloadSchema = z.object({
  /** CrmError kinds plus the messaging layer's own. */
  kind: z.string(),
  message: z.string(),
  retryable: z.boolean().default(false),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

export const leadPageSchema = z.object({
  crm: z.enum(['hubspot', 'salesforce', 'sandbox']),
  account: z.string().min(1).max(200),
  objectType: z.enum(['contact', 'lead']),
  id: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
  origin: z.string(),
});

export const leadContextResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), page: leadPageSchema, context: leadContextSchema }),
  /** The tab is not on a lead record (the panel is about to be removed). */
  z.object({ status: z.literal('no-lead') }),
]);
export type LeadContextResult = z.infer<typeof leadContextResultSchema>;

export const connectionStatusSchema = z.object({
  hasToken: z.boolean(),
  /** Result of asking the CRM, when a token is stored. */
  check: z
    .object({ ok: z.boolean(), portalId: z.string().nullable(), message: z.string() })
    .nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** Every response is either data or an error the UI can show as it is. */
export function responseSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorPayloadSchema }),
  ]);
}
export type BatonResponse<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
