import { describe, expect, test } from 'vitest';
import { tryDomains, tryPattern, tryPatterns } from '../../lib/rules-editor/try-pattern';

describe('tryPattern', () => {
  test('matches as the evaluator does: anywhere, ignoring case, quoting the words matched', () => {
    expect(tryPattern('\\b(chief|c[etfmoir]o|cro)\\b', 'Chief Revenue Officer')).toEqual({ status: 'matches', matched: 'Chief' });
    expect(tryPattern('\\b(chief|c[etfmoir]o|cro)\\b', 'Head of Growth')).toEqual({ status: 'no-match' });
    expect(tryPattern('budget', 'What is your BUDGET?')).toEqual({ status: 'matches', matched: 'BUDGET' });
  });
  test('says when there is nothing to try or the pattern is broken', () => {
    expect(tryPattern('', 'x')).toEqual({ status: 'empty' });
    expect(tryPattern('x', '  ')).toEqual({ status: 'empty' });
    const broken = tryPattern('challenge(', 'challenge');
    expect(broken.status).toBe('invalid');
  });
  test('a list: the first entry that matches', () => {
    expect(tryPatterns(['vp', 'head of'], 'Head of Sales')).toEqual({ index: 1, trial: { status: 'matches', matched: 'Head of' } });
    expect(tryPatterns(['vp'], 'Engineer')).toBeNull();
  });
});

describe('tryDomains', () => {
  test('an address or a domain, under an entry or its subdomains, or a wildcard', () => {
    expect(tryDomains(['gmail.com'], 'sam@mail.gmail.com')).toBe('gmail.com');
    expect(tryDomains(['*.edu'], 'kim@uni.edu')).toBe('*.edu');
    expect(tryDomains(['rival.com'], 'https://www.rival.com/pricing')).toBe('rival.com');
    expect(tryDomains(['rival.com'], 'jo@notrival.com')).toBeNull();
    expect(tryDomains(['rival.com'], ' ')).toBe('empty');
  });
});
