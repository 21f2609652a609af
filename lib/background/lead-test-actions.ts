import type { CrmPageReader } from '../crm/crm-page-reader';
import { leadRefFromPage } from '../crm/crm-service';
import type { CrmService } from '../crm/crm-service';
import { readLeadPage } from '../crm/pages/read-lead-page';
import { leadDisplayName } from '../domain/lead';
import { buildQualificationInputs, encodeQualificationInputs } from '../domain/qualification/qualification-inputs';
import type { RepEvidence } from '../domain/qualification/rep-evidence';
import { CrmError } from '../crm/crm-error';
import { leadPageSchema } from '../messaging/protocol';
import type { RulesTestRequest, RulesTestResult } from '../messaging/rules-test-protocol';
import type { LeadEvidenceStore } from '../storage/lead-evidence-store';
import { leadKeyOf } from './lead-actions';

export interface LeadTestActionsDeps {
  demoBuild: boolean;
  /** The page readers the router reads tab URLs with (the registry's unless a test passes its own). */
  pageReaders?: readonly CrmPageReader[];
  crmService: CrmService;
  evidence: LeadEvidenceStore;
  now(): number;
}

/**
 * Options page, "Test against a lead": one lead's qualification inputs, read as the panel reads
 * them (the same page readers, lead context cache and rep evidence), so the options page evaluates
 * the definition in force and the draft on exactly what the panel would.
 */
export function createLeadTestActions(deps: LeadTestActionsDeps) {
  return {
    async readLeadInputs(request: Omit<RulesTestRequest, 'type'>): Promise<RulesTestResult> {
      let href: string;
      try {
        href = new URL(request.url).href;
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
      return { status: 'ok', ref: leadRefFromPage(resolved), name: leadDisplayName(context.lead), inputs: encodeQualificationInputs(inputs) };
    },
  };
}
