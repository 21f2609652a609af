import { browser } from 'wxt/browser';
import { z } from 'zod';
import { responseEnvelopeSchema } from '../messaging/panel-protocol';
import { BatonRequestError } from '../messaging/send-request';

/*
 * The options page's messages about marketing engagement sources, to the background (which keeps
 * their secrets). Both ends validate: the background every request, the page every answer.
 */

const kindSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const settingsSchema = z.record(z.string().max(60), z.string().trim().max(500)).refine((r) => Object.keys(r).length <= 20);

export const engagementSourceRequestSchema = z.discriminatedUnion('type', [
  /** What is stored for a source (never its secret). */
  z.object({ type: z.literal('engagement-source/state'), kind: kindSchema }),
  /** Store a source's settings and, when given, a new secret; then test them. */
  z.object({ type: z.literal('engagement-source/save'), kind: kindSchema, settings: settingsSchema, secret: z.string().trim().min(1).max(500).nullable() }),
  z.object({ type: z.literal('engagement-source/test'), kind: kindSchema }),
  z.object({ type: z.literal('engagement-source/forget'), kind: kindSchema }),
]);
export type EngagementSourceRequest = z.input<typeof engagementSourceRequestSchema>;

export const engagementSourceStateSchema = z.object({ kind: z.string(), label: z.string(), settings: z.record(z.string(), z.string()).nullable(), hasSecret: z.boolean() });
export const engagementSourceCheckSchema = z.object({ ok: z.boolean(), message: z.string() });

/** Whether a message is one of these (the background routes it here before its main router). */
export function isEngagementSourceMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('engagement-source/');
}

/** Options page: sends a request and validates the answer; throws BatonRequestError. */
export async function sendEngagementSourceRequest<T extends z.ZodType>(request: EngagementSourceRequest, dataSchema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (err) {
    throw new BatonRequestError('messaging', `Baton's background service did not answer (${(err as Error).message}).`, true);
  }
  const envelope = responseEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new BatonRequestError('bad_message', "Baton's background service sent an answer this page does not understand.", false);
  if (!envelope.data.ok) throw new BatonRequestError(envelope.data.error.kind, envelope.data.error.message, envelope.data.error.retryable);
  const data = dataSchema.safeParse(envelope.data.data);
  if (!data.success) throw new BatonRequestError('bad_message', "Baton's background service sent an answer this page does not understand.", false);
  return data.data;
}
