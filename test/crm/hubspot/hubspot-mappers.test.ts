import { describe, expect, it } from 'vitest';
import { engagementEventSchema } from '../../../lib/domain/engagement/engagement-event';
import { leadSchema, touchSchema } from '../../../lib/domain/lead';
import type { LeadRef } from '../../../lib/domain/lead';
import { fromHubSpotContact, fromHubSpotOwner } from '../../../lib/crm/hubspot/hubspot-contact-mappers';
import { fromHubSpotEmailEvent, fromHubSpotWebEvent } from '../../../lib/crm/hubspot/hubspot-event-mappers';
import { fromHubSpotEngagement } from '../../../lib/crm/hubspot/hubspot-touch-mappers';
import { parseEmployeeCount, parseHubSpotTime, safeUrl } from '../../../lib/crm/hubspot/hubspot-map-helpers';
import {
  hubSpotBatchReadResponseSchema,
  hubSpotContactSchema,
  hubSpotEmailCampaignSchema,
  hubSpotEmailEventsPageSchema,
  hubSpotOwnerSchema,
  hubSpotWebEventsPageSchema,
} from '../../../lib/crm/hubspot/hubspot-schemas';
import type { HubSpotContact } from '../../../lib/crm/hubspot/hubspot-schemas';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

const ref: LeadRef = { crm: 'hubspot', account: '4711', id: '51', objectType: 'contact' };
const contact = hubSpotContactSchema.parse(loadFixture('contact.json'));
const owner = fromHubSpotOwner(hubSpotOwnerSchema.parse(loadFixture('owner.json')));
const formFieldLabels = { biggest_challenge: "What's your biggest challenge?", fleet_size: 'How big is your fleet?' };
const at = (iso: string) => Date.parse(iso);

function contactWith(properties: Record<string, string | null>, rest: Partial<HubSpotContact> = {}): HubSpotContact {
  return { id: '51', properties, createdAt: '2026-11-02T10:14:58.000Z', updatedAt: '2026-11-21T09:00:00.000Z', ...rest };
}

