import type { OutboxList } from '../../lib/messaging/panel-protocol';

/** The outcome recorded for this lead (from the outbox list or the CRM), as the panel's header and brief show it. */
export type RecordedOutcome = NonNullable<OutboxList['recorded']>;

/**
 * Which recorded outcome the header and brief show: this browser's own entry (it may still be on
 * its way to the CRM) when it is at least as new as the one the CRM holds, else the CRM's (another
 * rep's, or this rep's from another browser). The same disposition seen both ways carries the
 * same time, and this browser's words win.
 */
export function preferRecordedOutcome(thisBrowser: RecordedOutcome | null | undefined, inCrm: RecordedOutcome | null | undefined): RecordedOutcome | null {
  if (!thisBrowser) return inCrm ?? null;
  if (!inCrm) return thisBrowser;
  return thisBrowser.at >= inCrm.at ? thisBrowser : inCrm;
}
