import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import type { AeVisitorActivity } from './account-engagement-schemas';

/*
 * Account Engagement visitor activities → Baton's engagement events (pure). Type codes as the v5
 * Visitor Activity reference lists them; the ones that are not the prospect's own engagement
 * (invited to a webinar, bounced, unsubscribe page, opportunity changes…) are left out.
 * `details` is the form's, email's or page's name: attacker-controlled text, kept as text.
 */

export const ACCOUNT_ENGAGEMENT_SOURCE = 'account-engagement';

export const VISITOR_ACTIVITY_KINDS: Readonly<Record<number, EngagementKind>> = {
  /** Click (a tracked link in an email). */
  1: 'email_clicked',
  /** View (a page or file). */
  2: 'page_view',
  /** Success (a form or form handler submitted). */
  4: 'form_submission',
  /** Sent (an email). */
  6: 'email_delivered',
  /** Open (an email). */
  11: 'email_opened',
  /** Click (third party email). */
  17: 'email_clicked',
  /** Visit (a session of page views). */
  20: 'page_view',
  /** Custom URL click (a custom redirect). */
  21: 'page_view',
  /** Attended webinar. */
  24: 'webinar_attended',
  /** Registered for webinar. */
  25: 'webinar_registered',
  /** Video view. */
  27: 'content_download',
  /** Event registered. */
  28: 'webinar_registered',
  /** Event checked in. */
  29: 'webinar_attended',
};

/** One activity as an event, or null (a type that is no engagement, a bad date). */
export function fromVisitorActivity(activity: AeVisitorActivity): EngagementEvent | null {
  const kind = VISITOR_ACTIVITY_KINDS[activity.type];
  if (!kind) return null;
  const occurredAt = Date.parse(activity.createdAt);
  if (!Number.isFinite(occurredAt)) return null;
  const event: EngagementEvent = { id: `${ACCOUNT_ENGAGEMENT_SOURCE}:${activity.id}`, kind, occurredAt, source: ACCOUNT_ENGAGEMENT_SOURCE };
  const title = activity.details?.trim();
  if (title) event.title = title;
  return event;
}
