import type { BatonResponse } from '../messaging/protocol';
import { CrmError } from './crm-error';
import type { EngagementReader } from './engagement-source-reader';
import { engagementSourceRequestSchema } from './engagement-source-protocol';

/** The parts of chrome.runtime.MessageSender trusted here (set by the browser). */
interface Sender {
  id?: string;
  url?: string;
}

/**
 * The background's answers to the options page about engagement sources. Only the extension's own
 * options page may ask (sender id and page path, as the main router checks); every request is
 * validated with zod; failures are answers, never throws.
 */
export function createEngagementSourceRouter(deps: { extensionId: string; reader: EngagementReader; onChange(): void }) {
  return async function handle(message: unknown, sender: Sender): Promise<BatonResponse<unknown>> {
    const parsed = engagementSourceRequestSchema.safeParse(message);
    if (!parsed.success) return refuse('bad_message', 'Baton refused a malformed message.');
    if (sender.id !== deps.extensionId || !isOptionsPage(sender.url)) return refuse('forbidden_sender', 'Baton refused a message from an unexpected sender.');
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'engagement-source/state':
          return { ok: true, data: await deps.reader.state(request.kind) };
        case 'engagement-source/save': {
          const check = await deps.reader.save(request.kind, { settings: request.settings, secret: request.secret });
          deps.onChange();
          return { ok: true, data: check };
        }
        case 'engagement-source/test':
          return { ok: true, data: await deps.reader.test(request.kind) };
        case 'engagement-source/forget':
          await deps.reader.forget(request.kind);
          deps.onChange();
          return { ok: true, data: await deps.reader.state(request.kind) };
      }
    } catch (err) {
      if (err instanceof CrmError) return { ok: false, error: { kind: err.kind, message: err.message, retryable: err.retryable } };
      return refuse('internal', `Baton hit an unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

function isOptionsPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'chrome-extension:' && parsed.pathname === '/options.html';
  } catch {
    return false;
  }
}

function refuse(kind: string, message: string): BatonResponse<never> {
  return { ok: false, error: { kind, message, retryable: false } };
}
