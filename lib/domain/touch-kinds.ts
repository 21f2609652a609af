/**
 * The kinds of touch a CRM logs (see touchSchema in lead.ts). A module of its own, without zod, so
 * the panel's view contract can name them without loading the domain schemas.
 */
export const TOUCH_KINDS = ['call', 'email', 'meeting', 'social', 'sequence_email', 'note', 'task'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];
