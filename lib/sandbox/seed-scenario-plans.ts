import { HOSTILE_LONG_TEXT } from './hostile-seed-text';
import { SANDBOX_SCENARIOS } from './scenarios';
import { CHALLENGES, COMPANIES } from './seed-catalog';
import type { CompanySpec } from './seed-catalog';
import type { LeadPlan } from './seed-lead-plan';
import { phoneFor } from './seed-phone-numbers';
import type { SeededRandom } from './seeded-random';

function companyNamed(name: string): CompanySpec {
  const company = COMPANIES.find((candidate) => candidate.name === name);
  if (!company) throw new Error(`unknown company ${name}`);
  return company;
}

/** The leads the demo and the tests name (SANDBOX_SCENARIOS): each shows one situation a rep meets. */
export function scenarioPlans(rng: SeededRandom): LeadPlan[] {
  const s = SANDBOX_SCENARIOS;
  const base = (id: string, company: CompanySpec, firstName: string, lastName: string, jobTitle: string): Pick<LeadPlan, 'id' | 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle' | 'company'> => ({
    id,
    firstName,
    lastName,
    jobTitle,
    company,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${company.domain}`,
    phone: phoneFor(rng, company.country),
  });
  return [
    {
      ...base(s.demoPrimary, companyNamed('Brightline Logistics'), 'Elena', 'Marsh', 'VP Revenue Operations'),
      source: 'PAID_SEARCH', campaign: 'q4Paid', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 12, assignment: 'contactSales', trigger: 'contactSales',
      journeyDays: 26, sessions: 9, interests: ['pricing', 'integrationSalesforce', 'security', 'caseHarbor', 'compareConduit', 'roiCalculator'],
      downloads: ['playbook', 'stateOfData'], webinar: { key: 'handoff', attended: true, minutes: 52 },
      answers: {
        biggest_challenge: 'Our Salesforce pipeline and the warehouse never agree — finance and sales argue over numbers every Monday. We need one source of truth before our 2027 planning cycle.',
        message: 'We are consolidating 9 data sources (Salesforce, NetSuite, Zendesk, two Postgres DBs...). Currently on Conduit; renewal is 31 March. Looking for pricing for ~40 connectors and SSO.',
        project_timeline: 'This quarter', budget_range: '$50k–$150k', team_size: '51–200', current_tool: 'Conduit',
      },
      marketingEmails: 5, touches: [{ kind: 'task', minutesAfterHandoff: 0, text: 'Call Elena Marsh — contact-sales request (1h SLA)' }],
    },
    {
      ...base(s.demoSecondary, companyNamed('Quarry Health'), 'Marcus', 'Okafor', 'Director of Data Engineering'),
      source: 'EMAIL_MARKETING', campaign: 'webinars', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 185, assignment: 'mql', trigger: 'webinar',
      journeyDays: 40, sessions: 12, interests: ['security', 'pricingEnterprise', 'caseNorthpeak', 'integrationSnowflake', 'docsApi'],
      downloads: ['securityWhitepaper'], webinar: { key: 'snowflake', attended: true, minutes: 38 },
      answers: { team_size: '201–1,000', biggest_challenge: 'HIPAA-compliant pipelines from Epic exports into Snowflake without a six-month project.' },
      marketingEmails: 6, touches: [], laterSessions: 1,
    },
    {
      ...base(s.justHandedOff, companyNamed('Fernhill Software'), 'Hannah', 'Lindqvist', 'Head of Data'),
      source: 'ORGANIC_SEARCH', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300103', handoffMinutesAgo: 2.5, assignment: 'demo', trigger: 'demo',
      journeyDays: 9, sessions: 5, interests: ['pricing', 'integrations', 'compareConduit', 'blogSchemaDrift'],
      downloads: [], webinar: null,
      answers: { biggest_challenge: 'Schema drift from our product DB breaks dashboards weekly. Need alerting + auto-handling.', team_size: '11–50', project_timeline: 'Next quarter', budget_range: '$10k–$50k' },
      marketingEmails: 1, touches: [],
    },
    {
      ...base(s.atRisk, companyNamed('Oakridge Capital'), 'Samuel', 'Brennan', 'CFO'),
      source: 'REFERRALS', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 46, assignment: 'contactSales', trigger: 'contactSales',
      journeyDays: 4, sessions: 3, interests: ['pricing', 'pricingEnterprise', 'security'],
      downloads: [], webinar: null,
      answers: { message: 'Need a quote for 3 years, prepaid. Board approved budget last week. Please call, not email.', budget_range: '$150k+', project_timeline: 'This quarter' },
      marketingEmails: 0, touches: [],
    },
    {
      ...base(s.breached, companyNamed('Kestrel Robotics'), 'Jonas', 'Fischer', 'VP Engineering'),
      source: 'PAID_SOCIAL', campaign: 'linkedinRevops', lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 2 * 24 * 60 + 3 * 60 + 17, assignment: 'demo', trigger: 'demo',
      journeyDays: 15, sessions: 6, interests: ['integrations', 'docsStart', 'pricing', 'security'],
      downloads: ['buyersGuide'], webinar: null,
      answers: { biggest_challenge: 'Getting sensor + ERP data into one model for our ops team. Current scripts are fragile.', team_size: '51–200', project_timeline: '6–12 months', budget_range: 'Not sure yet' },
      marketingEmails: 2, touches: [], laterSessions: 2,
    },
    {
      ...base(s.touched, companyNamed('Tidewater Insurance'), 'Grace', 'Sullivan', 'Director of Marketing Operations'),
      source: 'ORGANIC_SEARCH', campaign: 'playbook', lifecycle: 'salesqualifiedlead', leadStatus: 'CONNECTED',
      ownerId: '81300103', handoffMinutesAgo: 4 * 60 + 5, assignment: 'demo', trigger: 'demo',
      journeyDays: 30, sessions: 8, interests: ['blogAttribution', 'pricing', 'integrationHubspot', 'caseLumen'],
      downloads: ['playbook'], webinar: { key: 'handoff', attended: false },
      answers: { biggest_challenge: CHALLENGES[2], team_size: '11–50', project_timeline: 'Next quarter', budget_range: '$10k–$50k' },
      marketingEmails: 4,
      touches: [
        { kind: 'call', minutesAfterHandoff: 18, outcome: 'connected', text: 'Connected with Grace. Attribution is the pain; marketing ops team of 6; wants a demo with her VP next week.' },
        { kind: 'email', minutesAfterHandoff: 26, text: 'Recap + times for a demo with your VP' },
        { kind: 'meeting', minutesAfterHandoff: 30, text: 'Demo with Grace Sullivan and VP Marketing (attribution use case).' },
      ],
    },
    {
      ...base(s.hostile, companyNamed('Saltmarsh Media'), 'Zoë', 'Ng 🚀', 'Head of 🔥 Growth'),
      email: 'zoe+test@saltmarsh.media',
      company: { ...companyNamed('Saltmarsh Media'), name: 'Saltmarsh Media \u202Egnp.exe' },
      source: 'DIRECT_TRAFFIC', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300101', handoffMinutesAgo: 95, assignment: 'demo', trigger: 'demo',
      journeyDays: 3, sessions: 2, interests: ['pricing', 'security'],
      downloads: [], webinar: null,
      answers: {
        biggest_challenge: '<img src=x onerror=alert(1)> Our reports break. "Quotes" & <b>ampersands</b> — مرحبا بالعالم 👋🏽 ‏שלום',
        message: HOSTILE_LONG_TEXT,
        current_tool: 'javascript:alert(1)',
        team_size: '1–10',
      },
      marketingEmails: 0, hostile: true,
      touches: [{ kind: 'note', minutesAfterHandoff: 4, text: '<p>Handoff note from marketing</p><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">details</a> &amp; more' }],
    },
    {
      ...base(s.longHistory, companyNamed('Meridian Retail Group'), 'Leila', 'Haddad', 'Senior Data Engineer'),
      source: 'ORGANIC_SEARCH', campaign: 'nurture', lifecycle: 'marketingqualifiedlead', leadStatus: 'ATTEMPTED_TO_CONTACT',
      ownerId: '81300104', handoffMinutesAgo: 26 * 60, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 300, sessions: 0, interests: ['docsStart', 'docsApi', 'blogReverseEtl', 'integrationSnowflake', 'pricing', 'blogSchemaDrift'],
      downloads: ['stateOfData', 'migration', 'buyersGuide'], webinar: { key: 'handoff', attended: true, minutes: 61 },
      answers: { biggest_challenge: CHALLENGES[1], team_size: '51–200' },
      marketingEmails: 8, webEventTarget: 1200,
      touches: [
        { kind: 'call', minutesAfterHandoff: 40, outcome: 'voicemail' },
        { kind: 'call', minutesAfterHandoff: 22 * 60, outcome: 'noAnswer' },
      ],
    },
    {
      ...base(s.competitor, { name: 'Pipewise', domain: 'pipewise.com', industry: 'Computer Software', employees: '100-500', country: 'United States', city: 'San Francisco' }, 'Caleb', 'Foster', 'Product Marketing Manager'),
      source: 'ORGANIC_SEARCH', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300102', handoffMinutesAgo: 70, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 12, sessions: 7, interests: ['comparePipewise', 'pricing', 'pricingEnterprise', 'integrations', 'caseHarbor'],
      downloads: ['buyersGuide', 'stateOfData'], webinar: null,
      answers: { team_size: '201–1,000', current_tool: 'We build our own' },
      marketingEmails: 2, touches: [],
    },
    {
      ...base(s.personalEmail, { name: 'University of Michigan', domain: 'gmail.com', industry: 'Higher Education', employees: '1000+', country: 'United States', city: 'Ann Arbor' }, 'Theo', 'Quinn', 'Student'),
      email: 'theo.quinn.data@gmail.com', phone: '',
      source: 'SOCIAL_MEDIA', campaign: null, lifecycle: 'marketingqualifiedlead', leadStatus: 'NEW',
      ownerId: '81300103', handoffMinutesAgo: 5 * 60 + 40, assignment: 'demo', trigger: 'demo',
      journeyDays: 2, sessions: 3, interests: ['education', 'careers', 'docsStart'],
      downloads: [], webinar: null,
      answers: { biggest_challenge: 'Class project on ELT pipelines — can I get a free student licence?', team_size: '1–10', project_timeline: 'Just researching', budget_range: 'Not sure yet' },
      marketingEmails: 0, touches: [],
    },
    {
      ...base(s.noEngagement, companyNamed('Granite Peak Manufacturing'), 'Ruth', 'Kowalski', 'Operations Analyst'),
      source: 'OFFLINE', campaign: 'saastr', lifecycle: 'lead', leadStatus: 'NEW',
      ownerId: '81300105', handoffMinutesAgo: 3 * 24 * 60, assignment: 'manager', trigger: null,
      journeyDays: 0, sessions: 0, interests: [], downloads: [], webinar: null, answers: {},
      marketingEmails: 0, touches: [], noEngagement: true,
    },
    {
      ...base(s.sequenceOnly, companyNamed('Copperleaf Hospitality'), 'Isabel', 'Castillo', 'Director of Sales Operations'),
      source: 'PAID_SEARCH', campaign: 'q4Paid', lifecycle: 'marketingqualifiedlead', leadStatus: 'ATTEMPTED_TO_CONTACT',
      ownerId: '81300104', handoffMinutesAgo: 27 * 60, assignment: 'mql', trigger: 'mqlScore',
      journeyDays: 18, sessions: 6, interests: ['pricing', 'integrationSalesforce', 'roiCalculator'],
      downloads: ['playbook'], webinar: null,
      answers: { team_size: '51–200' },
      marketingEmails: 3,
      touches: [
        { kind: 'sequence', minutesAfterHandoff: 3 },
        { kind: 'sequence', minutesAfterHandoff: 24 * 60 + 3, text: 'Following up — Copperleaf + Tessellate' },
      ],
    },
  ];
}
