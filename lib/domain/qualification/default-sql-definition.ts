import { sqlDefinitionSchema } from './sql-definition';
import type { SqlDefinition } from './sql-definition';

/**
 * A ready starting point built on common B2B practice: BANT with evidence, a mid-market fit
 * profile, one clear buying signal, and the usual disqualifiers. Parsed through the schema so the
 * shipped default can never drift from what an admin could import.
 */
export const DEFAULT_SQL_DEFINITION: SqlDefinition = sqlDefinitionSchema.parse({
  id: 'baton-default-sql',
  // Raise the version whenever what it qualifies changes: every disposition records the version it
  // was decided against, and Insights compares versions side by side.
  version: 2,
  name: 'Default SQL definition',
  description:
    'Sales-qualified = a stated need, a named decision maker, a fit company, and a buying signal (demo request, repeated pricing visits, or repeated content downloads). Budget and timeline are recorded when known, not required.',
  publishedAt: '2026-12-04T00:00:00Z',
  changeLog: [
    { version: 1, date: '2026-11-01', author: 'RevOps', summary: 'First shared definition agreed by marketing and sales.' },
    {
      version: 2,
      date: '2026-12-04',
      author: 'RevOps',
      summary:
        'Decision makers and fit titles read by seniority and function in any phrasing (CFO, VP Finance, Head of Procurement, Founder & CEO); Baton\'s lists of free e-mail providers and student signals (titles, academic domains, universities) apply; Pipewise added as a competitor.',
    },
  ],
  bant: {
    budget: {
      formQuestionPattern: 'budget',
      minimum: { amount: 5000, currency: 'USD' },
      defaultCurrency: 'USD',
    },
    authority: {
      // By seniority, read from the title in any phrasing: "CFO", "VP, Finance", "Head of Procurement", "Founder & CEO".
      decisionMakerSeniorities: ['owner', 'c_level', 'vp', 'head', 'director'],
    },
    need: { formQuestionPattern: 'challenge|problem|pain|looking to|goal|need' },
    timeline: { formQuestionPattern: 'timeline|timeframe|when .*(buy|purchase|start|implement)', withinDays: 180 },
  },
  fit: {
    employees: { min: 20, max: 5000 },
    titlePatterns: ['sales', 'revenue', 'marketing', 'growth', 'revops|operations', 'business development', 'chief|founder|ceo|coo|cro|owner|president'],
    // Executives buy for every function; functions read across phrasings ("Dir. Ops", "VP, Mktg").
    titleSeniorities: ['owner', 'c_level'],
    titleFunctions: ['sales', 'marketing', 'revenue_operations', 'operations', 'business_development'],
    blockedCountries: ['RU', 'BY', 'IR', 'KP', 'SY', 'CU'],
  },
  engagement: {
    signals: [
      { id: 'demo_request', label: 'Demo request', eventKinds: ['form_submission'], titlePattern: 'demo|contact sales|talk to (sales|an expert)', minCount: 1, withinDays: 90 },
      { id: 'pricing_visits', label: 'Pricing page visits', eventKinds: ['page_view'], urlPattern: '/pricing', minCount: 3, withinDays: 30 },
      { id: 'content_pattern', label: 'Content downloads', eventKinds: ['content_download'], minCount: 2, withinDays: 60 },
    ],
  },
  disqualifiers: {
    competitorDomains: ['salesloft.com', 'outreach.io', 'gong.io', 'pipewise.com'],
    personalEmailDomains: ['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'aol.com', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru'],
    // Baton's maintained list of free e-mail providers applies on top of these.
    builtInPersonalEmailDomains: true,
    studentEmailDomains: ['*.edu', '*.ac.uk', '*.edu.au', '*.ac.jp'],
    // Students also by title, by any academic domain and by a university as the company.
    builtInStudentSignals: true,
    belowMinimumDealSize: true,
    wrongGeography: true,
  },
  required: ['need', 'authority', 'fit.employees', 'fit.title', 'engagement'],
});
