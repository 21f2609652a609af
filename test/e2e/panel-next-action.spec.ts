import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl, test } from './fixtures';
import { readJson } from './support/read-sandbox';

/** Words that ask a rep to call or book (the tiers' next steps and the countdown's own words). */
const CALL_TO_ACTION = /call now|book the demo|call back|discovery call|happy to walk through/i;

test.describe('one next action', () => {
  test("a disqualified lead's panel holds no call to action: header, brief and checklist agree", async ({ page, sandbox }) => {
    // A student at a university, writing from a personal e-mail address, handed over and never touched.
    const id = SANDBOX_SCENARIOS.personalEmail;
    await page.goto(recordUrl(sandbox, id));
    const panel = panelFrame(page);
    const timer = panel.getByRole('timer');
    await expect(timer).toBeVisible();

    // The checklist rules the lead out...
    await panel.getByRole('tab', { name: /^Qualify/ }).click();
    await expect(panel.getByRole('tabpanel')).toContainText(/disqualified/i);

    // ...so the header says to record the outcome, in words and to a screen reader.
    await expect(timer).toHaveAttribute('data-next-action', 'record_outcome');
    await expect(timer).toContainText('record the outcome');
    await expect(timer).toHaveAttribute('aria-label', /record the outcome instead of calling/);
    await expect(panel.locator('header')).not.toContainText(CALL_TO_ACTION);

    // ...and so does the brief: no agreed next step, no opener.
    await panel.getByRole('tab', { name: 'Brief' }).click();
    const brief = panel.getByRole('tabpanel');
    await expect(brief.getByRole('region', { name: 'Next step' })).toContainText('Record the outcome');
    await expect(brief.getByRole('region', { name: 'Opener' })).toHaveCount(0);
    await expect(brief.getByRole('region', { name: 'Agreed next step' })).toHaveCount(0);
    await expect(brief).not.toContainText(CALL_TO_ACTION);

    // The Outcome tab offers recording it; accepting it anyway asks for a second look, with the reason.
    await panel.getByRole('tab', { name: 'Outcome' }).click();
    await panel.getByRole('radio', { name: 'Accept — working it' }).check();
    await expect(panel.getByText(/Will set lead status to \w/).first()).toBeVisible();
    await panel.getByRole('button', { name: 'Review and save' }).click();
    const confirm = panel.getByRole('region', { name: 'Write this to the CRM?' });
    await expect(confirm.getByRole('alert')).toContainText('The SQL definition disqualifies this lead');
    await expect(confirm.getByRole('alert')).toContainText('No contact attempt is logged');
    await expect(panel.getByRole('heading', { name: 'Write this to the CRM?' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Back' }).click();

    // Nothing was written.
    const contact = await readJson(sandbox, `/crm/v3/objects/contacts/${id}?properties=baton_disposition`);
    expect(contact.properties.baton_disposition ?? null).toBeNull();
  });
});
