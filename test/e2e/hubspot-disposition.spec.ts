import type { Page } from '@playwright/test';
import { BATON_PROPERTY_NAMES } from '../../lib/crm/hubspot/baton-properties';
import { decodeQualificationInputs, MAX_QUALIFICATION_INPUTS_CHARS } from '../../lib/domain/qualification/qualification-inputs';
import { DAILY_LIMIT_MESSAGE } from '../../lib/outbox/delivery-policy';
import { expect, panelFrame, test } from './fixtures';
import { HUBSPOT_CONTACT, HUBSPOT_PORTAL, VALID_TOKEN, installScriptedHubSpot } from './support/scripted-hubspot';
import type { LaunchedExtension } from '../../lib/harness/launch-extension';
import type { ScriptedHubSpot } from './support/scripted-hubspot';

// The production build against a scripted HubSpot: what Baton really sends to api.hubapi.com.
test.use({ build: 'production' });

const RECORD = `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/${HUBSPOT_CONTACT}`;
const NOTES_OF_CONTACT = `/crm/v4/objects/contacts/${HUBSPOT_CONTACT}/associations/notes`;
const CONTACT_PATH = `/crm/v3/objects/contacts/${HUBSPOT_CONTACT}`;

/** The admin connects HubSpot and sets up the Baton properties, both from the options page. */
async function connectAndSetUp(extension: LaunchedExtension) {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'Access token' }).fill(VALID_TOKEN);
  await options.getByRole('form', { name: 'HubSpot access token' }).getByRole('button', { name: 'Save and test' }).click();
  await expect(options.getByText(`Connected to HubSpot portal ${HUBSPOT_PORTAL}`)).toBeVisible({ timeout: 30_000 }); // a fresh profile: the first answer waits for the first policy read
  await expect(options.getByText('The token has every scope Baton needs.')).toBeVisible();
  await expect(options.getByTestId('rate-limit-headroom')).toContainText('249,000 of 250,000 calls left today');
  await options.getByRole('button', { name: 'Set up Baton properties in HubSpot' }).click();
  await expect(options.getByText(/^Created \d+ properties/)).toBeVisible();
  await options.close();
}

/** The rep's flow (as in disposition.spec.ts): evidence on the checklist, reject as competitor, confirm, save. */
async function rejectAsCompetitor(page: Page) {
  const panel = panelFrame(page);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Ada <img src=x onerror=alert(1)>');
  await panel.getByRole('tab', { name: /^Qualify/ }).click();
  await panel.getByRole('button', { name: 'Record evidence for Need: a stated problem' }).click();
  await panel.getByRole('textbox', { name: 'Stated problem', exact: true }).fill('Evaluating us for a competitive teardown');
  await panel.getByRole('button', { name: 'Met', exact: true }).click();
  await expect(panel.locator('[data-criterion="need"]')).toHaveAttribute('data-status', 'met');

  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('checkbox', { name: 'Price' }).check();
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await expect(panel.getByRole('region', { name: 'Write this to the CRM?' })).toContainText('Will set lead status to Unqualified');
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
}

function writes(hubspot: ScriptedHubSpot) {
  return {
    patches: hubspot.requests.filter((r) => r.method === 'PATCH' && r.path.split('?')[0] === CONTACT_PATH),
    noteCreates: hubspot.requests.filter((r) => r.method === 'POST' && r.path === '/crm/v3/objects/notes'),
  };
}

