/* The lead's form answers, newest first, and picking the one that answers a criterion. */
import type { EngagementEvent } from '../engagement/engagement-event';
import type { Lead } from '../lead';
import { matchesPattern } from './match-rules';
import { ANSWER_KIND_LABELS, classifyAnswer } from './classify-answer';
import type { AnswerKind } from './classify-answer';

export interface AnswerFound {
  question: string;
  answer: string;
  answeredAt: number;
  origin: string;
}

/** All form answers known at `now`, newest first, in a total order so ties break the same way everywhere. */
export function collectAnswers(lead: Lead, events: readonly EngagementEvent[], now: number): AnswerFound[] {
  const found: AnswerFound[] = [];
  for (const a of lead.formAnswers) {
    if (a.answeredAt <= now) found.push({ question: a.question, answer: a.answer, answeredAt: a.answeredAt, origin: `CRM form answer "${a.question}"` });
  }
  for (const e of events) {
    if (e.kind !== 'form_submission' || !e.answers || e.occurredAt > now || e.likelyBot) continue;
    for (const [question, answer] of Object.entries(e.answers)) {
      found.push({ question, answer, answeredAt: e.occurredAt, origin: `Form "${e.title ?? e.id}": "${question}"` });
    }
  }
  return found.sort((a, b) => b.answeredAt - a.answeredAt || compareText(a.question, b.question) || compareText(a.answer, b.answer) || compareText(a.origin, b.origin));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The newest answer to a matching question that reads as what the criterion asks for; else the
 * newest matching answer, with what it reads as instead ("This quarter" under a budget question).
 */
export function pickAnswer<T extends { kind: string }>(answers: readonly AnswerFound[], pattern: string | undefined, parse: (a: AnswerFound) => T, usable: (parsed: T) => boolean): { found: AnswerFound; parsed: T } | undefined {
  if (!pattern) return undefined;
  let first: { found: AnswerFound; parsed: T } | undefined;
  for (const a of answers) {
    if (a.answer.trim() === '' || !matchesPattern(pattern, a.question)) continue;
    const parsed = parse(a);
    if (usable(parsed)) return { found: a, parsed };
    first ??= { found: a, parsed };
  }
  return first;
}

export function misread(kind: AnswerKind): string {
  return kind === 'nothing' ? 'states nothing' : kind === 'other' || kind === 'problem' ? 'is not read as one' : `is ${ANSWER_KIND_LABELS[kind]}`;
}

/**
 * Questions about when to call, how they found us or who they are, not about buying: "When can we call you?" →
 * "Tomorrow afternoon" is no buying timeline, "How did you hear about us?" → "Podcast in January"
 * no date to buy by.
 */
const NOT_ABOUT_BUYING = /\b(?:call|calls|contact|reach|talk|speak|meet|meeting|demo|available|availability|best time|convenient|phone|hear|heard|find|found|referr\w*|source|size|employees|headcount|revenue|turnover|company|industry|role|title|country|name|e-?mail|website)\b/i;

/**
 * By meaning, when no question matches the criterion's pattern: the newest answer that reads as
 * `kind` and parses, to a question no other criterion claims (`claimedPatterns`) and that is not
 * about contact times or attribution. "When do you need this?" → "Q1 2027" is a timeline a rep reads at once,
 * whatever words the definition's question pattern lists.
 */
export function pickAnswerByMeaning<T extends { kind: string }>(
  answers: readonly AnswerFound[],
  kind: AnswerKind,
  claimedPatterns: readonly (string | undefined)[],
  parse: (a: AnswerFound) => T,
  usable: (parsed: T) => boolean,
): { found: AnswerFound; parsed: T } | undefined {
  const claimed = claimedPatterns.filter((p): p is string => p !== undefined);
  for (const a of answers) {
    if (a.answer.trim() === '' || NOT_ABOUT_BUYING.test(a.question) || claimed.some((p) => matchesPattern(p, a.question))) continue;
    if (classifyAnswer(a.answer) !== kind) continue;
    const parsed = parse(a);
    if (usable(parsed)) return { found: a, parsed };
  }
  return undefined;
}
