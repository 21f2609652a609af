import { describe, expect, it } from 'vitest';
import { fromHubSpotContact } from '../../../lib/crm/hubspot/hubspot-contact-mappers';
import type { HubSpotContact, HubSpotValueWithTimestamp } from '../../../lib/crm/hubspot/hubspot-schemas';
import type { LeadRef } from '../../../lib/domain/lead';

/**
 * HubSpot's hidden form fields (hs_*, hubspot*) are tracking, not the prospect's words: the mapper
 * drops them, so the domain never needs to know HubSpot's naming.
 */
const ref: LeadRef = { crm: 'hubspot', account: '4711', id: '51', objectType: 'contact' };
const AT = '2026-11-20T14:03:11.512Z';
const fromForm = (value: string): HubSpotValueWithTimestamp[] => [{ value, timestamp: AT, sourceType: 'FORM', sourceLabel: 'Demo request' }];

function formAnswersOf(formFieldLabels: Record<string, string>): [string, string][] {
  const history = Object.fromEntries(Object.keys(formFieldLabels).map((name) => [name, fromForm(`${name} value`)]));
  const contact: HubSpotContact = { id: '51', properties: {}, propertiesWithHistory: history, createdAt: AT, updatedAt: AT };
  return fromHubSpotContact(contact, { ref, owner: null, formFieldLabels }).formAnswers.map((a) => [a.question, a.answer]);
}

describe('form answers: HubSpot hidden fields', () => {
  it('drops answers to hs_* and hubspot* properties, whatever their label', () => {
    expect(
      formAnswersOf({
        biggest_challenge: "What's your biggest challenge?",
        hs_context: 'Context',
        hs_persona: 'Persona',
        hubspotutk: 'Visitor token',
        hubspot_owner_id: 'Contact owner',
        HS_Language: 'Preferred language',
      }),
    ).toEqual([["What's your biggest challenge?", 'biggest_challenge value']]);
  });

  it('drops answers whose label starts with the word "hs" or "hubspot", and keeps look-alikes', () => {
    expect(
      formAnswersOf({
        custom_a: 'hs_context',
        custom_b: 'HubSpot UTK',
        custom_c: 'HS source',
        custom_d: 'Hubspotting experience',
        custom_e: 'Which CRM? (HubSpot, Salesforce...)',
        hsa_rank: 'HSA rank',
      }).map(([question]) => question),
    ).toEqual(['Hubspotting experience', 'Which CRM? (HubSpot, Salesforce...)', 'HSA rank']);
  });
});
