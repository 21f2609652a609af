import type { CrmPageReader } from '../crm/crm-page-reader';
import type { CrmReporting } from '../crm/crm-reporting-port';
import { leadRefFromPage } from '../crm/crm-service';
import type { CrmService } from '../crm/crm-service';
import { readLeadPage } from '../crm/pages/read-lead-page';
import { backgroundSearchPacers } from '../crm/search-pacer';
import type { SearchPacers } from '../crm/search-pacer';
import { leadDisplayName } from '../domain/lead';
import type { PastLead } from '../domain/qualification/backtest-definition';
import { buildQualificationInputs, encodeQualificationInputs } from '../domain/qualification/qualification-inputs';
import type { RepEvidence } from '../domain/qualification/rep-evidence';
import { CrmError } from '../crm/crm-error';
import { leadPageSchema } from '../messaging/protocol';
import { RULES_TEST_EMAIL_DAYS } from '../messaging/rules-test-protocol';
import type { RulesTestRequest, RulesTestResult } from '../messaging/rules-test-protocol';
import type { LeadEvidenceStore } from '../storage/lead-evidence-store';
import { leadKeyOf } from './lead-actions';

export interface LeadTestActionsDeps {
  demoBuild: boolean;
  /** The page readers the router reads tab URLs with (the registry's unless a test passes its own). */
  pageReaders?: readonly CrmPageReader[];
  crmService: CrmService;
  evidence: LeadEvidenceStore;
  /** The connected CRM's reporting port: where an e-mail address is looked up among dispositioned leads. */
  openReporting?(): Promise<CrmReporting>;
  searchPacers?: SearchPacers;
  now(): number;
}

const DAY = 86_400_000;
const READ_CACHE_MS = 2 * 60_000;
const EMAIL = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;

/**
 * Options page, "Test against a lead": one lead's qualification inputs. From a record address, read
 * as the panel reads it (the same page readers, lead context cache and rep evidence), so the page
 * evaluates exactly what the panel would. From an e-mail address, the newest disposition of that
 * lead in the last 12 months, with the inputs recorded then (the backtest's read, kept two minutes).
 */
export function createLeadTestActions(deps: LeadTestActionsDeps) {
  let cached: { key: string; at: number; leads: PastLead[] } | null = null;

  const dispositionedLeads = async (): Promise<PastLead[]> => {
    if (!deps.openReporting) throw new CrmError('rejected', 'Looking a lead up by e-mail is not available in this build; paste its record address.');
    const reporting = await deps.openReporting();
    const now = deps.now();
    if (!cached || cached.key !== reporting.key || now - cached.at > READ_CACHE_MS) {
      const pace = (deps.searchPacers ?? backgroundSearchPacers).forConnection(reporting.key);
      const read = await reporting.readBacktestLeads({ from: now - RULES_TEST_EMAIL_DAYS * DAY, to: now + 60_000, pace });
      cached = { key: reporting.key, at: now, leads: read.leads.map((l) => l.pastLead) };
    }
    return cached.leads;
  };

  const byEmail = async (email: string): Promise<RulesTestResult> => {
    const leads = await dispositionedLeads();
    const wanted = email.trim().toLowerCase();
    const found = leads.filter((l) => l.lead.email?.trim().toLowerCase() === wanted).sort((a, b) => b.evaluatedAt - a.evaluatedAt)[0];
    if (!found) return { status: 'not_found', searched: leads.length };
    const inputs = buildQualificationInputs({ lead: found.lead, events: found.events, repEvidence: found.repEvidence, evaluatedAt: found.evaluatedAt });
    return { status: 'ok', ref: found.lead.ref, name: leadDisplayName(found.lead), inputs: encodeQualificationInputs(inputs), source: 'disposition' };
  };

  return {
    async readLeadInputs(request: Omit<RulesTestRequest, 'type'>): Promise<RulesTestResult> {
      const query = request.query.trim();
      if (EMAIL.test(query.replace(/^mailto:/i, ''))) return byEmail(query.replace(/^mailto:/i, ''));
      let href: string;
      try {
        href = new URL(query).href;
      } catch {
        return { status: 'not_a_lead_url' };
      }
      const page = readLeadPage(href, { sandbox: deps.demoBuild }, deps.pageReaders);
      if (!page) return { status: 'not_a_lead_url' };
      if (!leadPageSchema.safeParse(page).success) throw new CrmError('rejected', 'This record id does not look valid.');
      const resolved = await deps.crmService.resolvePage(page);
      const [context, evidence] = await Promise.all([
        deps.crmService.getLeadContext(resolved),
        deps.evidence.read(leadKeyOf(resolved)).catch((): RepEvidence => ({})),
      ]);
      const inputs = buildQualificationInputs({ lead: context.lead, events: context.events, repEvidence: evidence, evaluatedAt: deps.now() });
      return { status: 'ok', ref: leadRefFromPage(resolved), name: leadDisplayName(context.lead), inputs: encodeQualificationInputs(inputs), source: 'record' };
    },
  };
}
