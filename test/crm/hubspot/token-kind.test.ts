import { describe, expect, it } from 'vitest';
import { TOKEN_EXPIRY_WARNING_MS, describeTokenExpiry, detectHubSpotTokenKind, normalizePastedToken } from '../../../lib/crm/hubspot/token-kind';

describe('detectHubSpotTokenKind', () => {
  it.each([
    // Private-app tokens (and, by a public report, service keys) in each region form.
    ['pat-na1-11111111-2222-3333-4444-555555555555', 'static', true],
    ['pat-eu1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', 'static', true],
    ['pat-na2-AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE', 'static', true],
    // Pasted with the header's scheme, or with whitespace around it.
    ['  Bearer pat-na1-11111111-2222-3333-4444-555555555555 \n', 'static', true],
    // HubSpot's documented OAuth access-token example.
    ['CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4', 'oauth_access', true],
    // HubSpot's documented refresh-token example shape.
    ['na1-ab12-cd34-ef56-gh78-abcdef123456', 'oauth_refresh', false],
    // Legacy API keys / developer keys / old refresh tokens are UUIDs.
    ['6f18f26a-3e95-4d95-a6e5-3d5c6e5c9e5a', 'legacy_key', false],
    // Anything else is tried anyway.
    ['pat-na1-expired', 'unknown', true],
    ['sandbox', 'unknown', true],
    ['x'.repeat(301), 'unknown', true],
    ['has spaces in it but is long enough to be something else entirely', 'unknown', true],
  ] as const)('%s → %s', (token, kind, usable) => {
    const info = detectHubSpotTokenKind(token);
    expect(info.kind).toBe(kind);
    expect(info.usable).toBe(usable);
    expect(info.label.length).toBeGreaterThan(0);
  });

  it('stores a pasted token without whitespace or a copied Bearer scheme', () => {
    expect(normalizePastedToken('  Bearer   pat-na1-x \n')).toBe('pat-na1-x');
    expect(normalizePastedToken('bearer abc')).toBe('abc');
    expect(normalizePastedToken('Bearerless')).toBe('Bearerless');
  });

  it('a pat- prefix with a malformed body is not claimed to be a private-app token', () => {
    expect(detectHubSpotTokenKind('pat-na1-1111-2222').kind).toBe('unknown');
  });

  it("says why refresh tokens and OAuth tokens cannot be refreshed by Baton (the client secret)", () => {
    expect(detectHubSpotTokenKind('na1-ab12-cd34-ef56-gh78-abcdef123456').note).toMatch(/client secret/);
    expect(detectHubSpotTokenKind('CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4').note).toMatch(/client secret/);
  });
});

describe('describeTokenExpiry', () => {
  const NOW = Date.parse('2026-11-22T17:00:00Z');
  const MINUTE = 60_000;

  it('a token without an expiry says nothing', () => {
    expect(describeTokenExpiry(null, NOW)).toEqual({ state: 'none', message: null });
  });

  it('warns before expiry, naming what happens and why Baton cannot refresh', () => {
    const expiry = describeTokenExpiry(NOW + 25 * MINUTE, NOW, { timeZone: 'UTC' });
    expect(expiry.state).toBe('expiring');
    expect(expiry.message).toContain('expires in 25 minutes');
    expect(expiry.message).toContain('17:25');
    expect(expiry.message).toMatch(/client secret/);
    expect(expiry.message).toMatch(/reconnect HubSpot/);
  });

  it('the warning starts at the threshold, not before', () => {
    expect(describeTokenExpiry(NOW + TOKEN_EXPIRY_WARNING_MS, NOW).state).toBe('expiring');
    expect(describeTokenExpiry(NOW + TOKEN_EXPIRY_WARNING_MS + 1, NOW).state).toBe('valid');
    expect(describeTokenExpiry(NOW + 10 * MINUTE, NOW, { warnWithinMs: 5 * MINUTE }).state).toBe('valid');
    expect(describeTokenExpiry(NOW + 5 * MINUTE, NOW, { warnWithinMs: 5 * MINUTE }).state).toBe('expiring');
  });

  it('an expired token (at or past its expiry) is called expired', () => {
    expect(describeTokenExpiry(NOW, NOW).state).toBe('expired');
    expect(describeTokenExpiry(NOW - MINUTE, NOW).message).toMatch(/expired/);
  });

  it('words durations in the largest sensible unit', () => {
    expect(describeTokenExpiry(NOW + 30 * 1000, NOW).message).toContain('in 1 minute ');
    expect(describeTokenExpiry(NOW + 3 * 60 * MINUTE, NOW).message).toContain('in 3 hours');
    expect(describeTokenExpiry(NOW + 5 * 24 * 60 * MINUTE, NOW).message).toContain('in 5 days');
  });
});
