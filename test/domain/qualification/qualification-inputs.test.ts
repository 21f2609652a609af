import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGAGEMENT_KINDS } from '../../../lib/domain/engagement/engagement-event';
import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { evaluateDefinition } from '../../../lib/domain/qualification/evaluate-definition';
import type { Evaluation } from '../../../lib/domain/qualification/evaluate-definition';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../../lib/domain/qualification/strict-sql-definition';
import {
  buildQualificationInputs,
  decodeQualificationInputs,
  encodeQualificationInputs,
  MAX_QUALIFICATION_INPUTS_CHARS,
  qualificationInputsSchema,
} from '../../../lib/domain/qualification/qualification-inputs';
import type { EvaluatorInputs } from '../../../lib/domain/qualification/qualification-inputs';
import type { RepEvidence } from '../../../lib/domain/qualification/rep-evidence';
import type { Lead } from '../../../lib/domain/lead';
import { makeLead } from './make-lead';

const AT = Date.UTC(2026, 10, 20, 15);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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
  { id: 'p2', kind: 'page_view', occurredAt: AT - 31 * HOUR - 1, source: 'hubspot-web-analytics', title: 'Pricing', url: 'https://x.example/pricing' },
  { id: 'o1', kind: 'email_opened', occurredAt: AT - 2 * HOUR, source: 'hubspot-email', title: 'Newsletter', likelyBot: true, botReason: 'opened 2 s after delivery' },
  { id: 'late', kind: 'page_view', occurredAt: AT + HOUR, source: 'hubspot-web-analytics', url: 'https://x.example/pricing' },
];
const repEvidence: RepEvidence = { authority: { status: 'met', evidence: { name: 'Sam Lee', role: 'CRO' }, by: 'rep', at: AT - HOUR } };

/** A version-1 payload as Baton wrote it before version 2 (recorded from that encoder; 2 events had been dropped). */
const RECORDED_V1 =
  '{"v":1,"evaluatedAt":1795186800000,"lead":{"firstName":"Dana","lastName":"Kim","email":"dana@northwind.example","phone":null,"jobTitle":"VP Sales","company":"Northwind","industry":"Computer Software","employees":250,"country":"US","lifecycleStage":null,"leadStatus":null,"owner":null,"ownerAssignedAt":null,"ownerAssignedBy":null,"source":"ORGANIC_SEARCH","sourceDetail":[],"latestSource":null,"campaign":null,"firstConversion":null,"recentConversion":null,"formAnswers":[{"question":"What is your budget?","answer":"$40,000","answeredAt":1795168800000,"form":"Demo"}],"handedOffAt":null,"createdAt":null,"updatedAt":null},"events":[{"id":"f1","k":"form_submission","t":1795168800000,"ti":"Request a demo","u":"https://x.example/demo","a":{"What\'s your biggest challenge?":"Forecasts are guesswork"}},{"id":"p1","k":"page_view","t":1795078800000,"ti":"Pricing","u":"https://x.example/pricing"},{"id":"p2","k":"page_view","t":1795006800000,"ti":"Pricing","u":"https://x.example/pricing"},{"id":"p3","k":"page_view","t":1794934800000,"ti":"Pricing","u":"https://x.example/pricing"}],"repEvidence":{"authority":{"status":"met","evidence":{"name":"Sam Lee","role":"CRO"},"by":"rep","at":1795183200000}},"droppedEvents":2,"trimmed":false}';

function evaluate(definition: typeof DEFAULT_SQL_DEFINITION, inputs: EvaluatorInputs): Evaluation {
  return evaluateDefinition(definition, { lead: inputs.lead, events: inputs.events, ...(inputs.repEvidence ? { repEvidence: inputs.repEvidence } : {}), now: inputs.evaluatedAt });
}

/**
 * The evaluation modulo the documented normalisation: which event ids a signal counted (they are
 * synthetic after decoding; how many it counted is compared), and the unmet engagement line's
 * "N events", which counts the events it was given (the stored form leaves out bots, events
 * after the decision and exact duplicates, none of which any rule counts).
 */
