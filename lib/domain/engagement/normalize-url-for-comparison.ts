/** Tracking parameters differ between systems recording the same visit; they never change the page. */
const TRACKING_PARAM = /^(utm_|hsa_|_hs|mc_|mkt_tok$|gclid$|fbclid$|msclkid$|_ga$|_gl$)/i;

/** For comparison only, never shown: the URL itself stays verbatim on the event. */
export function normalizeUrlForComparison(url: string): string {
  let u = url.trim().toLowerCase();
  const hash = u.indexOf('#');
  if (hash !== -1) u = u.slice(0, hash);
  const scheme = u.indexOf('://');
  if (scheme !== -1 && scheme < 10) u = u.slice(scheme + 3);
  let query = '';
  const q = u.indexOf('?');
  if (q !== -1) {
    query = u
      .slice(q + 1)
      .split('&')
      .filter((p) => p !== '' && !TRACKING_PARAM.test(p.split('=', 1)[0]!))
      .sort()
      .join('&');
    u = u.slice(0, q);
  }
  while (u.endsWith('/')) u = u.slice(0, -1);
  return query === '' ? u : `${u}?${query}`;
}
