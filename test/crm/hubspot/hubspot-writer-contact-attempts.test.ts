import { describe, expect, it } from 'vitest';
import type { ContactAttempt } from '../../../lib/crm/crm-port';
import { CONTACT_ID, DISPOSITION_ID, ref, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/* A contact attempt logged in HubSpot: a call, an email or a note, once per attempt. */
describe('createHubSpotWriter.logContactAttempt', () => {
  const attempt = (overrides: Partial<ContactAttempt> = {}): ContactAttempt => ({
    id: '11111111-2222-4333-8444-555555555555',
    channel: 'call',
    connected: false,
    note: 'Left a voicemail <b>',
    at: Date.parse('2026-11-22T14:00:00.000Z'),
    ownerId: '910',
    ...overrides,
  });

  it('a call: the exact create body; a repeat reuses it (one call)', async () => {
    const { fake, writer, objects } = setupWriter();
    expect(await writer.logContactAttempt(ref, attempt())).toEqual({ id: '9000', reused: false });
    expect(await writer.logContactAttempt(ref, attempt())).toEqual({ id: '9000', reused: true });
    expect(objects.calls).toHaveLength(1);
    const post = fake.requests.find((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/calls')!;
    expect(post.body).toEqual({
      properties: {
        hs_timestamp: '2026-11-22T14:00:00.000Z',
        hs_call_title: 'Call attempt',
        hs_call_body: 'Left a voicemail &lt;b&gt;<br><br>Baton attempt 11111111-2222-4333-8444-555555555555',
        hs_call_direction: 'OUTBOUND',
        hs_call_status: 'NO_ANSWER',
        hubspot_owner_id: '910',
      },
      associations: [{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
    });
  });

  it('a connected call is COMPLETED', async () => {
    const { objects, writer } = setupWriter();
    await writer.logContactAttempt(ref, attempt({ connected: true, note: null, ownerId: null }));
    expect(objects.calls[0]!.properties).toMatchObject({ hs_call_status: 'COMPLETED', hs_call_body: expect.stringContaining('Connected.') });
    expect(objects.calls[0]!.properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('an email: a logged, sent email associated with type 198; idempotent', async () => {
    const { fake, writer, objects } = setupWriter();
    await writer.logContactAttempt(ref, attempt({ channel: 'email', note: 'Sent the case study' }));
    await writer.logContactAttempt(ref, attempt({ channel: 'email', note: 'Sent the case study' }));
    expect(objects.emails).toHaveLength(1);
    const post = fake.requests.find((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/emails')!;
    expect(post.body).toEqual({
      properties: {
        hs_timestamp: '2026-11-22T14:00:00.000Z',
        hs_email_direction: 'EMAIL',
        hs_email_status: 'SENT',
        hs_email_subject: 'Email attempt',
        hs_email_text: 'Sent the case study\n\nBaton attempt 11111111-2222-4333-8444-555555555555',
        hubspot_owner_id: '910',
      },
      associations: [{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 198 }] }],
    });
  });

  it('a social attempt: a note titled "Social attempt (LinkedIn)"; idempotent', async () => {
    const { writer, objects } = setupWriter();
    await writer.logContactAttempt(ref, attempt({ channel: 'social', note: 'Connection request' }));
    await writer.logContactAttempt(ref, attempt({ channel: 'social', note: 'Connection request' }));
    expect(objects.notes).toHaveLength(1);
    expect(objects.notes[0]!.properties['hs_note_body']).toBe(
      'Social attempt (LinkedIn)<br>No reply yet.<br>Connection request<br><br>Baton attempt 11111111-2222-4333-8444-555555555555',
    );
  });

  it('an attempt note is not mistaken for a disposition note (and vice versa)', async () => {
    const { writer, objects } = setupWriter();
    await writer.logContactAttempt(ref, attempt({ id: DISPOSITION_ID, channel: 'social' }));
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note?.reused).toBe(false);
    expect(objects.notes).toHaveLength(2);
  });
});