function comparable(e: Evaluation) {
  return {
    verdict: e.verdict,
    criteria: e.criteria.map((c) => {
      if (c.id !== 'engagement' || c.decidedBy !== 'auto') return c;
      const signals = (c.evidence as { signals: { eventIds: string[] }[] }).signals.map(({ eventIds: _ids, ...rest }) => rest);
      return { ...c, evidence: { signals }, source: c.status === 'met' ? c.source : 'Engagement: (events given)' };
    }),
  };
}

function decodeOrThrow(text: string) {
  const decoded = decodeQualificationInputs(text, ref);
  if (!decoded.ok) throw new Error(`${decoded.why}: ${decoded.detail}`);
  return decoded;
}

/** 10,000 page views over a year, spread over `pages` pages, with millisecond timestamps. */
function busyHistory(views: number, pages: number): EngagementEvent[] {
  let seed = 0x2f6e2b1;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let at = AT;
  return Array.from({ length: views }, (_, i) => {
    at -= Math.floor(random() * ((2 * 365 * DAY) / views));
    const p = i % pages;
    return { id: `hubspot-web-analytics:${9_000_000 + i}`, kind: 'page_view', occurredAt: at, source: 'hubspot-web-analytics', title: `Page ${p} | Tessellate`, url: p === 0 ? 'https://tessellate.example/pricing' : `https://tessellate.example/resources/page-${p}` };
  });
}

