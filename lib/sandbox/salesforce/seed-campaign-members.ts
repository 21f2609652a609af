import type { CrmRecord, SandboxData } from '../sandbox-data';
import { CAMPAIGNS } from '../seed-catalog';
import type { OrgSeedContext } from './org-seed-context';
import { ms } from './org-seed-context';
import { sfDate } from './salesforce-org-data';

/** Campaign responses: the first-touch campaign (a form), and webinar registrations/attendance. */
export type AddCampaignMembers = (contact: CrmRecord, person: { LeadId?: string; ContactId?: string }) => void;

export function createCampaignMemberSeeder(ctx: OrgSeedContext, hubspot: SandboxData, campaignIdByName: Map<string, string>, integrationUserId: string): AddCampaignMembers {
  const { push, audit, nextId, records } = ctx;
  return (contact, person) => {
    const p = contact.properties;
    const memberOf = (campaignName: string, status: string, at: number): void => {
      const campaignId = campaignIdByName.get(campaignName);
      if (!campaignId || records.CampaignMember!.some((m) => m.CampaignId === campaignId && m.LeadId === (person.LeadId ?? null) && m.ContactId === (person.ContactId ?? null))) return;
      push('CampaignMember', {
        Id: nextId('00v'), CampaignId: campaignId, LeadId: person.LeadId ?? null, ContactId: person.ContactId ?? null,
        Type: person.LeadId ? 'Lead' : 'Contact', Status: status, FirstRespondedDate: sfDate(at), HasResponded: true,
        ...audit(at, integrationUserId),
      });
    };
    const created = ms(p.createdate) ?? contact.createdAt;
    if (p.campaign_name) memberOf(p.campaign_name, 'Responded', created);
    const webinarEvents = hubspot.webEvents.filter((event) => event.objectId === contact.id && /webinar_(registered|attended)$/.test(event.eventType));
    const attended = webinarEvents.find((event) => event.eventType.endsWith('attended'));
    const registered = webinarEvents.find((event) => event.eventType.endsWith('registered'));
    if (attended || registered) memberOf(CAMPAIGNS.webinars.name, attended ? 'Attended' : 'Registered', (registered ?? attended)!.occurredAt);
  };
}
