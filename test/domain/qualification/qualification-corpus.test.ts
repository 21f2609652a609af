import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyAnswer } from '../../../lib/domain/qualification/classify-answer';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import type { Evaluation } from '../../../lib/domain/qualification/evaluate-definition';
import type { Lead } from '../../../lib/domain/lead';
import { makeLead } from './make-lead';

/**
 * The corpus in test/fixtures/qualification-corpus.json: what prospects really type, each with the
 * reading a rep gives it. Every entry goes through evaluateDefinition with the default definition,
 * so the corpus checks the checklist a rep sees, not a helper in isolation.
 */
type Entry =
  | { type: 'need_answer'; text: string; reading: 'problem' | 'timeline' | 'budget' | 'headcount' | 'nothing' | 'other' }
  | { type: 'budget_answer'; text: string; reading: { kind: 'amount'; amount: number; currency: string } | { kind: 'none' } | { kind: 'unreadable' } }
  | { type: 'timeline_answer'; text: string; reading: { kind: 'date'; date: string } | { kind: 'none' } | { kind: 'unreadable' } }
  | { type: 'title'; text: string; reading: { decisionMaker: boolean; student: boolean } }
  | { type: 'company'; text: string; reading: { student: boolean } }
  | { type: 'email'; text: string; reading: { personal: boolean; student: boolean; competitor: boolean } }
  | { type: 'answer_elsewhere'; question: string; text: string; reading: { criterion: 'budget' | 'timeline'; evidence: Record<string, unknown> | null } };

const corpus = JSON.parse(readFileSync(new URL('../../fixtures/qualification-corpus.json', import.meta.url), 'utf8')) as {
  answeredAt: string;
  now: string;
  entries: Entry[];
};
const answeredAt = Date.parse(corpus.answeredAt);
const now = Date.parse(corpus.now);

function evaluate(over: Partial<Lead>): Evaluation {
  return evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: makeLead(over), now });
}
const statusOf = (e: Evaluation, id: string) => e.criteria.find((c) => c.id === id)?.status;
const criterionOf = (e: Evaluation, id: string) => e.criteria.find((c) => c.id === id)!;
const form = (question: string, answer: string) => [{ question, answer, answeredAt, form: 'Demo request' }];

describe('qualification corpus', () => {
  test('is large and varied enough to mean something', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.entries.map((e) => e.type)).size).toBe(7);
    expect(new Set(corpus.entries.map((e) => `${e.type}:${e.text}`)).size).toBe(corpus.entries.length);
  });

  test.each(corpus.entries.map((e) => [`${e.type}: ${e.text}`, e] as const))('%s', (_, entry) => {
    switch (entry.type) {
      case 'need_answer': {
        expect(classifyAnswer(entry.text)).toBe(entry.reading);
        const need = criterionOf(evaluate({ formAnswers: form("What's your biggest challenge?", entry.text) }), 'need');
        expect(need.status).toBe(entry.reading === 'problem' ? 'met' : 'unknown');
        return;
      }
      case 'budget_answer': {
        const budget = criterionOf(evaluate({ formAnswers: form('What is your budget?', entry.text) }), 'budget');
        if (entry.reading.kind === 'amount') {
          expect(budget.evidence).toEqual({ amount: entry.reading.amount, currency: entry.reading.currency });
          expect(budget.status).not.toBe('unknown');
        } else {
          expect(budget.evidence).toBeNull();
          expect(budget.status).toBe(entry.reading.kind === 'none' ? 'unmet' : 'unknown');
        }
        return;
      }
      case 'timeline_answer': {
        const timeline = criterionOf(evaluate({ formAnswers: form('Purchase timeline', entry.text) }), 'timeline');
        if (entry.reading.kind === 'date') expect(timeline.evidence).toEqual({ date: entry.reading.date });
        else expect(timeline).toMatchObject({ evidence: null, status: entry.reading.kind === 'none' ? 'unmet' : 'unknown' });
        return;
      }
      case 'answer_elsewhere': {
        // A question the definition's patterns do not name: read by meaning, never from contact-time or attribution questions.
        const result = criterionOf(evaluate({ formAnswers: form(entry.question, entry.text) }), entry.reading.criterion);
        if (entry.reading.evidence) expect(result).toMatchObject({ status: 'met', evidence: entry.reading.evidence });
        else expect(result).toMatchObject({ status: 'unknown', evidence: null });
        return;
      }
      case 'title': {
        const e = evaluate({ jobTitle: entry.text });
        expect(statusOf(e, 'authority')).toBe(entry.reading.decisionMaker ? 'met' : 'unknown');
        expect(statusOf(e, 'disq.student')).toBe(entry.reading.student ? 'unmet' : 'met');
        return;
      }
      case 'company': {
        expect(statusOf(evaluate({ company: entry.text }), 'disq.student')).toBe(entry.reading.student ? 'unmet' : 'met');
        return;
      }
      case 'email': {
        const e = evaluate({ email: entry.text, company: 'Acme' });
        expect({
          personal: statusOf(e, 'disq.personal_email') === 'unmet',
          student: statusOf(e, 'disq.student') === 'unmet',
          competitor: statusOf(e, 'disq.competitor') === 'unmet',
        }).toEqual(entry.reading);
        return;
      }
    }
  });
});
