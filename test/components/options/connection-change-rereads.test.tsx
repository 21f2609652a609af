// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionSettingsItem, DEFAULT_SANDBOX_URL, readConnectionSettings } from '../../../lib/storage/connection-settings';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled, settle as settleTurns } from '../../support/react/render-into-document';
import { typeInto } from '../../support/react/type-into';
import { withQueryClient } from '../../support/react/with-query-client';

/*
 * "Who you are" lists the people of the CRM Baton is connected to. The options page first reads
 * them from the connection it opened with; pointing Baton at another CRM (here another sandbox
 * address) must read them again, or the rep is left with the old CRM's people or its error and
 * nothing to choose (the team-rules e2e hung on exactly that: the list was read from the demo's
 * default address a moment before the test typed its own).
 */

vi.mock('../../../lib/crm/engagement-source-protocol', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendEngagementSourceRequest: async () => ({ configured: false, settings: null, hasSecret: false, check: null }),
}));
const { BatonRequestError } = await import('../../../lib/messaging/send-request');
const { ConnectionSection } = await import('../../../components/options/connection-section');
const { RepIdentitySection } = await import('../../../components/options/rep-identity-section');
const { settingsQueries } = await import('../../../lib/queries/settings-queries');

const TEST_SANDBOX = 'http://127.0.0.1:39999';

beforeEach(async () => {
  fakeBrowser.reset();
  await connectionSettingsItem.setValue({ schema: 2, provider: 'hubspot', address: 'sandbox', sandboxUrl: DEFAULT_SANDBOX_URL, providers: {} });
  // The background reads the address stored when the request arrives, and answers the owners
  // read once `answerOwners` is called (a fresh browser's first answers take seconds): nothing
  // listens at the demo's default address.
  ownersHeld = [];
  sendRequest.mockImplementation(async (request: { type: string }) => {
    const { sandboxUrl } = await readConnectionSettings();
    if (request.type === 'rep/get') return { rep: null, source: null, crmLabel: 'the sandbox CRM', canChoose: true, connected: true };
    if (request.type === 'rep/list-owners') {
      await new Promise<void>((resolve) => ownersHeld.push(resolve));
      if (sandboxUrl === DEFAULT_SANDBOX_URL) throw new BatonRequestError('network', 'Could not reach HubSpot (GET /crm/v3/owners): check the connection', true);
      return { owners: [{ ownerId: '81300102', name: 'Jordan Ellis', email: 'jordan@example.com' }] };
    }
    return { hasToken: false, check: null };
  });
});
let ownersHeld: (() => void)[] = [];
async function answerOwners() {
  for (const answer of ownersHeld.splice(0)) answer();
  await settle();
}

/** The options page's connection and "Who you are" sections, as OptionsPage mounts them. */
function Page() {
  const settings = useQuery(settingsQueries.connection());
  return settings.data ? (
    <>
      <ConnectionSection settings={settings.data} demoBuild />
      <RepIdentitySection />
    </>
  ) : null;
}

const settle = () => settleTurns(5);

const render = () => renderSettled(withQueryClient(<Page />), 5);

async function saveSandboxAddress(el: HTMLElement, url: string) {
  const label = [...el.querySelectorAll('label')].find((l) => l.textContent === 'Sandbox address')!;
  const field = el.querySelector(`#${CSS.escape(label.htmlFor)}`) as HTMLInputElement;
  await typeInto(field, url);
  await act(async () => field.form!.requestSubmit());
  await settle();
}

const whoYouAre = (el: HTMLElement) => el.querySelector('[aria-labelledby="rep-identity-heading"]')!;

describe('Options: another CRM connection reads "Who you are" again', () => {
  it('after the old address’s failure: the people of the newly chosen sandbox, so the rep can choose', async () => {
    const el = await render();
    await answerOwners();
    expect(whoYouAre(el).querySelector('[role="alert"]')?.textContent).toContain('Could not list the people in the sandbox CRM');
    expect(whoYouAre(el).querySelector('select')).toBeNull();

    await saveSandboxAddress(el, TEST_SANDBOX);
    await answerOwners();

    expect((await readConnectionSettings()).sandboxUrl).toBe(TEST_SANDBOX);
    expect(whoYouAre(el).querySelector('[role="alert"]')).toBeNull();
    expect(whoYouAre(el).querySelector('select')!.textContent).toContain('Jordan Ellis (jordan@example.com)');
  });

  it('while the old address’s first answer is still on its way: it is not taken for the new one', async () => {
    const el = await render();
    expect(ownersHeld).toHaveLength(1);

    await saveSandboxAddress(el, TEST_SANDBOX);
    await answerOwners();

    expect(whoYouAre(el).querySelector('[role="alert"]')).toBeNull();
    expect(whoYouAre(el).querySelector('select')!.textContent).toContain('Jordan Ellis (jordan@example.com)');
  });
});
