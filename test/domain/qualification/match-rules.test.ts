import { describe, expect, test } from 'vitest';
import { emailDomain, findPatternMatch, formatNumber, matchesDomain, normalizeCountry, normalizeLabel } from '../../../lib/domain/qualification/match-rules';

describe('match rules', () => {
  test('formatNumber groups thousands without locale', () => {
    expect([0, 999, 1000, 25000, 1500000, 1500.5, -1234567, 12.25].map(formatNumber)).toEqual(['0', '999', '1,000', '25,000', '1,500,000', '1,500.5', '-1,234,567', '12.25']);
  });
  test('email domains: last @, lower case, trailing dot dropped; junk is null', () => {
    expect(emailDomain('A.B@Sub.Example.COM.')).toBe('sub.example.com');
    expect(emailDomain('"weird@x"@corp.example')).toBe('corp.example');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomain('trailing@')).toBeNull();
  });
  test('domain patterns: exact or subdomain; "*." for suffixes', () => {
    expect(matchesDomain('gmail.com', 'gmail.com')).toBe(true);
    expect(matchesDomain('gmail.com', 'mail.gmail.com')).toBe(true);
    expect(matchesDomain('gmail.com', 'notgmail.com')).toBe(false);
    expect(matchesDomain('*.edu', 'cs.stanford.edu')).toBe(true);
    expect(matchesDomain('*.edu', 'edu.example')).toBe(false);
  });
  test('countries compare by ISO code whatever the spelling', () => {
    expect(['US', 'us', 'United States', 'U.S.A.', 'usa'].map(normalizeCountry)).toEqual(['US', 'US', 'US', 'US', 'US']);
    expect(['UK', 'United Kingdom', 'GB'].map(normalizeCountry)).toEqual(['GB', 'GB', 'GB']);
    expect(normalizeCountry('Atlantis')).toBe('atlantis');
    expect(normalizeLabel('Information Technology & Services')).toBe('information technology services');
  });
  test('findPatternMatch names the first matching pattern (definition order) and the words it matched', () => {
    expect(findPatternMatch(['\\bchief\\b', '\\b(vp|svp|evp|vice president)\\b'], 'SVP, Revenue')).toEqual({ pattern: '\\b(vp|svp|evp|vice president)\\b', matched: 'SVP' });
    expect(findPatternMatch(['head of', 'director'], 'Director, Head of Growth')).toEqual({ pattern: 'head of', matched: 'Head of' });
    expect(findPatternMatch(['founder'], 'Engineer')).toBeUndefined();
    expect(findPatternMatch(['x*'], 'Analyst')).toEqual({ pattern: 'x*', matched: 'Analyst' });
    expect(findPatternMatch(['vp'], null)).toBeUndefined();
  });
});
