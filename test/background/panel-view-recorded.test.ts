import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildPanelView, type PanelRules } from '../../lib/background/panel-view';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { leadPanelViewSchema } from '../../lib/messaging/panel-protocol';
import { at, makeLead } from '../domain/sla/make-lead';

const NOW = at('2026-11-23T12:00:00-05:00');
const rules = (relabel: string | null): PanelRules => ({
  definition: DEFAULT_SQL_DEFINITION,
  slaPolicy: defaultSlaPolicy,
  reasons: relabel ? { ...DEFAULT_DISPOSITION_REASONS, reasons: DEFAULT_DISPOSITION_REASONS.reasons.map((r) => (r.id === 'competitor' ? { ...r, label: relabel } : r)) } : DEFAULT_DISPOSITION_REASONS,
  leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING,
  attemptPolicy: { unreachableAfterAttempts: 3 },
});

describe("the panel view: the outcome the CRM holds (another rep's)", () => {
  const recordedDisposition = { id: 'd-1', outcome: 'rejected' as const, acceptedStage: null, reasonId: 'competitor', reasonLabel: 'Competitor', by: 'Maya Chen', decidedAt: NOW - 3_600_000 };

  it("says it in a rep's words with today's reason label, who and when, within the panel contract", () => {
    const view = buildPanelView({ context: { lead: makeLead(), events: [], touches: [], sources: [], fetchedAt: NOW, recordedDisposition }, rules: rules('Chose a competitor'), evidence: {}, now: NOW });
    expect(view.recorded).toEqual({ outcome: 'Rejected — Chose a competitor', by: 'Maya Chen', at: NOW - 3_600_000 });
    expect(z.safeParse(leadPanelViewSchema, JSON.parse(JSON.stringify(view))).success).toBe(true);
  });

  it('is null when the CRM holds none, or the adapter does not read it', () => {
    for (const context of [{ recordedDisposition: null }, {}]) {
      const view = buildPanelView({ context: { lead: makeLead(), events: [], touches: [], sources: [], fetchedAt: NOW, ...context }, rules: rules(null), evidence: {}, now: NOW });
      expect(view.recorded).toBeNull();
    }
  });
});