describe('fromHubSpotContact', () => {
  const lead = fromHubSpotContact(contact, { ref, owner, formFieldLabels });

  it('produces a valid domain Lead', () => {
    expect(leadSchema.parse(lead)).toEqual(lead);
  });

  it('maps identity, firmographics and status properties', () => {
    expect(lead).toMatchObject({
      ref,
      firstName: 'Ada',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      jobTitle: 'VP Operations',
      company: 'Acme Logistics',
      industry: 'TRANSPORTATION_LOGISTICS',
      employees: 51,
      country: 'United Kingdom',
      lifecycleStage: 'salesqualifiedlead',
      leadStatus: 'NEW',
      createdAt: at('2026-11-02T10:14:58.000Z'),
      updatedAt: at('2026-11-21T09:00:00.000Z'),
    });
  });

  it('keeps hostile strings verbatim', () => {
    expect(lead.lastName).toBe('<img src=x onerror=alert(1)>');
    expect(lead.formAnswers.map((a) => a.answer)).toContain("</textarea><script>alert('x')</script>");
  });

  it('maps source, drill-downs, campaign and conversions', () => {
    expect(lead.source).toBe('PAID_SEARCH');
    expect(lead.sourceDetail).toEqual(['q4-ops-efficiency', 'route planning software']);
    expect(lead.latestSource).toBe('DIRECT_TRAFFIC');
    expect(lead.campaign).toBe('q4-ops-efficiency');
    expect(lead.firstConversion).toEqual({ name: 'Ebook: The Route Planning Playbook', at: at('2026-11-02T10:15:00.000Z') });
    expect(lead.recentConversion).toEqual({ name: 'Demo request', at: at('2026-11-20T14:03:11.512Z') });
  });

  it('prefers a custom campaign_name, and does not read a campaign out of non-campaign sources', () => {
    expect(fromHubSpotContact(contactWith({ campaign_name: 'Spring launch', hs_analytics_source: 'PAID_SEARCH', hs_analytics_source_data_1: 'x' }), { ref, owner: null, formFieldLabels: {} }).campaign).toBe('Spring launch');
    expect(fromHubSpotContact(contactWith({ hs_analytics_source: 'ORGANIC_SEARCH', hs_analytics_source_data_1: 'google' }), { ref, owner: null, formFieldLabels: {} }).campaign).toBeNull();
    expect(fromHubSpotContact(contactWith({ hs_analytics_source: 'EMAIL_MARKETING', hs_analytics_source_data_1: 'Q4 nurture' }), { ref, owner: null, formFieldLabels: {} }).campaign).toBe('Q4 nurture');
    // Social sources keep the network in drill-down 1 and the campaign in drill-down 2.
    expect(fromHubSpotContact(contactWith({ hs_analytics_source: 'PAID_SOCIAL', hs_analytics_source_data_1: 'LinkedIn', hs_analytics_source_data_2: 'abm-q4' }), { ref, owner: null, formFieldLabels: {} }).campaign).toBe('abm-q4');
    expect(fromHubSpotContact(contactWith({ hs_analytics_source: 'REFERRALS', hs_analytics_source_data_1: 'g2.com' }), { ref, owner: null, formFieldLabels: {} }).campaign).toBeNull();
  });

  it('maps the owner, when and by what it was assigned', () => {
    expect(lead.owner).toEqual({ id: '910', name: 'Sam Rep', email: 'sam.rep@example.com' });
    expect(lead.ownerAssignedAt).toBe(at('2026-11-20T14:03:40.000Z'));
    expect(lead.ownerAssignedBy).toEqual({ type: 'AUTOMATION_PLATFORM', label: 'Round robin — inbound demo' });
  });

  it('keeps the owner id when the owner lookup failed', () => {
    expect(fromHubSpotContact(contact, { ref, owner: null, formFieldLabels }).owner).toEqual({ id: '910', name: null, email: null });
  });

  it('takes the handoff time from the first MQL/SQL stage change', () => {
    expect(lead.handedOffAt).toBe(at('2026-11-15T09:30:00.000Z'));
  });

  it('falls back to the owner assignment time for the handoff when the stage history says nothing', () => {
    const l = fromHubSpotContact(contactWith({ hubspot_owner_assigneddate: '2026-11-20T14:03:40.000Z', lifecyclestage: 'lead' }), { ref, owner: null, formFieldLabels: {} });
    expect(l.handedOffAt).toBe(at('2026-11-20T14:03:40.000Z'));
    expect(l.ownerAssignedBy).toBeNull();
  });

  it('reads form answers from FORM history entries of form fields, newest first, with the label as question', () => {
    expect(lead.formAnswers).toEqual([
      { question: "What's your biggest challenge?", answer: 'Our dispatchers re-plan routes by hand every morning', answeredAt: at('2026-11-20T14:03:11.512Z'), form: 'Demo request' },
      { question: 'How big is your fleet?', answer: '120 trucks', answeredAt: at('2026-11-20T14:03:11.512Z'), form: 'Demo request' },
      { question: "What's your biggest challenge?", answer: "</textarea><script>alert('x')</script>", answeredAt: at('2026-11-02T10:14:58.000Z'), form: 'ebook-form-guid' },
    ]);
  });

  it('treats blank properties as absent and never guesses', () => {
    const l = fromHubSpotContact(contactWith({ firstname: '', lastname: '   ', numemployees: 'lots', hubspot_owner_id: '' }), { ref, owner: null, formFieldLabels: {} });
    expect(l.firstName).toBeNull();
    expect(l.lastName).toBeNull();
    expect(l.employees).toBeNull();
    expect(l.owner).toBeNull();
    expect(l.firstConversion).toBeNull();
    expect(l.sourceDetail).toEqual([]);
    expect(l.createdAt).toBe(at('2026-11-02T10:14:58.000Z'));
    expect(leadSchema.safeParse(l).success).toBe(true);
  });
});

describe('parseEmployeeCount', () => {
  it.each([
    ['250', 250],
    ['51-200', 51],
    ['1,000-5,000', 1000],
    ['1000 - 5000', 1000],
    ['10001+', 10001],
    ['25.0', 25],
    ['0', 0],
  ])('%s → %s', (raw, expected) => expect(parseEmployeeCount(raw)).toBe(expected));

  it.each(['', 'lots', '-5', 'about 50', '12abc', '1e9', null])('junk %s → null', (raw) => expect(parseEmployeeCount(raw)).toBeNull());
});

describe('parseHubSpotTime', () => {
  it('reads ISO date-times, dates and epoch-ms strings', () => {
    expect(parseHubSpotTime('2026-11-20T14:03:40.000Z')).toBe(at('2026-11-20T14:03:40.000Z'));
    expect(parseHubSpotTime('2026-11-20')).toBe(at('2026-11-20T00:00:00.000Z'));
    expect(parseHubSpotTime('1763647420000')).toBe(1763647420000);
    expect(parseHubSpotTime('not a date')).toBeNull();
    expect(parseHubSpotTime('')).toBeNull();
  });
});

describe('safeUrl', () => {
  it.each(['https://example.com/a?b=c', 'http://example.com'])('keeps %s verbatim', (url) => expect(safeUrl(url)).toBe(url));
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', 'not a url', ''])(
    'drops %j',
    (url) => expect(safeUrl(url)).toBeUndefined(),
  );
});

