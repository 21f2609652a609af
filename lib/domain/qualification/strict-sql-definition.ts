import { DEFAULT_SQL_DEFINITION } from './default-sql-definition';
import { sqlDefinitionSchema } from './sql-definition';
import type { SqlDefinition } from './sql-definition';

/**
 * A stricter sample: version 3 of the default, as a team tightens it after sales rejects too many
 * "qualified" leads. The change log says what changed and why; backtest it against the default
 * (`npm run rules -- backtest --compare`) to see which leads flip.
 */
export const STRICT_SQL_DEFINITION: SqlDefinition = sqlDefinitionSchema.parse({
  ...DEFAULT_SQL_DEFINITION,
  version: 3,
  name: 'Strict SQL definition',
  description:
    'Full BANT with evidence (budget of at least 20,000 USD, a named decision maker, a stated problem, a date within 90 days), a narrower fit profile, and a fresher buying signal.',
  publishedAt: '2026-12-05T00:00:00Z',
  changeLog: [
    ...DEFAULT_SQL_DEFINITION.changeLog,
    {
      version: 3,
      date: '2026-12-05',
      author: 'RevOps',
      summary:
        'Stricter after Q3 review: budget (>= 20,000 USD) and timeline (within 90 days, was 180) are now required; company size 50-2,000 (was 20-5,000); industries limited to software, SaaS, IT services, financial services and marketing/advertising; sell only to US, CA, GB, IE, DE, FR, NL, AU, NZ (outside is a wrong-geography disqualifier); demo request within 30 days (was 90); pricing visits must be 3 within 14 days (was 30); content downloads need 3 (was 2).',
    },
  ],
  bant: {
    ...DEFAULT_SQL_DEFINITION.bant,
    budget: { ...DEFAULT_SQL_DEFINITION.bant.budget, minimum: { amount: 20000, currency: 'USD' } },
    timeline: { ...DEFAULT_SQL_DEFINITION.bant.timeline, withinDays: 90 },
  },
  fit: {
    ...DEFAULT_SQL_DEFINITION.fit,
    employees: { min: 50, max: 2000 },
    industries: ['Computer Software', 'Software', 'SaaS', 'Information Technology and Services', 'Financial Services', 'Marketing and Advertising'],
    allowedCountries: ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'AU', 'NZ'],
  },
  engagement: {
    ...DEFAULT_SQL_DEFINITION.engagement,
    signals: [
      { id: 'demo_request', label: 'Demo request', eventKinds: ['form_submission'], titlePattern: 'demo|contact sales|talk to (sales|an expert)', minCount: 1, withinDays: 30 },
      { id: 'pricing_visits', label: 'Pricing page visits', eventKinds: ['page_view'], urlPattern: '/pricing', minCount: 3, withinDays: 14 },
      { id: 'content_pattern', label: 'Content downloads', eventKinds: ['content_download'], minCount: 3, withinDays: 60 },
    ],
  },
  required: ['budget', 'authority', 'need', 'timeline', 'fit.employees', 'fit.industry', 'fit.title', 'fit.country', 'engagement'],
});
