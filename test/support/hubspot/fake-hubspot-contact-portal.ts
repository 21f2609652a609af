import type { FakeRoute } from './fake-hubspot-fetch';
import { jsonResponse } from './fake-hubspot-fetch';
import { fakeHubSpotClient } from './fake-hubspot-client';

/** The one contact the fake portal holds. */
export const PORTAL_CONTACT_ID = '51';

export interface StoredObject {
  id: string;
  properties: Record<string, string>;
}

/**
 * A tiny stateful HubSpot portal behind the fake fetch: one contact, its notes/calls/emails, and
 * no HubSpot Leads records (those: hubspot-leads-sync.test.ts). `overrides` replace its routes.
 */
export function createFakeContactPortal(overrides: Record<string, FakeRoute> = {}) {
  const CONTACT_ID = PORTAL_CONTACT_ID;
  let nextId = 9000;
  const contact: Record<string, string> = {};
  const objects: Record<'notes' | 'calls' | 'emails', StoredObject[]> = { notes: [], calls: [], emails: [] };
  const stamp = { createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false };
  const routes: Record<string, FakeRoute> = {};
  for (const type of ['notes', 'calls', 'emails'] as const) {
    routes[`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/${type}`] = () =>
      jsonResponse({ results: objects[type].map((o) => ({ toObjectId: Number(o.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }] })) });
    routes[`POST /crm/v3/objects/${type}/batch/read`] = (r) => {
      const { inputs, properties } = r.body as { inputs: { id: string }[]; properties: string[] };
      const results = inputs.flatMap(({ id }) => {
        const found = objects[type].find((o) => o.id === id);
        return found ? [{ id, properties: Object.fromEntries(properties.map((p) => [p, found.properties[p] ?? null])), ...stamp }] : [];
      });
      return jsonResponse({ status: 'COMPLETE', results });
    };
    routes[`POST /crm/v3/objects/${type}`] = (r) => {
      const body = r.body as { properties: Record<string, string> };
      const created = { id: String(nextId++), properties: body.properties };
      objects[type].push(created);
      return jsonResponse({ ...created, ...stamp }, { status: 201 });
    };
  }
  routes[`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`] = () => jsonResponse({ results: [] });
  routes[`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`] = (r) => {
    Object.assign(contact, (r.body as { properties: Record<string, string> }).properties);
    return jsonResponse({ id: CONTACT_ID, properties: { ...contact }, ...stamp });
  };
  Object.assign(routes, overrides);
  const { fake, client } = fakeHubSpotClient(routes, { delayMs: 1 });
  return { fake, client, contact, objects };
}
