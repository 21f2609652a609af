import { z } from 'zod';
import { keywordSchema } from './match-keywords';

/**
 * What a prospect reads tells the rep what they care about. The topic map turns page titles and
 * URLs into topics with keywords (see match-keywords.ts for how a keyword matches). It is
 * admin-editable later (options page, versioned JSON), hence a zod schema; DEFAULT_TOPIC_MAP is
 * a sensible B2B SaaS starting point.
 */
export const BUYING_STAGES = ['awareness', 'consideration', 'decision'] as const;
export const buyingStageSchema = z.enum(BUYING_STAGES);
export type BuyingStage = z.infer<typeof buyingStageSchema>;

export const topicSchema = z.object({
  /** Stable id, referenced by objection rules. */
  id: z.string().trim().min(1).max(60),
  /** Shown to the rep: "Pricing". */
  label: z.string().trim().min(1).max(80),
  keywords: z.array(keywordSchema).min(1),
  /** Which buying stage reading about this topic points to (feeds the buying-stage hint). */
  stage: buyingStageSchema.default('consideration'),
  /** Completes "saw you ... after <phrase>" in the opener: "looking at our pricing". */
  phrase: z.string().trim().min(1).max(120),
  /** Completes "happy to walk through <offer>" in the opener: "which plan fits your team". */
  offer: z.string().trim().min(1).max(120),
});
export type Topic = z.infer<typeof topicSchema>;

export const topicMapSchema = z
  .object({
    version: z.number().int().nonnegative().default(1),
    /** Order matters only to break ties between topics with the same count. */
    topics: z.array(topicSchema),
  })
  .superRefine((map, ctx) => {
    const seen = new Set<string>();
    map.topics.forEach((topic, i) => {
      if (seen.has(topic.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate topic id "${topic.id}"`, path: ['topics', i, 'id'] });
      }
      seen.add(topic.id);
    });
  });
export type TopicMap = z.infer<typeof topicMapSchema>;
export type TopicMapInput = z.input<typeof topicMapSchema>;

export const DEFAULT_TOPIC_MAP: TopicMap = topicMapSchema.parse({
  version: 1,
  topics: [
    {
      id: 'pricing',
      label: 'Pricing',
      keywords: ['pricing', 'price', 'prices', 'plan', 'plans', 'cost', 'costs', 'billing', 'quote', 'licen*', 'how much'],
      stage: 'decision',
      phrase: 'looking at our pricing',
      offer: 'which plan fits your team',
    },
    {
      id: 'integrations',
      label: 'Integrations & API',
      keywords: ['integrat*', 'api', 'apis', 'webhook*', 'sdk', 'sdks', 'connector*', 'developer*', 'dev docs', 'zapier'],
      stage: 'consideration',
      phrase: 'reading up on our integrations',
      offer: 'how it connects to the tools you already use',
    },
    {
      id: 'security',
      label: 'Security & compliance',
      keywords: ['security', 'secure', 'complian*', 'gdpr', 'soc 2', 'soc2', 'iso 27001', 'hipaa', 'dpa', 'privacy', 'sso', 'saml', 'trust center', 'sub processor*'],
      stage: 'decision',
      phrase: 'looking into security and compliance',
      offer: 'our security pack and how reviews usually go',
    },
    {
      id: 'reporting',
      label: 'Reporting & analytics',
      keywords: ['reporting', 'reports', 'analytic*', 'dashboard*', 'metric*', 'attribution', 'forecast*'],
      stage: 'consideration',
      phrase: 'exploring reporting and analytics',
      offer: 'the reports teams like yours rely on',
    },
    {
      id: 'onboarding',
      label: 'Onboarding & implementation',
      keywords: ['onboard*', 'implement*', 'migrat*', 'setup', 'set up', 'getting started', 'deploy*', 'rollout', 'roll out', 'training'],
      stage: 'decision',
      phrase: 'reading about implementation',
      offer: 'what a typical rollout looks like',
    },
    {
      id: 'competitors',
      label: 'Competitor comparison',
      // Not "compare": pricing pages say "compare plans", which is not a competitor signal.
      keywords: ['vs', 'versus', 'alternative', 'alternatives', 'competitor*', 'compared to', 'compared with', 'switch from', 'switching from', 'migrate from'],
      stage: 'consideration',
      phrase: 'comparing us with alternatives',
      offer: 'how we compare on the points that matter to you',
    },
    {
      id: 'case-studies',
      label: 'Case studies & ROI',
      keywords: ['case stud*', 'customer stor*', 'success stor*', 'customers', 'testimonial*', 'roi', 'business case', 'tco', 'calculator'],
      stage: 'consideration',
      phrase: 'reading customer stories',
      offer: 'how similar teams got results',
    },
    {
      id: 'product',
      label: 'Product & features',
      keywords: ['product', 'features', 'feature', 'how it works', 'product tour', 'platform', 'solutions'],
      stage: 'consideration',
      phrase: 'exploring the product',
      offer: 'the parts of the product that fit your use case',
    },
    {
      id: 'education',
      label: 'Guides & best practices',
      keywords: ['blog', 'guide', 'guides', 'ebook*', 'e book', 'whitepaper*', 'white paper', 'best practice*', 'how to', 'checklist*', 'template*', 'newsletter*', 'webinar*', 'playbook*'],
      stage: 'awareness',
      phrase: 'reading our guides',
      offer: 'how teams put those practices to work',
    },
  ],
});
