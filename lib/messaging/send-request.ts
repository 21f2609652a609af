import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { responseEnvelopeSchema } from './panel-protocol';
// Types only: protocol.ts builds the request schemas with zod classic, which the panel must not load.
import type { BatonRequest } from './protocol';

/** An error from the background (or the messaging layer), with the kind the UI switches on. */
export class BatonRequestError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'BatonRequestError';
  }
}

/**
 * Sends a request to the background and validates the answer; throws BatonRequestError.
 * `dataSchema` may be a zod classic or a zod/mini schema (both share zod's core): the panel passes
 * zod/mini ones (panel-protocol.ts), the options and Insights pages their zod schemas.
 */
export async function sendRequest<T extends z.core.$ZodType>(request: BatonRequest, dataSchema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (err) {
    throw new BatonRequestError('messaging', `Baton's background service did not answer (${(err as Error).message}).`, true);
  }
  const envelope = z.safeParse(responseEnvelopeSchema, raw);
  const data = envelope.success && envelope.data.ok ? z.safeParse(dataSchema, envelope.data.data) : null;
  if (!envelope.success || (data && !data.success)) {
    throw new BatonRequestError('bad_message', "Baton's background service sent an answer this panel does not understand.", false);
  }
  const response = envelope.data;
  if (!response.ok) throw new BatonRequestError(response.error.kind, response.error.message, response.error.retryable);
  return data!.data as z.output<T>;
}
