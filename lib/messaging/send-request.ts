import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { responseSchema, type BatonRequest, type BatonResponse } from './protocol';

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

/** Sends a request to the background and validates the answer; throws BatonRequestError. */
export async function sendRequest<T extends z.ZodType>(request: BatonRequest, dataSchema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (err) {
    throw new BatonRequestError('messaging', `Baton's background service did not answer (${(err as Error).message}).`, true);
  }
  const parsed = responseSchema(dataSchema).safeParse(raw);
  if (!parsed.success) {
    throw new BatonRequestError('bad_message', "Baton's background service sent an answer this panel does not understand.", false);
  }
  // zod cannot narrow a discriminated union over a generic schema; the parse above checked it.
  const response = parsed.data as BatonResponse<z.infer<T>>;
  if (!response.ok) throw new BatonRequestError(response.error.kind, response.error.message, response.error.retryable);
  return response.data;
}
