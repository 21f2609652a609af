/**
 * Engagement URLs are attacker-controlled (a page-view URL, a form's "website" field...). The only
 * thing the brief ever offers as a link is an absolute https: URL without credentials; everything
 * else (javascript:, data:, http:, relative, malformed) is shown as text or not at all.
 */
export function toSafeHref(url: string | undefined | null): string | null {
  if (url == null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  // user:pass@host is a classic way to make a link look like it goes somewhere else.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
