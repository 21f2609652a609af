import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import type { ContactAttempt, CrmWriter } from '../../../lib/crm/crm-port';
import { BATON_PROPERTIES, ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { toHubSpotBatchRead } from '../../../lib/crm/hubspot/hubspot-requests';
import { hubSpotAssociationsV4PageSchema, hubSpotBatchReadResponseSchema, hubSpotContactSchema } from '../../../lib/crm/hubspot/hubspot-schemas';
import { createHubSpotWriter } from '../../../lib/crm/hubspot/hubspot-writer';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { dispositionSchema } from '../../../lib/domain/disposition/disposition';
import type { Disposition } from '../../../lib/domain/disposition/disposition';
import type { LeadRef } from '../../../lib/domain/lead';

/*
 * The HubSpot writer against Baton's sandbox CRM (lib/sandbox, which speaks the HubSpot dialect
 * and validates property writes as HubSpot does). The sandbox is written in parallel: it is
 * loaded dynamically so this file compiles and skips, with a message, where it does not exist.
 */

const SERVER_MODULE = fileURLToPath(new URL('../../../lib/sandbox/sandbox-server.ts', import.meta.url));
const sandboxExists = existsSync(SERVER_MODULE);
if (!sandboxExists) {
  console.warn('Skipping the HubSpot writer sandbox tests: lib/sandbox/sandbox-server.ts does not exist yet.');
}

interface SandboxServer {
  url: string;
  portalId: string;
  close(): Promise<void>;
}
type StartSandboxServer = (options: { port: number; dataFile: string; quiet?: boolean }) => Promise<SandboxServer>;

const DISPOSITION_ID = '0d6f1c2a-3b4c-4d5e-8f60-718293a4b5c6';
const ATTEMPT_ID = '7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b';
/** Seeded "touched" lead (lib/sandbox/scenarios.ts): has an owner and existing calls and emails. */
const CONTACT_ID = '106';
/** The same delivery every time: a retried write carries the same disposition and brief. */
const BRIEF = ['Pricing page 3x', 'Downloaded the <security> whitepaper'];

describe.skipIf(!sandboxExists)('HubSpot writer against the sandbox CRM', () => {
  let dir: string;
  let server: SandboxServer;
  let client: HubSpotClient;
  let writer: CrmWriter;
  let ref: LeadRef;
  let ownerId: string;

  const readContact = async () =>
    client.request('GET', `/crm/v3/objects/contacts/${CONTACT_ID}`, {
      query: { properties: ['hs_lead_status', 'hubspot_owner_id', ...BATON_PROPERTIES.map((p) => p.name)] },
      schema: hubSpotContactSchema,
    });

  /** Bodies of the contact's associated engagements of one type. */
  const readAssociated = async (type: 'notes' | 'calls' | 'emails', bodyProperty: string) => {
    const page = await client.request('GET', `/crm/v4/objects/contacts/${CONTACT_ID}/associations/${type}`, { query: { limit: 500 }, schema: hubSpotAssociationsV4PageSchema });
    const ids = page.results.map((r) => String(r.toObjectId));
    if (ids.length === 0) return [];
    const batch = await client.request('POST', `/crm/v3/objects/${type}/batch/read`, { body: toHubSpotBatchRead(ids, [bodyProperty, 'hubspot_owner_id', 'hs_call_status']), schema: hubSpotBatchReadResponseSchema });
    return batch.results;
  };

  const disposition = (): Disposition =>
    dispositionSchema.parse({
      id: DISPOSITION_ID,
      lead: ref,
      rep: { id: ownerId, name: 'Sandbox SDR' },
      outcome: 'recycled',
      acceptedStage: null,
      reasonId: 'bad_timing',
      recycleAt: Date.parse('2027-03-01T10:00:00.000Z'),
      objections: { tags: ['price'], text: 'Budget frozen <until Q2>' },
      note: 'Asked to reconnect in March & bring a case study',
      definitionId: 'default-sql',
      definitionVersion: '1.2.0',
      checklist: [{ id: 'budget', label: 'Budget', group: 'bant', status: 'unmet', decidedBy: 'rep', evidence: { note: 'frozen' } }],
      verdict: 'not_yet',
      sla: { state: 'met', responseTimeMs: 18 * 60_000 },
      responseTimeMs: 18 * 60_000,
      decidedAt: Date.parse('2026-11-22T15:30:00.000Z'),
      reasonListVersion: 1,
      attemptsMade: 2,
    });

  beforeAll(async () => {
    const { startSandboxServer } = (await import(/* @vite-ignore */ SERVER_MODULE)) as { startSandboxServer: StartSandboxServer };
    dir = mkdtempSync(join(tmpdir(), 'baton-hubspot-writer-sandbox-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true });
    client = createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox-token' });
    writer = createHubSpotWriter({ client, now: () => Date.parse('2026-11-22T15:30:01.000Z') });
    ref = { crm: 'sandbox', account: server.portalId, id: CONTACT_ID, objectType: 'contact' };
    const contact = await readContact();
    ownerId = contact.properties['hubspot_owner_id'] ?? '';
    expect(ownerId).toMatch(/^\d+$/);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Runs first, on a portal without the Baton properties; the tests below depend on this order.
  it('before setup: a disposition fails with the "Set up Baton properties" message (the note is already written)', async () => {
    const error = (await writer.recordDisposition({ disposition: disposition(), brief: BRIEF }).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/^HubSpot has no property "baton_[a-z_]+": run "Set up Baton properties" in Baton's options$/);
  });

  it('ensureBatonProperties creates the group and every property; a second run finds them all', async () => {
    const first = await ensureBatonProperties(client);
    expect(first).toEqual({ created: BATON_PROPERTIES.map((p) => p.name), existing: [], mismatched: [] });
    const second = await ensureBatonProperties(client);
    expect(second).toEqual({ created: [], existing: BATON_PROPERTIES.map((p) => p.name), mismatched: [] });
  });

  it('recording a disposition twice: mapped lead status, Baton properties, exactly one note', async () => {
    const write = { disposition: disposition(), brief: BRIEF };
    const first = await writer.recordDisposition(write);
    const second = await writer.recordDisposition(write);
    // The failed attempt before setup had already written the note: both deliveries reuse it.
    expect(first.note?.reused).toBe(true);
    expect(second.note).toEqual(first.note);

    const contact = await readContact();
    expect(contact.properties).toMatchObject({
      hs_lead_status: 'BAD_TIMING',
      baton_disposition: 'recycled',
      baton_disposition_reason: 'Bad timing',
      baton_disposition_reason_id: 'bad_timing',
      baton_definition_version: 'default-sql@1.2.0',
      baton_sla_outcome: 'met',
      baton_response_time_minutes: '18',
      baton_disposition_id: DISPOSITION_ID,
      baton_disposition_at: '2026-11-22T15:30:00.000Z',
      baton_objections: 'price',
      baton_recycle_date: '2027-03-01',
      baton_disposition_rep: 'Sandbox SDR',
    });
    // Not accepted: the stage is cleared (HubSpot reads a cleared property back as empty).
    expect(contact.properties['baton_disposition_stage'] || null).toBeNull();

    const notes = (await readAssociated('notes', 'hs_note_body')).filter((n) => findMarkerId(n.properties['hs_note_body'], 'disposition') === DISPOSITION_ID);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.id).toBe(first.note?.id);
    expect(notes[0]!.properties['hubspot_owner_id']).toBe(ownerId);
    expect(notes[0]!.properties['hs_note_body']).toContain('Budget frozen &lt;until Q2&gt;');
    expect(notes[0]!.properties['hs_note_body']).toContain('Downloaded the &lt;security&gt; whitepaper');
  });

  it('logging each kind of attempt twice creates one call, one email and one note', async () => {
    const base: ContactAttempt = { id: ATTEMPT_ID, channel: 'call', connected: false, note: 'Voicemail', at: Date.parse('2026-11-22T14:00:00.000Z'), ownerId };
    const callsBefore = (await readAssociated('calls', 'hs_call_body')).length;
    const call1 = await writer.logContactAttempt(ref, base);
    const call2 = await writer.logContactAttempt(ref, base);
    expect(call1.reused).toBe(false);
    expect(call2).toEqual({ id: call1.id, reused: true });
    const calls = await readAssociated('calls', 'hs_call_body');
    expect(calls).toHaveLength(callsBefore + 1);
    expect(calls.filter((c) => findMarkerId(c.properties['hs_call_body'], 'attempt') === ATTEMPT_ID).map((c) => c.properties['hs_call_status'])).toEqual(['NO_ANSWER']);

    const emailAttempt = { ...base, id: '8f9a0b1c-2d3e-4f5a-8b6c-7d8e9f0a1b2c', channel: 'email' as const, note: 'Sent the case study' };
    const email1 = await writer.logContactAttempt(ref, emailAttempt);
    const email2 = await writer.logContactAttempt(ref, emailAttempt);
    expect(email2).toEqual({ id: email1.id, reused: true });
    expect((await readAssociated('emails', 'hs_email_text')).filter((e) => findMarkerId(e.properties['hs_email_text'], 'attempt') === emailAttempt.id)).toHaveLength(1);

    const socialAttempt = { ...base, id: '9a0b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d', channel: 'social' as const, note: 'Connection request' };
    const social1 = await writer.logContactAttempt(ref, socialAttempt);
    const social2 = await writer.logContactAttempt(ref, socialAttempt);
    expect(social2).toEqual({ id: social1.id, reused: true });
    const socialNotes = (await readAssociated('notes', 'hs_note_body')).filter((n) => findMarkerId(n.properties['hs_note_body'], 'attempt') === socialAttempt.id);
    expect(socialNotes).toHaveLength(1);
    expect(socialNotes[0]!.properties['hs_note_body']).toContain('Social attempt (LinkedIn)');
  });

  it('a rep id that is not a sandbox owner still gets its note written, without an owner', async () => {
    const other = { ...disposition(), id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', rep: { id: '999999', name: 'Unknown rep' } };
    const receipt = await writer.recordDisposition({ disposition: other, brief: [] });
    expect(receipt.note?.reused).toBe(false);
    const note = (await readAssociated('notes', 'hs_note_body')).find((n) => n.id === receipt.note?.id);
    expect(note?.properties['hubspot_owner_id'] ?? null).toBeNull();
  });
});
