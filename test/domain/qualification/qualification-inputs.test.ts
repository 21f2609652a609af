import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import {
  buildQualificationInputs,
  decodeQualificationInputs,
  encodeQualificationInputs,
  MAX_QUALIFICATION_INPUTS_CHARS,
  qualificationInputsSchema,
} from '../../../lib/domain/qualification/qualification-inputs';
import type { RepEvidence } from '../../../lib/domain/qualification/rep-evidence';
import { makeLead } from './make-lead';

const AT = Date.UTC(2026, 10, 20, 15);
const HOUR = 3_600_000;
const ref = { crm: 'hubspot' as const, account: '4242', id: '1', objectType: 'contact' as const };

const lead = makeLead({
  formAnswers: [
    { question: 'What is your budget?', answer: '$40,000', answeredAt: AT - 5 * HOUR, form: 'Demo' },
    { question: "What's your timeline to implement?", answer: 'within 2 months', answeredAt: AT - 5 * HOUR, form: 'Demo' },
  ],
});
const events: EngagementEvent[] = [
  { id: 'f1', kind: 'form_submission', occurredAt: AT - 5 * HOUR, source: 'hubspot-forms', title: 'Request a demo', url: 'https://x.example/demo', campaign: 'Q4', answers: { "What's your biggest challenge?": 'Forecasts are guesswork' } },
  { id: 'p1', kind: 'page_view', occurredAt: AT - 30 * HOUR, source: 'hubspot-web-analytics', title: 'Pricing', url: 'https://x.example/pricing' },
  { id: 'o1', kind: 'email_opened', occurredAt: AT - 2 * HOUR, source: 'hubspot-email', title: 'Newsletter', likelyBot: true, botReason: 'opened 2 s after delivery' },
  { id: 'late', kind: 'page_view', occurredAt: AT + HOUR, source: 'hubspot-web-analytics', url: 'https://x.example/pricing' },
];
const repEvidence: RepEvidence = { authority: { status: 'met', evidence: { name: 'Sam Lee', role: 'CRO' }, by: 'rep', at: AT - HOUR } };

