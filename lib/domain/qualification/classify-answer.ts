import { parseBudgetAnswer, parseTimelineAnswer } from './parse-form-answer';

/**
 * What a form answer answers, read the way a rep reads it: "This quarter" is a timeline even when
 * it sits under a question that mentions "looking to", "$40k" is a budget, "51-200" is a headcount,
 * and "N/A", "test", "asdf" or "-" say nothing at all. Only a problem statement meets "Need".
 */
export type AnswerKind = 'problem' | 'timeline' | 'budget' | 'headcount' | 'nothing' | 'other';

export const ANSWER_KIND_LABELS: Record<AnswerKind, string> = {
  problem: 'a stated problem',
  timeline: 'a timeline',
  budget: 'a budget',
  headcount: 'a headcount',
  nothing: 'no answer',
  other: 'not a problem statement',
};

const NOTHING = new Set([
  'n/a', 'na', 'n.a', 'n.a.', 'n / a', 'none', 'nothing', 'null', 'nil', 'nan', 'undefined', 'test', 'testing', 'test test', 'tests', 'asdf',
  'asd', 'asdfg', 'asdfgh', 'asdfghjkl', 'qwerty', 'qwert', 'zxcv', 'xxx', 'xx', 'abc', 'abcd', 'aaa', 'foo', 'bar', 'foobar', 'idk',
  "i don't know", 'i dont know', 'dont know', "don't know", 'dunno', 'no idea', 'not sure', 'unsure', 'unknown', 'no', 'nope', 'yes', 'yep',
  'ok', 'okay', 'sure', 'maybe', 'tbd', 'tba', 'tbc', 'no comment', 'no comments', 'nothing really', 'nothing yet', 'nothing in particular',
  'just looking', 'hello', 'hi', 'hey', 'thanks', 'thank you', 'lorem ipsum', 'blah', 'blah blah', 'whatever', 'other', 'misc', 'general',
  'info', 'information', 'more info', 'see above', 'as above', 'same', 'please call', 'call me', 'demo', 'pricing',
]);
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VAGUE_TIMELINE = /^(?:soon|soonish|later|eventually|someday|some day|sometime|in the future|not sure when|tbd when|when ready|whenever|flexible|this year or next|asap-ish)\b/;
const HEADCOUNT = /^(?:~|about |around |approx\.? )?\d[\d,.]*\s*(?:(?:-|to)\s*\d[\d,.]*)?\s*\+?\s*(?:employees|people|users|seats|reps|staff|fte|ftes|persons?|members|heads|licen[cs]es|agents|sellers)?$/;
const BUDGET_HINT = /[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|chf|budget|k|m|mio|million|thousand|dollars?|euros?|pounds?)\b|\d\s*(?:k|m|mm|mio|bn)\b/;

const PROBLEM_CUES = /\b(?:slow|manual(?:ly)?|takes?|broken|breaks?|can'?t|cannot|struggl\w*|pain\w*|hard|difficult|issues?|problems?|lack\w*|losing|lost|miss(?:ing|ed)?|too (?:much|many|slow|long)|needs? (?:to|a|an|better|more)|replac\w*|improve|fix|errors?|churn|wast\w*|inaccurate|messy|fragmented|silo\w*|visibility|scal\w*|integrat\w*|automat\w*|cold|leak\w*|drop\w*|stale|duplicat\w*|spreadsheets?)\b/;

function isKeyboardMash(word: string): boolean {
  if (word.length < 3) return true;
  if (/^(.)\1+$/.test(word)) return true;
  if (!/[aeiouy]/.test(word) && word.length >= 3) return true;
  return word.length <= 6 && KEYBOARD_ROWS.some((row) => [...word].every((c) => row.includes(c)));
}

const cache = new Map<string, AnswerKind>();

/** Classifies one answer. Deterministic and cached: the same text always reads the same way. */
export function classifyAnswer(answer: string): AnswerKind {
  const cached = cache.get(answer);
  if (cached) return cached;
  const kind = readAnswer(answer);
  if (cache.size < 10_000) cache.set(answer, kind);
  return kind;
}

function readAnswer(answer: string): AnswerKind {
  const text = answer
    .toLowerCase()
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 1000);
  const bare = text.replace(/[.!?,;:]+$/g, '').trim();
  if (!/[\p{L}\p{N}]/u.test(bare)) return 'nothing';
  if (NOTHING.has(bare)) return 'nothing';
  const words = bare.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = bare.replace(/[^\p{L}]/gu, '');
  if (words.length >= 5) {
    // Prose: a sentence says something, unless it is one junk word repeated ("test test test test test").
    const distinct = new Set(words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')));
    if (distinct.size === 1 || [...distinct].every((w) => NOTHING.has(w) || isKeyboardMash(w))) return 'nothing';
    // A short sentence about money or dates with no problem in it: "Budget approved by the board", "Looking to buy this quarter".
    if (words.length < 8 && !PROBLEM_CUES.test(bare)) {
      if (/\bbudget/.test(bare) || parseBudgetAnswer(bare).kind === 'amount') return 'budget';
      if (parseTimelineAnswer(bare, 0).kind !== 'unreadable') return 'timeline';
    }
    return 'problem';
  }
  if (letters.length <= 1 && !/\d/.test(bare)) return 'nothing';
  if (words.length === 1 && letters.length === bare.length && (isKeyboardMash(letters) || letters.length < 3)) return 'nothing';
  if (HEADCOUNT.test(bare)) return 'headcount';
  // "Reporting takes 2 days" is a problem that mentions a duration, not a timeline.
  if (words.length >= 2 && PROBLEM_CUES.test(bare)) return 'problem';
  if (BUDGET_HINT.test(bare)) {
    const budget = parseBudgetAnswer(bare, 'USD');
    if (budget.kind === 'amount' || /\bbudget/.test(bare)) return 'budget';
  }
  if (VAGUE_TIMELINE.test(bare)) return 'timeline';
  const timeline = parseTimelineAnswer(bare, 0);
  if (timeline.kind !== 'unreadable') return 'timeline';
  if (/^\d[\d\s,.%-]*$/.test(bare)) return 'other';
  return letters.length >= 4 ? 'problem' : 'other';
}
