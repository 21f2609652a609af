import type { BuyingStage } from './topic-map';

/**
 * The "before you call" brief. Every statement carries the ids of the events behind it (newest
 * first) so the panel can link a sentence to the timeline; an empty list means the statement rests
 * on CRM fields, not on events. All strings that came from events or the CRM are verbatim plain
 * text, to be rendered as text. The only link fields are `href`, and they are https: or null.
 */
export interface BriefStatement {
  text: string;
  eventIds: string[];
}

/** How the trigger was chosen, most to least certain. */
export type TriggerBasis = 'before-handoff' | 'latest-high-intent' | 'crm-conversion' | 'none';

export interface BriefTrigger extends BriefStatement {
  basis: TriggerBasis;
  /** Handoff trigger rule id ("demo-request"), null when no rule matched. */
  ruleId: string | null;
  /** Rule label ("Demo request"), or null. */
  label: string | null;
  /** The form/event title or CRM conversion name, verbatim. */
  title: string | null;
  occurredAt: number | null;
  href: string | null;
}

export interface BriefQuote extends BriefStatement {
  question: string;
  /** Verbatim, as typed. */
  answer: string;
  answeredAt: number | null;
  form: string | null;
}

export interface BriefEvidenceLink {
  eventId: string;
  /** Event title (or URL as text when there is no title), verbatim. */
  label: string;
  href: string | null;
}

export interface BriefInterest extends BriefStatement {
  topicId: string;
  label: string;
  count: number;
  lastAt: number;
  stage: BuyingStage;
  /** The most recent distinct pages/assets behind the topic (at most 3). */
  examples: BriefEvidenceLink[];
}

export interface BriefRecency extends BriefStatement {
  lastTouchAt: number | null;
  /** Whole days between the last touch and `now`. */
  daysSinceLastTouch: number | null;
}

export interface BriefFrequency extends BriefStatement {
  last7Days: number;
  last30Days: number;
  /** Distinct 24-hour periods, counted back from `now`, with activity in the last 30 days. */
  activeDays30: number;
  total: number;
}

export interface BriefBuyingStage extends BriefStatement {
  stage: BuyingStage;
}

export interface BriefObjection extends BriefStatement {
  ruleId: string;
  label: string;
  responseAngle: string;
  /** Answers (verbatim) that matched the rule's answer keywords. */
  quotes: string[];
}

export interface BriefNextStep extends BriefStatement {
  label: string;
  tier: string | null;
  /** `sla-tier`: the agreed next step passed in; `suggested`: derived from the trigger rule. */
  origin: 'sla-tier' | 'suggested';
}

export interface EngagementBrief {
  generatedAt: number;
  trigger: BriefTrigger;
  theirWords: BriefQuote[];
  /** How many of the prospect's answers were left out of `theirWords` (oldest first). */
  theirWordsOmitted: number;
  interests: BriefInterest[];
  recency: BriefRecency;
  frequency: BriefFrequency;
  buyingStage: BriefBuyingStage;
  objections: BriefObjection[];
  nextStep: BriefNextStep | null;
  opener: BriefStatement;
  /** Events that were not allowed to drive the brief, and why. Counts only: their ids never appear in statements. */
  ignored: { likelyBot: number; afterNow: number };
}