describe('fromHubSpotWebEvent', () => {
  const page = hubSpotWebEventsPageSchema.parse(loadFixture('web-events.json'));
  const byId = (id: string) => {
    const raw = page.results.find((e) => e.id === id);
    if (!raw) throw new Error(id);
    return fromHubSpotWebEvent(raw, '4711');
  };

  it('maps page views with url, title and campaign', () => {
    expect(byId('ev-5')).toEqual({
      id: 'hubspot-web-analytics:ev-5',
      kind: 'page_view',
      occurredAt: at('2026-11-20T14:01:00.000Z'),
      source: 'hubspot-web-analytics',
      url: 'https://www.example.com/pricing',
      title: 'Pricing — Example',
      campaign: 'q4-ops-efficiency',
    });
  });

  it('maps form submissions', () => {
    expect(byId('ev-4')).toMatchObject({ kind: 'form_submission', title: 'Demo request', url: 'https://www.example.com/demo' });
  });

  it('maps this portal’s content downloads, dropping a javascript: URL and keeping the title verbatim', () => {
    const e = byId('ev-3');
    expect(e).toMatchObject({ kind: 'content_download', title: 'The Route Planning Playbook <b>2026</b>', campaign: 'Ebook Q4' });
    expect(e).not.toHaveProperty('url');
  });

  it('maps webinar registration and attendance, dropping data: URLs', () => {
    expect(byId('ev-2')).toMatchObject({ kind: 'webinar_registered', title: 'Dispatch without spreadsheets', url: 'https://webinars.example.com/w/123', campaign: 'Webinar Nov' });
    const attended = byId('ev-1');
    expect(attended).toMatchObject({ kind: 'webinar_attended' });
    expect(attended).not.toHaveProperty('url');
  });

  it('returns null for unknown types and for other portals’ custom events', () => {
    expect(byId('ev-0')).toBeNull();
    expect(byId('ev-x')).toBeNull();
  });

  it('returns null for an unreadable time', () => {
    expect(fromHubSpotWebEvent({ id: 'z', eventType: 'e_visited_page', objectId: '51', objectType: 'CONTACT', occurredAt: 'yesterday' }, '4711')).toBeNull();
  });

  it('only produces valid EngagementEvents', () => {
    for (const raw of page.results) {
      const e = fromHubSpotWebEvent(raw, '4711');
      if (e) expect(engagementEventSchema.parse(e)).toEqual(e);
    }
  });
});

describe('fromHubSpotEmailEvent', () => {
  const page = hubSpotEmailEventsPageSchema.parse(loadFixture('email-events.json'));
  const campaign = hubSpotEmailCampaignSchema.parse(loadFixture('email-campaign.json'));
  const byId = (id: string, name: string | null = campaign.name ?? null, subject: string | null = campaign.subject ?? null) => {
    const raw = page.events.find((e) => e.id === id);
    if (!raw) throw new Error(id);
    return fromHubSpotEmailEvent(raw, name, subject);
  };

  it('maps DELIVERED, OPEN and CLICK; ignores SENT and BOUNCE', () => {
    expect(byId('e-deliv')).toMatchObject({ kind: 'email_delivered', occurredAt: 1763200002000, source: 'hubspot-email' });
    expect(byId('e-open')).toMatchObject({ kind: 'email_opened' });
    expect(byId('e-open')).not.toHaveProperty('likelyBot');
    expect(byId('e-click')).toMatchObject({ kind: 'email_clicked', url: 'https://www.example.com/pricing?utm_campaign=q4' });
    expect(byId('e-sent')).toBeNull();
    expect(byId('e-bounce')).toBeNull();
  });

  it('names the campaign verbatim and uses the subject as title', () => {
    expect(byId('e-open')).toMatchObject({ campaign: 'Q4 nurture #2 <script>', title: 'How Acme cut re-planning by 80%' });
  });

  it('falls back to the campaign id without a name', () => {
    expect(byId('e-open', null, null)).toMatchObject({ campaign: '301' });
    expect(byId('e-open', null, null)).not.toHaveProperty('title');
  });

  it('flags HubSpot-filtered events as likely bots, with a reason', () => {
    const e = byId('e-open-bot');
    expect(e?.likelyBot).toBe(true);
    expect(e?.botReason).toMatch(/bot|scanner/i);
  });

  it('drops a javascript: click URL', () => {
    const e = byId('e-click-js');
    expect(e?.kind).toBe('email_clicked');
    expect(e).not.toHaveProperty('url');
  });

  it('only produces valid EngagementEvents', () => {
    for (const raw of page.events) {
      const e = fromHubSpotEmailEvent(raw, 'c', 's');
      if (e) expect(engagementEventSchema.parse(e)).toEqual(e);
    }
  });
});

