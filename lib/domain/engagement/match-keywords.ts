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
 * Many keyword groups (one per topic, per rule) matched against many raw texts in one pass per text:
 * `groupsIn(text)` equals "the groups `g` for which `findKeyword(normalizeForMatching(text),
 * compileKeywords(g)) !== -1`", without building the normalised string or searching once per keyword.
 *
 * It exists because a timeline of 10,000 distinct pages (20,000 distinct titles and URLs) made
 * matching most of the brief's cost: per text, a lowercase copy, a Unicode regex replace, a split
 * and a lookup per word. Here every compiled keyword (" pricing ", " licen") goes into one
 * Aho–Corasick automaton that reads each character once. Plain-ASCII text (nearly all titles and
 * URLs) is read raw through a table that folds case and reads every break as a space; any other
 * text goes through normalizeForMatching first, so Unicode case mapping and the letter/digit
 * classes stay exactly the regex's. The property tests hold it to findKeyword on hostile input.
 */
export interface KeywordMatcher {
  /**
   * Indexes of the groups with at least one matching keyword, ascending. `text` is raw (not
   * normalised). The list is shared and must not be modified: no match and a single match (nearly
   * every text) return the same list every time, so matching 20,000 texts allocates next to nothing.
   */
  groupsIn(text: string): readonly number[];
}

const NO_GROUPS: readonly number[] = [];

/** The automaton's alphabet: the word break, any letter or digit no keyword uses, then each character keywords use. */
const SPACE_SYMBOL = 0;
const OTHER_SYMBOL = 1;

interface Automaton {
  /** Number of symbols: `next[state * width + symbol]` is the state after reading `symbol` in `state`. */
  width: number;
  next: Int32Array;
  /** Per ASCII code unit of raw text: its symbol, upper case folded to lower, every break read as a space. */
  asciiInput: Int32Array;
  /** Symbols of the non-ASCII code units keywords use; any other is OTHER_SYMBOL. */
  otherSymbols: Map<number, number>;
  /** 1 where some keyword ends (checked first: reaching a keyword's end is rare). */
  reporting: Uint8Array;
  /** The groups whose keywords end in each state (including keywords that are suffixes of the path there). */
  reports: readonly (readonly number[])[];
}

export function createKeywordMatcher(groups: readonly (readonly string[])[]): KeywordMatcher {
  const patterns: { text: string; group: number }[] = [];
  groups.forEach((keywords, group) => {
    for (const text of compileKeywords(keywords)) patterns.push({ text, group });
  });
  if (patterns.length === 0) return { groupsIn: () => NO_GROUPS };
  const { width, next, asciiInput, otherSymbols, reporting, reports } = buildAutomaton(patterns);

  // Matches are collected in one reused buffer (groupsIn is synchronous, so never re-entered) and
  // handed out as shared lists when there are fewer than two. A typed buffer and a count, not an
  // array emptied with `length = 0`: truncating an array is a runtime call, paid per text.
  const found = new Int32Array(groups.length);
  let count = 0;
  const single = groups.map((_, group): readonly number[] => [group]);
  const add = (state: number) => {
    for (const group of reports[state]!) {
      let seen = false;
      for (let i = 0; i < count && !seen; i++) seen = found[i] === group;
      if (!seen) found[count++] = group;
    }
  };
  const result = (): readonly number[] => {
    const list = count === 0 ? NO_GROUPS : count === 1 ? single[found[0]!]! : Array.from(found.subarray(0, count)).sort((a, b) => a - b);
    count = 0;
    return list;
  };

  /** Text that is not plain ASCII: normalised by the definition itself (Unicode case and classes), then fed as is. */
  const scanNormalized = (haystack: string): readonly number[] => {
    count = 0; // forget what the ASCII scan found before it gave up
    let state = 0;
    for (let i = 0; i < haystack.length; i++) {
      const code = haystack.charCodeAt(i);
      state = next[state * width + (code < 128 ? asciiInput[code]! : (otherSymbols.get(code) ?? OTHER_SYMBOL))]!;
      if (reporting[state] === 1) add(state);
    }
    return result();
  };

  return {
    groupsIn(text) {
      // The raw text framed by breaks, every break a space: " Pricing -- plans" reads as
      // "  pricing    plans ", and since a space after a space leaves the state as it is (see
      // buildAutomaton), that is exactly normalizeForMatching's " pricing plans ".
      let state = next[SPACE_SYMBOL]!;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 128) return scanNormalized(normalizeForMatching(text));
        state = next[state * width + asciiInput[code]!]!;
        if (reporting[state] === 1) add(state);
      }
      state = next[state * width + SPACE_SYMBOL]!;
      if (reporting[state] === 1) add(state);
      return result();
    },
  };
}

/**
 * Aho–Corasick: the trie of the compiled keywords, failure links breadth-first, folded into a full
 * transition table so that scanning is one array read per character and never backtracks.
 */
function buildAutomaton(patterns: readonly { text: string; group: number }[]): Automaton {
  const asciiSymbols = new Int32Array(128).fill(OTHER_SYMBOL);
  const otherSymbols = new Map<number, number>();
  let width = 2;
  for (const { text } of patterns) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20) continue;
      if (code < 128) {
        if (asciiSymbols[code] === OTHER_SYMBOL) asciiSymbols[code] = width++;
      } else if (!otherSymbols.has(code)) {
        otherSymbols.set(code, width++);
      }
    }
  }
  const symbolOf = (code: number): number =>
    code === 0x20 ? SPACE_SYMBOL : code < 128 ? asciiSymbols[code]! : (otherSymbols.get(code) ?? OTHER_SYMBOL);

  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  /** The symbol on the edge into each trie state (-1 for the root). */
  const lastSymbol: number[] = [-1];
  for (const { text, group } of patterns) {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf(text.charCodeAt(i));
      let child = children[state]!.get(symbol);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        outputs.push([]);
        lastSymbol.push(symbol);
        children[state]!.set(symbol, child);
      }
      state = child;
    }
    if (!outputs[state]!.includes(group)) outputs[state]!.push(group);
  }

  const next = new Int32Array(children.length * width);
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (let symbol = 0; symbol < width; symbol++) {
    const child = children[0]!.get(symbol);
    if (child !== undefined) {
      next[symbol] = child;
      queue.push(child);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    // A state also reports what its failure state (its longest proper suffix in the trie) reports.
    for (const group of outputs[fail[state]!]!) if (!outputs[state]!.includes(group)) outputs[state]!.push(group);
    for (let symbol = 0; symbol < width; symbol++) {
      const child = children[state]!.get(symbol);
      const fallback = next[fail[state]! * width + symbol]!;
      if (child === undefined) {
        next[state * width + symbol] = fallback;
      } else {
        next[state * width + symbol] = child;
        fail[child] = fallback;
        queue.push(child);
      }
    }
  }

  // Runs of breaks: normalised text never has two spaces in a row, so the transition on a space from
  // a state reached by a space is free to stay put. Every compiled keyword starts with a space, so
  // reading a space always lands in such a state (at worst the one for " "), and a run of breaks in
  // raw text then reads like the single space normalisation leaves of it.
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    if (lastSymbol[state] === SPACE_SYMBOL) next[state * width + SPACE_SYMBOL] = state;
  }

  // Raw ASCII input: letters and digits (either case) to their symbols, every other character a break (a space).
  const asciiInput = new Int32Array(128).fill(SPACE_SYMBOL);
  for (let code = 0; code < 128; code++) {
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    const isWord = (lower >= 0x30 && lower <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    if (isWord) asciiInput[code] = asciiSymbols[lower]!;
  }
  return {
    width,
    next,
    asciiInput,
    otherSymbols,
    reporting: Uint8Array.from(outputs, (groupsHere) => (groupsHere.length > 0 ? 1 : 0)),
    reports: outputs,
  };
}
