/**
 * The fictional world of the seeded portal: the vendor's website (Tessellate, a data-pipeline
 * SaaS), its content, webinars, forms, campaigns and sales team. Pure data, used by seed-data.ts.
 */
export const SITE = 'https://www.tessellate.io';

export interface SitePage {
  path: string;
  title: string;
}

export const PAGES = {
  home: { path: '/', title: 'Tessellate — Reliable data pipelines for revenue teams' },
  pricing: { path: '/pricing', title: 'Pricing | Tessellate' },
  pricingEnterprise: { path: '/pricing/enterprise', title: 'Enterprise plan | Tessellate' },
  integrations: { path: '/integrations', title: 'Integrations | Tessellate' },
  integrationSalesforce: { path: '/integrations/salesforce', title: 'Salesforce integration | Tessellate' },
  integrationHubspot: { path: '/integrations/hubspot', title: 'HubSpot integration | Tessellate' },
  integrationSnowflake: { path: '/integrations/snowflake', title: 'Snowflake integration | Tessellate' },
  security: { path: '/security', title: 'Security & compliance (SOC 2 Type II, GDPR) | Tessellate' },
  compareConduit: { path: '/compare/conduit', title: 'Tessellate vs Conduit: feature comparison' },
  comparePipewise: { path: '/compare/pipewise', title: 'Tessellate vs Pipewise: why teams switch' },
  caseHarbor: { path: '/customers/harbor-freight-analytics', title: 'How Harbor Freight Analytics cut pipeline latency by 80%' },
  caseNorthpeak: { path: '/customers/northpeak-health', title: 'Northpeak Health: HIPAA-ready reporting in 6 weeks' },
  caseLumen: { path: '/customers/lumen-retail', title: 'Lumen Retail unified 14 sources into one revenue view' },
  blogMqlSql: { path: '/blog/mql-to-sql-handoff', title: 'Why your MQL-to-SQL handoff leaks (and how to fix it)' },
  blogDataQuality: { path: '/blog/crm-data-quality-checklist', title: 'The 12-point CRM data quality checklist' },
  blogReverseEtl: { path: '/blog/reverse-etl-explained', title: 'Reverse ETL, explained for RevOps' },
  blogAttribution: { path: '/blog/multi-touch-attribution-without-tears', title: 'Multi-touch attribution without tears' },
  blogSchemaDrift: { path: '/blog/handling-schema-drift', title: 'Handling schema drift in production pipelines' },
  docsStart: { path: '/docs/getting-started', title: 'Getting started | Tessellate Docs' },
  docsApi: { path: '/docs/api', title: 'API reference | Tessellate Docs' },
  demo: { path: '/demo', title: 'Book a demo | Tessellate' },
  contactSales: { path: '/contact-sales', title: 'Talk to sales | Tessellate' },
  careers: { path: '/careers', title: 'Careers at Tessellate' },
  education: { path: '/education', title: 'Tessellate for Education | Free student licences' },
  webinars: { path: '/webinars', title: 'Webinars | Tessellate' },
  roiCalculator: { path: '/roi-calculator', title: 'Pipeline ROI calculator | Tessellate' },
} as const satisfies Record<string, SitePage>;
export type PageKey = keyof typeof PAGES;

export const BLOG_PAGES: readonly PageKey[] = ['blogMqlSql', 'blogDataQuality', 'blogReverseEtl', 'blogAttribution', 'blogSchemaDrift'];
export const CASE_PAGES: readonly PageKey[] = ['caseHarbor', 'caseNorthpeak', 'caseLumen'];

