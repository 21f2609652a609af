import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTeamRules, encodeTeamRules } from '../../lib/team-rules/team-rules-codec';
import { parseTeamRulesDocument } from '../../lib/team-rules/team-rules-document';
import { documentOf } from './team-rules-fixture';

describe('team rules as CRM text', () => {
  it('round-trips any publisher name and summary, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.integer({ min: 1, max: 10_000 }), (name, summary, revision) => {
        const document = documentOf(revision, undefined, { publishedBy: { name, email: null }, summary });
        expect(decodeTeamRules(encodeTeamRules(document))).toEqual(JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 60 },
    );
  });

  it('survives a rich-text field wrapping the text in markup and rewriting the readable line', () => {
    const document = documentOf(3);
    const text = encodeTeamRules(document);
    const [, payload] = text.split('\n');
    const stored = `<div><p>Baton team rules &amp; more</p><p>${payload}</p></div>`;
    const parsed = parseTeamRulesDocument(decodeTeamRules(stored));
    expect(parsed.ok && parsed.document.revision).toBe(3);
  });

  it('says the text is not Baton rules rather than throwing', () => {
    expect(decodeTeamRules('Call notes: spoke to the CFO.')).toBeNull();
    expect(decodeTeamRules('BATON-TEAM-RULES:bm90IGpzb24=')).toBeNull();
    expect(decodeTeamRules('BATON-TEAM-RULES://8=')).toBeNull();
  });

  it('keeps the default rules well inside a CRM note', () => {
    expect(encodeTeamRules(documentOf(1)).length).toBeLessThan(20_000);
  });
});
