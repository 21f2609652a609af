import type { OutboxList } from '../../lib/messaging/panel-protocol';

/** The outcome recorded for this lead (from the outbox list), as the panel's header and brief show it. */
export type RecordedOutcome = NonNullable<OutboxList['recorded']>;
