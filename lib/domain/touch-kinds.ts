/**
 * The kinds of touch a CRM logs (see touchSchema in lead.ts). A module of its own, without zod, so
 * the panel's view contract can name them without loading the domain schemas.
 */
export const TOUCH_KINDS = ['call', 'email', 'meeting', 'social', 'sequence_email', 'note', 'task'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/**
 * Who reached whom, from the rep's side: `outbound` the owner (or a tool on their behalf) reached
 * the lead, `inbound` the lead reached the owner (a reply, a call they placed), `unknown` the CRM
 * does not say (meetings, legacy records, data stored before Baton read directions).
 */
export const TOUCH_DIRECTIONS = ['outbound', 'inbound', 'unknown'] as const;
export type TouchDirection = (typeof TOUCH_DIRECTIONS)[number];
