import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { fromHubSpotContact, fromHubSpotOwner } from '../../../lib/crm/hubspot/hubspot-contact-mappers';
import { fromHubSpotEmailEvent, fromHubSpotWebEvent } from '../../../lib/crm/hubspot/hubspot-event-mappers';
import {
  hubSpotContactSchema,
  hubSpotEmailEventsPageSchema,
  hubSpotOwnerSchema,
  hubSpotPropertyDefinitionsSchema,
  hubSpotV1EngagementsPageSchema,
  hubSpotWebEventsPageSchema,
  hubSpotBatchReadResponseSchema,
} from '../../../lib/crm/hubspot/hubspot-schemas';
import { fromHubSpotEngagementV1 } from '../../../lib/crm/hubspot/hubspot-touch-mappers';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';

/*
 * Item 13 of the hostile-input suite, HubSpot side: malformed answers fuzzed at the parser. Every
 * answer — truncated JSON, an HTML page with 200, nulls where arrays belong, 10 MB, deep nesting,
 * numbers where strings are documented — ends as data or a CrmError the panel can show, never
 * another exception; and a field Baton does not read never fails the answer it came in.
 */

type Json = unknown;
const clone = <T>(value: T): T => structuredClone(value);

function clientAnswering(body: string, status = 200, contentType = 'application/json') {
  return createHubSpotClient({
    baseUrl: 'https://api.hubapi.com',
    getAccessToken: async () => 'pat-na1-test',
    fetch: async () => new Response(body, { status, headers: { 'Content-Type': contentType } }),
  });
}

/** Data or a CrmError: anything else (a TypeError, a RangeError) is a crash the panel would show as a blank. */
async function outcome(schema: z.ZodType, body: string, status = 200, contentType?: string): Promise<'data' | CrmError> {
  try {
    await clientAnswering(body, status, contentType).request('GET', '/any', { schema });
    return 'data';
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
}

const SOURCES: { name: string; schema: z.ZodType; fixture: Json }[] = [
  { name: 'contact', schema: hubSpotContactSchema, fixture: loadFixture('contact.json') },
  { name: 'owner', schema: hubSpotOwnerSchema, fixture: loadFixture('owner.json') },
  { name: 'web events', schema: hubSpotWebEventsPageSchema, fixture: loadFixture('web-events.json') },
  { name: 'email events', schema: hubSpotEmailEventsPageSchema, fixture: loadFixture('email-events.json') },
  { name: 'engagements (v1)', schema: hubSpotV1EngagementsPageSchema, fixture: loadFixture('engagements-v1-associated.json') },
  { name: 'engagements (batch read)', schema: hubSpotBatchReadResponseSchema, fixture: loadFixture('engagements-batch.json') },
  { name: 'property definitions', schema: hubSpotPropertyDefinitionsSchema, fixture: loadFixture('properties-contacts.json') },
];

describe('HubSpot answers that are not what the docs promise end as a CrmError, never a crash', () => {
  it.each(SOURCES)('$name: the recorded answer parses (the baseline)', async ({ schema, fixture }) => {
    expect(await outcome(schema, JSON.stringify(fixture))).toBe('data');
  });

  it.each(SOURCES)('$name: truncated at any point', async ({ schema, fixture }) => {
    const text = JSON.stringify(fixture);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
        const result = await outcome(schema, text.slice(0, cut));
        // An empty body is "nothing", which the schema refuses; any other cut is not JSON.
        expect(result).toBeInstanceOf(CrmError);
        expect((result as CrmError).kind).toBe('bad_response');
      }),
      { numRuns: 30 },
    );
  });

  it.each(SOURCES)('$name: an HTML page with status 200 (a proxy, a login wall)', async ({ schema }) => {
    const result = await outcome(schema, '<!doctype html><html><body><h1>Sign in</h1><script>alert(1)</script></body></html>', 200, 'text/html');
    expect(result).toBeInstanceOf(CrmError);
    expect((result as CrmError).kind).toBe('bad_response');
    expect((result as CrmError).message).not.toContain('<script>');
  });

  it.each(SOURCES)('$name: null, a number or a string where the whole answer or an array belongs', async ({ schema, fixture }) => {
    for (const body of ['null', '42', '"results"', '[]', '{}', 'true']) {
      const result = await outcome(schema, body);
      expect(result, body).toBeInstanceOf(CrmError);
    }
    const arrays = Object.entries(fixture as Record<string, Json>).filter(([, v]) => Array.isArray(v));
    for (const [key] of arrays) {
      const broken = { ...(fixture as Record<string, Json>), [key]: null };
      const result = await outcome(schema, JSON.stringify(broken));
      expect(result === 'data' || result instanceof CrmError, key).toBe(true);
    }
  });

  it.each(SOURCES)('$name: 10 MB in a field Baton does not read still parses', async ({ schema, fixture }) => {
    const padded = { ...(fixture as Record<string, Json>), padding: 'x'.repeat(10 * 1024 * 1024) };
    expect(await outcome(schema, JSON.stringify(padded))).toBe('data');
  });

  it.each(SOURCES)('$name: 100,000 levels of nesting, alone and in a field Baton does not read', async ({ schema, fixture }) => {
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = '{"a":'.repeat(100_000) + 'null' + '}'.repeat(100_000);
    for (const body of [deepArray, deepObject]) {
      const result = await outcome(schema, body);
      expect(result).toBeInstanceOf(CrmError);
    }
    const text = JSON.stringify(fixture);
    const withDeep = `${text.slice(0, -1)},"nested":${deepObject}}`;
    expect(await outcome(schema, withDeep)).toBe('data');
  });
});

