import type { EngagementEvent } from '../../../lib/domain/engagement/engagement-event';
import { summarizeEngagement, type SummarizeEngagementInput } from '../../../lib/domain/engagement/summarize-engagement';
import { NOW, makeLead } from './engagement-fixtures';

/** The brief for these events at the fixed NOW, for the fixture lead unless `overrides` say otherwise. */
export function summarize(events: EngagementEvent[], overrides: Partial<SummarizeEngagementInput> = {}) {
  return summarizeEngagement({ lead: makeLead(), events, now: NOW, ...overrides });
}
