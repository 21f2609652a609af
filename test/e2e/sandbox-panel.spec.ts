import { readJson } from './support/read-sandbox';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';

test.describe('panel on the sandbox CRM', () => {
  test("appears beside a lead record with that lead's data and engagement", async ({ page, sandbox }) => {
    const id = SANDBOX_SCENARIOS.demoPrimary;
    const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=firstname,lastname,company`);
    await page.goto(recordUrl(sandbox, id));

    const iframe = page.locator('iframe[title="Baton lead panel"]');
    await expect(iframe).toHaveCount(1);
    const panel = panelFrame(page);
    const fullName = `${contact.properties.firstname} ${contact.properties.lastname}`;
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(fullName);
    await expect(panel.getByText(String(contact.properties.company), { exact: false }).first()).toBeVisible();
    // The header always shows the SLA countdown; the brief is the first tab.
    await expect(panel.getByRole('timer')).toBeVisible();
    await expect(panel.getByRole('region', { name: "Why they're here" })).toBeVisible();
    await panel.getByRole('tab', { name: /^Timeline/ }).click();
    await expect(panel.getByTestId('timeline-row').first()).toBeVisible();
    // The timeline is newest first.
    const times = await panel.locator('[data-testid="timeline-row"] time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
    expect(times.length).toBeGreaterThan(2);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('follows client-side navigation to another lead, and leaves non-record pages', async ({ page, sandbox }) => {
    const first = SANDBOX_SCENARIOS.demoPrimary;
    const second = SANDBOX_SCENARIOS.demoSecondary;
    const secondContact = await readJson(sandbox, `/crm/v3/objects/contacts/${second}?properties=firstname,lastname`);
    await page.goto(recordUrl(sandbox, first));
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
    const frameBefore = await page.locator('iframe[title="Baton lead panel"]').elementHandle();

    // Client-side navigation (pushState), as CRMs do: no page load.
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${second}`);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`${secondContact.properties.firstname} ${secondContact.properties.lastname}`);
    // One panel, re-targeted — not a second iframe.
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(1);
    expect(await frameBefore!.evaluate((el) => el.isConnected)).toBe(true);

    // Off record pages the panel goes away.
    await page.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/reports/${SANDBOX_PORTAL_ID}`);
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(0);

    // And comes back on the way back.
    await page.goBack();
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(1);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`${secondContact.properties.firstname} ${secondContact.properties.lastname}`);
  });

  test('is absent on pages that are not lead records', async ({ page, sandbox }) => {
    await page.goto(`${sandbox.url}/contacts/${SANDBOX_PORTAL_ID}/objects/0-1/views/all/list`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(0);
    await page.goto(`${sandbox.url}/reports/${SANDBOX_PORTAL_ID}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toHaveCount(0);
  });

  test('collapses and expands from the keyboard', async ({ page, sandbox }) => {
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    const toggle = page.getByRole('button', { name: 'Collapse Baton panel' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Expand Baton panel' })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(page.locator('iframe[title="Baton lead panel"]')).toBeVisible();
  });

  test('renders hostile engagement strings as text, and links only https URLs', async ({ page, sandbox }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.hostile));
    const panel = panelFrame(page);
    await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'In their words' })).toContainText('<img src=x onerror=alert(1)>');
    await panel.getByRole('tab', { name: /^Timeline/ }).click();
    await expect(panel.getByTestId('timeline-row').first()).toBeVisible();
    const hrefs = await panel.locator('a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href.startsWith('https://')).toBe(true);
    expect(await panel.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('CRM failures are explained in the panel', () => {
  test('a 500 from the CRM shows a clear error with a retry that recovers', async ({ page, sandbox, extension }) => {
    let failing = true;
    await extension.context.route(`${sandbox.url}/crm/v3/objects/contacts/**`, async (route) => {
      if (!failing) return route.continue();
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ status: 'error', message: 'internal error', correlationId: 'c-1', category: 'INTERNAL_ERROR' }),
      });
    });
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    const panel = panelFrame(page);
    await expect(panel.getByRole('alert')).toContainText('The CRM is having trouble', { timeout: 20_000 });
    failing = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('malformed JSON from the CRM shows a clear error, not a blank panel', async ({ page, sandbox, extension }) => {
    await extension.context.route(`${sandbox.url}/crm/v3/objects/contacts/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "101", "properties": {' }),
    );
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    const panel = panelFrame(page);
    await expect(panel.getByRole('alert')).toContainText('The CRM sent data Baton does not understand');
  });

  test('a response of the wrong shape names what is wrong', async ({ page, sandbox, extension }) => {
    await extension.context.route(`${sandbox.url}/crm/v3/objects/contacts/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id: 101, properties: 'nope' }) }),
    );
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.demoPrimary));
    await expect(panelFrame(page).getByRole('alert')).toContainText('does not understand');
  });
});

test.describe('first touch', () => {
  test('a call logged by the owner in the CRM stops the SLA clock when the rep comes back to the panel', async ({ page, sandbox }) => {
    await page.goto(recordUrl(sandbox, SANDBOX_SCENARIOS.atRisk));
    const panel = panelFrame(page);
    const timer = panel.getByRole('timer');
    await expect(timer).toBeVisible();
    await expect(timer).not.toHaveAttribute('data-sla-state', /^met/);

    // The rep logs the call in the CRM itself (the sandbox's own "Log call"), not in Baton.
    await page.getByTestId('log-call').first().click();
    await page.getByTestId('log-call-notes').fill('Spoke with them; demo booked for Tuesday.');
    await page.getByTestId('log-call-save').click();
    await expect(page.getByTestId('timeline-item').first()).toContainText(/call/i);

    // Back in the panel (a call takes a while): focus refetches the lead, and the first touch
    // stops the clock. Focus within a few seconds of the last read does not refetch.
    await page.waitForTimeout(5_500);
    await panel.getByRole('heading', { level: 1 }).click();
    await expect(timer).toHaveAttribute('data-sla-state', /^met/, { timeout: 15_000 });
  });
});
