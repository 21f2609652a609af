import fc from 'fast-check';

/*
 * Text anyone on the internet can put into a CRM record (a form field, a page title, a campaign
 * name, an email subject), and the checks that the panel's renderers draw it as text only.
 */

/** Markup and script that must stay text: tags, attribute breakouts, entities, template syntax. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><script>alert(1)</script>",
  '<b>Budget</b> approved<br><a href="javascript:alert(1)">details</a>',
  '<p>HTML note body</p><ul><li>one</li></ul><style>*{display:none}</style>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '<a href=x onmouseover=alert(1)>hover</a>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!--',
  ']]><x>',
] as const;

/** Bidi and invisible controls: right-to-left override, isolates, zero-width joiners. */
export const BIDI_PAYLOADS = ['\u202Egnp.exe', 'Acme \u2066Corp\u2069', '\u202Bevil\u202C', 'a\u200Fb\u200Ec', 'zero\u200Bwidth\u200D', '\u061C\u2067x'] as const;

/** URL tricks that must never become a link: script schemes in any case, with whitespace, controls or entities. */
export const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ' data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:MsgBox(1)',
  '  vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative/path',
  'https://user:pass@evil.example/',
] as const;

/** URLs that are fine as links (the timeline links https; record links allow http(s)). */
export const GOOD_URLS = ['https://www.example.com/pricing', 'https://example.com/docs?q=%3Cscript%3E#top', 'https://example.com/<b>title</b>'] as const;

export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MARKUP_PAYLOADS, ...BIDI_PAYLOADS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...MARKUP_PAYLOADS, ...BIDI_PAYLOADS), fc.string({ maxLength: 10 })).map((parts) => parts.join('')) },
  );

/** Non-empty after trimming, for fields the domain requires (a form's question, a label). */
export const hostileLabel = (): fc.Arbitrary<string> => hostileText().filter((s) => s.trim().length > 0);

export const hostileUrl = (): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCRIPT_URLS) }, { weight: 1, arbitrary: fc.constantFrom(...GOOD_URLS) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });

/** Every element the panel's own renderers draw; anything else came from data. */
const EXPECTED_TAGS = new Set([
  'div', 'span', 'p', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'header', 'main', 'section', 'button', 'time',
  'form', 'fieldset', 'legend', 'label', 'input', 'select', 'option', 'textarea', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'details', 'summary', 'strong', 'em', 'small', 'abbr', 'br', 'nav', 'bdi', 'blockquote', 'dialog', 'article', 'aside', 'footer', 'output', 'meter', 'progress', 'mark', 'code', 'pre', 'hr',
]);
/** Attributes that load or run something when they hold a URL. */
const URL_ATTRIBUTES = ['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping'];

/**
 * What must hold for any rendered tree: only the renderers' own elements, no event-handler
 * attributes, nothing that loads a URL, and every link an absolute http(s) URL without credentials.
 * Returns the problems found (empty when inert), so a failing property shows all of them.
 */
export function findActiveContent(root: Element, options: { httpAllowed?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const tag = el.tagName.toLowerCase();
    if (el !== root && !EXPECTED_TAGS.has(tag)) problems.push(`unexpected <${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) problems.push(`<${tag} ${attr}>`);
      if (URL_ATTRIBUTES.includes(attr.toLowerCase())) problems.push(`<${tag} ${attr}="${el.getAttribute(attr)}">`);
    }
    if (el.hasAttribute('href')) {
      const href = el.getAttribute('href')!;
      const problem = linkProblem(href, options.httpAllowed ?? false);
      if (problem) problems.push(`<${tag} href="${href}">: ${problem}`);
    }
  }
  return problems;
}

function linkProblem(href: string, httpAllowed: boolean): string | null {
  // As the browser would resolve it: leading spaces and embedded tabs/newlines are stripped by URL parsing.
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'not an absolute URL';
  }
  if (href !== href.trim() || /[\t\n\r]/.test(href)) return 'whitespace in a link';
  if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) return `scheme ${url.protocol}`;
  if (url.username || url.password) return 'credentials in a link';
  return null;
}
