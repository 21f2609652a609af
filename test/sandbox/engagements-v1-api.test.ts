import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSpotV1EngagementsPageSchema } from '../../lib/crm/hubspot/hubspot-schemas';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

/** The sandbox's legacy `GET /engagements/v1/engagements/associated/{type}/{id}/paged`. */

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

const path = (contactId: string, query = '') => `/engagements/v1/engagements/associated/CONTACT/${contactId}/paged${query}`;

async function readAll(contactId: string, limit: number) {
  const pages: unknown[] = [];
  let offset: number | undefined;
  for (let i = 0; i < 50; i++) {
    const response = await sandbox.call(path(contactId, `?limit=${limit}${offset === undefined ? '' : `&offset=${offset}`}`));
    expect(response.status).toBe(200);
    const page = hubSpotV1EngagementsPageSchema.parse(response.body);
    pages.push(page);
    if (!page.hasMore) return { pages, results: pages.flatMap((p) => (p as typeof page).results) };
    offset = Number(page.offset);
  }
  throw new Error('paging did not end');
}

describe('GET /engagements/v1/engagements/associated/CONTACT/{id}/paged', () => {
  it("lists the contact's calls, emails and meetings in HubSpot's v1 shape, from the records v3 serves", async () => {
    const id = SANDBOX_SCENARIOS.touched;
    const response = await sandbox.call(path(id));
    expect(response.status).toBe(200);
    const page = hubSpotV1EngagementsPageSchema.parse(response.body);
    expect(page.hasMore).toBe(false);
    expect(page.results.map((r) => r.engagement.type).sort()).toEqual(['CALL', 'EMAIL', 'MEETING']);
    for (const item of response.body.results) {
      expect(typeof item.engagement.id).toBe('number');
      expect(typeof item.engagement.timestamp).toBe('number');
      expect(typeof item.engagement.ownerId).toBe('number');
      expect(item.associations.contactIds).toEqual([Number(id)]);
      expect(item.attachments).toEqual([]);
    }
    // Newest first.
    const times = page.results.map((r) => r.engagement.timestamp as number);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const email = response.body.results.find((r: any) => r.engagement.type === 'EMAIL');
    const v3 = await sandbox.call(`/crm/v3/objects/emails/${email.engagement.id}?properties=hs_email_subject,hs_timestamp,hubspot_owner_id`);
    expect(email.metadata.subject).toBe(v3.body.properties.hs_email_subject);
    expect(email.engagement.timestamp).toBe(Date.parse(v3.body.properties.hs_timestamp));
    expect(String(email.engagement.ownerId)).toBe(v3.body.properties.hubspot_owner_id);
    const call = response.body.results.find((r: any) => r.engagement.type === 'CALL');
    expect(call.metadata).toMatchObject({ status: 'COMPLETED', disposition: expect.any(String), durationMilliseconds: expect.any(Number), body: expect.any(String) });
    const meeting = response.body.results.find((r: any) => r.engagement.type === 'MEETING');
    expect(meeting.metadata).toMatchObject({ title: expect.any(String), startTime: expect.any(Number), endTime: expect.any(Number) });
  });

  it('pages with limit/offset/hasMore: every engagement exactly once, in the same order as one big page', async () => {
    const id = SANDBOX_SCENARIOS.touched;
    const whole = await readAll(id, 100);
    const paged = await readAll(id, 1);
    expect(paged.pages.length).toBe(whole.results.length);
    expect(paged.results.map((r) => r.engagement.id)).toEqual(whole.results.map((r) => r.engagement.id));
    const last = await sandbox.call(path(id, `?limit=1&offset=${whole.results.length}`));
    expect(last.body).toEqual({ results: [], hasMore: false, offset: whole.results.length });
  });

  it('marks sequence emails with the SEQUENCES source, and includes notes and tasks', async () => {
    const sequence = await sandbox.call(path(SANDBOX_SCENARIOS.sequenceOnly));
    expect(sequence.body.results.length).toBeGreaterThan(0);
    expect(sequence.body.results.every((r: any) => r.engagement.type === 'EMAIL' && r.engagement.source === 'SEQUENCES')).toBe(true);
    const hostile = await sandbox.call(path(SANDBOX_SCENARIOS.hostile));
    expect(hostile.body.results.some((r: any) => r.engagement.type === 'NOTE' && typeof r.metadata.body === 'string')).toBe(true);
    const withTask = await sandbox.call(path(SANDBOX_SCENARIOS.demoPrimary));
    expect(withTask.body.results.some((r: any) => r.engagement.type === 'TASK' && r.metadata.status === 'NOT_STARTED')).toBe(true);
  });

  it('shows a note created through v3 (how Baton logs a social attempt) on the next read', async () => {
    const id = SANDBOX_SCENARIOS.noEngagement;
    const before = await sandbox.call(path(id));
    const created = await sandbox.call('/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: '2026-11-22T14:00:00.000Z', hs_note_body: 'Social attempt (LinkedIn)<br>No reply yet.<br><br>Baton attempt 11111111-2222-4333-8444-555555555555', hubspot_owner_id: '81300101' },
        associations: [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      },
    });
    expect(created.status).toBe(201);
    const after = await sandbox.call(path(id));
    expect(after.body.results).toHaveLength(before.body.results.length + 1);
    expect(after.body.results[0]).toMatchObject({
      engagement: { id: Number(created.body.id), type: 'NOTE', ownerId: 81300101, timestamp: Date.parse('2026-11-22T14:00:00.000Z') },
      metadata: { body: expect.stringContaining('Baton attempt 11111111-2222-4333-8444-555555555555') },
    });
  });

  it('answers a contact without engagements with an empty page', async () => {
    const response = await sandbox.call(path('999999'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ results: [], hasMore: false, offset: 0 });
  });

  it('refuses bad parameters with 400 in HubSpot error shape', async () => {
    for (const bad of [path(SANDBOX_SCENARIOS.touched, '?limit=0'), path(SANDBOX_SCENARIOS.touched, '?offset=abc'), '/engagements/v1/engagements/associated/CALL/7/paged', path('abc')]) {
      const response = await sandbox.call(bad);
      expect(response.status, bad).toBe(400);
      expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
  });

  it('needs a token like every API route', async () => {
    expect((await sandbox.call(path(SANDBOX_SCENARIOS.touched), { token: null })).status).toBe(401);
  });
});
