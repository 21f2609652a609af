// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BriefView } from '../../../components/panel/brief-view';
import { SlaCountdown } from '../../../components/sla/sla-countdown';
import { buildPanelView, toSlaInputs } from '../../../lib/background/panel-view';
import { LeadPanelStoreProvider } from '../../../lib/stores/lead-panel-store';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { makeLead } from '../../domain/sla/make-lead';
import { render, unmountAll } from '../../support/react/render-into-document';

const now = Date.now();
// Handed off a day ago through the demo-request form and never touched: the SLA is breached.
const lead = makeLead({ ownerAssignedAt: now - 24 * 3_600_000, recentConversion: { name: 'Demo request', at: now - 24 * 3_600_000 } });
const view = buildPanelView({
  context: { lead, events: [{ id: 'f1', kind: 'form_submission', occurredAt: now - 24 * 3_600_000, source: 'forms', title: 'Demo request' }], touches: [], sources: [], fetchedAt: now },
  rules: { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } },
  evidence: {},
  now,
});

describe('a disqualified lead holds no call to action', () => {
  it('the countdown of a breached lead says call now, unless the lead is disqualified', () => {
    const inputs = toSlaInputs(defaultSlaPolicy, { lead, touches: [] });
    const qualified = render(<SlaCountdown inputs={inputs} />);
    expect(qualified.textContent).toContain('call now');
    unmountAll();

    const ruledOut = render(<SlaCountdown inputs={inputs} disqualifiedBecause="a student e-mail address" />);
    expect(ruledOut.textContent).toContain('disqualified — record the outcome');
    expect(ruledOut.textContent?.toLowerCase()).not.toContain('call now');
    expect(ruledOut.querySelector('[role="timer"]')?.getAttribute('aria-label')).toMatch(/disqualified \(a student e-mail address\): record the outcome instead of calling/);
  });

  it('the brief offers the agreed next step and an opener, unless the lead is disqualified', () => {
    const qualified = render(<LeadPanelStoreProvider><BriefView brief={view.brief} now={now} /></LeadPanelStoreProvider>);
    expect(qualified.querySelector('[aria-label="Opener"]')).not.toBeNull();
    unmountAll();

    const ruledOut = render(<LeadPanelStoreProvider><BriefView brief={view.brief} now={now} disqualifiedBecause="a student e-mail address" /></LeadPanelStoreProvider>);
    expect(ruledOut.querySelector('[aria-label="Opener"]')).toBeNull();
    expect(ruledOut.querySelector('[aria-label="Agreed next step"]')).toBeNull();
    expect(ruledOut.querySelector('[aria-label="Next step"]')?.textContent).toContain('Record the outcome');
    expect(ruledOut.textContent).toContain('a student e-mail address');
  });
});
