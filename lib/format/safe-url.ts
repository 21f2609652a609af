/** Short form of a URL for display: host + path, no query. Never throws. Linking is decided by `toSafeHref` (lib/domain/engagement/safe-href.ts). */
export function shortUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return value.slice(0, 80);
  }
}
