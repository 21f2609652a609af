/**
 * Reads a job title for what a rep sees in it: how senior the person is and which function they
 * run. "CFO", "Chief Financial Officer", "VP, Finance" and "Vice President of Finance" all read
 * as C-level or VP in finance, whatever the phrasing, punctuation or abbreviation, so a definition
 * can say "C-level, VP, Head of and owners decide" instead of listing every spelling of every title.
 */

/** From most to least senior. "student" is not a rank but a reading a rep makes from the title all the same. */
export const SENIORITIES = ['owner', 'c_level', 'vp', 'head', 'director', 'manager', 'individual', 'student'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const TITLE_FUNCTIONS = [
  'executive',
  'finance',
  'sales',
  'marketing',
  'revenue_operations',
  'operations',
  'procurement',
  'it',
  'engineering',
  'product',
  'data',
  'people',
  'legal',
  'customer_success',
  'business_development',
] as const;
export type TitleFunction = (typeof TITLE_FUNCTIONS)[number];

export const SENIORITY_LABELS: Record<Seniority, string> = {
  owner: 'owner or founder',
  c_level: 'C-level',
  vp: 'VP',
  head: 'Head of',
  director: 'director',
  manager: 'manager',
  individual: 'individual contributor',
  student: 'student',
};

export interface TitleReading {
  /** Every seniority the title names, most senior first ("Founder & CEO": owner, c_level). Empty for no title. */
  seniorities: Seniority[];
  /** The words that gave the most senior reading, as written in the title ("VP", "Chief Financial Officer"). */
  matched: string | null;
  functions: TitleFunction[];
}

const C_SUITE: Record<string, TitleFunction> = {
  ceo: 'executive', cfo: 'finance', coo: 'operations', cro: 'sales', cmo: 'marketing', cto: 'engineering',
  cio: 'it', cso: 'sales', cco: 'sales', cpo: 'product', cdo: 'data', cao: 'finance', chro: 'people', cpeo: 'people',
  ciso: 'it', cxo: 'executive', cgo: 'marketing', cbo: 'business_development',
};

// Abbreviations expanded before reading, so "Dir. Ops" reads like "Director Operations".
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bv\.\s?p\b\.?/g, 'vp'],
  [/\bvice[\s-]+president\b/g, 'vp'],
  [/\bdir\b\.?/g, 'director'],
  [/\bmgr\b\.?/g, 'manager'],
  [/\bmng\b\.?/g, 'manager'],
  [/\bsr\b\.?/g, 'senior'],
  [/\bjr\b\.?/g, 'junior'],
  [/\bops\b/g, 'operations'],
  [/\bmktg\b/g, 'marketing'],
  [/\bfin\b\.?/g, 'finance'],
  [/\bbiz\s?dev\b|\bbd\b/g, 'business development'],
  [/\bgm\b/g, 'general manager'],
  [/\bco[\s-]?founder\b/g, 'founder'],
  [/\bhr\b/g, 'people'],
];

const STUDENT = /\b(student|undergrad(uate)?|mba candidate|(phd|ph\s?d|doctoral|msc|master'?s?|bachelor'?s?|mba) (candidate|student|researcher|fellow)|intern|internship|trainee|apprentice|research assistant|teaching assistant|graduate assistant)\b/;
// "Assistant to the CEO" or "EA to the VP" is not the CEO or the VP.
const ASSISTANT_TO = /\b(assistant|ea|pa|secretary|office) (to|of) (the )?/;
const DEPUTY = /\b(deputy|assistant|associate) (director|head|vp|general manager|chief|c[a-z]{1,3}o)\b|\bchief of staff\b/;

const FUNCTION_WORDS: Array<[RegExp, TitleFunction]> = [
  [/\b(finance|financial|accounting|accounts|controller|comptroller|treasury|treasurer|fp&a|fp and a)\b/, 'finance'],
  [/\b(revops|revenue operations|sales operations|go to market operations|gtm operations)\b/, 'revenue_operations'],
  [/\b(sales|selling|revenue|account executive|commercial|go to market|gtm)\b/, 'sales'],
  [/\b(marketing|demand gen(eration)?|growth|brand|communications|content)\b/, 'marketing'],
  [/\b(procurement|purchasing|sourcing|buyer|vendor management|supply chain)\b/, 'procurement'],
  [/\b(operations|operating)\b/, 'operations'],
  [/\b(it|information technology|information systems|infrastructure|security)\b/, 'it'],
  [/\b(engineering|technology|technical|software|developer)\b/, 'engineering'],
  [/\b(product)\b/, 'product'],
  [/\b(data|analytics|bi|business intelligence|insights)\b/, 'data'],
  [/\b(people|human resources|talent|recruiting)\b/, 'people'],
  [/\b(legal|counsel|compliance)\b/, 'legal'],
  [/\b(customer success|customer experience|support|service)\b/, 'customer_success'],
  [/\b(business development|partnerships|alliances)\b/, 'business_development'],
];

