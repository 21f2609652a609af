import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TimelineEvent } from '../../lib/messaging/panel-protocol';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format/format-time';
import { toSafeHref } from '../../lib/domain/engagement/safe-href';
import { shortUrl } from '../../lib/format/safe-url';
import { KIND_DOT, KIND_FILTERS, KIND_LABELS, type KindFilterId } from './engagement-kinds';
import { LongText } from '../panel/long-text';

/**
 * The lead's marketing engagement, newest first. Virtualised: a lead with 10,000 events renders
 * only the rows in view. Every string is rendered as text (engagement data is attacker-controlled)
 * and only https: URLs become links.
 */
export function EngagementTimeline({ events, now }: { events: TimelineEvent[]; now: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<KindFilterId>>(() => new Set());
  const counts = useMemo(() => countByFilter(events), [events]);
  const visible = useMemo(() => {
    if (hidden.size === 0) return events;
    const hiddenKinds = new Set<string>(KIND_FILTERS.filter((f) => hidden.has(f.id)).flatMap((f) => f.kinds));
    return events.filter((e) => !hiddenKinds.has(e.kind));
  }, [events, hidden]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 8,
  });

  const toggle = (id: KindFilterId) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="timeline-heading" className="flex min-h-0 flex-1 flex-col">
      <div className="px-4 pb-2 pt-3">
        <h2 id="timeline-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Engagement <span className="font-normal normal-case tracking-normal">({visible.length === events.length ? events.length : `${visible.length} of ${events.length}`})</span>
        </h2>
        {events.length > 0 ? (
          <div role="group" aria-label="Show engagement kinds" className="mt-2 flex flex-wrap gap-1">
            {KIND_FILTERS.filter((f) => (counts.get(f.id) ?? 0) > 0).map((f) => {
              const on = !hidden.has(f.id);
              return (
                <button
                  key={f.id}
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggle(f.id)}
                  className={`rounded-full border px-2 py-0.5 text-[11px] focus-visible:outline-2 focus-visible:outline-amber-500 ${on ? 'border-slate-700 bg-slate-800 text-white' : 'border-slate-300 bg-white text-slate-500 line-through'}`}
                >
                  {f.label} {counts.get(f.id)}
                </button>
              );
            })}
          </div>
        ) : null}
      </div>
      {events.length === 0 ? (
        <p className="px-4 text-slate-500">No marketing engagement recorded for this lead.</p>
      ) : (
        <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" tabIndex={0} aria-label="Engagement timeline, newest first">
          <ol style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const event = visible[row.index]!;
              return (
                <li
                  key={event.id}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  aria-setsize={visible.length}
                  aria-posinset={row.index + 1}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
                >
                  <TimelineRow event={event} now={now} />
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}

function TimelineRow({ event, now }: { event: TimelineEvent; now: number }) {
  const href = toSafeHref(event.url);
  const answers = event.answers ? Object.entries(event.answers) : [];
  return (
    <div className={`flex gap-2 border-b border-slate-100 px-4 py-1.5 ${event.likelyBot ? 'bg-slate-50' : ''}`} data-testid="timeline-row" data-kind={event.kind}>
      <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${KIND_DOT[event.kind]}`} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          {/* Likely-bot events are dimmed by colour, not opacity, so they stay readable (WCAG AA). */}
          <span className={`truncate font-medium ${event.likelyBot ? 'text-slate-500 line-through decoration-slate-300' : 'text-slate-800'}`}>
            <span className="text-slate-500">{KIND_LABELS[event.kind]}:</span> {event.title ?? (event.url ? shortUrl(event.url) : '—')}
          </span>
          <time className="shrink-0 text-[11px] text-slate-500" dateTime={new Date(event.occurredAt).toISOString()} title={formatAbsoluteTime(event.occurredAt)}>
            {formatRelativeTime(event.occurredAt, now)}
          </time>
        </div>
        <div className="flex min-w-0 gap-1.5 text-[11px] text-slate-500">
          {event.likelyBot ? (
            <span className="shrink-0 rounded border border-slate-300 px-1 text-slate-700" title={event.botReason ?? 'Likely automated'}>
              likely bot
            </span>
          ) : null}
          {event.campaign ? <span className="truncate">{event.campaign}</span> : null}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer noopener" className="truncate text-sky-700 underline-offset-2 hover:underline">
              {shortUrl(href)}
            </a>
          ) : event.url && !event.title ? null : event.url ? (
            <span className="truncate">{shortUrl(event.url)}</span>
          ) : null}
        </div>
        {answers.length > 0 ? (
          <dl className="mt-1 rounded bg-emerald-50 px-2 py-1 text-xs">
            {answers.map(([question, answer]) => (
              <div key={question}>
                <dt className="text-emerald-800">{question}</dt>
                <dd className="whitespace-pre-wrap break-words text-slate-800">
                  <LongText text={answer} />
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </div>
  );
}

function countByFilter(events: TimelineEvent[]): Map<KindFilterId, number> {
  const filterOfKind = new Map<string, KindFilterId>(KIND_FILTERS.flatMap((f) => f.kinds.map((k) => [k, f.id] as const)));
  const counts = new Map<KindFilterId, number>();
  for (const e of events) {
    const id = filterOfKind.get(e.kind);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
