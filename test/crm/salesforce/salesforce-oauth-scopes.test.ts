import { describe, expect, it } from 'vitest';
import { signInWithPkce, type OAuthServer } from '../../../lib/crm/salesforce/salesforce-oauth';

/** The scopes the authorize URL asks for, with the sign-in stopped right there. */
async function askedScopes(extra?: readonly string[]): Promise<string | null> {
  let scope: string | null = null;
  const server = {
    origin: 'https://acme.my.salesforce.com',
    consumerKey: '3MVG9-test',
    redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/salesforce',
    myDomain: 'acme.my.salesforce.com',
    fetch: async () => new Response('{}'),
  } as unknown as OAuthServer;
  await signInWithPkce(
    server,
    async (url) => {
      scope = new URL(url).searchParams.get('scope');
      return 'https://abcdefghijklmnop.chromiumapp.org/salesforce?error=access_denied';
    },
    extra,
  ).catch(() => undefined);
  return scope;
}

describe('Salesforce sign-in scopes', () => {
  it('asks for API access and a refresh token', async () => {
    expect(await askedScopes()).toBe('api refresh_token');
  });

  it('adds what an engagement source set up needs (Account Engagement: pardot_api), once', async () => {
    expect(await askedScopes(['pardot_api'])).toBe('api refresh_token pardot_api');
    expect(await askedScopes(['pardot_api', 'api'])).toBe('api refresh_token pardot_api');
  });
});
