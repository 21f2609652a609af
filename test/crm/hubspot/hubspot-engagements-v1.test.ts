import { describe, expect, it } from 'vitest';
import { fromHubSpotEngagement, fromHubSpotEngagementV1, isKnownHubSpotV1EngagementType, isRedactedHubSpotV1Email } from '../../../lib/crm/hubspot/hubspot-touch-mappers';
import { hubSpotBatchReadResponseSchema, hubSpotV1EngagementsPageSchema } from '../../../lib/crm/hubspot/hubspot-schemas';
import type { HubSpotV1Engagement } from '../../../lib/crm/hubspot/hubspot-schemas';
import { createHubSpotWriter, toMarkedHtml } from '../../../lib/crm/hubspot/hubspot-writer';
import { attemptMarker, dispositionMarker } from '../../../lib/crm/disposition-record-text';
import type { LeadRef } from '../../../lib/domain/lead';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

/*
 * The legacy engagements v1 read (GET /engagements/v1/engagements/associated/CONTACT/{id}/paged):
 * its schema and the pure mapper onto Touch, on payloads shaped like HubSpot's documented examples.
 */

const page = hubSpotV1EngagementsPageSchema.parse(loadFixture('engagements-v1-associated.json'));
const byId = (id: string): HubSpotV1Engagement => {
  const item = page.results.find((r) => r.engagement.id === id);
  if (!item) throw new Error(`no engagement ${id} in the fixture`);
  return item;
};

describe('hubSpotV1EngagementsPageSchema', () => {
  it('reads the documented page: numeric ids become strings, paging fields kept, unknown fields allowed', () => {
    expect(page.hasMore).toBe(false);
    expect(page.offset).toBe(9);
    expect(page.results.map((r) => r.engagement.id)).toEqual(['7001', '8001', '8002', '8003', '9001', '9101', '9102', '9201', '9301']);
    expect(byId('7001').engagement.ownerId).toBe('910');
  });

  it('refuses a page whose engagement has no id or type (a bad_response, not a silent gap)', () => {
    expect(hubSpotV1EngagementsPageSchema.safeParse({ results: [{ engagement: { type: 'CALL' } }], hasMore: false }).success).toBe(false);
    expect(hubSpotV1EngagementsPageSchema.safeParse({ results: [{ engagement: { id: 1 } }], hasMore: false }).success).toBe(false);
    expect(hubSpotV1EngagementsPageSchema.safeParse({ results: [], hasMore: 'no' }).success).toBe(false);
  });
});

describe('fromHubSpotEngagementV1', () => {
  it('a logged call → a call touch by its owner, connected from the outcome GUID', () => {
    expect(fromHubSpotEngagementV1(byId('7001'))).toEqual({
      id: 'hubspot-call:7001',
      kind: 'call',
      occurredAt: Date.parse('2026-11-20T14:20:00.000Z'),
      ownerId: '910',
      automated: false,
      // v1 call metadata has numbers and an outcome but no direction.
      direction: 'unknown',
      connected: true,
      summary: '<p>Talked about routes</p>',
    });
  });

  it('gives the same touch as the v3 mapper for the same call (ids, time, owner, outcome), less the direction v1 lacks', () => {
    const v3 = hubSpotBatchReadResponseSchema.parse(loadFixture('engagements-batch.json')).results[0]!;
    const { summary: _v3Summary, direction: v3Direction, ...fromV3 } = fromHubSpotEngagement('calls', v3);
    const { summary: _v1Summary, direction: v1Direction, ...fromV1 } = fromHubSpotEngagementV1(byId('7001'))!;
    expect(fromV1).toEqual(fromV3);
    expect([v3Direction, v1Direction]).toEqual(['outbound', 'unknown']);
  });

  it("a call Baton logged as an attempt (its marker in the body) is outbound even in v1", () => {
    const attempt = { ...byId('7001'), metadata: { ...byId('7001').metadata, body: toMarkedHtml('No answer.', attemptMarker('11111111-2222-4333-8444-555555555555')) } };
    expect(fromHubSpotEngagementV1(attempt)?.direction).toBe('outbound');
  });

  it('an email the owner sent → an email touch with its subject', () => {
    expect(fromHubSpotEngagementV1(byId('8001'))).toMatchObject({ id: 'hubspot-email-activity:8001', kind: 'email', ownerId: '910', automated: false, direction: 'outbound', summary: 'Route planning demo' });
  });

  it('an email a sequence sent → an automated sequence email (never a human first touch)', () => {
    expect(fromHubSpotEngagementV1(byId('8002'))).toMatchObject({ kind: 'sequence_email', automated: true, ownerId: '910' });
  });

  it('an incoming email → inbound and no owner, so it cannot stop the SLA clock', () => {
    expect(fromHubSpotEngagementV1(byId('8003'))).toMatchObject({ id: 'hubspot-email-activity:8003', kind: 'email', ownerId: null, automated: false, direction: 'inbound', summary: 'Re: Route planning demo' });
  });

  it('a forwarded email keeps its owner, like the v3 path; who wrote it is unknown', () => {
    const forwarded = { ...byId('8001'), engagement: { ...byId('8001').engagement, type: 'FORWARDED_EMAIL' } };
    expect(fromHubSpotEngagementV1(forwarded)).toMatchObject({ kind: 'email', ownerId: '910', direction: 'unknown' });
  });

  it('a meeting → a meeting touch, connected when completed', () => {
    expect(fromHubSpotEngagementV1(byId('9001'))).toEqual({
      id: 'hubspot-meeting:9001',
      kind: 'meeting',
      occurredAt: Date.parse('2026-11-21T10:00:00.000Z'),
      ownerId: '910',
      automated: false,
      direction: 'unknown',
      connected: true,
      summary: 'Demo with Acme Logistics',
    });
    const noShow = { ...byId('9001'), metadata: { ...byId('9001').metadata, meetingOutcome: 'NO_SHOW' } };
    expect(fromHubSpotEngagementV1(noShow)?.connected).toBe(false);
  });

  it("Baton's social attempt note → a social touch; replied or not from the writer's status line", () => {
    expect(fromHubSpotEngagementV1(byId('9102'))).toEqual({
      id: 'hubspot-note:9102',
      kind: 'social',
      occurredAt: Date.parse('2026-11-21T11:00:00.000Z'),
      ownerId: '910',
      automated: false,
      direction: 'outbound',
      connected: true,
      summary: 'Social attempt (LinkedIn)',
    });
  });

  it('other notes, tasks and types Baton does not know are not touches', () => {
    expect(fromHubSpotEngagementV1(byId('9101'))).toBeNull();
    expect(fromHubSpotEngagementV1(byId('9201'))).toBeNull();
    expect(fromHubSpotEngagementV1(byId('9301'))).toBeNull();
    expect(isKnownHubSpotV1EngagementType('TASK')).toBe(true);
    expect(isKnownHubSpotV1EngagementType('CONVERSATION_SESSION')).toBe(false);
  });

  it("a note with Baton's disposition marker (not an attempt) is not a touch", () => {
    const note = { ...byId('9101'), metadata: { body: toMarkedHtml('Accepted: working', dispositionMarker('3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b')) } };
    expect(fromHubSpotEngagementV1(note)).toBeNull();
  });

  it('metadata that does not match its type still yields the touch, without the details', () => {
    const odd = { ...byId('7001'), metadata: { disposition: 42, body: ['not', 'text'] } };
    expect(fromHubSpotEngagementV1(odd)).toMatchObject({ id: 'hubspot-call:7001', kind: 'call', ownerId: '910', connected: null, summary: null });
  });

  it('falls back to createdAt when the timestamp is missing', () => {
    const item = { ...byId('8001'), engagement: { ...byId('8001').engagement, timestamp: null } };
    expect(fromHubSpotEngagementV1(item)?.occurredAt).toBe(byId('8001').engagement.createdAt);
  });
});

