/**
 * What the prospect wrote that an opener can quote back: an answer to a question about their
 * need (a challenge, a goal, "how can we help", a message), in a few real words. Answers to
 * budget, timeline or headcount questions are facts for the checklist, not openers, and
 * placeholders ("N/A", "test", "asdf") state nothing.
 */
const NEED_QUESTION = /challenge|problem|pain|goal|looking (for|to)|hoping|help|need|message|comment|question|tell us|describe|anything else|what brings|why|use case|trying to|priorit|interest/i;
const PLACEHOLDER = /^(n\/?a|none|nothing|no|test(ing)?|asdf+|qwerty|xxx+|tbd|-+|\.+|ok|hello|hi)$/i;
const MAX_QUOTE_CHARS = 90;

interface Answer {
  question: string;
  answer: string;
  answeredAt: number | null;
}

/** The newest answer worth quoting, with its words cut to a sentence that fits an opener, or null. */
export function openerQuote<A extends Answer>(quotes: readonly A[]): { quote: A; text: string } | null {
  const found = [...quotes]
    .filter((q) => NEED_QUESTION.test(q.question) && statesSomething(q.answer))
    .sort((a, b) => (b.answeredAt ?? 0) - (a.answeredAt ?? 0))[0];
  return found ? { quote: found, text: shorten(found.answer) } : null;
}

function statesSomething(answer: string): boolean {
  const text = answer.trim();
  if (PLACEHOLDER.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 3;
}

/** The first sentence (or line), at most MAX_QUOTE_CHARS, cut at a word, without trailing punctuation. */
function shorten(answer: string): string {
  const firstLine = answer.trim().split('\n')[0]!.trim();
  const sentence = /^(.+?[.!?])(\s|$)/u.exec(firstLine)?.[1] ?? firstLine;
  let text = sentence.replace(/["“”]/g, "'");
  if (text.length > MAX_QUOTE_CHARS) {
    const cut = text.slice(0, MAX_QUOTE_CHARS);
    const lastSpace = cut.lastIndexOf(' ');
    text = `${(lastSpace > MAX_QUOTE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.!?-]+$/u, '')}…`;
  } else {
    text = text.replace(/[.!]+$/u, '');
  }
  return text;
}