describe('qualification inputs', () => {
  it('round trip: the decoded inputs give the same evaluation as the originals', () => {
    const encoded = encodeQualificationInputs(buildQualificationInputs({ lead, events, repEvidence, evaluatedAt: AT }));
    const decoded = decodeOrThrow(encoded);
    expect(decoded.approximate).toBe(false);
    expect(decoded.inputs.lead).toEqual(lead);
    expect(decoded.inputs.evaluatedAt).toBe(AT);
    for (const definition of [DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION]) {
      expect(comparable(evaluate(definition, decoded.inputs))).toEqual(comparable(evaluate(definition, { lead, events, repEvidence, evaluatedAt: AT })));
    }
  });

  it('stores each page once with its times: kinds and texts in a table, ages in seconds rounded up, answers with their exact time and id', () => {
    const inputs = buildQualificationInputs({ lead, events, evaluatedAt: AT });
    expect(inputs.v).toBe(2);
    expect(inputs.s).toEqual(['form_submission', 'Request a demo', 'https://x.example/demo', 'f1', "What's your biggest challenge?", 'Forecasts are guesswork', 'page_view', 'Pricing', 'https://x.example/pricing']);
    expect(inputs.e).toEqual([
      { k: 0, n: 1, u: 2, i: 3, m: AT - 5 * HOUR, a: [4, 5] },
      // 30 h = 108,000 s; the second view 1 h and 1 ms older: 3,601 s later, rounded up.
      { k: 6, n: 7, u: 8, t: `${(108_000).toString(36)},${(3_601).toString(36)}` },
    ]);
    expect(inputs).not.toHaveProperty('repEvidence');
    expect(inputs.droppedEvents).toBe(0);
    const decoded = decodeOrThrow(encodeQualificationInputs(inputs));
    expect(decoded.inputs.events).toEqual([
      { id: 'f1', kind: 'form_submission', occurredAt: AT - 5 * HOUR, source: 'baton-qualification-inputs', title: 'Request a demo', url: 'https://x.example/demo', answers: { "What's your biggest challenge?": 'Forecasts are guesswork' } },
      { id: '~0', kind: 'page_view', occurredAt: AT - 30 * HOUR, source: 'baton-qualification-inputs', title: 'Pricing', url: 'https://x.example/pricing' },
      { id: '~1', kind: 'page_view', occurredAt: AT - 31 * HOUR - 1_000, source: 'baton-qualification-inputs', title: 'Pricing', url: 'https://x.example/pricing' },
    ]);
  });

  it('window edges survive the rounding: an event 1 ms past "30 days ago" stays out, one exactly on it stays in', () => {
    const now = AT + 437; // not on a whole second either
    const view = (id: string, occurredAt: number): EngagementEvent => ({ id, kind: 'page_view', occurredAt, source: 's', url: 'https://x.example/pricing' });
    const history = [view('a', now - 30 * DAY), view('b', now - 30 * DAY + 999), view('c', now - 30 * DAY - 1), view('d', now - 1)];
    const decoded = decodeOrThrow(encodeQualificationInputs(buildQualificationInputs({ lead, events: history, evaluatedAt: now })));
    const since = now - 30 * DAY;
    expect(decoded.inputs.events.map((e) => e.occurredAt >= since)).toEqual([true, true, true, false]);
    const pricing = (inputs: EvaluatorInputs) => (evaluate(DEFAULT_SQL_DEFINITION, inputs).criteria.find((c) => c.id === 'engagement')!.evidence as { signals: { id: string; count: number }[] }).signals.find((s) => s.id === 'pricing_visits')!.count;
    expect(pricing(decoded.inputs)).toBe(3);
    expect(pricing({ lead, events: history, evaluatedAt: now })).toBe(3);
  });

  it('ids: an event delivered twice counts once, the same id on different events keeps them one, kept ids never meet synthetic ones', () => {
    const view = (id: string, occurredAt: number, url = 'https://x.example/pricing'): EngagementEvent => ({ id, kind: 'page_view', occurredAt, source: 's', url });
    const history = [
      view('dup', AT - HOUR), view('dup', AT - HOUR), // exact duplicate: one event
      view('same', AT - 2 * HOUR), view('same', AT - 3 * HOUR), // one id, two times: still one event
      view('~0', AT - 4 * HOUR), view('~0', AT - 5 * HOUR), // a real id shaped like a synthetic one
      view('L'.repeat(1_100), AT - 6 * HOUR), view('L'.repeat(1_100), AT - 7 * HOUR), // too long to keep as is
      view(`${'L'.repeat(1_100)}2`, AT - 8 * HOUR), view(`${'L'.repeat(1_100)}2`, AT - 9 * HOUR), // same first 1,000 characters, another event
      view('solo', AT - 10 * HOUR),
    ];
    const decoded = decodeOrThrow(encodeQualificationInputs(buildQualificationInputs({ lead, events: history, evaluatedAt: AT })));
    expect(decoded.inputs.events).toHaveLength(10);
    expect(new Set(decoded.inputs.events.map((e) => e.id)).size).toBe(6);
    expect(decoded.inputs.events.filter((e) => e.id === '~0')).toHaveLength(2);
    expect(decoded.inputs.events.every((e) => e.id.length <= 1_000)).toBe(true);
    const original = evaluate(DEFAULT_SQL_DEFINITION, { lead, events: history, evaluatedAt: AT });
    expect(comparable(evaluate(DEFAULT_SQL_DEFINITION, decoded.inputs))).toEqual(comparable(original));
    expect(JSON.stringify(original.criteria)).toContain('"count":6');
  });

  it('property: random histories, hostile strings included, replay identically under the default and strict definitions', () => {
    const hostile = fc.constantFrom('__proto__', 'constructor', 'toString', '~', '~0', '~~1', '"},{"k":0,"t":"0"}', '</script><img src=x onerror=alert(1)>', '\u0000\u2028\ud800', ',', 'Request a demo', 'Contact sales', 'https://x.example/pricing', '/pricing?x=1');
    const text = (max: number) => fc.oneof(hostile, fc.string({ maxLength: max }), fc.string({ maxLength: max, unit: 'binary' }));
    const idArb = fc.oneof(fc.constantFrom('a', 'b', 'c', '~0', '~1', '~', 'x'.repeat(250), `${'x'.repeat(200)}#0`), fc.string({ minLength: 1, maxLength: 20 }));
    const timeArb = fc.oneof(
      fc.integer({ min: AT - 200 * DAY, max: AT + DAY }),
      // Right on the definitions' windows (14, 30, 60, 90, 180 days), give or take a few seconds.
      fc.tuple(fc.constantFrom(14, 30, 60, 90, 180), fc.integer({ min: -3_000, max: 3_000 })).map(([d, ms]) => AT - d * DAY + ms),
      fc.constant(AT),
    );
    const answersArb = fc.dictionary(
      fc.oneof(fc.constantFrom('What is your budget?', "What's your timeline to implement?", "What's your biggest challenge?", '__proto__', 'constructor'), text(30)),
      fc.oneof(fc.constantFrom('$40,000', '$8k', 'USD 90,000', 'within 4 weeks', '60 days', 'ASAP', 'not budgeted yet', 'Our CRM is messy'), text(40)),
      { maxKeys: 4 },
    );
    const eventArb = fc.record(
      {
        id: idArb,
        kind: fc.constantFrom(...ENGAGEMENT_KINDS),
        occurredAt: timeArb,
        title: fc.option(text(60), { nil: undefined }),
        url: fc.option(text(60), { nil: undefined }),
        answers: fc.option(answersArb, { nil: undefined }),
        likelyBot: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ['id', 'kind', 'occurredAt'] },
    );
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (raw, msOffset, withFormAnswers) => {
        const now = AT + msOffset;
        const history = raw.map((e) => ({ ...e, source: 's' }) as EngagementEvent);
        // Duplicates of some events, as a source delivering the same event twice would.
        const delivered = [...history, ...history.filter((_, i) => i % 3 === 0)];
        const subject: Lead = withFormAnswers ? { ...lead, jobTitle: 'VP Sales' } : makeLead({ jobTitle: 'Marketing Manager', formAnswers: [] });
        const original: EvaluatorInputs = { lead: subject, events: delivered, repEvidence, evaluatedAt: now };
        const text = encodeQualificationInputs(buildQualificationInputs(original));
        const decoded = decodeOrThrow(text);
        expect(decoded.approximate).toBe(false);
        for (const definition of [DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION]) {
          expect(comparable(evaluate(definition, decoded.inputs))).toEqual(comparable(evaluate(definition, original)));
        }
        // The events themselves, modulo the documented normalisation: counted events only, each
        // once, times of events without answers at whole seconds of age rounded up, ids synthetic
        // except where kept.
        const counted = delivered.filter((e) => !e.likelyBot && e.occurredAt <= now);
        const contentOf = (e: EngagementEvent) => {
          const answers = e.kind === 'form_submission' && e.answers && Object.keys(e.answers).length ? e.answers : undefined;
          const occurredAt = answers ? e.occurredAt : now - Math.ceil((now - e.occurredAt) / 1000) * 1000;
          return JSON.stringify([e.kind, occurredAt, e.title ?? null, e.url ?? null, answers ? Object.entries(answers) : null]);
        };
        const expected = [...new Set(counted.map((e) => JSON.stringify([e.id, contentOf(e)])))].map((x) => JSON.parse(x)[1] as string).sort();
        expect(decoded.inputs.events.map(contentOf).sort()).toEqual(expected);
        expect(new Set(decoded.inputs.events.map((e) => e.id)).size).toBe(new Set(counted.map((e) => e.id)).size);
        // Form submissions with answers keep their ids (ids over 1,000 characters, which get a stand-in, are tested above).
        for (const e of decoded.inputs.events) if (e.answers) expect(counted.some((o) => o.id === e.id)).toBe(true);
        for (let i = 1; i < decoded.inputs.events.length; i++) expect(decoded.inputs.events[i - 1]!.occurredAt).toBeGreaterThanOrEqual(decoded.inputs.events[i]!.occurredAt);
      }),
      { numRuns: 300 },
    );
  });

  it('10,000 views of 5 pages fit exactly, well under the cap, and replay identically', () => {
    const history = busyHistory(10_000, 5);
    const text = encodeQualificationInputs(buildQualificationInputs({ lead, events: history, evaluatedAt: AT }));
    expect(text.length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    const decoded = decodeOrThrow(text);
    expect(decoded.approximate).toBe(false);
    expect(decoded.inputs.events).toHaveLength(10_000);
    // Old signals are still there: pricing views a year back.
    expect(Math.min(...decoded.inputs.events.map((e) => e.occurredAt))).toBeLessThan(AT - 300 * DAY);
    const longMemory = { ...DEFAULT_SQL_DEFINITION, engagement: { ...DEFAULT_SQL_DEFINITION.engagement, signals: [{ id: 'pricing_year', label: 'Pricing in a year', eventKinds: ['page_view' as const], urlPattern: '/pricing', minCount: 3, withinDays: 365 }] } };
    for (const definition of [DEFAULT_SQL_DEFINITION, STRICT_SQL_DEFINITION, longMemory]) {
      expect(comparable(evaluate(definition, decoded.inputs))).toEqual(comparable(evaluate(definition, { lead, events: history, evaluatedAt: AT })));
    }
  });

  it('10,000 distinct pages cannot fit: the newest that fit are kept, the rest counted as dropped, under the cap', () => {
    const history = busyHistory(10_000, 10_000);
    const inputs = buildQualificationInputs({ lead, events: history, evaluatedAt: AT });
    const text = encodeQualificationInputs(inputs);
    expect(text.length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    const decoded = decodeOrThrow(text);
    expect(decoded.approximate).toBe(true);
    const kept = decoded.inputs.events.length;
    expect(kept + inputs.droppedEvents).toBe(10_000);
    // Version 1 kept 419 of these; sharing the kind and dropping ids and epoch times keeps more.
    expect(kept).toBeGreaterThan(550);
    expect(decoded.inputs.events.map((e) => e.url)).toEqual(history.slice(0, kept).map((e) => e.url));
    // As many as fit: one more view would not.
    const oneMore = buildQualificationInputs({ lead, events: history.slice(0, kept + 1), evaluatedAt: AT }, Number.MAX_SAFE_INTEGER);
    expect(encodeQualificationInputs({ ...oneMore, droppedEvents: inputs.droppedEvents - 1 }).length).toBeGreaterThan(MAX_QUALIFICATION_INPUTS_CHARS);
  });

  it('cuts texts where rules stop reading (1,000 characters) and drops the oldest events to fit a small cap, saying how many', () => {
    const many: EngagementEvent[] = Array.from({ length: 400 }, (_, i) => ({ id: `v${i}`, kind: 'page_view', occurredAt: AT - i * HOUR, source: 's', title: `T${i}`.repeat(2_000), url: `https://x.example/${'p'.repeat(5_000)}` }));
    const inputs = buildQualificationInputs({ lead, events: many, evaluatedAt: AT });
    expect(encodeQualificationInputs(inputs).length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    expect(inputs.s.every((s) => s.length <= 1_000)).toBe(true);
    expect(inputs.s).toContain(`https://x.example/${'p'.repeat(982)}`);
    expect(inputs.droppedEvents).toBeGreaterThan(0);
    const decoded = decodeOrThrow(encodeQualificationInputs(inputs));
    expect(decoded.approximate).toBe(true);
    expect(decoded.inputs.events.length + inputs.droppedEvents).toBe(400);
    expect(decoded.inputs.events.map((e) => e.title!.slice(0, 4))).toEqual(many.slice(0, decoded.inputs.events.length).map((e) => e.title!.slice(0, 4)));
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
    const evil: EngagementEvent = { id: 'f', kind: 'form_submission', occurredAt: AT - HOUR, source: 's', title: '"],"e":[]}', answers: { __proto__: 'polluted', 'budget"}': '$1' } as unknown as Record<string, string> };
    const decoded = decodeOrThrow(encodeQualificationInputs(buildQualificationInputs({ lead: hostile, events: [evil], evaluatedAt: AT })));
    expect(decoded.inputs.lead.company).toBe('</script><img src=x onerror=alert(1)>');
    expect(decoded.inputs.lead.jobTitle).toBe('"}],"v":2,"x":"');
    expect(decoded.inputs.events[0]!.title).toBe('"],"e":[]}');
    expect(Object.entries(decoded.inputs.events[0]!.answers!)).toEqual(Object.entries(evil.answers!));
    expect(Object.getPrototypeOf(decoded.inputs.events[0]!.answers)).toBe(Object.prototype);
  });

  it('reads version 1 as it was written: events, rep evidence, evaluation time, approximate when events were dropped', () => {
    const decoded = decodeOrThrow(RECORDED_V1);
    expect(decoded.approximate).toBe(true);
    expect(decoded.inputs.evaluatedAt).toBe(AT);
    expect(decoded.inputs.events.map((e) => [e.id, e.kind, e.occurredAt])).toEqual([
      ['f1', 'form_submission', AT - 5 * HOUR],
      ['p1', 'page_view', AT - 30 * HOUR],
      ['p2', 'page_view', AT - 50 * HOUR],
      ['p3', 'page_view', AT - 70 * HOUR],
    ]);
    expect(decoded.inputs.events[0]!.answers).toEqual({ "What's your biggest challenge?": 'Forecasts are guesswork' });
    expect(decoded.inputs.repEvidence).toEqual(repEvidence);
    const engagement = evaluate(DEFAULT_SQL_DEFINITION, decoded.inputs).criteria.find((c) => c.id === 'engagement')!;
    expect(engagement.status).toBe('met');
    expect(engagement.explanation).toContain('Pricing page visits (3 events)');
    // Outbox entries queued before version 2 hold version-1 records: they still parse and are written unchanged.
    const record = qualificationInputsSchema.parse(JSON.parse(RECORDED_V1));
    expect(JSON.parse(encodeQualificationInputs(record))).toEqual(JSON.parse(RECORDED_V1));
  });

  it('decoding never throws: not JSON, an unknown or newer version, a wrong shape, dangling references', () => {
    expect(decodeQualificationInputs('{nope', ref)).toMatchObject({ ok: false, why: 'not_json' });
    expect(decodeQualificationInputs('{"v":3,"whatever":true}', ref)).toEqual({ ok: false, why: 'unknown_version', detail: 'version 3, written by a newer Baton; this Baton reads versions 1 and 2' });
    expect(decodeQualificationInputs('{"v":"2"}', ref)).toEqual({ ok: false, why: 'unknown_version', detail: 'version "2"; this Baton reads versions 1 and 2' });
    expect(decodeQualificationInputs('[]', ref)).toMatchObject({ ok: false, why: 'unknown_version', detail: 'version missing; this Baton reads versions 1 and 2' });
    expect(decodeQualificationInputs('{"v":1,"evaluatedAt":"x"}', ref)).toMatchObject({ ok: false, why: 'invalid' });
    const good = buildQualificationInputs({ lead, events, evaluatedAt: AT });
    const broken = (change: Record<string, unknown>) => decodeQualificationInputs(JSON.stringify({ ...good, ...change }), ref);
    expect(broken({ e: [{ k: 99, t: '0' }] })).toMatchObject({ ok: false, why: 'invalid', detail: 'e.0.k: not an engagement kind' });
    expect(broken({ e: [{ k: 2, t: '0' }] })).toMatchObject({ ok: false, why: 'invalid', detail: 'e.0.k: not an engagement kind' });
    expect(broken({ e: [{ k: 6, u: 40, t: '0' }] })).toMatchObject({ ok: false, why: 'invalid', detail: 'e.0.u: no string 40 (the table has 9)' });
    expect(broken({ e: [{ k: 0, m: AT, a: [4, 50] }] })).toMatchObject({ ok: false, why: 'invalid', detail: 'e.0.a: no string 50' });
    expect(broken({ e: [{ k: 6, t: '1,-2' }] })).toMatchObject({ ok: false, why: 'invalid' });
    expect(broken({ e: [{ k: 6, t: '1', m: AT }] })).toMatchObject({ ok: false, why: 'invalid' });
    expect(broken({ e: [{ k: 6, t: 'zzzzzzzzzz,zzzzzzzzzz,zzzzzzzzzz' }] })).toMatchObject({ ok: false, why: 'invalid', detail: 'e.0.t: an age out of range' });
  });

  it("rep evidence today's rules refuse is set aside, not the lead", () => {
    const stale = encodeQualificationInputs({ ...buildQualificationInputs({ lead, events, evaluatedAt: AT }), repEvidence: { budget: { status: 'met', evidence: { note: 'they have money' } } } });
    const decoded = decodeQualificationInputs(stale, ref);
    expect(decoded).toMatchObject({ ok: true, evidenceSetAside: true });
    expect(decoded.ok && decoded.inputs.repEvidence).toBeUndefined();
  });

  it('property: always under the cap, always decodes, keeps the newest of the counted events', () => {
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
        const text = encodeQualificationInputs(inputs);
        expect(text.length).toBeLessThanOrEqual(cap);
        const decoded = decodeOrThrow(text);
        const all = decodeOrThrow(encodeQualificationInputs(buildQualificationInputs({ lead: makeLead({ company }), events: list, evaluatedAt: AT }, Number.MAX_SAFE_INTEGER))).inputs.events;
        expect(decoded.inputs.events.length + inputs.droppedEvents).toBe(all.length);
        expect(decoded.approximate).toBe(inputs.droppedEvents > 0 || inputs.trimmed);
        // What is kept is the newest: every dropped event is at most as new as every kept one.
        const oldestKept = Math.min(...decoded.inputs.events.map((e) => e.occurredAt));
        expect(all.slice(decoded.inputs.events.length).every((e) => e.occurredAt <= oldestKept)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