export interface Asset {
  title: string;
  type: 'ebook' | 'whitepaper' | 'report' | 'checklist';
  path: string;
}
export const ASSETS = {
  playbook: { title: 'The RevOps Data Quality Playbook', type: 'ebook', path: '/resources/revops-data-quality-playbook' },
  stateOfData: { title: 'State of Pipeline Data 2026', type: 'report', path: '/resources/state-of-pipeline-data-2026' },
  securityWhitepaper: { title: 'Securing customer data in modern ELT', type: 'whitepaper', path: '/resources/securing-customer-data-elt' },
  migration: { title: 'CRM Migration Checklist', type: 'checklist', path: '/resources/crm-migration-checklist' },
  buyersGuide: { title: "The Data Pipeline Buyer's Guide", type: 'ebook', path: '/resources/data-pipeline-buyers-guide' },
} as const satisfies Record<string, Asset>;
export type AssetKey = keyof typeof ASSETS;

export const WEBINARS = {
  handoff: { name: 'Fixing the MQL-to-SQL handoff with clean data', path: '/webinars/fixing-the-mql-sql-handoff', campaign: 'Q4 Webinar Series' },
  snowflake: { name: 'Snowflake + Salesforce in 30 minutes', path: '/webinars/snowflake-salesforce-30-minutes', campaign: 'Q4 Webinar Series' },
} as const;
export type WebinarKey = keyof typeof WEBINARS;

export interface FormSpec {
  id: string;
  title: string;
  page: PageKey | null;
}
export const FORMS = {
  demo: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a01', title: 'Request a demo', page: 'demo' },
  contactSales: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a02', title: 'Contact sales', page: 'contactSales' },
  gatedContent: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a03', title: 'Gated content download', page: null },
  webinar: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a04', title: 'Webinar registration', page: null },
  newsletter: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a05', title: 'Blog subscription', page: null },
  education: { id: '5b0e7c1a-3f52-4d8e-9a61-2c7d4e8f1a06', title: 'Student licence request', page: 'education' },
} as const satisfies Record<string, FormSpec>;
export type FormKey = keyof typeof FORMS;

export interface CampaignSpec {
  name: string;
  slug: string;
}
export const CAMPAIGNS = {
  q4Paid: { name: 'Q4 Pipeline Automation', slug: 'q4-pipeline-automation' },
  playbook: { name: 'Data Quality Playbook', slug: 'data-quality-playbook' },
  webinars: { name: 'Q4 Webinar Series', slug: 'q4-webinar-series' },
  switchPipewise: { name: 'Competitive Switch — Pipewise', slug: 'switch-from-pipewise' },
  nurture: { name: 'Nurture — Mid-market Ops', slug: 'nurture-mid-market-ops' },
  linkedinRevops: { name: 'LinkedIn — RevOps Leaders', slug: 'linkedin-revops-leaders' },
  partnerSnowflake: { name: 'Partner referral — Snowflake', slug: 'partner-snowflake' },
  saastr: { name: 'Trade show — SaaStr Annual 2026', slug: 'saastr-annual-2026' },
} as const satisfies Record<string, CampaignSpec>;
export type CampaignKey = keyof typeof CAMPAIGNS;

/** Marketing emails (HubSpot email campaigns), sent N days before `now`. */
export const MARKETING_EMAILS = [
  { id: 310000101, daysAgo: 84, name: 'Newsletter — August', subject: 'Five pipeline failures we saw this summer', campaign: 'nurture' },
  { id: 310000102, daysAgo: 63, name: 'Playbook promo', subject: 'The RevOps Data Quality Playbook is here', campaign: 'playbook' },
  { id: 310000103, daysAgo: 46, name: 'Webinar invite — Handoff', subject: 'Live: fixing the MQL-to-SQL handoff', campaign: 'webinars' },
  { id: 310000104, daysAgo: 33, name: 'Newsletter — October', subject: 'Schema drift, reverse ETL and a new Snowflake connector', campaign: 'nurture' },
  { id: 310000105, daysAgo: 21, name: 'Webinar invite — Snowflake', subject: 'Snowflake + Salesforce in 30 minutes (live demo)', campaign: 'webinars' },
  { id: 310000106, daysAgo: 14, name: 'Q4 offer', subject: 'Lock in 2026 pricing before January', campaign: 'q4Paid' },
  { id: 310000107, daysAgo: 7, name: 'Customer story — Harbor', subject: 'How Harbor cut pipeline latency by 80%', campaign: 'nurture' },
  { id: 310000108, daysAgo: 3, name: 'Newsletter — November', subject: 'State of Pipeline Data 2026: the numbers', campaign: 'nurture' },
] as const satisfies ReadonlyArray<{ id: number; daysAgo: number; name: string; subject: string; campaign: CampaignKey }>;

