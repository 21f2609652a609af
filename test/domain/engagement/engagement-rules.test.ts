import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeAgo, describeDuration } from '../../../lib/domain/engagement/describe-time';
import { DEFAULT_HANDOFF_TRIGGERS, handoffTriggersSchema } from '../../../lib/domain/engagement/handoff-triggers';
import { compileKeywords, createKeywordMatcher, keywordSchema, matchesAnyKeyword, normalizeForMatching } from '../../../lib/domain/engagement/match-keywords';
import { DEFAULT_OBJECTION_RULES, objectionRulesSchema } from '../../../lib/domain/engagement/objection-rules';
import { toSafeHref } from '../../../lib/domain/engagement/safe-href';
import { DEFAULT_TOPIC_MAP, topicMapSchema } from '../../../lib/domain/engagement/topic-map';
import { DAY, HOUR, MINUTE, NOW } from './engagement-fixtures';

describe('keywords', () => {
  const matches = (keywords: string[], text: string) => matchesAnyKeyword(normalizeForMatching(text), compileKeywords(keywords));

  test.each([
    [['api'], 'API reference', true],
    [['api'], 'https://baton.example/docs/api-keys', true],
    [['api'], 'Rapid onboarding', false],
    [['api'], 'APIs', false],
    [['api*'], 'APIs', true],
    [['integrat*'], 'Salesforce integrations', true],
    [['case stud*'], 'Case Studies: Northwind', true],
    [['case stud*'], 'casestudies', false],
    [['soc 2'], 'SOC-2 Type II', true],
    [['vs'], '/vs/acme', true],
    [['vs'], 'vSphere', false],
    [['préparation'], 'Guide de PRÉPARATION', true],
  ] as const)('%j in %j -> %s', (keywords, text, expected) => {
    expect(matches([...keywords], text)).toBe(expected);
  });

  /**
   * The combined matcher (one automaton for all groups, fed the raw text) against the definition
   * written out plainly: normalise the text, compile each group's keywords, substring search.
   */
  describe('the combined keyword matcher finds exactly the groups plain matching finds', () => {
    const reference = (groups: readonly string[][], text: string) => {
      const haystack = normalizeForMatching(text);
      return groups.flatMap((g, i) => (matchesAnyKeyword(haystack, compileKeywords(g)) ? [i] : []));
    };
    const check = (groups: string[][], texts: string[]) => {
      const matcher = createKeywordMatcher(groups);
      for (const t of texts) expect(matcher.groupsIn(t), JSON.stringify(t)).toEqual(reference(groups, t));
    };

    const common = ['a', 'ab', 'api', 'apis', 'case', 'studies', 'stud', 'soc', '2', 'vs', 'pricing', 'pr', 'plan', 'plans', 'x'];
    // Regex syntax (never special), Unicode whose lower case changes length or needs context
    // (İ, final sigma), compatibility letters (Kelvin sign, ﬁ), astral letters, combining marks,
    // lone surrogates, NUL, emoji.
    const hostile = ['(a+)+$', '.*', '[^x]', '\\d+', '$1', 'a|b', '?', '^', '{2,}', 'É', 'é', 'PRÉPARATION', 'préparation', 'İstanbul', 'i\u0307', 'ß', 'ẞ', 'ΣΑΣ', 'σας', '\u212a', 'k', 'ﬁ', 'fi', '𝐀𝐏𝐈', '価格', 'e\u0301', '\ud800', '\udc00x', '\u0000', '\u200d', '👍🏽', '٣', 'Ⅻ'];
    const longWord = fc.oneof(
      fc.constantFrom('a'.repeat(600), 'pricing'.repeat(60), 'ab'.repeat(300) + 'api'),
      fc.string({ minLength: 100, maxLength: 400, unit: fc.constantFrom('a', 'b', 'A', 'é', '-') }),
    );
    const word = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...common) },
      { weight: 3, arbitrary: fc.constantFrom(...hostile) },
      { weight: 2, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
      { weight: 1, arbitrary: longWord },
    );
    const separator = fc.constantFrom(' ', '  ', '-', '/', '_', '*', '\t', '\n', '.', '', '://', '?utm=');
    const joined = (maxWords: number) =>
      fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: maxWords }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    const caseOf = (text: fc.Arbitrary<string>) =>
      fc.tuple(text, fc.constantFrom('as is', 'upper', 'lower')).map(([t, c]) => (c === 'upper' ? t.toUpperCase() : c === 'lower' ? t.toLowerCase() : t));
    // Keywords as an admin might write them (words, a trailing *), and anything at all (the matcher
    // must agree with plain matching even on keywords the schema would refuse: '*', '**', '--').
    const keyword = fc.oneof(
      { weight: 4, arbitrary: caseOf(fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([ws, prefix]) => ws.join(' ') + (prefix ? '*' : ''))) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
      { weight: 1, arbitrary: fc.constantFrom('*', '**', '--', 'a*b*', ' api ', 'API*') },
    );
    const text = fc.oneof(
      { weight: 4, arbitrary: caseOf(joined(8)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: fc.constantFrom('a', 'p', 'i', 's', ' ', '-', '*', 'A', 'P') }) },
    );

    test('random keyword groups and texts, hostile strings included', () => {
      fc.assert(
        fc.property(fc.array(fc.array(keyword, { maxLength: 5 }), { maxLength: 6 }), fc.array(text, { maxLength: 6 }), (groups, texts) => check(groups, texts)),
        { numRuns: 1_000 },
      );
    });

    test('texts built from the keywords themselves (so that partial and overlapping matches happen)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(), separator, fc.constantFrom('', 's', 'ing', 'X', 'é')), { maxLength: 6 }),
          (groups, picks) => {
            const parts = picks.map(([g, k, sep, ending]) => {
              const list = groups[g % groups.length]!;
              return list[k % list.length]!.replace(/\*$/, '') + ending + sep;
            });
            check(groups, [parts.join(''), parts.join(' ').toUpperCase(), parts.reverse().join('-')]);
          },
        ),
        { numRuns: 1_000 },
      );
    });

    test.each([
      [[['api'], ['pricing']], ['', ' ', '---', 'API', 'rapid', 'Pricing/API', 'apis', 'api\u00e9', 'é api é']],
      [[['soc 2', 'iso 27001'], ['soc2']], ['SOC-2', 'soc--2', 'soc 22', 'ISO/27001', 'soc2']],
      [[['integrat*', 'case stud*'], ['stud*']], ['Integrations', 'case studies', 'case  study', 'students', 'casestudies']],
      [[['İstanbul'], ['i\u0307stanbul'], ['istanbul']], ['İSTANBUL', 'istanbul', 'ISTANBUL']],
      [[['*', '**', '--'], []], ['anything', '*', '']],
      [[], ['pricing']],
    ])('%j in %j', (groups, texts) => check(groups, texts));
  });

  test('keywords are words, not regular expressions: a * only at the end, at least one letter or digit', () => {
    expect(keywordSchema.safeParse('pric*').success).toBe(true);
    expect(keywordSchema.safeParse('*pricing').success).toBe(false);
    // Regex syntax is not special: it is punctuation, i.e. word breaks. No pattern ever reaches a RegExp.
    expect(compileKeywords(['(a+)+$'])).toEqual([' a ']);
    expect(keywordSchema.safeParse('--').success).toBe(false);
    expect(keywordSchema.safeParse('   ').success).toBe(false);
  });
});

