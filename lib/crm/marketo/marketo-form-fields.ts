/*
 * The answers in a Fill Out Form activity's "Form Fields" attribute: Marketo stores the submitted
 * fields as a PHP-serialized array (`a:2:{s:9:"FirstName";s:5:"Elena";s:7:"Comment";s:4:"Hi !";}`,
 * string lengths in UTF-8 bytes). Read strictly and defensively (attacker-controlled text): anything
 * that is not a flat array of string or number values yields no answers, never an error. Identity
 * and tracking fields are left out: what remains is what the person wrote.
 */

const NOT_ANSWERS = new Set(
  ['firstname', 'lastname', 'email', 'company', 'phone', 'title', 'country', 'state', 'city', 'postalcode', 'address', 'website', 'industry', 'numberofemployees', 'munchkinid', 'formid', 'formvid', 'lpid', 'subid', 'lpurl', 'returnurl', 'retlpid', '_mkt_trk', '_mktoreferrer', 'kw', 'cr', 'q', 'followupurl', 'mkto_formvisiblefields', 'checksum', 'checksumfields', 'ismktoform', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'optin', 'unsubscribed'],
);
const MAX_ANSWERS = 20;
const MAX_LENGTH = 2000;

/** Field label → answer, for the fields the person filled in themselves (empty: none readable). */
export function formAnswersFrom(serialized: string | null): Record<string, string> {
  if (!serialized) return {};
  const bytes = new TextEncoder().encode(serialized);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = 0;
  const expect = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
    at += text.length;
    return true;
  };
  const readInt = (end: number): number | null => {
    const start = at;
    while (at < bytes.length && bytes[at] !== end) at++;
    if (at >= bytes.length) return null;
    const text = decoder.decode(bytes.subarray(start, at));
    at++;
    return /^-?\d{1,9}$/.test(text) ? Number(text) : null;
  };
  /** A string (`s:len:"…";`) or number (`i:n;`, `d:x;`) value; null otherwise. */
  const readScalar = (): string | null => {
    const kind = bytes[at];
    if (kind === 0x73 /* s */) {
      at++;
      if (!expect(':')) return null;
      const length = readInt(0x3a /* : */);
      if (length === null || length < 0 || !expect('"') || at + length > bytes.length) return null;
      const text = decoder.decode(bytes.subarray(at, at + length));
      at += length;
      return expect('";') ? text : null;
    }
    if (kind === 0x69 /* i */ || kind === 0x64 /* d */) {
      at++;
      if (!expect(':')) return null;
      const start = at;
      while (at < bytes.length && bytes[at] !== 0x3b /* ; */) at++;
      const text = decoder.decode(bytes.subarray(start, at));
      at++;
      return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
    }
    if (kind === 0x4e /* N */ && bytes[at + 1] === 0x3b) {
      at += 2;
      return '';
    }
    return null;
  };

  if (!expect('a:')) return {};
  const count = readInt(0x3a);
  if (count === null || count < 0 || count > 500 || !expect('{')) return {};
  const answers: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const key = readScalar();
    const value = readScalar();
    if (key === null || value === null) return {};
    const answer = value.trim();
    if (!answer || NOT_ANSWERS.has(key.toLowerCase()) || Object.keys(answers).length >= MAX_ANSWERS) continue;
    answers[key] = answer.length > MAX_LENGTH ? `${answer.slice(0, MAX_LENGTH)}…` : answer;
  }
  return expect('}') ? answers : {};
}
