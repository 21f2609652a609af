import { classifyTitle } from './classify-title';

/**
 * How a rep spots a student (or an academic with no budget for a B2B tool): the title ("MBA
 * candidate", "PhD researcher", "Intern"), an academic e-mail domain (".edu", ".ac.uk",
 * "uni-mannheim.de") or a university as the company.
 */
const ACADEMIC_DOMAINS: Array<[RegExp, string]> = [
  [/(?:^|\.)edu$/, '*.edu'],
  [/(?:^|\.)edu\.[a-z]{2}$/, '*.edu.<country>'],
  [/(?:^|\.)ac\.[a-z]{2}$/, '*.ac.<country>'],
  [/(?:^|\.)uni-[a-z0-9-]+\.(?:de|at|ch)$/, 'uni-*.de'],
  [/(?:^|\.)(?:univ-[a-z0-9-]+|universit[a-z0-9-]*)\.[a-z]{2,}(?:\.[a-z]{2})?$/, 'univ-*'],
  [/(?:^|\.)(?:students?|stud|student-mail|alumni)\.[a-z0-9-]+\.[a-z.]{2,}$/, 'student.*'],
];

const ACADEMIC_COMPANY = /(?<![\p{L}])(?:university|universit(?:ä|ae)t|universit(?:é|e)|universidad|università|universiteit|universitet|uniwersytet|college|hochschule|polytechnic|politecnico|institute of technology|business school|school of (?:business|management|economics)|graduate school)(?![\p{L}])|^uni [a-z]/iu;

export interface StudentSignal {
  by: 'title' | 'email' | 'company';
  matched: string;
}

export function matchAcademicDomain(domain: string): string | undefined {
  return ACADEMIC_DOMAINS.find(([re]) => re.test(domain))?.[1];
}

export function findStudentSignal(lead: { jobTitle: string | null; company: string | null }, domain: string | null): StudentSignal | undefined {
  const title = classifyTitle(lead.jobTitle);
  if (title.seniorities.includes('student')) return { by: 'title', matched: title.matched ?? lead.jobTitle! };
  if (domain) {
    const academic = matchAcademicDomain(domain);
    if (academic) return { by: 'email', matched: academic };
  }
  if (lead.company) {
    const m = ACADEMIC_COMPANY.exec(lead.company.slice(0, 200));
    if (m) return { by: 'company', matched: m[0] };
  }
  return undefined;
}
