// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LeadRecordChoicesForm } from '../../../components/options/hubspot/hubspot-lead-records';
import type { LeadRecordChoices } from '../../../lib/crm/lead-record-choices';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import { renderSettled } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

/** A portal with HubSpot's default pipeline and one of its own, and its own reason list. */
const CHOICES: LeadRecordChoices = {
  crm: 'hubspot',
  pipelines: [
    {
      id: 'lead-pipeline-id',
      label: 'Lead pipeline',
      stages: [
        { id: 'new-stage-id', label: 'New' },
        { id: 'attempting-stage-id', label: 'Attempting' },
        { id: 'connected-stage-id', label: 'Connected' },
        { id: 'qualified-stage-id', label: 'Qualified' },
        { id: 'unqualified-stage-id', label: 'Disqualified' },
      ],
    },
    { id: '811004', label: 'Partner referrals', stages: [{ id: '1183001', label: 'New referral' }, { id: '1183002', label: 'In conversation' }, { id: '1183003', label: 'Sales qualified' }, { id: '1183004', label: 'Lost' }] },
  ],
  reasons: [
    { value: 'NOT_A_GOOD_FIT', label: 'Not a good fit' },
    { value: 'NO_BUDGET', label: 'No budget' },
    { value: 'BAD_TIMING', label: 'Bad timing' },
    { value: 'WENT_WITH_COMPETITOR', label: 'Went with a competitor' },
    { value: 'UNRESPONSIVE', label: 'Unresponsive' },
    { value: 'OTHER', label: 'Other' },
  ],
};

const MAPPING: LeadStatusMapping = { version: 2, crm: 'hubspot', rejected: 'UNQUALIFIED', recycled: 'BAD_TIMING', working: 'CONNECTED', opportunityCreated: 'OPEN_DEAL', unreachable: 'ATTEMPTED_TO_CONTACT' };

async function render(value: LeadStatusMapping, save = vi.fn(async (_value: LeadStatusMapping) => ({ ok: true as const }))) {
  const el = await renderSettled(withQueryClient(<LeadRecordChoicesForm choices={CHOICES} value={value} reasonList={DEFAULT_DISPOSITION_REASONS} save={save} />), 0);
  return { el, save };
}

/** The select labelled `label`, inside the fieldset whose legend contains `group`. */
function select(el: HTMLElement, group: string, label: string): HTMLSelectElement {
  const fieldset = [...el.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.includes(group))!;
  const found = [...fieldset.querySelectorAll('label')].find((l) => l.textContent === label)!;
  return el.querySelector(`#${CSS.escape(found.htmlFor)}`) as HTMLSelectElement;
}

async function choose(field: HTMLSelectElement, value: string) {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const saveButton = (el: HTMLElement) => [...el.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Save'))!;

describe('HubSpot lead stages and disqualification reasons', () => {
  it("starts from choices by meaning, in the portal's own words", async () => {
    const { el } = await render(MAPPING);
    expect(select(el, 'Lead pipeline', 'Rejected').value).toBe('unqualified-stage-id');
    expect(select(el, 'Lead pipeline', 'Accepted, working').value).toBe('connected-stage-id');
    expect(select(el, 'Partner referrals', 'Opportunity created').value).toBe('1183003');
    expect(select(el, 'Partner referrals', 'Recycled to nurture').value).toBe('1183004');
    expect(select(el, 'Partner referrals', 'Accepted, working').value).toBe('1183002');
    const competitor = select(el, 'Disqualification reason', 'Competitor');
    expect(competitor.value).toBe('WENT_WITH_COMPETITOR');
    expect([...competitor.options].map((o) => o.textContent)).toEqual(['No reason', 'Not a good fit', 'No budget', 'Bad timing', 'Went with a competitor', 'Unresponsive', 'Other']);
    expect(select(el, 'Disqualification reason', 'Student').value).toBe('NOT_A_GOOD_FIT');
    expect(select(el, 'Disqualification reason', 'Unreachable after repeated attempts').value).toBe('UNRESPONSIVE');
    expect(select(el, 'Disqualification reason', 'Duplicate').value).toBe('OTHER');
    // No API names on screen: stage ids and option values are not shown as text.
    expect(el.textContent).not.toMatch(/unqualified-stage-id|WENT_WITH_COMPETITOR|hs_/);
    expect(el.textContent).toContain('Chosen by meaning; not saved yet');
  });

  it('saves the choices as the next version of the mapping, the lead-status values untouched', async () => {
    const { el, save } = await render(MAPPING);
    await choose(select(el, 'Lead pipeline', 'Accepted, working'), '');
    await choose(select(el, 'Disqualification reason', 'Duplicate'), '');
    await act(async () => saveButton(el).click());
    expect(save).toHaveBeenCalledTimes(1);
    const saved = save.mock.calls[0]![0];
    expect(saved).toMatchObject({ ...MAPPING, version: 3 });
    expect(saved.leadRecord?.enabled).toBe(true);
    expect(saved.leadRecord?.stages['lead-pipeline-id']).toEqual({ working: null, opportunityCreated: 'qualified-stage-id', recycled: 'unqualified-stage-id', rejected: 'unqualified-stage-id' });
    expect(saved.leadRecord?.reasons).toMatchObject({ duplicate: '', competitor: 'WENT_WITH_COMPETITOR' });
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Version 3');
  });

  it('flags a saved reason the portal no longer lists, and can be turned off', async () => {
    const stored: LeadStatusMapping = { ...MAPPING, leadRecord: { enabled: true, stages: {}, reasons: { competitor: 'LOST_TO_RIVAL' } } };
    const { el, save } = await render(stored);
    const competitor = select(el, 'Disqualification reason', 'Competitor');
    expect(competitor.getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('HubSpot no longer lists this reason: it is not sent.');
    const toggle = el.querySelector('input[type="checkbox"]') as HTMLInputElement;
    await act(async () => toggle.click());
    expect((el.querySelector('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    await act(async () => saveButton(el).click());
    expect(save.mock.calls[0]![0].leadRecord?.enabled).toBe(false);
  });

  it("says so, and offers nothing to save, while the mapping in force is another CRM's", async () => {
    const { el } = await render({ ...MAPPING, crm: 'salesforce', rejected: 'Closed - Not Converted' });
    expect(el.textContent).toContain('The lead status mapping in force is for another CRM');
    expect(el.querySelector('select')).toBeNull();
    expect(el.querySelector('button')).toBeNull();
  });
});
