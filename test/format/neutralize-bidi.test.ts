import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBidiControl, neutralizeBidi, neutralizeBidiDeep } from '../../lib/format/neutralize-bidi';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const control = fc.constantFrom(...CONTROLS);
// Text mixing ordinary characters (Latin, Arabic, Hebrew, emoji) with bidi controls.
const ordinary = fc.constantFrom('a', 'Z', ' ', '.', 'é', 'ش', 'ם', '😀', '\u200D', '\u00A0', '1');
const mixed = fc.array(fc.oneof(ordinary, control), { maxLength: 60 }).map((chars) => chars.join(''));

describe('neutralizeBidi', () => {
  it('"Saltmarsh Media" with a right-to-left override cannot display as something else', () => {
    // RLO + reversed text + PDF: displays as "…exe.png" without neutralising.
    const hostile = 'Saltmarsh \u202Egnp.exe\u202C Media';
    expect(neutralizeBidi(hostile)).toBe('Saltmarsh gnp.exe Media');
    expect(neutralizeBidi('\u2067Dana\u2069 Kim\u200F')).toBe('Dana Kim');
  });

  it('leaves no bidi control, whatever the text', () => {
    fc.assert(fc.property(mixed, (text) => [...neutralizeBidi(text)].every((c) => !isBidiControl(c))));
  });

  it('keeps every other character, in order', () => {
    fc.assert(fc.property(mixed, (text) => neutralizeBidi(text) === [...text].filter((c) => !isBidiControl(c)).join('')));
  });

  it('is idempotent and returns text without controls unchanged', () => {
    fc.assert(fc.property(mixed, (text) => neutralizeBidi(neutralizeBidi(text)) === neutralizeBidi(text)));
    fc.assert(fc.property(fc.string(), (text) => fc.pre(![...text].some(isBidiControl)) ?? neutralizeBidi(text) === text));
  });

  it('recognises exactly the listed controls', () => {
    for (const c of CONTROLS) expect(isBidiControl(c)).toBe(true);
    for (const c of ['\u200D', '\u200B', '\u2065', '\u202F', '\u2029', 'a']) expect(isBidiControl(c)).toBe(false);
  });
});

describe('neutralizeBidiDeep', () => {
  it('cleans every string in a nested view model and keeps the rest', () => {
    const view = { lead: { name: '\u202EDana', employees: 12, owner: null, tags: ['a\u2066b', 'c'] }, ok: true };
    expect(neutralizeBidiDeep(view)).toEqual({ lead: { name: 'Dana', employees: 12, owner: null, tags: ['ab', 'c'] }, ok: true });
  });

  it('returns the same object when nothing needed cleaning (memoised renders stay put)', () => {
    const view = { lead: { name: 'Dana', tags: ['a'] }, n: 1 };
    expect(neutralizeBidiDeep(view)).toBe(view);
  });

  it('leaves no control anywhere in generated nested values', () => {
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, mixed, fc.integer(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(mixed, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(tree, (value) => ![...JSON.stringify(neutralizeBidiDeep(value))].some(isBidiControl)));
  });
});
