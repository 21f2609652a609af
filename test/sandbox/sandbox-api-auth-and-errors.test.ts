import { describe, expect, it } from 'vitest';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * What every sandbox API answer shares with HubSpot's: 401 without a valid token, 404 and 400 in
 * HubSpot's error shape, rate-limit headers that count down, and CORS so the extension may call it.
 */

const sandbox = sandboxForThisFile();

describe('auth, errors and headers', () => {
  it('rejects a missing token and the literal token "expired" with 401 in HubSpot error shape', async () => {
    const missing = await sandbox.call('/crm/v3/objects/contacts/101', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(typeof missing.body.correlationId).toBe('string');
    const expired = await sandbox.call('/crm/v3/objects/contacts/101', { token: 'expired' });
    expect(expired.status).toBe(401);
    expect(expired.body.status).toBe('error');
  });

  it('answers unknown objects and routes with 404', async () => {
    const contact = await sandbox.call('/crm/v3/objects/contacts/999999');
    expect(contact.status).toBe(404);
    expect(contact.body.category).toBe('OBJECT_NOT_FOUND');
    const route = await sandbox.call('/crm/v3/nothing-here/at/all/really');
    expect(route.status).toBe(404);
    expect(route.body.status).toBe('error');
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const response = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', rawBody: '{"properties": {' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('sends rate-limit headers that count down, and CORS headers', async () => {
    const first = await sandbox.call('/crm/v3/owners');
    const second = await sandbox.call('/crm/v3/owners');
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(second.headers.get('x-hubspot-ratelimit-daily-remaining'))).toBeLessThan(Number(first.headers.get('x-hubspot-ratelimit-daily-remaining')));
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflights without auth', async () => {
    const response = await fetch(`${sandbox.server.url}/crm/v3/objects/contacts/101`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,content-type,x-request-id' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-request-id/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
  });
});
