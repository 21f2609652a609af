/**
 * Free personal e-mail providers, maintained here rather than in each admin's definition: a
 * "business email" check is only as good as its list, and this one is kept current with Baton.
 * Exact domains match themselves and their subdomains; a brand ("yahoo") matches it under any
 * country ending ("yahoo.co.uk", "yahoo.fr", "yahoo.com.br").
 */
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'windowslive.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aim.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me',
  'tutanota.com', 'tutanota.de', 'tuta.io', 'tutamail.com', 'fastmail.com', 'fastmail.fm', 'hey.com', 'zoho.com', 'zohomail.com',
  'yahoo.com', 'ymail.com', 'rocketmail.com', 'mail.com', 'email.com', 'usa.com', 'inbox.com', 'hushmail.com',
  'web.de', 'freenet.de', 't-online.de', 'posteo.de', 'posteo.net', 'mailbox.org', 'arcor.de', 'online.de',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'libero.it', 'virgilio.it', 'alice.it', 'tiscali.it',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'talktalk.net', 'blueyonder.co.uk',
  'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'abv.bg', 'ukr.net', 'i.ua',
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'ya.ru',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com',
  'naver.com', 'daum.net', 'hanmail.net', 'nate.com', 'rediffmail.com', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net',
  'bellsouth.net', 'charter.net', 'cox.net', 'earthlink.net', 'juno.com', 'netzero.net', 'frontier.com', 'windstream.net',
  'bol.com.br', 'uol.com.br', 'terra.com.br', 'ig.com.br', 'gmx.com', 'gmx.net', 'gmx.de', 'duck.com', 'skiff.com',
];

/** Brands whose free mail exists under many country endings: "hotmail.co.uk", "gmx.at", "yandex.com.tr". */
export const PERSONAL_EMAIL_BRANDS: readonly string[] = ['yahoo', 'hotmail', 'outlook', 'live', 'gmx', 'yandex', 'aol'];

const EXACT = new Set(PERSONAL_EMAIL_DOMAINS);
const BRANDS = new Set(PERSONAL_EMAIL_BRANDS);
// "fr", "co.uk", "com.br", "net": what may follow a brand for it to still be the brand's free mail.
const COUNTRY_ENDING = /^(?:[a-z]{2}|com|net|org|co\.[a-z]{2}|com\.[a-z]{2}|net\.[a-z]{2}|ne\.[a-z]{2}|or\.[a-z]{2})$/;

/** The list entry a domain matches ("yahoo.*" for a brand), or undefined. */
export function matchPersonalEmailDomain(domain: string): string | undefined {
  const d = domain.toLowerCase();
  // The domain or any parent: "mail.yahoo.com" is yahoo.com's.
  for (let at = 0; at >= 0; at = d.indexOf('.', at) + 1 || -1) {
    const suffix = d.slice(at);
    if (EXACT.has(suffix)) return suffix;
    const dot = suffix.indexOf('.');
    if (dot > 0 && BRANDS.has(suffix.slice(0, dot)) && COUNTRY_ENDING.test(suffix.slice(dot + 1))) return `${suffix.slice(0, dot)}.*`;
    if (at === 0 && dot < 0) break;
  }
  return undefined;
}