interface Rule {
  seniority: Seniority;
  re: RegExp;
}
const SENIORITY_RULES: Rule[] = [
  { seniority: 'owner', re: /\b(founder|owner|proprietor|managing partner|founding partner)\b/ },
  { seniority: 'c_level', re: new RegExp(`\\b(chief [a-z]+(?: [a-z]+)*? officer|chief [a-z]+|president|managing director|general manager|executive director|${Object.keys(C_SUITE).join('|')})\\b`) },
  { seniority: 'vp', re: /\b(vp|svp|evp|avp|deputy chief|deputy c[a-z]{1,3}o)\b/ },
  { seniority: 'head', re: /\bhead(?: of)?\b/ },
  { seniority: 'director', re: /\b(director|directeur|direktor|directora?)\b/ },
  { seniority: 'manager', re: /\b(manager|team lead|supervisor|deputy director|associate director|assistant director|deputy head|chief of staff)\b/ },
];

function normalizeTitle(title: string): string {
  let t = ` ${title.toLowerCase().replace(/[’']/g, "'").replace(/&/g, ' and ').replace(/[,/|;:()[\]{}–—_+]/g, ' ').replace(/\s+/g, ' ')} `;
  for (const [re, to] of ABBREVIATIONS) t = t.replace(re, to);
  return t.replace(/(\w)\.(?=\s|$)/g, '$1').replace(/\s+/g, ' ').trim();
}

/** The words in the original title that correspond to a match in the normalised one (for explanations). */
function quote(title: string, normalized: string, match: RegExpExecArray): string {
  const words = match[0];
  const at = title.toLowerCase().indexOf(words);
  if (at >= 0) return title.slice(at, at + words.length);
  // Abbreviated in the original ("Dir." for "director"): quote the normalised words.
  return words.length <= 4 ? words.toUpperCase() : words;
}

const cache = new Map<string, TitleReading>();

export function classifyTitle(title: string | null | undefined): TitleReading {
  if (!title || !title.trim()) return { seniorities: [], matched: null, functions: [] };
  const cached = cache.get(title);
  if (cached) return cached;
  const reading = readTitle(title.slice(0, 200));
  if (cache.size < 10_000) cache.set(title, reading);
  return reading;
}

function readTitle(title: string): TitleReading {
  const t = normalizeTitle(title);
  const functions = new Set<TitleFunction>();
  const seniorities: Seniority[] = [];
  let matched: string | null = null;
  const student = STUDENT.exec(t);
  if (student) {
    seniorities.push('student');
    matched = quote(title, t, student);
  }
  // "Assistant to the CEO": only what precedes "to the" describes the person.
  const assistant = ASSISTANT_TO.exec(t);
  const own = assistant ? t.slice(0, assistant.index) + ' assistant' : t;
  const deputy = DEPUTY.exec(own);
  for (const rule of SENIORITY_RULES) {
    const m = rule.re.exec(own);
    if (!m) continue;
    // "Deputy Director" and "Chief of Staff" are a manager-level reading, not a director's or a chief's.
    if (deputy && (rule.seniority === 'director' || rule.seniority === 'head' || rule.seniority === 'c_level' || (rule.seniority === 'vp' && !/deputy (chief|c[a-z]{1,3}o)/.test(deputy[0])))) continue;
    seniorities.push(rule.seniority);
    matched ??= quote(title, t, m);
  }
  for (const token of own.split(' ')) {
    const fn = C_SUITE[token];
    if (fn) functions.add(fn);
  }
  if (/\b(founder|owner|president|managing director|general manager|managing partner)\b/.test(own)) functions.add('executive');
  for (const [re, fn] of FUNCTION_WORDS) if (re.test(own)) functions.add(fn);
  if (!seniorities.length) seniorities.push('individual');
  return { seniorities, matched, functions: [...functions] };
}
