import { z } from 'zod';

/**
 * Keyword matching for the admin-editable rule sets (topic map, objection rules, handoff triggers).
 *
 * Rules are plain keywords, not regular expressions: admins will edit them in the options page, and a
 * regex from a settings file is an easy way to hang the panel (catastrophic backtracking) or to
 * write a rule nobody else can read. Semantics, in one sentence an admin can follow:
 *
 *   a keyword matches whole words, case-insensitively; a trailing `*` matches any ending
 *   (`integrat*` matches "integrations", `api` matches "API docs" but not "rapid").
 *
 * Both sides are reduced to lowercase words separated by single spaces, so punctuation, URL slashes
 * and dashes all act as word breaks (`/pricing/compare-plans` -> " pricing compare plans ").
 */

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lowercase words separated by single spaces, padded with one space each side ('' when no words). */
export function normalizeForMatching(text: string): string {
  const words = text.toLowerCase().replace(NON_WORD, ' ').trim();
  return words === '' ? '' : ` ${words} `;
}

export const keywordSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((k) => /[\p{L}\p{N}]/u.test(k), 'a keyword needs at least one letter or digit')
  .refine((k) => !k.slice(0, -1).includes('*'), '`*` is only allowed at the end of a keyword');

/** A keyword compiled to the substring to look for in a normalised haystack. */
export type CompiledKeyword = string;

export function compileKeyword(keyword: string): CompiledKeyword {
  const prefix = keyword.endsWith('*');
  const core = normalizeForMatching(prefix ? keyword.slice(0, -1) : keyword);
  // `core` is " words " (padded); a prefix keyword drops the trailing pad so "integrat" matches "integrations".
  return prefix ? core.slice(0, -1) : core;
}

export function compileKeywords(keywords: readonly string[]): CompiledKeyword[] {
  return keywords.map(compileKeyword).filter((k) => k.trim() !== '');
}

/** The first keyword (by position) that matches, or -1. `haystack` must come from normalizeForMatching. */
export function findKeyword(haystack: string, compiled: readonly CompiledKeyword[]): number {
  if (haystack === '') return -1;
  for (let i = 0; i < compiled.length; i++) {
    if (haystack.includes(compiled[i]!)) return i;
  }
  return -1;
}

export function matchesAnyKeyword(haystack: string, compiled: readonly CompiledKeyword[]): boolean {
  return findKeyword(haystack, compiled) !== -1;
}
