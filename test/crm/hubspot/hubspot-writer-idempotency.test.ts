import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { CONTACT_ID, DISPOSITION_ID, OTHER_ID, makeDisposition, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/*
 * A disposition is written once however often it is delivered: the note carries a marker, and a
 * retry finds its own note by that marker (never another disposition's).
 */
describe('createHubSpotWriter.recordDisposition: the note and the order of writes', () => {
  it('a retry after the note was created but before the PATCH reuses the note: exactly one note', async () => {
    let patches = 0;
    const { fake, writer, objects, contact } = setupWriter({
      routes: {
        [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: (r) => {
          patches++;
          // The service worker "died" mid-write the first time: HubSpot answered 503.
          if (patches === 1) return jsonResponse({ status: 'error', message: 'Service Unavailable', category: 'INTERNAL' }, { status: 503 });
          Object.assign(contact, (r.body as { properties: Record<string, string> }).properties);
          return jsonResponse({ id: CONTACT_ID, properties: contact, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z' });
        },
      },
    });
    const first = await writer.recordDisposition(write()).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CrmError);
    expect((first as CrmError).kind).toBe('server');
    expect((first as CrmError).retryable).toBe(true);
    expect(objects.notes).toHaveLength(1);
    expect(contact).not.toHaveProperty('baton_disposition_id');

    const second = await writer.recordDisposition(write());
    expect(second.note).toEqual({ id: objects.notes[0]!.id, reused: true });
    expect(objects.notes).toHaveLength(1);
    expect(contact['baton_disposition_id']).toBe(DISPOSITION_ID);
    expect(fake.paths().filter((p) => p === 'POST /crm/v3/objects/notes')).toHaveLength(1);
    expect(fake.paths()).toContain('POST /crm/v3/objects/notes/batch/read');

    // And a third delivery of the fully written disposition changes nothing either.
    const third = await writer.recordDisposition(write());
    expect(third.note).toEqual({ id: objects.notes[0]!.id, reused: true });
    expect(objects.notes).toHaveLength(1);
  });

  it("does not take another disposition's note for its own, even when a rep quoted its marker", async () => {
    const { writer, objects } = setupWriter();
    await writer.recordDisposition(write(makeDisposition({ id: OTHER_ID, note: `See Baton disposition ${DISPOSITION_ID}` })));
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note?.reused).toBe(false);
    expect(objects.notes).toHaveLength(2);
    expect(findMarkerId(objects.notes[0]!.properties['hs_note_body'], 'disposition')).toBe(OTHER_ID);
  });

  it('finds the marker among many notes, reading them 100 at a time', async () => {
    const { fake, writer, objects } = setupWriter();
    for (let i = 0; i < 150; i++) objects.notes.push({ id: String(100 + i), properties: { hs_note_body: `Call notes ${i}` } });
    objects.notes[130]!.properties['hs_note_body'] = `Earlier text<br><br>Baton&nbsp;disposition ${DISPOSITION_ID.toUpperCase()}`;
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note).toEqual({ id: '230', reused: true });
    const reads = fake.requests.filter((r) => r.url.pathname === '/crm/v3/objects/notes/batch/read');
    expect(reads.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 50]);
  });
});

describe('findMarkerId', () => {
  it('returns the last marker, lower-cased, tolerating re-rendered whitespace', () => {
    expect(findMarkerId(null, 'disposition')).toBeNull();
    expect(findMarkerId(`Baton disposition ${OTHER_ID} ... Baton disposition ${DISPOSITION_ID}`, 'disposition')).toBe(DISPOSITION_ID);
    expect(findMarkerId(`<p>Baton&nbsp;attempt\n${OTHER_ID.toUpperCase()}</p>`, 'attempt')).toBe(OTHER_ID);
    expect(findMarkerId(`Baton attempt ${OTHER_ID}`, 'disposition')).toBeNull();
  });
});
