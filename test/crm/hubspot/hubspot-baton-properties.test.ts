import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { BATON_PROPERTIES, BATON_PROPERTY_GROUP, ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { jsonResponse, type FakeRoute } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';
/* "Set up Baton properties": the property group and Baton's contact properties in a HubSpot portal. */
describe('ensureBatonProperties', () => {
  function propertyRoutes(existing: Record<string, { type: string; fieldType: string; options?: { label: string; value: string }[] }> | 'all', groupExists: boolean) {
    const created: string[] = [];
    const routes: Record<string, FakeRoute> = {
      'POST /crm/v3/properties/contacts/groups': (r) =>
        groupExists
          ? jsonResponse({ status: 'error', message: "Property group named 'baton' already exists.", category: 'OBJECT_ALREADY_EXISTS' }, { status: 409 })
          : jsonResponse({ ...(r.body as object), archived: false }, { status: 201 }),
      'POST /crm/v3/properties/contacts': (r) => {
        const body = r.body as { name: string; label: string; type: string; fieldType: string; groupName: string; options?: unknown[] };
        if (existing === 'all' || existing[body.name]) {
          return jsonResponse({ status: 'error', message: `Property named '${body.name}' already exists.`, category: 'OBJECT_ALREADY_EXISTS' }, { status: 409 });
        }
        created.push(body.name);
        return jsonResponse({ ...body, options: body.options ?? [] }, { status: 201 });
      },
      'GET *': (r) => {
        const name = r.url.pathname.split('/').at(-1)!;
        const definition = BATON_PROPERTIES.find((p) => p.name === name)!;
        const actual = existing === 'all' ? definition : (existing[name] ?? definition);
        return jsonResponse({ name, label: definition.label, groupName: 'baton', options: [], ...actual });
      },
    };
    return { routes, created };
  }

  it('creates the group, then each property with a valid type/fieldType pair', async () => {
    const { routes, created } = propertyRoutes({}, false);
    const { fake, client } = fakeHubSpotClient(routes, { delayMs: 0, token: 't' });
    const result = await ensureBatonProperties(client);
    expect(result).toEqual({ created: BATON_PROPERTIES.map((p) => p.name), existing: [], mismatched: [] });
    expect(created).toHaveLength(BATON_PROPERTIES.length);
    expect(fake.requests[0]!.body).toEqual({ name: 'baton', label: 'Baton', displayOrder: -1 });
    expect(BATON_PROPERTY_GROUP.name).toBe('baton');
    const validPairs = new Set(['string/text', 'enumeration/select', 'number/number', 'datetime/date', 'date/date']);
    for (const request of fake.requests.slice(1)) {
      const body = request.body as { type: string; fieldType: string; groupName: string; options?: { value: string; hidden: boolean }[] };
      expect(validPairs.has(`${body.type}/${body.fieldType}`)).toBe(true);
      expect(body.groupName).toBe('baton');
      if (body.type === 'enumeration') expect(body.options?.length).toBeGreaterThan(0);
      else expect(body).not.toHaveProperty('options');
    }
    const sla = BATON_PROPERTIES.find((p) => p.name === 'baton_sla_outcome')!;
    expect(sla.options?.map((o) => o.value).sort()).toEqual(['at_risk', 'breached', 'met', 'met_late', 'not_started', 'on_track']);
    expect(BATON_PROPERTIES.find((p) => p.name === 'baton_disposition')!.options?.map((o) => o.value)).toEqual(['accepted', 'recycled', 'rejected']);
  });

  it('treats 409 as "already exists" and reads the definition back: a matching one is fine', async () => {
    const { routes } = propertyRoutes('all', true);
    const { client } = fakeHubSpotClient(routes, { delayMs: 0, token: 't' });
    const result = await ensureBatonProperties(client);
    expect(result).toEqual({ created: [], existing: BATON_PROPERTIES.map((p) => p.name), mismatched: [] });
  });

  it('reports an existing property whose type does not fit, or that lacks options', async () => {
    const { routes, created } = propertyRoutes(
      {
        baton_response_time_minutes: { type: 'string', fieldType: 'text' },
        baton_sla_outcome: { type: 'enumeration', fieldType: 'select', options: [{ label: 'Met', value: 'met' }] },
      },
      true,
    );
    const { client } = fakeHubSpotClient(routes, { delayMs: 0, token: 't' });
    const result = await ensureBatonProperties(client);
    expect(result.existing).toEqual(['baton_sla_outcome', 'baton_response_time_minutes']);
    expect(created).toHaveLength(BATON_PROPERTIES.length - 2);
    expect(result.mismatched.map((m) => [m.name, m.actual?.type, m.problem])).toEqual([
      ['baton_sla_outcome', 'enumeration', expect.stringContaining('lacks the options not_started, on_track, at_risk, breached, met_late')],
      ['baton_response_time_minutes', 'string', expect.stringContaining('exists as a string property; Baton writes a number')],
    ]);
  });

  it('reports a property whose name is taken by an archived one', async () => {
    const { routes } = propertyRoutes({ baton_objections: { type: 'string', fieldType: 'text' } }, true);
    routes['GET /crm/v3/properties/contacts/baton_objections'] = () => jsonResponse({ status: 'error', message: 'Unable to find property baton_objections' }, { status: 404 });
    const { client } = fakeHubSpotClient(routes, { delayMs: 0, token: 't' });
    const result = await ensureBatonProperties(client);
    expect(result.created).toHaveLength(BATON_PROPERTIES.length - 1);
    expect(result.mismatched).toEqual([
      { name: 'baton_objections', expected: { type: 'string', fieldType: 'text' }, actual: null, problem: expect.stringContaining('archived') },
    ]);
  });

  it('any other failure stops the setup with the CrmError', async () => {
    const { client } = fakeHubSpotClient({ 'POST /crm/v3/properties/contacts/groups': () => jsonResponse({ status: 'error', message: 'missing scopes' }, { status: 403 }) }, { delayMs: 0, token: 't' });
    const error = (await ensureBatonProperties(client).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('forbidden');
  });
});
