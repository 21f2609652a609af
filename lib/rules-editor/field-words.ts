/**
 * A field path as the form names it ("tiers.0.target.amount" → "Tier 1 › First touch within ›
 * amount"), for the list of problems above the form. Words for keys the form labels; anything
 * else is shown as written. Pure.
 */
const LIST_ITEM: Record<string, string> = {
  tiers: 'Tier',
  escalations: 'Escalation step',
  segments: 'Segment',
  holidays: 'Holiday',
  signals: 'Signal',
  reasons: 'Reason',
  objectionTags: 'Objection tag',
  changeLog: 'Change-log entry',
  mon: 'Monday block',
  tue: 'Tuesday block',
  wed: 'Wednesday block',
  thu: 'Thursday block',
  fri: 'Friday block',
  sat: 'Saturday block',
  sun: 'Sunday block',
  hours: 'Reduced hours block',
};

const KEY: Record<string, string> = {
  bant: 'Criteria',
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
  fit: 'Fit',
  engagement: 'Engagement',
  disqualifiers: 'Disqualifiers',
  required: 'Required for sales-qualified',
  label: 'label',
  minimum: 'minimum deal size',
  amount: 'amount',
  currency: 'currency',
  defaultCurrency: 'currency when a form gives none',
  formQuestionPattern: 'form question',
  decisionMakerTitlePatterns: 'job titles that decide',
  decisionMakerSeniorities: 'seniorities that decide',
  decisionMakerFunctions: 'functions that decide',
  withinDays: 'within days',
  employees: 'company size',
  min: 'at least',
  max: 'at most',
  industries: 'industries',
  titlePatterns: 'job titles',
  titleSeniorities: 'seniorities',
  titleFunctions: 'functions',
  allowedCountries: 'countries we sell to',
  blockedCountries: 'countries we never sell to',
  eventKinds: 'activities',
  titlePattern: 'title matches',
  urlPattern: 'address matches',
  minCount: 'at least (times)',
  competitorDomains: 'competitors’ domains',
  personalEmailDomains: 'personal e-mail domains',
  studentEmailDomains: 'student e-mail domains',
  belowMinimumDealSize: 'below the minimum deal size',
  wrongGeography: 'outside the countries we sell to',
  calendar: 'Business hours',
  timeZone: 'time zone',
  region: 'region',
  weeklyHours: 'week',
  hoursPerBusinessDay: 'a business day',
  target: 'first touch within',
  atRiskShare: 'at risk after',
  after: 'when',
  share: 'share of the target',
  nextStep: 'agreed next step',
  when: 'applies when',
  triggers: 'form or event name',
  sources: 'lead source',
  lifecycleStages: 'lifecycle stage',
  defaultTierId: 'Leads no tier applies to',
  clock: 'Clock',
  countingTouchKinds: 'touches that stop the clock',
  minEmployees: 'employees from',
  maxEmployees: 'employees to',
  appliesTo: 'used to',
  id: 'short name',
  name: 'name',
  version: 'version',
  date: 'date',
  at: 'when',
  author: 'author',
  summary: 'what changed',
  publishedAt: 'in force from',
  updatedAt: 'in force from',
  start: 'opens',
  end: 'closes',
};

export function fieldWords(path: string): string {
  if (path === '(root)') return 'The whole document';
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const next = parts[i + 1];
    if (LIST_ITEM[key] && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${LIST_ITEM[key]} ${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      words.push(`entry ${Number(key) + 1}`);
    } else {
      words.push(KEY[key] ?? key);
    }
  }
  const text = words.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