describe('fromHubSpotEngagement', () => {
  const batch = hubSpotBatchReadResponseSchema.parse(loadFixture('engagements-batch.json'));
  const object = (properties: Record<string, string | null>) => ({ id: '1', properties, createdAt: '2026-11-20T14:00:00.000Z', updatedAt: '2026-11-20T14:00:00.000Z' });

  it('maps a connected call', () => {
    const call = batch.results[0];
    if (!call) throw new Error('fixture');
    expect(fromHubSpotEngagement('calls', call)).toEqual({
      id: 'hubspot-call:7001',
      kind: 'call',
      occurredAt: at('2026-11-20T14:20:00.000Z'),
      ownerId: '910',
      automated: false,
      direction: 'outbound',
      connected: true,
      summary: 'Discovery call',
    });
  });

  it('reads the call direction from the user\'s side: INBOUND the lead called, OUTBOUND the rep did', () => {
    expect(fromHubSpotEngagement('calls', object({ hubspot_owner_id: '910', hs_call_direction: 'INBOUND' }))).toMatchObject({ direction: 'inbound', ownerId: '910' });
    expect(fromHubSpotEngagement('calls', object({ hs_call_direction: 'OUTBOUND' })).direction).toBe('outbound');
    expect(fromHubSpotEngagement('calls', object({})).direction).toBe('unknown');
    expect(fromHubSpotEngagement('calls', object({ hs_call_direction: 'inbound' })).direction).toBe('unknown');
  });

  it('maps call outcomes to connected true/false/unknown', () => {
    expect(fromHubSpotEngagement('calls', object({ hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20' })).connected).toBe(false);
    expect(fromHubSpotEngagement('calls', object({ hs_call_disposition: 'custom-outcome' })).connected).toBeNull();
  });

  it('marks sequence emails as automated, manual emails as human', () => {
    const manual = fromHubSpotEngagement('emails', object({ hs_timestamp: '2026-11-20T15:00:00.000Z', hubspot_owner_id: '910', hs_email_direction: 'EMAIL', hs_email_status: 'SENT', hs_email_subject: 'Re: your demo' }));
    expect(manual).toMatchObject({ kind: 'email', automated: false, ownerId: '910', summary: 'Re: your demo' });
    const sequence = fromHubSpotEngagement('emails', object({ hubspot_owner_id: '910', hs_email_direction: 'EMAIL', hs_sequence_id: '555' }));
    expect(sequence).toMatchObject({ kind: 'sequence_email', automated: true });
    expect(sequence.occurredAt).toBe(at('2026-11-20T14:00:00.000Z'));
  });

  it('does not attribute an incoming email to the owner, and marks it inbound', () => {
    expect(fromHubSpotEngagement('emails', object({ hubspot_owner_id: '910', hs_email_direction: 'INCOMING_EMAIL' }))).toMatchObject({ ownerId: null, direction: 'inbound' });
  });

  it('email directions: EMAIL outbound, FORWARDED_EMAIL and a missing one unknown', () => {
    expect(fromHubSpotEngagement('emails', object({ hubspot_owner_id: '910', hs_email_direction: 'EMAIL' }))).toMatchObject({ ownerId: '910', direction: 'outbound' });
    expect(fromHubSpotEngagement('emails', object({ hubspot_owner_id: '910', hs_email_direction: 'FORWARDED_EMAIL' }))).toMatchObject({ ownerId: '910', direction: 'unknown' });
    expect(fromHubSpotEngagement('emails', object({ hubspot_owner_id: '910' })).direction).toBe('unknown');
  });

  it('meetings carry no direction in HubSpot', () => {
    expect(fromHubSpotEngagement('meetings', object({ hubspot_owner_id: '910', hs_meeting_outcome: 'COMPLETED' })).direction).toBe('unknown');
  });

  it('maps meetings and their outcome', () => {
    const m = fromHubSpotEngagement('meetings', object({ hs_timestamp: '2026-11-25T10:00:00.000Z', hs_meeting_title: 'Demo <b>', hs_meeting_outcome: 'NO_SHOW', hubspot_owner_id: '910' }));
    expect(m).toMatchObject({ kind: 'meeting', connected: false, summary: 'Demo <b>', occurredAt: at('2026-11-25T10:00:00.000Z') });
    expect(touchSchema.parse(m)).toEqual(m);
  });
});

describe('fromHubSpotOwner', () => {
  it('joins the name and tolerates missing parts', () => {
    expect(fromHubSpotOwner({ id: '1', firstName: 'Sam' })).toEqual({ id: '1', name: 'Sam', email: null });
    expect(fromHubSpotOwner({ id: '2', email: 'x@example.com' })).toEqual({ id: '2', name: null, email: 'x@example.com' });
  });
});
