import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import { formAnswersFrom } from './marketo-form-fields';
import type { MarketoActivity } from './marketo-schemas';

/*
 * Marketo activities → Baton's engagement events (pure). The activity types Baton reads, by the
 * names `/rest/v1/activities/types.json` gives them (ids are confirmed per instance, never
 * assumed). Every title, URL and attribute value is attacker-controlled text: kept as text, and a
 * URL is kept only when it is an absolute http(s) URL (the panel links https: alone).
 */

export const MARKETO_SOURCE = 'marketo';

export const MARKETO_ACTIVITY_TYPES = {
  visitWebpage: 'Visit Webpage',
  fillOutForm: 'Fill Out Form',
  clickLink: 'Click Link',
  emailDelivered: 'Email Delivered',
  openEmail: 'Open Email',
  clickEmail: 'Click Email',
  interestingMoment: 'Interesting Moment',
  changeStatusInProgression: 'Change Status in Progression',
} as const;
export type MarketoActivityType = keyof typeof MARKETO_ACTIVITY_TYPES;

/** The standard ids of those types (a default only: types.json decides). */
export const STANDARD_ACTIVITY_TYPE_IDS: Record<MarketoActivityType, number> = {
  visitWebpage: 1,
  fillOutForm: 2,
  clickLink: 3,
  emailDelivered: 7,
  openEmail: 10,
  clickEmail: 11,
  interestingMoment: 41,
  changeStatusInProgression: 104,
};

/** Activity types Marketo keeps for 90 days only (the rest, 25 months). */
export const NINETY_DAY_TYPES: readonly MarketoActivityType[] = ['visitWebpage', 'clickLink'];

function attribute(activity: MarketoActivity, name: string): string | null {
  const found = activity.attributes?.find((a) => a.name.toLowerCase() === name.toLowerCase());
  const value = found?.value;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** An absolute http(s) URL as text, else null (relative paths and other schemes are not links). */
export function marketoUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function kindOf(type: MarketoActivityType, activity: MarketoActivity): EngagementKind | null {
  switch (type) {
    case 'visitWebpage':
    case 'clickLink':
      return 'page_view';
    case 'fillOutForm':
      return 'form_submission';
    case 'emailDelivered':
      return 'email_delivered';
    case 'openEmail':
      return 'email_opened';
    case 'clickEmail':
      return 'email_clicked';
    case 'interestingMoment': {
      const momentType = (attribute(activity, 'Type') ?? '').toLowerCase();
      if (momentType === 'web') return 'page_view';
      if (momentType === 'email') return 'email_clicked';
      // Milestones ("Became MQL", "Requested a demo") restate other activities in marketing's words:
      // no engagement kind says that without claiming a form was filled, so they are left out.
      return null;
    }
    case 'changeStatusInProgression': {
      // Event and webinar programs: "Registered", "Attended", "Attended On-demand"; not "Not Attended" or "No Show".
      const status = (attribute(activity, 'New Status') ?? '').toLowerCase();
      if (/\b(not|no)\b/.test(status)) return null;
      if (status.includes('attend')) return 'webinar_attended';
      if (status.includes('regist')) return 'webinar_registered';
      return null;
    }
  }
}

function titleOf(type: MarketoActivityType, activity: MarketoActivity): string | undefined {
  const primary = activity.primaryAttributeValue?.trim() || null;
  if (type === 'interestingMoment') return attribute(activity, 'Description') ?? primary ?? undefined;
  if (type === 'clickLink') return primary ? `Link: ${primary}` : undefined;
  return primary ?? undefined;
}

function urlOf(type: MarketoActivityType, activity: MarketoActivity): string | null {
  switch (type) {
    case 'visitWebpage':
      return marketoUrl(attribute(activity, 'Webpage URL')) ?? marketoUrl(activity.primaryAttributeValue ?? null);
    case 'clickLink':
      return marketoUrl(activity.primaryAttributeValue ?? null) ?? marketoUrl(attribute(activity, 'Link'));
    case 'fillOutForm':
      return marketoUrl(attribute(activity, 'Referrer URL'));
    case 'clickEmail':
      return marketoUrl(attribute(activity, 'Link'));
    default:
      return null;
  }
}

/** One activity as an event, or null (a type Baton does not read, a status that is no engagement, a bad date). */
export function fromMarketoActivity(activity: MarketoActivity, typeOf: (id: number) => MarketoActivityType | null): EngagementEvent | null {
  const type = typeOf(activity.activityTypeId);
  if (!type) return null;
  const occurredAt = Date.parse(activity.activityDate);
  if (!Number.isFinite(occurredAt)) return null;
  const kind = kindOf(type, activity);
  if (!kind) return null;
  const key = activity.marketoGUID ?? (activity.id !== undefined ? String(activity.id) : `${activity.leadId}-${activity.activityTypeId}-${occurredAt}`);
  const event: EngagementEvent = { id: `${MARKETO_SOURCE}:${key}`, kind, occurredAt, source: MARKETO_SOURCE };
  const title = titleOf(type, activity);
  if (title) event.title = title;
  const url = urlOf(type, activity);
  if (url) event.url = url;
  if (type === 'fillOutForm') {
    const answers = formAnswersFrom(attribute(activity, 'Form Fields'));
    if (Object.keys(answers).length > 0) event.answers = answers;
  }
  return event;
}