test.describe('disposition written to HubSpot (production build, scripted API)', () => {
  test('rejected as competitor: PATCH with UNQUALIFIED and Baton properties as strings, exactly one note (type 202)', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connectAndSetUp(extension);
    await page.goto(RECORD);
    await rejectAsCompetitor(page);
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 20_000 });

    const { patches, noteCreates } = writes(hubspot);
    expect(patches).toHaveLength(1);
    const properties = (patches[0]!.body as { properties: Record<string, unknown> }).properties;
    // Every value is a string (HubSpot's wire format); the only "" are deliberate clears of
    // Baton's fields that a rejection does not have (an earlier disposition may have set them).
    expect(Object.values(properties).every((value) => typeof value === 'string')).toBe(true);
    expect(Object.keys(properties).filter((name) => properties[name] === '').sort()).toEqual([BATON_PROPERTY_NAMES.stage, BATON_PROPERTY_NAMES.recycleDate].sort());
    expect(properties).toMatchObject({
      hs_lead_status: 'UNQUALIFIED',
      [BATON_PROPERTY_NAMES.disposition]: 'rejected',
      [BATON_PROPERTY_NAMES.reasonId]: 'competitor',
      [BATON_PROPERTY_NAMES.reason]: 'Competitor',
      [BATON_PROPERTY_NAMES.objections]: 'price',
      // The contact converted on "Demo request": the default policy's 5-minute tier.
      [BATON_PROPERTY_NAMES.slaTier]: 'Demo request',
    });
    // Every property a disposition writes, and nothing else (the escalation properties are the
    // queue's, written only when an SLA step escalates an untouched lead).
    const escalationProperties: string[] = [BATON_PROPERTY_NAMES.escalation, BATON_PROPERTY_NAMES.escalationAt, BATON_PROPERTY_NAMES.escalationId];
    const dispositionProperties = Object.values(BATON_PROPERTY_NAMES).filter((name) => !escalationProperties.includes(name));
    expect(Object.keys(properties).sort()).toEqual(['hs_lead_status', ...dispositionProperties].sort());
    const dispositionId = properties[BATON_PROPERTY_NAMES.dispositionId] as string;
    expect(dispositionId).toMatch(/^[0-9a-f-]{36}$/);

    // What the definition saw, as plain JSON text: the prospect's hostile name stays text, the
    // rep's evidence is there, and it is replayable at the decision time.
    const rawInputs = properties[BATON_PROPERTY_NAMES.qualificationInputs] as string;
    expect(rawInputs.length).toBeLessThanOrEqual(MAX_QUALIFICATION_INPUTS_CHARS);
    const decoded = decodeQualificationInputs(rawInputs, { crm: 'hubspot', account: HUBSPOT_PORTAL, id: HUBSPOT_CONTACT, objectType: 'contact' });
    if (!decoded.ok) throw new Error(`inputs not readable: ${decoded.detail}`);
    expect(decoded.inputs.lead.lastName).toBe('<img src=x onerror=alert(1)>');
    expect(decoded.inputs.repEvidence?.need).toMatchObject({ status: 'met', evidence: { problem: 'Evaluating us for a competitive teardown' } });
    expect(decoded.inputs.evaluatedAt).toBe(Date.parse(properties[BATON_PROPERTY_NAMES.dispositionAt] as string));

    expect(noteCreates).toHaveLength(1);
    expect(hubspot.notes).toHaveLength(1);
    const note = hubspot.notes[0]!;
    expect(note.associations).toEqual([{ contactId: HUBSPOT_CONTACT, typeId: 202 }]);
    expect(note.properties.hs_note_body).toContain(`Baton disposition ${dispositionId}`);
    expect(note.properties.hs_note_body).toContain('Evaluating us for a competitive teardown');
    // The note was looked for before it was created (idempotent on retry).
    const lookup = hubspot.requests.findIndex((r) => r.path.startsWith(NOTES_OF_CONTACT));
    expect(lookup).toBeGreaterThanOrEqual(0);
    expect(lookup).toBeLessThan(hubspot.requests.indexOf(noteCreates[0]!));
  });

  test('a 429 TEN_SECONDLY_ROLLING waits and then delivers exactly once', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connectAndSetUp(extension);
    await page.goto(RECORD);
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toBeVisible();
    hubspot.queue(NOTES_OF_CONTACT, {
      status: 429,
      body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'c-429', policyName: 'TEN_SECONDLY_ROLLING', groupName: 'publicapi:private-app:4711' },
      headers: { 'retry-after': '1' },
    });
    await rejectAsCompetitor(page);
    await expect(panelFrame(page).locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 30_000 });

    const lookups = hubspot.requests.filter((r) => r.path.startsWith(NOTES_OF_CONTACT));
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    const { patches, noteCreates } = writes(hubspot);
    expect(patches).toHaveLength(1);
    expect(noteCreates).toHaveLength(1);
    expect(hubspot.notes).toHaveLength(1);
  });

  test('a 429 DAILY parks the disposition and the Outcome tab says so', async ({ page, extension }) => {
    const hubspot = await installScriptedHubSpot(extension.context);
    await connectAndSetUp(extension);
    await page.goto(RECORD);
    await expect(panelFrame(page).getByRole('heading', { level: 1 })).toBeVisible();
    hubspot.queue(NOTES_OF_CONTACT, {
      status: 429,
      body: { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', correlationId: 'c-429d', policyName: 'DAILY', groupName: 'publicapi:private-app-daily:4711' },
    });
    await rejectAsCompetitor(page);

    const parked = panelFrame(page).locator('[data-outbox-state="parked"]');
    await expect(parked).toBeVisible({ timeout: 20_000 });
    await expect(parked).toContainText(/Waiting for the daily API limit to reset \(at \d{2}:\d{2} UTC\)/);
    await expect(parked).toContainText(DAILY_LIMIT_MESSAGE);
    // Nothing was written, and nothing is retried behind the rep's back.
    await page.waitForTimeout(1_500);
    const { patches, noteCreates } = writes(hubspot);
    expect(patches).toHaveLength(0);
    expect(noteCreates).toHaveLength(0);
    expect(hubspot.requests.filter((r) => r.path.startsWith(NOTES_OF_CONTACT))).toHaveLength(1);
  });
});
