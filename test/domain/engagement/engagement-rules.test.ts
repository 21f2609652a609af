import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeAgo, describeDuration } from '../../../lib/domain/engagement/describe-time';
import { DEFAULT_HANDOFF_TRIGGERS, handoffTriggersSchema } from '../../../lib/domain/engagement/handoff-triggers';
import { compileKeywords, createKeywordIndex, keywordSchema, matchesAnyKeyword, normalizeForMatching } from '../../../lib/domain/engagement/match-keywords';
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

  test('the keyword index finds exactly the groups that plain matching finds', () => {
    const word = fc.constantFrom('a', 'ab', 'api', 'apis', 'case', 'studies', 'stud', 'soc', '2', 'vs', 'pricing', 'pr');
    const keyword = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([words, prefix]) => words.join(' ') + (prefix ? '*' : ''));
    const text = fc.array(fc.oneof(word, fc.constantFrom('-', '/', 'X', 'é')), { maxLength: 8 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(fc.array(keyword, { maxLength: 4 }), { maxLength: 5 }), fc.array(text, { maxLength: 5 }), (groups, texts) => {
        const index = createKeywordIndex(groups);
        for (const t of texts) {
          const haystack = normalizeForMatching(t);
          const expected = groups.flatMap((g, i) => (matchesAnyKeyword(haystack, compileKeywords(g)) ? [i] : []));
          expect(index.groupsIn(haystack)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
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
