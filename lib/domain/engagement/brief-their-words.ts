import type { Lead } from '../lead';
import type { BriefQuote } from './engagement-brief';
import type { EngagementEvent } from './engagement-event';
import type { IdsAt } from './brief-positions';
import { normalizeForMatching } from './match-keywords';

/**
 * Form fields that are contact details, not the prospect's words: the rep already sees them on the
 * record. Matched on the normalised question; hidden tracking fields (utm_*, gclid, fbclid) too. The
 * run-together spellings ("firstname", "jobtitle") are for answers that arrive under the form
 * field's name rather than its label, as many web forms name them. A CRM's own hidden form fields
 * are its provider's to drop before answers reach the domain.
 */
const CONTACT_FIELD_QUESTIONS = new Set(
  [
    'email', 'e-mail', 'email address', 'work email', 'business email', 'first name', 'firstname', 'last name',
    'lastname', 'name', 'full name', 'phone', 'phone number', 'mobile', 'mobile phone', 'company', 'company name',
    'website', 'website url', 'country', 'country/region', 'state', 'state/region', 'city', 'zip', 'postal code',
    'job title', 'jobtitle',
  ].map(normalizeForMatching),
);
const HIDDEN_FIELD_PREFIXES = [' utm ', ' gclid ', ' fbclid '];

/** A plain loop rather than `.some(callback)`: this runs for every answer of every form submission. */
function isHiddenField(normalizedQuestion: string): boolean {
  for (const prefix of HIDDEN_FIELD_PREFIXES) if (normalizedQuestion.startsWith(prefix)) return true;
  return false;
}

export interface QuoteAccumulator {
  question: string;
  answer: string;
  answeredAt: number | null;
  form: string | null;
  /** Positions in the considered timeline, newest first. */
  positions: number[];
}

/**
 * Collects the prospect's answers. The same answer reaches us twice — as a CRM property and inside
 * the form-submission event — and is kept once (same question, ignoring case and punctuation, and
 * the same answer), with the event behind it.
 */
export class QuoteCollector {
  readonly quotes = new Map<string, QuoteAccumulator>();
  // Questions repeat on every submission of a form: normalise each distinct one once.
  private readonly questionKeys = new Map<string, string>();

  private normalizeQuestion(question: string): string {
    let key = this.questionKeys.get(question);
    if (key === undefined) {
      key = normalizeForMatching(question);
      this.questionKeys.set(question, key);
    }
    return key;
  }

  /** The key, or null when this is not something the prospect said (blank, a contact field, a hidden field). */
  private keyOf(question: string, answer: string): string | null {
    if (answer.trim() === '') return null;
    const q = this.normalizeQuestion(question);
    if (CONTACT_FIELD_QUESTIONS.has(q) || isHiddenField(q)) return null;
    return `${q}\u0000${answer.trim()}`;
  }

  addLeadAnswers(answers: Lead['formAnswers']): void {
    for (const a of answers) {
      const key = this.keyOf(a.question, a.answer);
      if (key === null) continue;
      const existing = this.quotes.get(key);
      if (existing) {
        if (existing.answeredAt === null || a.answeredAt > existing.answeredAt) {
          existing.answeredAt = a.answeredAt;
          existing.form = a.form;
        }
      } else {
        this.quotes.set(key, { question: a.question, answer: a.answer, answeredAt: a.answeredAt, form: a.form, positions: [] });
      }
    }
  }

  addEventAnswers(event: EngagementEvent, position: number): void {
    for (const [question, answer] of Object.entries(event.answers ?? {})) {
      const key = this.keyOf(question, answer);
      if (key === null) continue;
      const existing = this.quotes.get(key);
      if (existing) {
        existing.positions.push(position);
        if (existing.answeredAt === null) existing.answeredAt = event.occurredAt;
      } else {
        this.quotes.set(key, { question, answer, answeredAt: event.occurredAt, form: event.title ?? null, positions: [position] });
      }
    }
  }
}

function compareQuotes(a: QuoteAccumulator, b: QuoteAccumulator): number {
  const at = (b.answeredAt ?? -Infinity) - (a.answeredAt ?? -Infinity);
  if (at !== 0 && !Number.isNaN(at)) return at;
  if (a.question !== b.question) return a.question < b.question ? -1 : 1;
  return a.answer < b.answer ? -1 : a.answer > b.answer ? 1 : 0;
}

function toBriefQuote(q: QuoteAccumulator, eventIds: string[]): BriefQuote {
  return { question: q.question, answer: q.answer, answeredAt: q.answeredAt, form: q.form, text: `${q.question}: ${q.answer}`, eventIds };
}

/** Every quote, newest first (`all`, which the objections read too), and the first `max` as the brief shows them. */
export function chooseTheirWords(quotes: QuoteCollector, max: number, idsAt: IdsAt): { all: QuoteAccumulator[]; shown: BriefQuote[] } {
  const all = [...quotes.quotes.values()].sort(compareQuotes);
  const shown: BriefQuote[] = all.slice(0, max).map((q) => toBriefQuote(q, idsAt(q.positions)));
  return { all, shown };
}
