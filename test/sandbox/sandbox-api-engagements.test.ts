import { describe, expect, it } from 'vitest';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * Notes, calls and their associations to contacts in the sandbox: creating them with associations
 * or a default-association PUT, finding them by v4 associations, batch read and search (an id in a
 * note body by CONTAINS_TOKEN), refusing bad creates, and the seeded touches of the touched lead.
 */

const sandbox = sandboxForThisFile();

describe('engagements and associations', () => {
  it('creates a note associated to a contact and finds it via v4 associations, batch read and search', async () => {
    const contactId = SANDBOX_SCENARIOS.demoPrimary;
    const created = await sandbox.call('/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: '2026-11-22T15:30:00.000Z', hs_note_body: 'Baton disposition d-123: accepted', hubspot_owner_id: '81300101' },
        associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      },
    });
    expect(created.status).toBe(201);
    const noteId = created.body.id as string;
    expect(created.body.properties).toMatchObject({ hs_note_body: 'Baton disposition d-123: accepted', hs_timestamp: '2026-11-22T15:30:00.000Z', hs_object_id: noteId });

    const links = await sandbox.call(`/crm/v4/objects/contacts/${contactId}/associations/notes`);
    expect(links.status).toBe(200);
    const link = links.body.results.find((r: any) => String(r.toObjectId) === noteId);
    expect(link.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 201, label: null }]);

    const read = await sandbox.call('/crm/v3/objects/notes/batch/read', { body: { inputs: [{ id: noteId }], properties: ['hs_note_body'] } });
    expect(read.body.results[0].properties.hs_note_body).toBe('Baton disposition d-123: accepted');

    const search = await sandbox.call('/crm/v3/objects/notes/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: contactId }] }], properties: ['hs_note_body'] },
    });
    expect(search.body.results.map((r: any) => r.id)).toContain(noteId);
  });

  it('finds a note by an id inside its body with CONTAINS_TOKEN (hyphenated ids match as a phrase)', async () => {
    const dispositionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const created = await sandbox.call('/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: '2026-11-22T15:40:00Z', hs_note_body: `<p>Disposition: rejected (no budget)</p><p>baton:${dispositionId}</p>` },
        associations: [{ to: { id: SANDBOX_SCENARIOS.breached }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      },
    });
    const search = (value: string) =>
      sandbox.call('/crm/v3/objects/notes/search', {
        body: {
          filterGroups: [{ filters: [
            { propertyName: 'associations.contact', operator: 'EQ', value: SANDBOX_SCENARIOS.breached },
            { propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value },
          ] }],
        },
      });
    expect((await search(dispositionId)).body.results.map((r: any) => r.id)).toEqual([created.body.id]);
    expect((await search('budget')).body.total).toBe(1);
    expect((await search('bud*')).body.total).toBe(1);
    expect((await search('7c9e6679-0000-40de-944b-e07fc1f90ae7')).body.total).toBe(0);
  });

  it('rejects creates with an unknown association target or a missing hs_timestamp', async () => {
    const badTarget = await sandbox.call('/crm/v3/objects/calls', {
      body: { properties: { hs_timestamp: '2026-11-22T15:30:00Z' }, associations: [{ to: { id: '999999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }] },
    });
    expect(badTarget.status).toBe(400);
    const noTimestamp = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_note_body: 'x' } } });
    expect(noTimestamp.status).toBe(400);
  });

  it('creates a default association with PUT and lists it from both sides', async () => {
    const note = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: String(Date.parse('2026-11-22T15:31:00Z')), hs_note_body: 'unlinked' } } });
    expect(note.body.properties.hs_timestamp).toBe('2026-11-22T15:31:00.000Z');
    const put = await sandbox.call(`/crm/v4/objects/notes/${note.body.id}/associations/default/contacts/${SANDBOX_SCENARIOS.demoSecondary}`, { method: 'PUT' });
    expect(put.status).toBe(200);
    expect(put.body.status).toBe('COMPLETE');
    expect(put.body.results[0].associationSpec).toEqual({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 });
    const fromNote = await sandbox.call(`/crm/v4/objects/notes/${note.body.id}/associations/contacts`);
    expect(fromNote.body.results.map((r: any) => String(r.toObjectId))).toEqual([SANDBOX_SCENARIOS.demoSecondary]);
  });

  it('lists the seeded touches for the touched lead: a call by the owner after assignment', async () => {
    const calls = await sandbox.call('/crm/v3/objects/calls/search', {
      body: {
        filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: SANDBOX_SCENARIOS.touched }] }],
        properties: ['hs_timestamp', 'hubspot_owner_id', 'hs_call_disposition'],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }],
      },
    });
    expect(calls.body.total).toBe(1);
    const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.touched}?properties=hubspot_owner_id,hubspot_owner_assigneddate`);
    expect(calls.body.results[0].properties.hubspot_owner_id).toBe(contact.body.properties.hubspot_owner_id);
    expect(Date.parse(calls.body.results[0].properties.hs_timestamp)).toBeGreaterThan(Date.parse(contact.body.properties.hubspot_owner_assigneddate));
  });
});
