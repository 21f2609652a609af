/**
 * Small, deterministic matchers shared by the evaluator and the backtest. Patterns come from
 * admin JSON as strings; compiled regexes are cached because the backtest evaluates the same
 * definition against thousands of leads.
 */
const regexCache = new Map<string, RegExp>();

export function compilePattern(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    // Case-insensitive, no "g" flag: a global regex keeps lastIndex state between calls.
    re = new RegExp(source, 'i');
    regexCache.set(source, re);
  }
  return re;
}

/** Titles, URLs and form labels are attacker-controlled; capping their length bounds the cost of an admin's backtracking-heavy pattern. */
export const MAX_MATCHED_TEXT = 1000;

export function matchesPattern(source: string, text: string | null | undefined): boolean {
  if (text === null || text === undefined) return false;
  return compilePattern(source).test(text.length > MAX_MATCHED_TEXT ? text.slice(0, MAX_MATCHED_TEXT) : text);
}

/**
 * The first matching pattern (in definition order) and the words it matched. Explanations quote the words ("VP"), which a
 * rep reads at a glance, rather than the admin's regex ("\\b(vp|svp)\\b"), which they would have to decode.
 */
export function findPatternMatch(sources: readonly string[], text: string | null | undefined): { pattern: string; matched: string } | undefined {
  if (text === null || text === undefined) return undefined;
  const capped = text.length > MAX_MATCHED_TEXT ? text.slice(0, MAX_MATCHED_TEXT) : text;
  for (const pattern of sources) {
    const found = compilePattern(pattern).exec(capped);
    // An empty match (a pattern like "x*") still matches; quote the whole text then.
    if (found) return { pattern, matched: found[0].trim() || capped };
  }
  return undefined;
}

export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
}

/** "gmail.com" matches gmail.com and its subdomains; "*.edu" matches anything ending in ".edu". */
export function matchesDomain(pattern: string, domain: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return domain.endsWith(p.slice(1));
  return domain === p || domain.endsWith(`.${p}`);
}

export function findMatchingDomain(patterns: readonly string[], domain: string): string | undefined {
  return patterns.find((p) => matchesDomain(p, domain));
}

/** Industry names compared without case or punctuation ("Computer Software" = "computer_software" = "COMPUTER-SOFTWARE"). */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// CRMs hold countries as codes or as names in several spellings; enough common ones to compare.
const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', 'u s a': 'US', america: 'US',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  canada: 'CA', germany: 'DE', deutschland: 'DE', france: 'FR', spain: 'ES', espana: 'ES', italy: 'IT',
  netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL', belgium: 'BE', ireland: 'IE', portugal: 'PT',
  austria: 'AT', switzerland: 'CH', sweden: 'SE', norway: 'NO', denmark: 'DK', finland: 'FI', poland: 'PL',
  australia: 'AU', 'new zealand': 'NZ', japan: 'JP', singapore: 'SG', india: 'IN', brazil: 'BR', mexico: 'MX',
  russia: 'RU', 'russian federation': 'RU', belarus: 'BY', iran: 'IR', 'north korea': 'KP', syria: 'SY',
  cuba: 'CU', china: 'CN', israel: 'IL', 'south africa': 'ZA', 'united arab emirates': 'AE', uae: 'AE',
};

const countryCache = new Map<string, string>();

/** ISO 3166 alpha-2 code for a code or a common English name; otherwise the normalised text itself. */
export function normalizeCountry(country: string): string {
  const cached = countryCache.get(country);
  if (cached !== undefined) return cached;
  const label = normalizeLabel(country);
  const code = /^[a-z]{2}$/.test(label) ? (label === 'uk' ? 'GB' : label.toUpperCase()) : (COUNTRY_ALIASES[label] ?? label);
  // Bounded: CRM country values are a small vocabulary, but a hostile import should not grow this forever.
  if (countryCache.size < 10_000) countryCache.set(country, code);
  return code;
}

/** Locale-free number formatting ("25,000", "1,500.5") so explanations read the same on every machine. */
export function formatNumber(n: number): string {
  // Fast path: most figures in explanations (employee counts, small amounts) need no grouping.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const [int = '0', frac] = String(Math.abs(n)).split('.');
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? `,${grouped}` : '');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export const DAY_MS = 86_400_000;

/** UTC calendar date of an epoch-ms instant, as YYYY-MM-DD. */
export function toIsoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Epoch ms of midnight UTC of a YYYY-MM-DD date. */
export function isoDateToEpoch(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