/** Fields Baton never reads, by answer: any JSON value there must change nothing. */
const contact = loadFixture<Record<string, Json>>('contact.json');
const owner = loadFixture<Record<string, Json>>('owner.json');
const webEvents = loadFixture<{ results: Record<string, Json>[] }>('web-events.json');
const emailEvents = loadFixture<{ events: Record<string, Json>[] }>('email-events.json');
const v1 = loadFixture<{ results: Record<string, Json>[] }>('engagements-v1-associated.json');

const ref = { crm: 'hubspot', account: '42', id: String(contact.id), objectType: 'contact' as const };
const mapContact = (value: Json) => fromHubSpotContact(hubSpotContactSchema.parse(value), { ref, owner: null, formFieldLabels: {} });
const mapOwner = (value: Json) => fromHubSpotOwner(hubSpotOwnerSchema.parse(value));
const mapWebEvents = (value: Json) => hubSpotWebEventsPageSchema.parse(value).results.map((e) => fromHubSpotWebEvent(e, '42'));
const mapEmailEvents = (value: Json) => hubSpotEmailEventsPageSchema.parse(value).events.map((e) => fromHubSpotEmailEvent(e, null));
const mapV1 = (value: Json) => hubSpotV1EngagementsPageSchema.parse(value).results.map((e) => fromHubSpotEngagementV1(e));

function historyEntries(value: Record<string, Json>): Record<string, Json>[] {
  return Object.values((value.propertiesWithHistory ?? {}) as Record<string, Record<string, Json>[]>).flat();
}

const UNUSED: { name: string; fixture: Json; map: (value: Json) => unknown; mutate: (copy: any, junk: Json) => void }[] = [
  { name: 'contact: an unknown top-level field', fixture: contact, map: mapContact, mutate: (c, junk) => (c.somethingNew = junk) },
  { name: "contact: a history entry's updatedByUserId", fixture: contact, map: mapContact, mutate: (c, junk) => (historyEntries(c)[0]!.updatedByUserId = junk) },
  { name: "contact: every history entry's updatedByUserId", fixture: contact, map: mapContact, mutate: (c, junk) => historyEntries(c).forEach((h) => (h.updatedByUserId = junk)) },
  { name: 'contact: archived', fixture: contact, map: mapContact, mutate: (c, junk) => (c.archived = junk) },
  { name: 'contact: a property Baton did not ask for', fixture: contact, map: mapContact, mutate: (c, junk) => (c.properties.hs_unrequested_thing = junk) },
  { name: 'contact: an unknown association kind', fixture: contact, map: mapContact, mutate: (c, junk) => ((c.associations ??= {}).somethingElse = junk) },
  { name: 'owner: userId', fixture: owner, map: mapOwner, mutate: (o, junk) => (o.userId = junk) },
  { name: 'owner: teams and other fields', fixture: owner, map: mapOwner, mutate: (o, junk) => ((o.teams = junk), (o.type = junk), (o.createdAt = junk)) },
  { name: 'web events: a property Baton does not read', fixture: webEvents, map: mapWebEvents, mutate: (w, junk) => (w.results[0].properties.hs_screen_width = junk) },
  { name: 'web events: an unknown field on an event', fixture: webEvents, map: mapWebEvents, mutate: (w, junk) => (w.results[0].somethingNew = junk) },
  { name: 'email events: portalId, appId and others', fixture: emailEvents, map: mapEmailEvents, mutate: (e, junk) => ((e.events[0].portalId = junk), (e.events[0].appId = junk), (e.events[0].browser = junk)) },
  { name: 'engagements (v1): attachments and metadata', fixture: v1, map: mapV1, mutate: (v, junk) => ((v.results[0].attachments = junk), (v.results[0].scheduledTasks = junk)) },
  { name: 'engagements (v1): the engagement\'s active and source flags', fixture: v1, map: mapV1, mutate: (v, junk) => ((v.results[0].engagement.active = junk), (v.results[0].engagement.portalId = junk)) },
];

describe('a field Baton does not read never fails the answer it came in', () => {
  it.each(UNUSED)('$name', ({ fixture, map, mutate }) => {
    const baseline = map(clone(fixture));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (junk) => {
        const copy = clone(fixture);
        mutate(copy, junk);
        expect(map(copy)).toEqual(baseline);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ids sent as numbers where the docs say strings', () => {
  it('a contact, owner and web event with numeric ids are read as the same strings', () => {
    const numericContact = { ...clone(contact), id: Number(contact.id) };
    expect(mapContact(numericContact)).toEqual(mapContact(clone(contact)));
    const numericOwner = { ...clone(owner), id: Number(owner.id) };
    expect(mapOwner(numericOwner)).toEqual(mapOwner(clone(owner)));
    const numericEvents = clone(webEvents);
    numericEvents.results = numericEvents.results.map((e) => ({ ...e, objectId: Number(e.objectId) }));
    expect(mapWebEvents(numericEvents)).toEqual(mapWebEvents(clone(webEvents)));
  });

  it('an id that is neither a string nor a number is a clear CrmError for the whole answer', async () => {
    const result = await outcome(hubSpotContactSchema, JSON.stringify({ ...contact, id: { $oid: '1' } }));
    expect(result).toBeInstanceOf(CrmError);
    expect((result as CrmError).message).toMatch(/unexpected response .*id/);
  });
});
