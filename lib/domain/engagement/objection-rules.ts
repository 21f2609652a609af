import { z } from 'zod';
import { keywordSchema } from './match-keywords';

/**
 * Likely objections, by rule: what a prospect read (topics from the topic map) or wrote (keywords
 * in their form answers) predicts what they will push back on. Each rule carries the response angle
 * the rep should prepare. Admin-editable later, hence a zod schema.
 *
 * A rule fires when at least `minEvents` events match one of its topics, or when one of the
 * prospect's answers (the answer text, never the question: "What is your budget?" would otherwise
 * fire on every lead) contains one of its `answerKeywords`.
 */
export const objectionRuleSchema = z.object({
  id: z.string().trim().min(1).max(60),
  /** Shown to the rep: "Price". */
  label: z.string().trim().min(1).max(80),
  /** Topic ids from the topic map whose events point to this objection. Unknown ids are ignored. */
  topics: z.array(z.string().trim().min(1)).default([]),
  answerKeywords: z.array(keywordSchema).default([]),
  minEvents: z.number().int().min(1).default(1),
  responseAngle: z.string().trim().min(1).max(400),
});
export type ObjectionRule = z.infer<typeof objectionRuleSchema>;

export const objectionRulesSchema = z
  .object({
    version: z.number().int().nonnegative().default(1),
    rules: z.array(objectionRuleSchema),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate objection rule id "${rule.id}"`, path: ['rules', i, 'id'] });
      }
      seen.add(rule.id);
      if (rule.topics.length === 0 && rule.answerKeywords.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'a rule needs topics or answer keywords, or it never fires', path: ['rules', i] });
      }
    });
  });
export type ObjectionRules = z.infer<typeof objectionRulesSchema>;
export type ObjectionRulesInput = z.input<typeof objectionRulesSchema>;

export const DEFAULT_OBJECTION_RULES: ObjectionRules = objectionRulesSchema.parse({
  version: 1,
  rules: [
    {
      id: 'price',
      label: 'Price',
      topics: ['pricing'],
      answerKeywords: ['budget*', 'expensive', 'cost', 'costs', 'price', 'pricing', 'afford*', 'cheaper'],
      responseAngle:
        'Lead with value before numbers: tie the plan to the problem they named, then ask what budget range and approval process they work with.',
    },
    {
      id: 'competitor',
      label: 'Competitor',
      topics: ['competitors'],
      answerKeywords: ['currently use', 'currently using', 'alternative*', 'competitor*', 'switch*', 'vs', 'versus'],
      responseAngle:
        'Ask what they are comparing and why now; contrast on the two or three criteria they care about rather than a feature list, and never knock the competitor.',
    },
    {
      id: 'security-review',
      label: 'Security review',
      topics: ['security'],
      answerKeywords: ['security', 'gdpr', 'soc 2', 'soc2', 'complian*', 'privacy', 'data residency', 'infosec'],
      responseAngle:
        'Offer the security pack (SOC 2 report, DPA, sub-processor list) up front and ask who runs their vendor review and how long it usually takes.',
    },
    {
      id: 'technical-fit',
      label: 'Technical fit',
      topics: ['integrations'],
      answerKeywords: ['integrat*', 'api', 'crm', 'tech stack', 'stack'],
      responseAngle:
        'Ask about their stack and must-have integrations; offer a technical session with a solutions engineer instead of guessing.',
    },
    {
      id: 'implementation-effort',
      label: 'Implementation effort',
      topics: ['onboarding'],
      answerKeywords: ['implement*', 'onboard*', 'migrat*', 'bandwidth', 'resources', 'time to value'],
      responseAngle:
        'Show a realistic rollout plan and time to first value, and say who does the work on each side.',
    },
    {
      id: 'proof',
      label: 'Needs proof / business case',
      topics: ['case-studies'],
      answerKeywords: ['roi', 'business case', 'justify', 'prove', 'proof'],
      // One case-study view is curiosity; two or more is someone building an internal case.
      minEvents: 2,
      responseAngle:
        'Share a case study from a similar company and offer to help build the business case for their buying group.',
    },
  ],
});
