import { emailDomain, MAX_MATCHED_TEXT, matchesDomain } from '../domain/qualification/match-rules';

/**
 * The editor's "try it" boxes: does a pattern match a sample, the way the evaluator matches it
 * (case-insensitive, the same length cap), and which words it matched.
 */
export type PatternTrial =
  | { status: 'empty' }
  | { status: 'invalid'; message: string }
  | { status: 'matches'; matched: string }
  | { status: 'no-match' };

export function tryPattern(source: string, sample: string): PatternTrial {
  if (source === '' || sample.trim() === '') return { status: 'empty' };
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (err) {
    return { status: 'invalid', message: (err as Error).message.replace(/^Invalid regular expression: /, '') };
  }
  const found = re.exec(sample.length > MAX_MATCHED_TEXT ? sample.slice(0, MAX_MATCHED_TEXT) : sample);
  return found ? { status: 'matches', matched: found[0].trim() || sample } : { status: 'no-match' };
}

/** The first of several patterns that matches the sample (a list of title patterns: any one will do). */
export function tryPatterns(sources: readonly string[], sample: string): { index: number; trial: PatternTrial } | null {
  for (const [index, source] of sources.entries()) {
    const trial = tryPattern(source, sample);
    if (trial.status === 'matches') return { index, trial };
  }
  return null;
}

/** Which domain entry an e-mail address or domain falls under ("jo@mail.gmail.com" under "gmail.com"). */
export function tryDomains(patterns: readonly string[], sample: string): string | null | 'empty' {
  const s = sample.trim().toLowerCase();
  if (!s) return 'empty';
  const domain = s.includes('@') ? emailDomain(s) : s.replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
  if (!domain) return null;
  return patterns.find((p) => p && matchesDomain(p, domain)) ?? null;
}