describe('qualification inputs', () => {
  it('round trip: the decoded inputs give the same evaluation as the originals', () => {
    const encoded = encodeQualificationInputs(buildQualificationInputs({ lead, events, repEvidence, evaluatedAt: AT }));
    const decoded = decodeQualificationInputs(encoded, ref);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.approximate).toBe(false);
    expect(decoded.inputs.lead).toEqual(lead);
    expect(decoded.inputs.evaluatedAt).toBe(AT);
    for (const definition of [DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION]) {
      const original = evaluateDefinition(definition, { lead, events, repEvidence, now: AT });
      const replayed = evaluateDefinition(definition, { lead: decoded.inputs.lead, events: decoded.inputs.events, ...(decoded.inputs.repEvidence ? { repEvidence: decoded.inputs.repEvidence } : {}), now: AT });
      expect(replayed.verdict).toEqual(original.verdict);
      expect(replayed.criteria.map((c) => [c.id, c.status])).toEqual(original.criteria.map((c) => [c.id, c.status]));
    }
  });

  it('keeps only what rules can match: no bot events, nothing after the decision, newest first, no campaign or bot reason', () => {
    const inputs = buildQualificationInputs({ lead, events, evaluatedAt: AT });
    expect(inputs.events).toEqual([
      { id: 'f1', k: 'form_submission', t: AT - 5 * HOUR, ti: 'Request a demo', u: 'https://x.example/demo', a: { "What's your biggest challenge?": 'Forecasts are guesswork' } },
      { id: 'p1', k: 'page_view', t: AT - 30 * HOUR, ti: 'Pricing', u: 'https://x.example/pricing' },
    ]);
    expect(inputs).not.toHaveProperty('repEvidence');
    expect(inputs.droppedEvents).toBe(0);
  });

  it('caps long titles, urls and answers, and drops the oldest events first to fit, saying how many', () => {
    const many: EngagementEvent[] = Array.from({ length: 400 }, (_, i) => ({
      id: `v${i}`,
      kind: 'page_view',
      occurredAt: AT - i * HOUR,
      source: 'hubspot-web-analytics',
      title: 'T'.repeat(5_000),
      url: `https://x.example/${'p'.repeat(5_000)}`,
    }));
    const inputs = buildQualificationInputs({ lead, events: many, evaluatedAt: AT });
    const encoded = encodeQualificationInputs(inputs);
    expect(encoded.length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    expect(inputs.events[0]?.ti).toHaveLength(300);
    expect(inputs.events[0]?.u).toHaveLength(500);
    expect(inputs.events.length + inputs.droppedEvents).toBe(400);
    expect(inputs.droppedEvents).toBeGreaterThan(0);
    // The newest are kept.
    expect(inputs.events.map((e) => e.id)).toEqual(many.slice(0, inputs.events.length).map((e) => e.id));
    // As many as fit: one more would not.
    const oneMore = { ...inputs, events: many.slice(0, inputs.events.length + 1).map((e) => ({ id: e.id, k: e.kind, t: e.occurredAt, ti: 'T'.repeat(300), u: (e.url as string).slice(0, 500) })), droppedEvents: inputs.droppedEvents - 1 };
    expect(JSON.stringify(oneMore).length).toBeGreaterThan(MAX_QUALIFICATION_INPUTS_CHARS);
    const decoded = decodeQualificationInputs(encoded, ref);
    expect(decoded.ok && decoded.approximate).toBe(true);
  });

  it('shortens the lead itself only when it alone is too large, and says so', () => {
    const huge = makeLead({ company: 'C'.repeat(70_000), formAnswers: Array.from({ length: 200 }, (_, i) => ({ question: `Q${i}`, answer: 'a'.repeat(900), answeredAt: AT - i, form: null })) });
    const inputs = buildQualificationInputs({ lead: huge, events, repEvidence, evaluatedAt: AT });
    expect(encodeQualificationInputs(inputs).length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    expect(inputs.trimmed).toBe(true);
    expect(inputs.lead.company).toHaveLength(300);
    expect(qualificationInputsSchema.safeParse(inputs).success).toBe(true);
  });

  it('hostile strings stay plain text through the round trip', () => {
    const hostile = makeLead({ company: '</script><img src=x onerror=alert(1)>', jobTitle: '"}],"v":2,"x":"' });
    const encoded = encodeQualificationInputs(buildQualificationInputs({ lead: hostile, events: [], evaluatedAt: AT }));
    const decoded = decodeQualificationInputs(encoded, ref);
    expect(decoded.ok && decoded.inputs.lead.company).toBe('</script><img src=x onerror=alert(1)>');
    expect(decoded.ok && decoded.inputs.lead.jobTitle).toBe('"}],"v":2,"x":"');
  });

  it('decoding never throws: not JSON, another version, a wrong shape; rep evidence today\'s rules refuse is set aside', () => {
    expect(decodeQualificationInputs('{nope', ref)).toMatchObject({ ok: false, why: 'not_json' });
    expect(decodeQualificationInputs('{"v":2}', ref)).toMatchObject({ ok: false, why: 'unknown_version', detail: 'version 2' });
    expect(decodeQualificationInputs('[]', ref)).toMatchObject({ ok: false, why: 'unknown_version' });
    expect(decodeQualificationInputs('{"v":1,"evaluatedAt":"x"}', ref)).toMatchObject({ ok: false, why: 'invalid' });
    const stale = encodeQualificationInputs({ ...buildQualificationInputs({ lead, events, evaluatedAt: AT }), repEvidence: { budget: { status: 'met', evidence: { note: 'they have money' } } } });
    const decoded = decodeQualificationInputs(stale, ref);
    expect(decoded).toMatchObject({ ok: true, evidenceSetAside: true });
    expect(decoded.ok && decoded.inputs.repEvidence).toBeUndefined();
  });

  it('property: always under the cap, always decodes, keeps a newest-first prefix of the counted events', () => {
    const eventArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      kind: fc.constantFrom('page_view' as const, 'form_submission' as const, 'content_download' as const),
      occurredAt: fc.integer({ min: AT - 1_000 * HOUR, max: AT + 10 * HOUR }),
      title: fc.option(fc.string({ maxLength: 2_000 }), { nil: undefined }),
      url: fc.option(fc.string({ maxLength: 2_000 }), { nil: undefined }),
      answers: fc.option(fc.dictionary(fc.string({ maxLength: 50 }), fc.string({ maxLength: 3_000 }), { maxKeys: 5 }), { nil: undefined }),
      likelyBot: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 120 }), fc.integer({ min: 2_000, max: 40_000 }), fc.string({ maxLength: 5_000 }), (raw, cap, company) => {
        const list: EngagementEvent[] = raw.map((e) => ({ ...e, source: 's' }) as EngagementEvent);
        const inputs = buildQualificationInputs({ lead: makeLead({ company }), events: list, evaluatedAt: AT }, cap);
        expect(encodeQualificationInputs(inputs).length).toBeLessThanOrEqual(cap);
        const counted = list.filter((e) => !e.likelyBot && e.occurredAt <= AT);
        expect(inputs.events.length + inputs.droppedEvents).toBe(counted.length);
        for (let i = 1; i < inputs.events.length; i++) expect(inputs.events[i - 1]!.t).toBeGreaterThanOrEqual(inputs.events[i]!.t);
        expect(decodeQualificationInputs(encodeQualificationInputs(inputs), ref).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
