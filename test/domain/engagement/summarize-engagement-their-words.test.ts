import { describe, expect, test } from 'vitest';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { DAY, HOUR, NOW, formSubmission, makeLead } from './engagement-fixtures';
import { summarize } from './summarize-engagement-kit';

/**
 * "Their words" in the brief: what the lead wrote in forms and chats, verbatim, newest first, each
 * answer once with the event it came in, and capped with the number left out.
 */

describe("their words", () => {
  test('CRM form answers and event answers, verbatim, newest first, the same answer once with its event', () => {
    const lead = makeLead({
      formAnswers: [
        { question: "What's your biggest challenge?", answer: 'Leads go cold before we call', answeredAt: NOW - HOUR, form: 'Demo request' },
        { question: 'Email', answer: 'dana@northwind.example', answeredAt: NOW - HOUR, form: 'Demo request' },
        { question: 'How did you hear about us?', answer: 'A podcast', answeredAt: NOW - 30 * DAY, form: 'Newsletter' },
      ],
    });
    const events = [
      formSubmission('demo', HOUR, 'Demo request', {
        "What's your biggest challenge?": 'Leads go cold before we call',
        'Team size': '40 SDRs',
        'First name': 'Dana',
        utm_source: 'linkedin',
        'Anything else?': '   ',
      }),
    ];
    const brief = summarize(events, { lead });
    expect(brief.theirWords.map((q) => [q.question, q.answer, q.answeredAt, q.eventIds])).toEqual([
      ['Team size', '40 SDRs', NOW - HOUR, ['demo']],
      ["What's your biggest challenge?", 'Leads go cold before we call', NOW - HOUR, ['demo']],
      ['How did you hear about us?', 'A podcast', NOW - 30 * DAY, []],
    ]);
    expect(brief.theirWords[1]).toMatchObject({ form: 'Demo request', text: "What's your biggest challenge?: Leads go cold before we call" });
  });

  test('chat transcripts count; capped, with the number left out', () => {
    const chats = Array.from({ length: 4 }, (_, i): EngagementEvent => ({
      id: `chat-${i}`, kind: 'chat', occurredAt: NOW - (i + 1) * HOUR, source: 'drift', title: 'Website chat', answers: { Visitor: `message ${i}` },
    }));
    const brief = summarize(chats, { maxTheirWords: 2 });
    expect(brief.theirWords.map((q) => q.answer)).toEqual(['message 0', 'message 1']);
    expect(brief.theirWordsOmitted).toBe(2);
  });
});
