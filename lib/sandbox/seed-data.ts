import { buildPropertyCatalog } from './property-catalog';
import type { OwnerRecord, SandboxData } from './sandbox-data';
import { SANDBOX_DATA_FORMAT } from './sandbox-data';
import { SANDBOX_PORTAL_ID } from './scenarios';
import { SeedBuilder } from './seed-builder';
import { MARKETING_EMAILS, OWNERS } from './seed-catalog';
import { campaignSendTime, DAY, HOUR, startOfUtcDay } from './seed-clock';
import { genericPlans } from './seed-generic-plans';
import { seedDispositionHistory } from './seed-history';
import { seedLeads } from './seed-leads';
import { scenarioPlans } from './seed-scenario-plans';
import { compareCodeUnits, createSeededRandom } from './seeded-random';

/** Fixed: the seed varies only with `now`, so the same `now` gives a byte-identical data set. */
const SEED = 0x2400001;

/** Builds the whole seeded data set. Deterministic: same `now` → same bytes. */
export function seedSandboxData(now: number): SandboxData {
  const rng = createSeededRandom(SEED);
  const portalCreatedAt = startOfUtcDay(now - 400 * DAY);
  const owners: OwnerRecord[] = OWNERS.map((owner, index) => ({
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    role: owner.role,
    teams: [{ id: owner.team === 'Inbound SDR' ? '5400101' : '5400102', name: owner.team, primary: true }],
    createdAt: portalCreatedAt + index * 3 * DAY + 9 * HOUR,
    updatedAt: portalCreatedAt + index * 3 * DAY + 9 * HOUR,
  }));
  const catalog = buildPropertyCatalog(portalCreatedAt, owners);
  const builder = new SeedBuilder(now, rng);
  const plans = [...scenarioPlans(rng), ...genericPlans(rng)];
  for (const plan of plans) builder.addLead(plan);
  // Dispositioned history for Insights, after the scenario contacts (own seed: theirs are unchanged).
  const history = seedDispositionHistory(now);
  builder.records.contacts.push(...history.contacts);
  builder.records.deals.push(...history.deals);
  builder.associations.push(...history.associations);
  // HubSpot Leads records for a few scenario contacts, last: nothing seeded before them changes.
  const leads = seedLeads(builder.records.contacts, now);
  builder.records.leads.push(...leads.leads);
  builder.associations.push(...leads.associations);

  return {
    format: SANDBOX_DATA_FORMAT,
    version: 1,
    portalId: SANDBOX_PORTAL_ID,
    seededAt: now,
    nextId: builder.nextId,
    owners,
    records: builder.records,
    associations: builder.associations,
    properties: catalog.properties,
    groups: catalog.groups,
    webEvents: builder.webEvents.sort((a, b) => a.occurredAt - b.occurredAt || compareCodeUnits(a.id, b.id)),
    emailCampaigns: MARKETING_EMAILS.map((email) => ({
      id: email.id,
      name: email.name,
      subject: email.subject,
      contentId: email.id + 9_000_000,
      sentAt: campaignSendTime(now, email.daysAgo),
    })),
    emailEvents: builder.emailEvents.sort((a, b) => a.created - b.created || compareCodeUnits(a.id, b.id)),
  };
}