describe('isRedactedHubSpotV1Email', () => {
  const redacted = hubSpotV1EngagementsPageSchema.parse(loadFixture('engagements-v1-redacted-email.json')).results;

  it('recognises emails HubSpot redacted for want of sales-email-read; they still count as touches', () => {
    expect(redacted.map(isRedactedHubSpotV1Email)).toEqual([true, true]);
    expect(redacted.map((r) => fromHubSpotEngagementV1(r))).toEqual([
      expect.objectContaining({ id: 'hubspot-email-activity:8003', ownerId: null, summary: null }),
      expect.objectContaining({ id: 'hubspot-email-activity:8001', ownerId: '910', summary: null }),
    ]);
  });

  it('does not flag readable emails or other types', () => {
    expect(page.results.some(isRedactedHubSpotV1Email)).toBe(false);
  });
});

describe("round trip with Baton's writer", () => {
  const ref: LeadRef = { crm: 'hubspot', account: '4711', id: '51', objectType: 'contact' };

  async function socialNoteBody(connected: boolean): Promise<string> {
    let created: { properties: Record<string, string> } | null = null;
    const { client } = fakeHubSpotClient({
      'GET /crm/v4/objects/contacts/51/associations/notes': () => jsonResponse({ results: [] }),
      'POST /crm/v3/objects/notes': (r) => {
        created = r.body as { properties: Record<string, string> };
        return jsonResponse({ id: '9555', properties: created.properties, createdAt: '2026-11-22T14:00:00.000Z', updatedAt: '2026-11-22T14:00:00.000Z' }, { status: 201 });
      },
    }, { token: 't' });
    const writer = createHubSpotWriter({ client });
    await writer.logContactAttempt(ref, { id: '11111111-2222-4333-8444-555555555555', channel: 'social', connected, note: 'Sent a <b>connection</b> request', at: Date.parse('2026-11-22T14:00:00.000Z'), ownerId: '910' });
    return created!.properties['hs_note_body']!;
  }

  it.each([true, false])('the note the writer logs for a social attempt (replied: %s) reads back as that social touch', async (connected) => {
    const body = await socialNoteBody(connected);
    const item: HubSpotV1Engagement = {
      engagement: { id: '9555', type: 'NOTE', ownerId: '910', timestamp: Date.parse('2026-11-22T14:00:00.000Z') },
      metadata: { body },
    };
    expect(fromHubSpotEngagementV1(item)).toEqual({
      id: 'hubspot-note:9555',
      kind: 'social',
      occurredAt: Date.parse('2026-11-22T14:00:00.000Z'),
      ownerId: '910',
      automated: false,
      direction: 'outbound',
      connected,
      summary: 'Social attempt (LinkedIn)',
    });
  });
});
