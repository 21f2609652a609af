/**
 * Engagement data is attacker-controlled (anyone can fill a form or craft a referrer). Only
 * `https:` URLs ever become links; everything else is shown as text, if at all.
 */
export function toSafeHttpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Short form of a URL for display: host + path, no query. Never throws. */
export function shortUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return value.slice(0, 80);
  }
}
