/**
 * The normalised engagement kinds (see engagementEventSchema in engagement-event.ts). A module of
 * its own, without zod, so the panel's view contract can name them without loading the domain
 * schemas.
 */
export const ENGAGEMENT_KINDS = [
  'page_view',
  'form_submission',
  'content_download',
  'webinar_registered',
  'webinar_attended',
  'email_delivered',
  'email_opened',
  'email_clicked',
  'meeting',
  'chat',
] as const;
