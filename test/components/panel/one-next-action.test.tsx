// @vitest-environment happy-dom
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BriefView } from '../../../components/panel/brief-view';
import { SlaCountdown } from '../../../components/sla/sla-countdown';
import { briefFor, toSlaInputs } from '../../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { LeadPanelStoreProvider } from '../../../lib/stores/lead-panel-store';
import { makeLead } from '../../domain/sla/make-lead';
import { render } from '../../support/react/render-into-document';

const HOUR = 3_600_000;
// A fixed Thursday afternoon in the policy's zone (New York), so business hours are the same on any day the test runs.
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-12-03T19:30:00Z'));
afterAll(() => vi.useRealTimers());
const now = Date.now();

/** A demo request assigned `hoursAgo` wall hours ago and never touched. */
function untouched(hoursAgo: number) {
  const lead = makeLead({ ownerAssignedAt: now - hoursAgo * HOUR, recentConversion: { name: 'Demo request', at: now - hoursAgo * HOUR } });
  const events = [{ id: 'f1', kind: 'form_submission' as const, occurredAt: now - hoursAgo * HOUR, source: 'forms', title: 'Demo request' }];
  return { sla: toSlaInputs(defaultSlaPolicy, { lead, touches: [] }), brief: briefFor(defaultSlaPolicy, { lead, events }, now) };
}

function panel(hoursAgo: number, extra: { recorded?: { outcome: string; by: string | null; at: number } | null; disqualifiedBecause?: string | null } = {}) {
  const { sla, brief } = untouched(hoursAgo);
  const header = render(<SlaCountdown inputs={sla} recorded={extra.recorded ?? null} disqualifiedBecause={extra.disqualifiedBecause ?? null} />);
  const body = render(
    <LeadPanelStoreProvider>
      <BriefView brief={brief} now={now} sla={sla} recorded={extra.recorded ?? null} disqualifiedBecause={extra.disqualifiedBecause ?? null} />
    </LeadPanelStoreProvider>,
  );
  const timer = header.querySelector('[role="timer"]')!;
  return { header, body, timer, spoken: timer.getAttribute('aria-label') ?? '', nextAction: timer.getAttribute('data-next-action') };
}

describe('header and brief say one next action', () => {
  it('breached, before the hand-back step: call now, in both', () => {
    // Two weeks would be past the hand-back; a day and a half of wall time is a few business hours.
    const { header, body, spoken, nextAction } = panel(30);
    expect(nextAction).toBe('call_now');
    expect(header.textContent).toContain('overdue — call now');
    expect(spoken).toContain('Call now');
    expect(body.querySelector('[aria-label="Next step"]')?.textContent).toContain('Call now — book the demo');
    expect(body.querySelector('[aria-label="Opener"]')).not.toBeNull();
  });

  it('breached past the policy’s hand-back step: hand back to marketing, in both, and no call', () => {
    const { header, body, spoken, nextAction } = panel(24 * 14);
    expect(nextAction).toBe('hand_back');
    expect(header.textContent).toContain('overdue — hand back to marketing');
    expect(header.textContent?.toLowerCase()).not.toContain('call now');
    expect(spoken).toContain('Re-engage by marketing: hand the lead back');
    expect(body.querySelector('[aria-label="Next step"]')?.textContent).toContain('Hand back to marketing');
    expect(body.textContent?.toLowerCase()).not.toMatch(/call now|book the demo/);
    expect(body.querySelector('[aria-label="Opener"]')).toBeNull();
  });

  it('a recorded outcome replaces "left to first touch" in the header and the call to action in the brief', () => {
    const recorded = { outcome: 'Rejected — Competitor', by: 'Dana', at: now - 2 * HOUR };
    const { header, body, spoken, nextAction } = panel(30, { recorded });
    expect(nextAction).toBe('recorded');
    expect(header.textContent).toContain('Rejected — Competitor');
    expect(header.textContent).toContain('by Dana, 2 h ago');
    expect(header.textContent).not.toMatch(/left to first touch|call now/);
    expect(spoken).toBe('Outcome recorded: Rejected — Competitor, by Dana, 2 h ago.');
    expect(body.querySelector('[aria-label="Outcome recorded"]')?.textContent).toContain('Rejected — Competitor');
    expect(body.querySelector('[aria-label="Opener"]')).toBeNull();
    expect(body.querySelector('[aria-label="Agreed next step"]')).toBeNull();
  });

  it('on track: business hours left with the calendar deadline, and the agreed next step', () => {
    const lead = makeLead({ ownerAssignedAt: now - 60_000, recentConversion: null });
    const { header, body } = (() => {
      const sla = toSlaInputs(defaultSlaPolicy, { lead, touches: [] });
      return {
        header: render(<SlaCountdown inputs={sla} />),
        body: render(<LeadPanelStoreProvider><BriefView brief={briefFor(defaultSlaPolicy, { lead, events: [] }, now)} now={now} sla={sla} /></LeadPanelStoreProvider>),
      };
    })();
    const text = header.textContent ?? '';
    // The MQL tier: 24 business hours, said as hours (never "1 d"), with a due time.
    expect(text).toContain('respond within 24 business hours');
    expect(text).not.toMatch(/\d d\b/);
    expect(text).toMatch(/due (\w{3} )?\d{2}:\d{2}|due \d{1,2} \w{3} \d{2}:\d{2}/);
    expect(body.querySelector('[aria-label="Agreed next step"]')?.textContent).toContain('Discovery call');
  });
});
