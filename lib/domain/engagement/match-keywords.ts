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

/**
 * Many keyword groups (one per topic) matched against many texts: instead of one substring search
 * per keyword per text, the text's words are looked up in an index of the keywords' first words.
 * Same semantics as `findKeyword` per group; it exists because a timeline of 10,000 distinct pages
 * made the substring searches the slowest part of the brief.
 */
export interface KeywordIndex {
  /** Indexes of the groups with at least one matching keyword, ascending. `haystack` from normalizeForMatching. */
  groupsIn(haystack: string): number[];
}

interface IndexedKeyword {
  group: number;
  words: string[];
  /** The last word is a prefix (`stud*`). */
  prefix: boolean;
}

export function createKeywordIndex(groups: readonly (readonly string[])[]): KeywordIndex {
  // Whole first word -> keywords starting with it.
  const byFirstWord = new Map<string, IndexedKeyword[]>();
  // Single-word prefix keywords, bucketed by their first two characters (or one, if that short).
  const prefixBuckets = new Map<string, IndexedKeyword[]>();
  const add = (map: Map<string, IndexedKeyword[]>, key: string, entry: IndexedKeyword) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  groups.forEach((keywords, group) => {
    for (const keyword of keywords) {
      const prefix = keyword.endsWith('*');
      const words = normalizeForMatching(prefix ? keyword.slice(0, -1) : keyword).trim().split(' ').filter(Boolean);
      if (words.length === 0) continue;
      const entry: IndexedKeyword = { group, words, prefix };
      if (prefix && words.length === 1) add(prefixBuckets, words[0]!.slice(0, 2), entry);
      else add(byFirstWord, words[0]!, entry);
    }
  });

  const matchesAt = (hay: readonly string[], at: number, entry: IndexedKeyword): boolean => {
    const last = entry.words.length - 1;
    for (let j = 0; j <= last; j++) {
      const word = hay[at + j];
      if (word === undefined) return false;
      const want = entry.words[j]!;
      if (j === last && entry.prefix ? !word.startsWith(want) : word !== want) return false;
    }
    return true;
  };

  return {
    groupsIn(haystack) {
      const trimmed = haystack.trim();
      if (trimmed === '') return [];
      const hay = trimmed.split(' ');
      const found: number[] = [];
      const consider = (entries: IndexedKeyword[] | undefined, at: number, word: string, prefixOnly: boolean) => {
        if (!entries) return;
        for (const entry of entries) {
          if (found.includes(entry.group)) continue;
          if (prefixOnly ? word.startsWith(entry.words[0]!) : matchesAt(hay, at, entry)) found.push(entry.group);
        }
      };
      for (let i = 0; i < hay.length; i++) {
        const word = hay[i]!;
        consider(byFirstWord.get(word), i, word, false);
        if (word.length >= 2) consider(prefixBuckets.get(word.slice(0, 2)), i, word, true);
        consider(prefixBuckets.get(word[0]!), i, word, true);
      }
      return found.length > 1 ? found.sort((a, b) => a - b) : found;
    },
  };
}