describe('admin-editable rule sets', () => {
  test('the defaults are valid and round-trip through JSON (export/import)', () => {
    expect(topicMapSchema.parse(JSON.parse(JSON.stringify(DEFAULT_TOPIC_MAP)))).toEqual(DEFAULT_TOPIC_MAP);
    expect(objectionRulesSchema.parse(JSON.parse(JSON.stringify(DEFAULT_OBJECTION_RULES)))).toEqual(DEFAULT_OBJECTION_RULES);
    expect(handoffTriggersSchema.parse(JSON.parse(JSON.stringify(DEFAULT_HANDOFF_TRIGGERS)))).toEqual(DEFAULT_HANDOFF_TRIGGERS);
  });

  test('the default topic map covers the expected topics', () => {
    expect(DEFAULT_TOPIC_MAP.topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['pricing', 'integrations', 'security', 'reporting', 'onboarding', 'competitors', 'case-studies']),
    );
  });

  test('every default objection rule points at topics that exist', () => {
    const topics = new Set(DEFAULT_TOPIC_MAP.topics.map((t) => t.id));
    for (const rule of DEFAULT_OBJECTION_RULES.rules) for (const topic of rule.topics) expect(topics.has(topic)).toBe(true);
  });

  test('a topic map with duplicate ids or bad keywords is rejected with a path', () => {
    const topic = { id: 'pricing', label: 'Pricing', keywords: ['pricing'], phrase: 'looking at our pricing', offer: 'plans' };
    const duplicate = topicMapSchema.safeParse({ topics: [topic, topic] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.path).toEqual(['topics', 1, 'id']);
    expect(topicMapSchema.safeParse({ topics: [{ ...topic, keywords: ['*x'] }] }).success).toBe(false);
    expect(topicMapSchema.safeParse({ topics: [{ ...topic, keywords: [] }] }).success).toBe(false);
    expect(topicMapSchema.safeParse({ topics: [{ ...topic, stage: 'purchase' }] }).success).toBe(false);
  });

  test('optional fields get defaults: stage consideration, version 1, minEvents 1', () => {
    const map = topicMapSchema.parse({ topics: [{ id: 't', label: 'T', keywords: ['t'], phrase: 'p', offer: 'o' }] });
    expect(map).toMatchObject({ version: 1, topics: [{ stage: 'consideration' }] });
    const rules = objectionRulesSchema.parse({ rules: [{ id: 'r', label: 'R', topics: ['t'], responseAngle: 'Say so.' }] });
    expect(rules.rules[0]).toMatchObject({ minEvents: 1, answerKeywords: [] });
  });

  test('an objection rule that could never fire, or a duplicate id, is rejected', () => {
    expect(objectionRulesSchema.safeParse({ rules: [{ id: 'r', label: 'R', responseAngle: 'x' }] }).success).toBe(false);
    const rule = { id: 'r', label: 'R', topics: ['pricing'], responseAngle: 'x' };
    expect(objectionRulesSchema.safeParse({ rules: [rule, rule] }).success).toBe(false);
  });
});

describe('safe links', () => {
  test.each([
    ['https://baton.example/pricing', 'https://baton.example/pricing'],
    ['  https://baton.example/a b ', 'https://baton.example/a%20b'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['\tjavascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['http://baton.example/pricing', null],
    ['//evil.example/x', null],
    ['/pricing', null],
    ['https://user:pw@evil.example/', null],
    ['not a url', null],
    [undefined, null],
  ])('%j -> %j', (input, expected) => {
    expect(toSafeHref(input)).toBe(expected);
  });
});

describe('time wording', () => {
  test.each([
    [30 * 1000, 'just now'],
    [MINUTE, '1 minute ago'],
    [59 * MINUTE, '59 minutes ago'],
    [2 * HOUR + 59 * MINUTE, '2 hours ago'],
    [DAY, '1 day ago'],
    [45 * DAY, '45 days ago'],
  ])('%d ms -> %s', (ago, text) => {
    expect(describeAgo(NOW, NOW - ago)).toBe(text);
  });

  test('durations never go negative', () => {
    expect(describeDuration(-5)).toBe('0 seconds');
  });
});
