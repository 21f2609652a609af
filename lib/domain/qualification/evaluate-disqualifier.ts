/* The disqualifiers: competitor, personal or student address, deal size below the minimum, geography. */
import type { Lead } from '../lead';
import { emailDomain, findMatchingDomain, formatNumber, normalizeLabel } from './match-rules';
import { matchPersonalEmailDomain } from './personal-email-domains';
import { findStudentSignal } from './student-signals';
import type { SqlDefinition } from './sql-definition';

import { decideAuto, type CriterionResult } from './criterion-result';
import { type CompiledDefinition } from './compile-definition';
import { type AnswerFound } from './form-answers';
import { judgeCountry } from './judge-country';

export const DISQUALIFIER_LABELS: Record<string, string> = {
  'disq.competitor': 'Not a competitor',
  'disq.personal_email': 'Business email (not a personal address)',
  'disq.student': 'Not a student',
  'disq.below_minimum': 'At or above the minimum deal size',
  'disq.wrong_geography': 'In a geography we sell to',
};

export function websiteDomains(answers: readonly AnswerFound[]): Array<{ domain: string; found: AnswerFound }> {
  const out: Array<{ domain: string; found: AnswerFound }> = [];
  for (const a of answers) {
    if (!/website|web site|url|domain|homepage/i.test(a.question)) continue;
    const m = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(a.answer.trim());
    if (m) out.push({ domain: m[1]!.toLowerCase(), found: a });
  }
  return out;
}

export function evaluateDisqualifier(def: SqlDefinition, compiled: CompiledDefinition, id: string, lead: Lead, budget: CriterionResult, answers: readonly AnswerFound[]): CriterionResult {
  const label = DISQUALIFIER_LABELS[id]!;
  const d = def.disqualifiers;
  const domain = emailDomain(lead.email);
  const fire = (explanation: string, evidence: Record<string, unknown>, source: string) => decideAuto(id, label, 'disqualifier', 'unmet', explanation, evidence, source);
  const pass = (explanation: string, evidence: Record<string, unknown> | null, source?: string) => decideAuto(id, label, 'disqualifier', 'met', explanation, evidence, source);
  switch (id) {
    case 'disq.competitor': {
      if (domain) {
        const match = findMatchingDomain(d.competitorDomains, domain);
        if (match) return fire(`Email domain '${domain}' matches competitor domain '${match}'`, { domain }, 'Record: e-mail address');
      }
      for (const site of websiteDomains(answers)) {
        const match = findMatchingDomain(d.competitorDomains, site.domain);
        if (match) return fire(`Website '${site.domain}' matches competitor domain '${match}'`, { domain: site.domain }, site.found.origin);
      }
      if (lead.company) {
        const byName = compiled.competitorNames.get(normalizeLabel(lead.company).replace(/ (inc|ltd|llc|gmbh|corp|co|limited|sa|ag|bv|plc)$/, '').replace(/ /g, ''));
        if (byName) return fire(`Company '${lead.company}' is the competitor at '${byName}'`, { company: lead.company }, 'Record: company');
      }
      if (!domain) return decideAuto(id, label, 'disqualifier', 'unknown', 'No usable email address in the CRM');
      return pass(`Email domain '${domain}' is not a competitor domain`, { domain }, 'Record: e-mail address');
    }
    case 'disq.personal_email': {
      if (!domain) return decideAuto(id, label, 'disqualifier', 'unknown', 'No usable email address in the CRM');
      const match = findMatchingDomain(d.personalEmailDomains, domain) ?? (compiled.builtInPersonal ? matchPersonalEmailDomain(domain) : undefined);
      return match
        ? fire(`Email domain '${domain}' matches personal email domain '${match}'`, { domain }, 'Record: e-mail address')
        : pass(`Email domain '${domain}' is not a personal email domain`, { domain }, 'Record: e-mail address');
    }
    case 'disq.student': {
      const listed = domain ? findMatchingDomain(d.studentEmailDomains, domain) : undefined;
      if (listed) return fire(`Email domain '${domain}' matches student domain '${listed}'`, { domain }, 'Record: e-mail address');
      if (compiled.builtInStudent) {
        const signal = findStudentSignal(lead, domain);
        if (signal?.by === 'title') return fire(`Title '${lead.jobTitle}' is a student's ("${signal.matched}")`, { jobTitle: lead.jobTitle }, 'Record: job title');
        if (signal?.by === 'email') return fire(`Email domain '${domain}' is an academic domain ('${signal.matched}')`, { domain }, 'Record: e-mail address');
        if (signal?.by === 'company') return fire(`Company '${lead.company}' is a university ("${signal.matched}")`, { company: lead.company }, 'Record: company');
      }
      if (!domain) return decideAuto(id, label, 'disqualifier', 'unknown', 'No usable email address in the CRM');
      return pass(`Email domain '${domain}' is not a student domain`, { domain }, 'Record: e-mail address');
    }
    case 'disq.below_minimum': {
      const min = def.bant.budget.minimum!;
      const minText = `${formatNumber(min.amount)} ${min.currency}`;
      const ev = budget.evidence as { amount?: unknown; currency?: unknown } | null;
      if (!ev || typeof ev.amount !== 'number' || typeof ev.currency !== 'string') {
        return decideAuto(id, label, 'disqualifier', 'unknown', `No budget amount yet to compare with the minimum ${minText}`);
      }
      const by = budget.decidedBy === 'rep' ? 'Rep' : 'Form';
      const stated = `${formatNumber(ev.amount)} ${ev.currency}`;
      // No exchange rates: a fixed rate table would make the answer depend on when it was loaded.
      if (ev.currency !== min.currency) return decideAuto(id, label, 'disqualifier', 'unknown', `${by} budget ${stated} is in a different currency from the minimum ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source);
      return ev.amount < min.amount
        ? decideAuto(id, label, 'disqualifier', 'unmet', `${by} budget ${stated} is below the minimum deal size ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source)
        : decideAuto(id, label, 'disqualifier', 'met', `${by} budget ${stated} meets the minimum deal size ${minText}`, { amount: ev.amount, currency: ev.currency }, budget.source);
    }
    default: {
      if (!lead.country) return decideAuto(id, label, 'disqualifier', 'unknown', 'No country in the CRM');
      const v = judgeCountry(def, lead.country);
      return decideAuto(id, label, 'disqualifier', v.allowed ? 'met' : 'unmet', v.why, { country: lead.country }, 'Record: country');
    }
  }
}

/**
 * The rep's evidence replaces what the CRM says, but the shared definition still judges it: a rep
 * cannot call a 40k budget "met" under a 50k minimum, or a date a year out "met" under a 90-day
 * timeline. Otherwise the two teams would get different answers from the same definition.
 */
