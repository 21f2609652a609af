import { z } from 'zod';

/*
 * What the admin enters for Marketo (public; the client secret is kept by the background as this
 * source's secret): the instance's REST endpoint (Admin → Web Services → REST API, e.g.
 * `https://123-ABC-456.mktorest.com`) and the API-only user's client id (Admin → LaunchPoint).
 */

export const MARKETO_ENDPOINT_HOST = /^[a-z0-9-]+\.mktorest\.com$/i;

export const marketoSettingsSchema = z.object({
  endpoint: z.string().trim().min(1),
  clientId: z.string().trim().min(1),
});
export type MarketoSettings = z.infer<typeof marketoSettingsSchema>;

/** The endpoint's origin (`https://<munchkin>.mktorest.com`; a pasted `/rest` or `/identity` path is dropped), or null. */
export function marketoEndpointOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' || !MARKETO_ENDPOINT_HOST.test(url.hostname) || url.port !== '') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Field → problem, in the admin's words (empty: fine). */
export function checkMarketoSettings(settings: Record<string, string>, { hasSecret }: { hasSecret: boolean }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!settings.endpoint?.trim()) problems.endpoint = 'Enter the REST endpoint (Admin → Web Services → REST API).';
  else if (!marketoEndpointOrigin(settings.endpoint)) problems.endpoint = 'The REST endpoint looks like https://123-ABC-456.mktorest.com.';
  if (!settings.clientId?.trim()) problems.clientId = "Enter the API-only user's client id (Admin → LaunchPoint → View Details).";
  if (!hasSecret) problems.clientSecret = "Enter the API-only user's client secret.";
  return problems;
}

/** The stored settings, parsed (null: missing or not valid any more). */
export function readMarketoSettings(raw: Record<string, string> | null): { endpoint: string; clientId: string } | null {
  const parsed = marketoSettingsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const endpoint = marketoEndpointOrigin(parsed.data.endpoint);
  return endpoint ? { endpoint, clientId: parsed.data.clientId } : null;
}