export const OWNERS = [
  { id: '81300101', userId: 9100101, firstName: 'Maya', lastName: 'Chen', email: 'maya.chen@tessellate.io', role: 'SDR', team: 'Inbound SDR' },
  { id: '81300102', userId: 9100102, firstName: 'Jordan', lastName: 'Ellis', email: 'jordan.ellis@tessellate.io', role: 'SDR', team: 'Inbound SDR' },
  { id: '81300103', userId: 9100103, firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@tessellate.io', role: 'SDR', team: 'Inbound SDR' },
  { id: '81300104', userId: 9100104, firstName: 'Marcus', lastName: 'Webb', email: 'marcus.webb@tessellate.io', role: 'AE', team: 'Mid-market AE' },
  { id: '81300105', userId: 9100105, firstName: 'Sofia', lastName: 'Alvarez', email: 'sofia.alvarez@tessellate.io', role: 'AE', team: 'Mid-market AE' },
  { id: '81300106', userId: 9100106, firstName: 'Dana', lastName: 'Whitfield', email: 'dana.whitfield@tessellate.io', role: 'Manager', team: 'Inbound SDR' },
] as const;
export const SDR_OWNER_IDS = ['81300101', '81300102', '81300103'] as const;
export const MANAGER_OWNER_ID = '81300106';

/** Workflows that assign owners (HubSpot records them as AUTOMATION_PLATFORM with the workflow name). */
export const ASSIGNMENT_WORKFLOWS = {
  demo: { id: '1840017', label: 'Round robin — inbound demo' },
  contactSales: { id: '1840018', label: 'Round robin — contact sales' },
  mql: { id: '1840019', label: 'Round robin — MQL (score ≥ 60)' },
} as const;

export interface CompanySpec {
  name: string;
  domain: string;
  industry: string;
  employees: string;
  country: string;
  city: string;
}

/** Companies for the generic leads (fictional). */
export const COMPANIES: readonly CompanySpec[] = [
  { name: 'Brightline Logistics', domain: 'brightlinelogistics.com', industry: 'Logistics and Supply Chain', employees: '500-1000', country: 'United States', city: 'Chicago' },
  { name: 'Quarry Health', domain: 'quarryhealth.com', industry: 'Hospital & Health Care', employees: '1000+', country: 'United States', city: 'Boston' },
  { name: 'Fernhill Software', domain: 'fernhill.io', industry: 'Computer Software', employees: '100-500', country: 'United Kingdom', city: 'London' },
  { name: 'Oakridge Capital', domain: 'oakridgecap.com', industry: 'Financial Services', employees: '100-500', country: 'United States', city: 'New York' },
  { name: 'Meridian Retail Group', domain: 'meridianretail.com', industry: 'Retail', employees: '1000+', country: 'Canada', city: 'Toronto' },
  { name: 'Saltmarsh Media', domain: 'saltmarsh.media', industry: 'Marketing and Advertising', employees: '25-50', country: 'Australia', city: 'Sydney' },
  { name: 'Kestrel Robotics', domain: 'kestrelrobotics.de', industry: 'Industrial Automation', employees: '100-500', country: 'Germany', city: 'Munich' },
  { name: 'Tidewater Insurance', domain: 'tidewaterins.com', industry: 'Insurance', employees: '500-1000', country: 'United States', city: 'Charlotte' },
  { name: 'Clearpath Education', domain: 'clearpathedu.org', industry: 'E-Learning', employees: '50-100', country: 'United States', city: 'Austin' },
  { name: 'Vantage Biotech', domain: 'vantagebio.com', industry: 'Biotechnology', employees: '100-500', country: 'United States', city: 'San Diego' },
  { name: 'Norrland Energy', domain: 'norrlandenergy.se', industry: 'Renewables & Environment', employees: '500-1000', country: 'Sweden', city: 'Stockholm' },
  { name: 'Copperleaf Hospitality', domain: 'copperleafhotels.com', industry: 'Hospitality', employees: '1000+', country: 'United States', city: 'Denver' },
  { name: 'Atlas Freight Partners', domain: 'atlasfreight.co', industry: 'Transportation/Trucking/Railroad', employees: '100-500', country: 'United States', city: 'Dallas' },
  { name: 'Pinecone Analytics', domain: 'pineconeanalytics.ai', industry: 'Computer Software', employees: '25-50', country: 'United States', city: 'Seattle' },
  { name: 'Bluewater Telecom', domain: 'bluewatertel.com', industry: 'Telecommunications', employees: '1000+', country: 'Ireland', city: 'Dublin' },
  { name: 'Harrow & Finch', domain: 'harrowfinch.co.uk', industry: 'Legal Services', employees: '50-100', country: 'United Kingdom', city: 'Manchester' },
  { name: 'Lumen Retail', domain: 'lumenretail.com', industry: 'Retail', employees: '500-1000', country: 'United States', city: 'Minneapolis' },
  { name: 'Granite Peak Manufacturing', domain: 'granitepeakmfg.com', industry: 'Machinery', employees: '500-1000', country: 'United States', city: 'Milwaukee' },
  { name: 'Solstice Travel', domain: 'solsticetravel.es', industry: 'Leisure, Travel & Tourism', employees: '100-500', country: 'Spain', city: 'Barcelona' },
  { name: 'Redwood Civic Labs', domain: 'redwoodcivic.org', industry: 'Government Administration', employees: '50-100', country: 'United States', city: 'Sacramento' },
  { name: 'Orbital Payments', domain: 'orbitalpay.com', industry: 'Financial Services', employees: '100-500', country: 'Netherlands', city: 'Amsterdam' },
  { name: 'Maple & Stone Realty', domain: 'maplestone.ca', industry: 'Real Estate', employees: '5-25', country: 'Canada', city: 'Vancouver' },
  { name: 'Silverline Security', domain: 'silverlinesec.com', industry: 'Computer & Network Security', employees: '100-500', country: 'United States', city: 'Arlington' },
  { name: 'Yarrow Foods', domain: 'yarrowfoods.com', industry: 'Food & Beverages', employees: '1000+', country: 'United States', city: 'Portland' },
  { name: 'Helix Games', domain: 'helixgames.jp', industry: 'Computer Games', employees: '100-500', country: 'Japan', city: 'Tokyo' },
  { name: 'Beacon Nonprofit Alliance', domain: 'beaconalliance.org', industry: 'Non-Profit Organization Management', employees: '25-50', country: 'United States', city: 'Philadelphia' },
  { name: 'Cobalt Cloudworks', domain: 'cobaltcloud.io', industry: 'Information Technology and Services', employees: '50-100', country: 'India', city: 'Bengaluru' },
  { name: 'Wrenfield Apparel', domain: 'wrenfield.com', industry: 'Apparel & Fashion', employees: '100-500', country: 'France', city: 'Lyon' },
  { name: 'Summit Ridge Dental', domain: 'summitridgedental.com', industry: 'Medical Practice', employees: '5-25', country: 'United States', city: 'Phoenix' },
  { name: 'Aperture Studios', domain: 'aperturestudios.co', industry: 'Media Production', employees: '25-50', country: 'United States', city: 'Los Angeles' },
  { name: 'Ironbridge Construction', domain: 'ironbridgebuild.com', industry: 'Construction', employees: '500-1000', country: 'United States', city: 'Atlanta' },
  { name: 'Nimbus HR', domain: 'nimbushr.com', industry: 'Human Resources', employees: '50-100', country: 'United States', city: 'Raleigh' },
  { name: 'Polaris Marine', domain: 'polarismarine.no', industry: 'Maritime', employees: '100-500', country: 'Norway', city: 'Bergen' },
  { name: 'Evergreen Credit Union', domain: 'evergreencu.org', industry: 'Banking', employees: '100-500', country: 'United States', city: 'Spokane' },
  { name: 'Quanta Labs', domain: 'quantalabs.com.br', industry: 'Computer Software', employees: '50-100', country: 'Brazil', city: 'São Paulo' },
  { name: 'Driftwood Coffee Co.', domain: 'driftwoodcoffee.com', industry: 'Food & Beverages', employees: '25-50', country: 'United States', city: 'Nashville' },
  { name: 'Keystone Pharma', domain: 'keystonepharma.com', industry: 'Pharmaceuticals', employees: '1000+', country: 'Switzerland', city: 'Basel' },
  { name: 'Ember Fitness', domain: 'emberfitness.com', industry: 'Health, Wellness and Fitness', employees: '100-500', country: 'United States', city: 'Miami' },
];

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amara', 'Noah', 'Hannah', 'Mateo', 'Grace', 'Ethan', 'Leila', 'Lucas', 'Chloe', 'Kenji', 'Aisha',
  'Daniel', 'Freya', 'Omar', 'Isabel', 'Samuel', 'Nina', 'Theo', 'Ruth', 'Arjun', 'Camille', 'Jonas', 'Mei', 'Felix',
  'Zara', 'Caleb', 'Ingrid', 'Rafael', 'Tara', 'Victor', 'Yasmin', 'Elliot', 'Beatriz', 'Connor', 'Sana', 'Hugo',
] as const;
export const LAST_NAMES = [
  'Nakamura', 'Okafor', 'Bennett', 'Lindqvist', 'Moreau', 'Castillo', 'Patel', 'Hughes', 'Kowalski', 'Fischer', 'Adeyemi',
  'Sullivan', 'Haddad', 'Rossi', 'Brennan', 'Takahashi', 'Novak', 'Iyer', 'Delgado', 'Whitaker', 'Schmidt', 'Osei',
  'Larsen', 'Costa', 'Mbeki', 'Foster', 'Yilmaz', 'Grant', 'Petrov', 'Sandoval', 'Kaur', 'Reyes', 'Holm', 'Byrne',
  'Tanaka', 'Ali', 'Marsh', 'Quinn',
] as const;
export const JOB_TITLES = [
  'VP Revenue Operations', 'Director of Marketing Operations', 'Head of Data', 'Senior Data Engineer', 'RevOps Manager',
  'CFO', 'Director of Sales Operations', 'Analytics Engineer', 'CTO', 'Head of Growth', 'Marketing Manager',
  'BI Developer', 'VP Engineering', 'Operations Analyst', 'Chief Data Officer', 'Salesforce Administrator',
] as const;

export const CHALLENGES = [
  'Our Salesforce and warehouse numbers never match; every QBR starts with an argument about whose pipeline report is right.',
  'We have 14 sources feeding reporting and three of them break silently every month.',
  'Marketing attribution is a spreadsheet. We need multi-touch attribution the board will trust.',
  'Leads sit in the CRM for days before anyone calls them; we want routing data we can act on.',
  'Our data team is two people. We need managed connectors, not another tool to babysit.',
  'Moving off our current ELT vendor — renewal is in March and costs went up 40%.',
  'We need SOC 2 evidence for every pipeline before security will approve anything.',
  'Schema changes in our product database keep breaking downstream dashboards.',
] as const;
