import type { EngagementKind } from '../../lib/domain/engagement/engagement-event';

/** Display vocabulary for engagement kinds: label, filter group and colour. */
export const KIND_LABELS: Record<EngagementKind, string> = {
  page_view: 'Page view',
  form_submission: 'Form',
  content_download: 'Download',
  webinar_registered: 'Webinar signup',
  webinar_attended: 'Webinar attended',
  email_delivered: 'Email delivered',
  email_opened: 'Email open',
  email_clicked: 'Email click',
  meeting: 'Meeting',
  chat: 'Chat',
};

export const KIND_FILTERS = [
  { id: 'forms', label: 'Forms', kinds: ['form_submission'] },
  { id: 'pages', label: 'Pages', kinds: ['page_view'] },
  { id: 'content', label: 'Content', kinds: ['content_download', 'webinar_registered', 'webinar_attended'] },
  { id: 'email', label: 'Email', kinds: ['email_delivered', 'email_opened', 'email_clicked'] },
  { id: 'conversations', label: 'Meetings & chat', kinds: ['meeting', 'chat'] },
] as const satisfies readonly { id: string; label: string; kinds: readonly EngagementKind[] }[];
export type KindFilterId = (typeof KIND_FILTERS)[number]['id'];

export const KIND_DOT: Record<EngagementKind, string> = {
  page_view: 'bg-sky-400',
  form_submission: 'bg-emerald-500',
  content_download: 'bg-violet-500',
  webinar_registered: 'bg-fuchsia-400',
  webinar_attended: 'bg-fuchsia-600',
  email_delivered: 'bg-slate-300',
  email_opened: 'bg-amber-400',
  email_clicked: 'bg-orange-500',
  meeting: 'bg-rose-500',
  chat: 'bg-teal-500',
};
