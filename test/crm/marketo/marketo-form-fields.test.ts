import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formAnswersFrom } from '../../../lib/crm/marketo/marketo-form-fields';

/** PHP's serialize() of a flat string array, as Marketo stores "Form Fields" (lengths in UTF-8 bytes). */
function serialize(fields: Record<string, string>): string {
  const s = (text: string) => `s:${new TextEncoder().encode(text).length}:"${text}";`;
  return `a:${Object.keys(fields).length}:{${Object.entries(fields).map(([k, v]) => s(k) + s(v)).join('')}}`;
}

describe("Marketo's Form Fields", () => {
  it('reads what the person wrote, without identity and tracking fields', () => {
    expect(formAnswersFrom(serialize({ FirstName: 'Elena', Email: 'e@x.com', Comment: 'Need EDI with our 3PLs', munchkinId: '123-ABC', Timeline: 'This quarter' }))).toEqual({ Comment: 'Need EDI with our 3PLs', Timeline: 'This quarter' });
    expect(formAnswersFrom('a:1:{s:7:"Comment";s:24:"Need EDI with our 3PLs";}')).toEqual({});
    expect(formAnswersFrom('a:2:{s:7:"Comment";i:42;s:4:"Note";N;}')).toEqual({ Comment: '42' });
  });

  it('counts string lengths in UTF-8 bytes (names, emoji, right-to-left text)', () => {
    expect(formAnswersFrom(serialize({ Frage: 'Zoë 😀 مرحبا', Other: 'x' }))).toEqual({ Frage: 'Zoë 😀 مرحبا', Other: 'x' });
  });

  it('anything malformed gives no answers, never an error', () => {
    for (const bad of [null, '', 'a:1:{', 'a:1:{s:3:"abc";}', 'a:1:{s:99:"x";s:1:"y";}', 'O:8:"stdClass":0:{}', 'a:1:{s:1:"a";a:0:{}}', '{"Comment":"json"}']) expect(formAnswersFrom(bad)).toEqual({});
  });

  it('property: round-trips any flat array of non-blank answers; random text never throws', () => {
    const key = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !['__proto__', 'constructor'].includes(k) && /^[A-Za-z][A-Za-z0-9_ ?]*$/.test(k) && !['firstname', 'lastname', 'email', 'company', 'phone', 'title', 'country', 'state', 'city', 'address', 'website', 'industry', 'q', 'kw', 'cr', 'optin'].includes(k.toLowerCase()));
    const value = fc.string({ minLength: 1, maxLength: 60, unit: 'binary' }).filter((v) => v.trim() === v && v.trim().length > 0);
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 10 }), (fields) => {
        const parsed = formAnswersFrom(serialize(fields));
        for (const [k, v] of Object.entries(parsed)) expect(fields[k]).toBe(v);
        for (const [k, v] of Object.entries(fields)) if (!/^(lpid|subid|formid|formvid|lpurl|returnurl|retlpid|munchkinid|_mkt_trk|_mktoreferrer|followupurl|checksum|checksumfields|ismktoform|utm_\w+|gclid|unsubscribed|postalcode|numberofemployees|mkto_formvisiblefields)$/i.test(k)) expect(parsed[k]).toBe(v);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void formAnswersFrom(text)));
  });
});
