import type { ReactNode } from 'react';
import type { BriefView as Brief, SlaInputs } from '../../lib/messaging/panel-protocol';
import { formatRelativeTime } from '../../lib/format/format-time';
import { useShowEvents } from '../../lib/stores/lead-panel-store';
import { BriefNextStep } from './brief-next-step';
import { LongText } from './long-text';
import type { RecordedOutcome } from './recorded-outcome';

/**
 * "Before you call": why the lead is here, what they told us (verbatim), what they care about,
 * likely objections, the agreed next step and an opener. Every statement links to the events
 * behind it; all text is rendered as text.
 */
/**
 * `disqualifiedBecause`: the definition's reason when the lead is disqualified (no next step or
 * opener then). `sla` and `recorded`: the next step is the header's one next action (see
 * brief-next-step.tsx).
 */
export function BriefView({
  brief,
  now,
  disqualifiedBecause = null,
  sla = null,
  recorded = null,
}: {
  brief: Brief;
  now: number;
  disqualifiedBecause?: string | null;
  sla?: SlaInputs | null;
  recorded?: RecordedOutcome | null;
}) {
  const showEvents = useShowEvents();
  return (
    <div className="space-y-3 px-4 py-3">
      <Section title="Why they're here">
        <p className="text-slate-900">
          {brief.trigger.text} <EventsLink statement={brief.trigger} label="Trigger" />
        </p>
        <p className="mt-1 text-xs text-slate-600">
          {brief.buyingStage.text} · {brief.recency.text} · {brief.frequency.text}
        </p>
      </Section>

      {brief.theirWords.length > 0 ? (
        <Section title="In their words">
          <ul className="space-y-1.5">
            {brief.theirWords.map((quote, i) => (
              <li key={`${quote.question}-${i}`} className="rounded border-l-2 border-emerald-500 bg-emerald-50/60 px-2 py-1">
                <p className="text-[11px] text-emerald-900">
                  {quote.question}
                  {quote.answeredAt ? <span className="text-emerald-800/80"> · {formatRelativeTime(quote.answeredAt, now)}</span> : null}
                </p>
                <blockquote className="whitespace-pre-wrap break-words text-slate-900">
                  <LongText text={quote.answer} />
                </blockquote>
              </li>
            ))}
          </ul>
          {brief.theirWordsOmitted > 0 ? <p className="mt-1 text-[11px] text-slate-500">{brief.theirWordsOmitted} older answers not shown.</p> : null}
        </Section>
      ) : null}

      {brief.interests.length > 0 ? (
        <Section title="What they care about">
          <ul className="flex flex-wrap gap-1.5">
            {brief.interests.map((interest) => (
              <li key={interest.topicId}>
                <button
                  type="button"
                  onClick={() => showEvents(interest.label, interest.eventIds)}
                  title={interest.text}
                  className="rounded-full border border-sky-200 bg-sky-50 px-2 py-0.5 text-xs text-sky-900 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-amber-500"
                >
                  {interest.label} <span className="text-sky-700">×{interest.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {brief.objections.length > 0 ? (
        <Section title="Likely objections">
          <ul className="space-y-1.5">
            {brief.objections.map((objection) => (
              <li key={objection.ruleId}>
                <p className="font-medium text-slate-900">
                  {objection.label} <EventsLink statement={objection} label={objection.label} />
                </p>
                <p className="text-xs text-slate-600">{objection.responseAngle}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <BriefNextStep
        nextStep={brief.nextStep}
        opener={brief.opener}
        disqualifiedBecause={disqualifiedBecause}
        recorded={recorded}
        sla={sla}
        now={now}
        section={(title, children) => <Section title={title}>{children}</Section>}
      />

      {brief.ignored.likelyBot > 0 ? (
        <p className="text-[11px] text-slate-500">{brief.ignored.likelyBot} likely-automated events (email scanners, click bursts) were left out of this brief.</p>
      ) : null}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

function EventsLink({ statement, label }: { statement: { eventIds: string[] }; label: string }) {
  const showEvents = useShowEvents();
  if (statement.eventIds.length === 0) return null;
  const count = statement.eventIds.length;
  return (
    <button
      type="button"
      onClick={() => showEvents(label, statement.eventIds)}
      className="whitespace-nowrap text-xs text-sky-700 underline underline-offset-2 hover:text-sky-900 focus-visible:outline-2 focus-visible:outline-amber-500"
    >
      {count === 1 ? '1 event' : `${count} events`}
    </button>
  );
}
