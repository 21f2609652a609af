import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openerQuote } from '../../../lib/domain/engagement/brief-opener-quote';
import { summarizeEngagement } from '../../../lib/domain/engagement/summarize-engagement';
import { makeLead } from '../sla/make-lead';

const NOW = Date.UTC(2026, 11, 3, 15, 0);
const HOUR = 3_600_000;
const answer = (question: string, text: string, hoursAgo = 2) => ({ question, answer: text, answeredAt: NOW - hoursAgo * HOUR, form: null });

function opener(formAnswers: ReturnType<typeof answer>[], conversion: string | null = 'Q4-LP-Demo-Form-v2') {
  const lead = makeLead({ firstName: 'Dana', formAnswers, recentConversion: conversion ? { name: conversion, at: NOW - 2 * HOUR } : null });
  return summarizeEngagement({ lead, events: [], now: NOW }).opener.text;
}

describe('openers use what the prospect wrote, not asset titles', () => {
  it('quotes their answer about their need', () => {
    const text = opener([answer("What's your biggest challenge?", 'Our reps lose leads between marketing and sales. We also lack reporting.')]);
    expect(text).toContain('"Our reps lose leads between marketing and sales"');
    expect(text).not.toContain('Q4-LP-Demo-Form-v2');
  });

  it('never reads a raw form or asset title to the prospect', () => {
    expect(opener([], 'Ebook-Handoff-Playbook-2026')).toBe('Hi Dana — thanks for getting in touch; happy to walk through what would be most useful to you.');
  });

  it('a timeline, a budget or a placeholder is not an opener', () => {
    const text = opener([answer('Timeline', 'This quarter'), answer('Budget', '50k USD per year'), answer('How can we help?', 'N/A'), answer('Anything else?', 'asdf')]);
    expect(text).not.toMatch(/wrote|quarter|50k|N\/A|asdf/);
  });

  it('a long answer is cut at a word, and the newest need wins', () => {
    const long = `We are trying to consolidate ${'three regional sales teams with separate tools '.repeat(4)}`;
    const text = opener([answer('What are you trying to solve?', 'Older need stated in words', 48), answer('What are you trying to solve?', long, 1)]);
    expect(text).toMatch(/wrote "We are trying to consolidate [^"]+…"/);
    expect(text).not.toContain('Older need');
  });

  it('the quoted words are always the start of an answer the prospect gave', () => {
    const question = fc.constantFrom('How can we help?', "What's your biggest challenge?", 'Message', 'Tell us about your goals');
    fc.assert(
      fc.property(fc.array(fc.record({ question, answer: fc.string({ maxLength: 200 }), answeredAt: fc.nat() }), { maxLength: 5 }), (quotes) => {
        const found = openerQuote(quotes);
        if (!found) return true;
        const start = found.text.replace(/…$/, '');
        return quotes.includes(found.quote) && found.quote.answer.trim().replace(/["“”]/g, "'").startsWith(start) && found.text.length <= 91;
      }),
    );
  });
});
