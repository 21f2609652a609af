import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { CONTACT_ID, DELIVERED_AT, DISPOSITION_ID, makeDisposition, noteBody, patchBody, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/* The note the HubSpot writer logs on the contact for a disposition, and the order of its writes. */
describe('createHubSpotWriter.recordDisposition: the note and the order of writes', () => {
  it('reads associated notes, creates the note, then PATCHes; returns the receipt', async () => {
    const { fake, writer } = setupWriter();
    const receipt = await writer.recordDisposition(write());
    expect(fake.paths()).toEqual([
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/notes`,
      'POST /crm/v3/objects/notes',
      `PATCH /crm/v3/objects/contacts/${CONTACT_ID}`,
      // Then its HubSpot Leads records (none here): hubspot-leads-sync.test.ts.
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`,
    ]);
    expect(receipt).toEqual({
      properties: Object.keys(patchBody(fake.requests).properties),
      note: { id: '9000', reused: false },
      deliveredAt: DELIVERED_AT,
    });
    const body = noteBody(fake.requests);
    expect(body.associations).toEqual([{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }]);
    expect(body.properties['hs_timestamp']).toBe('2026-11-22T15:04:05.000Z');
    expect(body.properties['hubspot_owner_id']).toBe('910');
  });

  it('puts outcome, reason, objections, note, checklist evidence, SLA, brief and the marker (last) in the note', async () => {
    const { fake, writer } = setupWriter();
    const disposition = makeDisposition({
      outcome: 'rejected',
      acceptedStage: null,
      reasonId: 'competitor',
      objections: { tags: ['price', 'security_review'], text: 'Already signed with Acme' },
      note: 'Call back never',
    });
    await writer.recordDisposition(write(disposition));
    const html = noteBody(fake.requests).properties['hs_note_body']!;
    const lines = html.split('<br>');
    expect(lines[0]).toBe('Baton disposition: Rejected — Competitor');
    expect(html).toContain('Objections: Price, Security review');
    expect(html).toContain('Objections in the rep&#39;s words: Already signed with Acme');
    expect(html).toContain('Rep&#39;s note: Call back never');
    expect(html).toContain('SQL definition default-sql v3: sales-qualified');
    expect(html).toContain('- [met] Budget (auto): amount: 50000; currency: EUR');
    expect(html).toContain('- [unknown] Authority (rep)');
    expect(html).toContain('- [unmet] Geography (auto): country: Atlantis');
    expect(html).toContain('SLA: met; response time 4 min (business time)');
    expect(html).toContain('- Asked for a demo yesterday');
    expect(lines.at(-1)).toBe(`Baton disposition ${DISPOSITION_ID}`);
  });

  it('escapes every hostile string that reaches the note', async () => {
    const { fake, writer } = setupWriter();
    const disposition = makeDisposition({
      rep: { id: '910', name: '<svg onload=alert(1)>' },
      note: '<script>alert("note")</script>',
      objections: { tags: [], text: '<img src=x onerror=alert(2)>' },
      checklist: [{ id: 'need', label: '<b>Need</b>', group: 'bant', status: 'met', decidedBy: 'rep', evidence: { quote: '<iframe src="https://evil.example">' } }],
    });
    await writer.recordDisposition(write(disposition, ['Said "we need it" & <a href="javascript:alert(3)">click</a>']));
    const html = noteBody(fake.requests).properties['hs_note_body']!;
    // The only markup in the note is the line breaks Baton put there.
    expect(html.replace(/<br>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('quote: &lt;iframe src=&quot;https://evil.example&quot;&gt;');
    expect(html).toContain('&lt;b&gt;Need&lt;/b&gt;');
    expect(html).toContain('Said &quot;we need it&quot; &amp; &lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;');
  });


  it('leaves hubspot_owner_id out when the rep id is not a HubSpot owner id', async () => {
    const { fake, writer } = setupWriter();
    await writer.recordDisposition(write(makeDisposition({ rep: { id: 'rep@example.com', name: 'Rita' } })));
    expect(noteBody(fake.requests).properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('writes the note without an owner when HubSpot refuses the rep as owner', async () => {
    const message = 'Property values were not valid: [{"isValid":false,"message":"910 was not one of the allowed options","error":"INVALID_OPTION","name":"hubspot_owner_id"}]';
    const bodies: Record<string, string>[] = [];
    const { writer } = setupWriter({
      routes: {
        'POST /crm/v3/objects/notes': (r) => {
          const body = r.body as { properties: Record<string, string> };
          bodies.push(body.properties);
          if (body.properties['hubspot_owner_id']) return jsonResponse({ status: 'error', message, category: 'VALIDATION_ERROR' }, { status: 400 });
          return jsonResponse({ id: '77', properties: body.properties, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z' }, { status: 201 });
        },
      },
    });
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note).toEqual({ id: '77', reused: false });
    expect(bodies.map((b) => b['hubspot_owner_id'] ?? null)).toEqual(['910', null]);
  });

});
