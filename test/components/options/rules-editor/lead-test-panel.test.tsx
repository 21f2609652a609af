// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../../../lib/domain/qualification/default-sql-definition';
import { buildQualificationInputs, encodeQualificationInputs } from '../../../../lib/domain/qualification/qualification-inputs';
import { NOW, makeLead } from '../../../domain/qualification/make-lead';
import { sendRequest } from '../../../support/messaging/mocked-send-request';
import { renderSettled } from '../../../support/react/render-into-document';
import { typeInto } from '../../../support/react/type-into';

const { LeadTestPanel } = await import('../../../../components/options/rules-editor/lead-test-panel');

const render = (draft: unknown) => renderSettled(<LeadTestPanel current={DEFAULT_SQL_DEFINITION} draft={draft} />, 0);

async function submit(el: HTMLElement, url: string) {
  await typeInto(el.querySelector<HTMLInputElement>('input[inputmode="url"]')!, url);
  await act(async () => el.querySelector('form')!.requestSubmit());
}

it('shows, criterion by criterion, what the definition in force and the draft say about the pasted lead', async () => {
  const lead = makeLead({ employees: 12 });
  sendRequest.mockResolvedValue({ status: 'ok', source: 'record', ref: lead.ref, name: 'Dana Kim', inputs: encodeQualificationInputs(buildQualificationInputs({ lead, events: [], evaluatedAt: NOW })) });
  const draft = JSON.parse(JSON.stringify(DEFAULT_SQL_DEFINITION));
  draft.fit.employees.min = 10;
  const el = await render(draft);
  await submit(el, 'https://app.hubspot.com/contacts/4242/record/0-1/1');

  expect(sendRequest).toHaveBeenCalledWith({ type: 'rules/test-lead', query: 'https://app.hubspot.com/contacts/4242/record/0-1/1' }, expect.anything());
  const table = el.querySelector('table')!;
  expect(table.querySelector('caption')!.textContent).toContain('Dana Kim');
  const row = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent!.startsWith('Company size'))!;
  const [inForce, withDraft] = [...row.querySelectorAll('td')].map((td) => td.textContent);
  expect(inForce).toMatch(/^Not met/);
  expect(withDraft).toMatch(/^Met/);
  expect(row.querySelector('th')!.textContent).toContain('Changes with the draft');
});

it('an address that is not a lead record is answered in words', async () => {
  sendRequest.mockResolvedValue({ status: 'not_a_lead_url' });
  const el = await render(DEFAULT_SQL_DEFINITION);
  await submit(el, 'https://example.com/');
  expect(el.querySelector('[role="status"]')!.textContent).toContain('neither an e-mail address nor a lead or contact record');
  expect(el.querySelector('table')).toBeNull();
});

it('an e-mail address gives the lead as recorded when a rep dispositioned it, and says so', async () => {
  const lead = makeLead({ employees: 250 });
  const decidedAt = Date.parse('2026-10-02T15:00:00Z');
  sendRequest.mockResolvedValue({ status: 'ok', source: 'disposition', ref: lead.ref, name: 'Dana Kim', inputs: encodeQualificationInputs(buildQualificationInputs({ lead, events: [], evaluatedAt: decidedAt })) });
  const el = await render(DEFAULT_SQL_DEFINITION);
  await submit(el, 'dana@northwind.example');
  expect(sendRequest).toHaveBeenCalledWith({ type: 'rules/test-lead', query: 'dana@northwind.example' }, expect.anything());
  expect(el.querySelector('[role="status"]')!.textContent).toBe('Tested Dana Kim, as recorded when a rep dispositioned the lead on 2026-10-02.');
  expect(el.querySelector('table')).not.toBeNull();
});
