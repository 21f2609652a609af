import { SALESFORCE_LEAD_SCENARIOS } from '../../lib/sandbox/salesforce/salesforce-scenarios';
import { loginWithPkce } from '../sandbox/salesforce/salesforce-test-kit';
import { expect, panelFrame, test } from './fixtures';

/*
 * A Salesforce Lead on the sandbox CRM, which speaks Salesforce's REST dialect and serves
 * Lightning-like record pages (demo build): the panel reads the lead through the Salesforce
 * provider (OAuth with PKCE against the sandbox, SOQL, composite), and the rep's disposition lands
 * in the org as a Status, Baton's fields and exactly one Task.
 */

const LEAD = SALESFORCE_LEAD_SCENARIOS.competitor;

async function soql(sandboxUrl: string, token: string, q: string) {
  const response = await fetch(`${sandboxUrl}/services/data/v62.0/query?q=${encodeURIComponent(q)}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { records: Record<string, unknown>[] };
}

test('a Salesforce lead: the panel, then rejected as competitor: Status and Baton fields written, exactly one Task', async ({ page, sandbox }) => {
  test.setTimeout(90_000);
  await page.goto(`${sandbox.url}/lightning/r/Lead/${LEAD}/view`);
  const panel = panelFrame(page);
  await expect(panel.getByRole('timer')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: "Why they're here" })).toBeVisible();

  await panel.getByRole('tab', { name: 'Outcome' }).click();
  await panel.getByText('Reject', { exact: true }).click();
  await panel.getByLabel('Reason').selectOption({ label: 'Competitor' });
  await panel.getByRole('button', { name: 'Review and save' }).click();
  await panel.getByRole('button', { name: 'Save to CRM' }).click();
  await expect(panel.locator('[data-outbox-state="delivered"]')).toBeVisible({ timeout: 30_000 });

  const { access_token: token } = await loginWithPkce(sandbox.url);
  const lead = (await soql(sandbox.url, token, `SELECT Id, Status, Baton_Disposition__c, Baton_Disposition_Reason_Id__c, Baton_Disposition_Id__c FROM Lead WHERE Id = '${LEAD}'`)).records[0]!;
  expect(lead.Status).toBe('Closed - Not Converted');
  expect(lead.Baton_Disposition__c).toBe('rejected');
  expect(lead.Baton_Disposition_Reason_Id__c).toBe('competitor');
  const tasks = await soql(sandbox.url, token, `SELECT Id, Baton_Id__c FROM Task WHERE WhoId = '${LEAD}' AND Baton_Id__c = '${String(lead.Baton_Disposition_Id__c)}'`);
  expect(tasks.records).toHaveLength(1);
});
