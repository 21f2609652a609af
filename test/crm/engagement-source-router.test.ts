import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { EngagementReader } from '../../lib/crm/engagement-source-reader';
import { isEngagementSourceMessage } from '../../lib/crm/engagement-source-protocol';
import { createEngagementSourceRouter } from '../../lib/crm/engagement-source-router';

/** The background's answers about engagement sources: only Baton's options page may ask, every request validated. */

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OPTIONS = { id: ID, url: `chrome-extension://${ID}/options.html` };

function fakeReader(): EngagementReader {
  return {
    read: vi.fn(),
    state: vi.fn(async (kind: string) => ({ kind, label: 'X', settings: null, hasSecret: false })),
    save: vi.fn(async () => ({ ok: true, message: 'Connected' })),
    test: vi.fn(async () => ({ ok: false, message: 'Not set up yet.' })),
    forget: vi.fn(async () => {}),
  };
}

describe('engagement source messages', () => {
  it('the options page saves settings and a secret; the change drops cached lead views', async () => {
    const reader = fakeReader();
    const onChange = vi.fn();
    const route = createEngagementSourceRouter({ extensionId: ID, reader, onChange });
    const answer = await route({ type: 'engagement-source/save', kind: 'marketo', settings: { endpoint: ' https://x.mktorest.com ' }, secret: 's3cret' }, OPTIONS);
    expect(answer).toEqual({ ok: true, data: { ok: true, message: 'Connected' } });
    expect(reader.save).toHaveBeenCalledWith('marketo', { settings: { endpoint: 'https://x.mktorest.com' }, secret: 's3cret' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('refuses other senders: a content script (a web page), the panel, another extension', async () => {
    const reader = fakeReader();
    const route = createEngagementSourceRouter({ extensionId: ID, reader, onChange: () => {} });
    const message = { type: 'engagement-source/state', kind: 'marketo' };
    for (const sender of [{ id: ID, url: 'https://app.example.com/lead/1' }, { id: ID, url: `chrome-extension://${ID}/panel.html` }, { id: 'other', url: `chrome-extension://other/options.html` }, {}]) {
      expect(await route(message, sender)).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    }
    expect(reader.state).not.toHaveBeenCalled();
  });

  it('refuses malformed requests and answers failures as errors, never throws', async () => {
    const reader = fakeReader();
    reader.save = vi.fn(async () => {
      throw new CrmError('rejected', 'The REST endpoint looks like https://123-ABC-456.mktorest.com.');
    });
    const route = createEngagementSourceRouter({ extensionId: ID, reader, onChange: () => {} });
    expect(await route({ type: 'engagement-source/save', kind: '../x', settings: {}, secret: null }, OPTIONS)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(await route({ type: 'engagement-source/save', kind: 'marketo', settings: { a: 'x'.repeat(501) }, secret: null }, OPTIONS)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(await route({ type: 'engagement-source/save', kind: 'marketo', settings: {}, secret: null }, OPTIONS)).toEqual({ ok: false, error: { kind: 'rejected', message: 'The REST endpoint looks like https://123-ABC-456.mktorest.com.', retryable: false } });
  });

  it('the background routes only these messages here', () => {
    expect(isEngagementSourceMessage({ type: 'engagement-source/test', kind: 'x' })).toBe(true);
    expect(isEngagementSourceMessage({ type: 'lead/get-context' })).toBe(false);
    expect(isEngagementSourceMessage('engagement-source/test')).toBe(false);
    expect(isEngagementSourceMessage(null)).toBe(false);
  });
});
