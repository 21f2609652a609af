import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { CrmReporting } from '../../lib/crm/crm-reporting-port';
import { readLeadRecordChoices } from '../../lib/crm/lead-record-choices';
import type { CrmService } from '../../lib/crm/crm-service';
import { createBackgroundRouter, type BackgroundRouterDeps } from '../../lib/messaging/background-router';

/** `crm/lead-record-choices`: only the options page may ask; a CRM without lead records says so. */

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL = `chrome-extension://${EXT}/panel.html`;
const OPTIONS = `chrome-extension://${EXT}/options.html`;
const RECORD = 'https://app.hubspot.com/contacts/42/record/0-1/7';
const CHOICES = { crm: 'hubspot', pipelines: [{ id: 'lead-pipeline-id', label: 'Lead pipeline', stages: [{ id: 'unqualified-stage-id', label: 'Disqualified' }] }], reasons: [{ value: 'NO_BUDGET', label: 'No budget' }] };

function router(overrides: Partial<BackgroundRouterDeps> = {}) {
  const crmService = { resolvePage: vi.fn(), getLeadContext: vi.fn(), invalidate: vi.fn() } as unknown as CrmService;
  return createBackgroundRouter({
    extensionId: EXT,
    demoBuild: false,
    crmService,
    saveToken: vi.fn(),
    forgetToken: vi.fn(),
    connectionStatus: vi.fn(),
    setupCrmProperties: vi.fn(),
    leadActions: {} as BackgroundRouterDeps['leadActions'],
    log: vi.fn(),
    ...overrides,
  });
}

describe('crm/lead-record-choices', () => {
  it('answers the options page, refuses the panel, and says when it is not wired', async () => {
    const leadRecordChoices = vi.fn(async () => CHOICES);
    const handle = router({ leadRecordChoices });
    expect(await handle({ type: 'crm/lead-record-choices' }, { id: EXT, url: PANEL, tab: { url: RECORD } })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(leadRecordChoices).not.toHaveBeenCalled();
    expect(await handle({ type: 'crm/lead-record-choices' }, { id: EXT, url: OPTIONS })).toEqual({ ok: true, data: CHOICES });
    expect(await router()({ type: 'crm/lead-record-choices' }, { id: EXT, url: OPTIONS })).toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });

  it("reads through the connection's reporting; a CRM that keeps no lead records is refused in words", async () => {
    const base = { crm: 'hubspot', account: '42', key: 'hubspot|42', sandbox: false, connectedStatuses: [], readInsightRecords: vi.fn(), readBacktestLeads: vi.fn() } as unknown as CrmReporting;
    const read = vi.fn(async () => ({ pipelines: CHOICES.pipelines, reasons: CHOICES.reasons }));
    expect(await readLeadRecordChoices(async () => ({ ...base, readLeadRecordChoices: read }))).toEqual(CHOICES);
    const error = await readLeadRecordChoices(async () => ({ ...base, crm: 'salesforce' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).message).toContain('keeps no lead records');
  });
});
