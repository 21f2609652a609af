import type { EngagementEvent, EngagementKind } from './engagement-event';

/** Shared wording of the brief's sentences: how an event and a count read. */

const ACTION_VERBS: Record<EngagementKind, string> = {
  page_view: 'viewed',
  form_submission: 'submitted',
  content_download: 'downloaded',
  webinar_registered: 'registered for',
  webinar_attended: 'attended',
  email_delivered: 'was sent',
  email_opened: 'opened',
  email_clicked: 'clicked a link in',
  meeting: 'booked',
  chat: 'chatted in',
};

const KIND_NOUNS: Record<EngagementKind, string> = {
  page_view: 'a page',
  form_submission: 'a form',
  content_download: 'an asset',
  webinar_registered: 'a webinar',
  webinar_attended: 'a webinar',
  email_delivered: 'an email',
  email_opened: 'an email',
  email_clicked: 'an email',
  meeting: 'a meeting',
  chat: 'a chat',
};

export function eventLabel(event: EngagementEvent): string {
  if (event.title !== undefined && event.title.trim() !== '') return event.title;
  if (event.url !== undefined && event.url.trim() !== '') return event.url;
  return KIND_NOUNS[event.kind];
}

/** `viewed "Pricing"` — the title verbatim inside quotes, as text. */
export function describeAction(event: EngagementEvent): string {
  const hasLabel = (event.title !== undefined && event.title.trim() !== '') || (event.url !== undefined && event.url.trim() !== '');
  return hasLabel ? `${ACTION_VERBS[event.kind]} "${eventLabel(event)}"` : `${ACTION_VERBS[event.kind]} ${KIND_NOUNS[event.kind]}`;
}

export function countOf(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
