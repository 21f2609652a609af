import { z } from 'zod';
import { ENGAGEMENT_KINDS } from './engagement-event';
import { keywordSchema } from './match-keywords';

/**
 * High-intent conversions: the events that hand a lead to sales (a demo request, a contact-sales
 * form, ...). The brief's trigger is the one of these closest before the handoff. Matched on the
 * event's title and URL (not its campaign: a "Q4 demo push" campaign also sends ebooks).
 * An empty keyword list means every event of those kinds matches (any booked meeting is high intent).
 */
export const handoffTriggerSchema = z.object({
  id: z.string().trim().min(1).max(60),
  /** Shown to the rep: "Demo request". */
  label: z.string().trim().min(1).max(80),
  kinds: z.array(z.enum(ENGAGEMENT_KINDS)).min(1),
  keywords: z.array(keywordSchema).default([]),
  /** Completes "saw you <phrase>" in the opener: "asked for a demo". */
  phrase: z.string().trim().min(1).max(120),
  /** Completes "happy to walk through <offer>" when no topic gives a better one. */
  offer: z.string().trim().min(1).max(120),
  /** Suggested next step when no SLA tier supplies the agreed one. */
  nextStep: z.string().trim().min(1).max(120),
});
export type HandoffTrigger = z.infer<typeof handoffTriggerSchema>;

export const handoffTriggersSchema = z.array(handoffTriggerSchema);

/** Order is priority when two conversions happen at the same millisecond. */
export const DEFAULT_HANDOFF_TRIGGERS: HandoffTrigger[] = handoffTriggersSchema.parse([
  {
    id: 'demo-request',
    label: 'Demo request',
    kinds: ['form_submission'],
    keywords: ['demo', 'demos', 'product tour', 'see it in action'],
    phrase: 'asked for a demo',
    offer: 'the product for your use case',
    nextStep: 'Book the demo',
  },
  {
    id: 'contact-sales',
    label: 'Contact sales',
    kinds: ['form_submission', 'chat'],
    keywords: ['contact sales', 'talk to sales', 'speak to sales', 'sales inquiry', 'sales enquiry', 'contact us', 'get in touch', 'talk to an expert'],
    phrase: 'reached out to our sales team',
    offer: 'what you are trying to solve',
    nextStep: 'Call back and qualify',
  },
  {
    id: 'quote-request',
    label: 'Pricing request',
    kinds: ['form_submission'],
    keywords: ['quote', 'request pricing', 'pricing request', 'get pricing', 'custom pricing', 'request a quote'],
    phrase: 'asked for pricing',
    offer: 'which plan fits your team',
    nextStep: 'Book a pricing call',
  },
  {
    id: 'trial',
    label: 'Free trial',
    kinds: ['form_submission'],
    // Not "sign up": newsletter and webinar sign-ups are the commonest forms and say nothing about buying.
    keywords: ['trial', 'free trial', 'start free', 'get started free'],
    phrase: 'started a free trial',
    offer: 'how to get the most out of the trial',
    nextStep: 'Offer a guided trial setup',
  },
  {
    id: 'meeting',
    label: 'Meeting booked',
    kinds: ['meeting'],
    keywords: [],
    phrase: 'booked time with us',
    offer: 'what you want to get out of the call',
    nextStep: 'Prepare for the booked meeting',
  },
]);
