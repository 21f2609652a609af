import type { Association, CrmRecord, HistoryEntry } from './sandbox-data';
import { DEFAULT_LEAD_PIPELINE_ID, PARTNER_LEAD_PIPELINE_ID } from './lead-pipelines';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from './scenarios';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface LeadPlan {
  id: string;
  /** Associated contacts in stored order; `primary` marks the one with HubSpot's primary label. */
  contacts: Array<{ id: string; primary: boolean }>;
  stage: string;
  label: 'COLD' | 'WARM' | 'HOT';
  /** For a lead without a contact: its name and owner (nothing to derive them from). */
  name?: string;
  ownerId?: string;
  /** Default: HubSpot's default lead pipeline. */
  pipeline?: string;
  /** Set on a lead closed as disqualified. */
  disqualificationReason?: string;
  /** A lead from an earlier handoff: created this long before the contact's current one. */
  earlierBy?: number;
}

const PLANS: readonly LeadPlan[] = [
  { id: SANDBOX_LEAD_SCENARIOS.demoPrimary, contacts: [{ id: SANDBOX_SCENARIOS.demoPrimary, primary: true }], stage: 'new-stage-id', label: 'HOT' },
  { id: SANDBOX_LEAD_SCENARIOS.atRisk, contacts: [{ id: SANDBOX_SCENARIOS.atRisk, primary: true }], stage: 'new-stage-id', label: 'WARM' },
  { id: SANDBOX_LEAD_SCENARIOS.breached, contacts: [{ id: SANDBOX_SCENARIOS.breached, primary: true }], stage: 'new-stage-id', label: 'WARM' },
  {
    id: SANDBOX_LEAD_SCENARIOS.twoContacts,
    // The colleague first, so "the first contact listed" would be the wrong answer.
    contacts: [{ id: SANDBOX_SCENARIOS.sequenceOnly, primary: false }, { id: SANDBOX_SCENARIOS.touched, primary: true }],
    stage: 'attempting-stage-id',
    label: 'WARM',
  },
  // A referral worked in a portal's own pipeline (numeric stage ids, renamed closed stages).
  { id: SANDBOX_LEAD_SCENARIOS.partnerPipeline, contacts: [{ id: SANDBOX_SCENARIOS.demoSecondary, primary: true }], stage: '1183002', label: 'WARM', pipeline: PARTNER_LEAD_PIPELINE_ID },
  // The competitor contact: an open lead, and one from last year closed as bad timing, which a
  // disposition now leaves as it is.
  { id: SANDBOX_LEAD_SCENARIOS.competitor, contacts: [{ id: SANDBOX_SCENARIOS.competitor, primary: true }], stage: 'new-stage-id', label: 'COLD' },
  {
    id: SANDBOX_LEAD_SCENARIOS.closedEarlier,
    contacts: [{ id: SANDBOX_SCENARIOS.competitor, primary: true }],
    stage: 'unqualified-stage-id',
    label: 'COLD',
    disqualificationReason: 'BAD_TIMING',
    earlierBy: 300 * DAY,
  },
  // HubSpot requires a contact when a lead is created; deleting the contact later leaves this.
  { id: SANDBOX_LEAD_SCENARIOS.noContact, contacts: [], stage: 'new-stage-id', label: 'COLD', name: 'Trade-show badge scan', ownerId: '81300101' },
];

/**
 * HubSpot Leads records for a few scenario contacts, built from those contacts (name, owner,
 * assignment time), so the same contacts always give the same bytes. Contacts are only read.
 */
export function seedLeads(contacts: readonly CrmRecord[], now: number): { leads: CrmRecord[]; associations: Association[] } {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const leads: CrmRecord[] = [];
  const associations: Association[] = [];
  for (const plan of PLANS) {
    const primaryContact = plan.contacts.find((c) => c.primary);
    const contact = primaryContact ? byId.get(primaryContact.id) : undefined;
    if (primaryContact && !contact) throw new Error(`seedLeads: scenario contact ${primaryContact.id} is missing`);
    const assigned = contact?.properties.hubspot_owner_assigneddate ? Date.parse(contact.properties.hubspot_owner_assigneddate) : NaN;
    // A lead is created when the contact is handed to sales; a few seconds after it.
    const createdAt = (contact ? (Number.isNaN(assigned) ? contact.createdAt : assigned) + 5_000 : now - 3 * DAY - 2 * HOUR) - (plan.earlierBy ?? 0);
    const name = plan.name ?? `${contact?.properties.firstname ?? ''} ${contact?.properties.lastname ?? ''}`.trim();
    const ownerId = plan.ownerId ?? contact?.properties.hubspot_owner_id;
    const iso = new Date(createdAt).toISOString();
    const properties: Record<string, string> = {
      hs_object_id: plan.id,
      hs_createdate: iso,
      hs_lastmodifieddate: iso,
      hs_lead_name: name,
      hs_lead_type: 'NEW_BUSINESS',
      hs_lead_label: plan.label,
      hs_pipeline: plan.pipeline ?? DEFAULT_LEAD_PIPELINE_ID,
      hs_pipeline_stage: plan.stage,
      ...(plan.disqualificationReason ? { hs_lead_disqualification_reason: plan.disqualificationReason } : {}),
      ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
    };
    const source: Omit<HistoryEntry, 'value' | 'timestamp'> = { sourceType: 'AUTOMATION_PLATFORM', sourceLabel: 'Lead created on handoff' };
    const history = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, [{ value, timestamp: createdAt, ...source }]]));
    history.hs_lastmodifieddate = [{ value: iso, timestamp: createdAt, sourceType: 'CALCULATED' }];
    leads.push({ id: plan.id, createdAt, updatedAt: createdAt, properties, history });
    for (const c of plan.contacts) {
      associations.push({ fromType: 'leads', fromId: plan.id, toType: 'contacts', toId: c.id, ...(c.primary ? { primary: true as const } : {}) });
    }
  }
  return { leads, associations };
}
