import { slaPolicySchema } from './sla-policy';
import type { EscalationStep, SlaPolicy } from './sla-policy';

const weekday = [{ start: '09:00', end: '17:00' }];

/** The three escalations every tier shares; only the hand-back delay differs (see the tiers). */
function standardEscalations(handBackAfter: { amount: number; unit: 'hours' | 'days'; basis: 'business' }): EscalationStep[] {
  return [
    { id: 'missed-notify-owner', label: 'SLA missed: remind the owner', action: 'notify_owner', after: { share: 1 } },
    { id: 'double-notify-manager', label: 'Twice the target: tell the sales manager', action: 'notify_manager', after: { share: 2 } },
    {
      id: 're-engage-by-marketing',
      label: 'Re-engage by marketing: hand the lead back',
      action: 'hand_back_to_marketing',
      after: handBackAfter,
    },
  ];
}

/**
 * "Marketing re-engages at 48 hours", read as two working days: 48 wall hours would hand a lead
 * assigned on Friday afternoon back on Sunday, before anyone could have answered it.
 */
const TWO_WORKING_DAYS = { amount: 2, unit: 'days', basis: 'business' } as const;

/**
 * The policy Baton ships with, from the handoff literature: answer demo requests within
 * 5 business minutes, contact-sales forms within a business hour, other MQLs within 24 business
 * hours, and give untouched leads back to marketing at 48 hours. RevOps edits and re-versions it.
 */
export const defaultSlaPolicy: SlaPolicy = slaPolicySchema.parse({
  id: 'baton-default',
  name: 'Baton default response SLA',
  version: '1.0.0',
  updatedAt: '2026-11-22T00:00:00Z',
  changeLog: [
    {
      version: '1.0.0',
      at: '2026-11-22T00:00:00Z',
      author: 'Baton',
      summary: 'Initial policy: demo request 5 business min, contact sales 1 business h, MQL 24 business h; hand back at 48 h.',
    },
  ],
  calendar: {
    timeZone: 'America/New_York',
    region: 'US',
    weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    // US holidays most B2B sales teams close for; edit to match the team's own calendar.
    holidays: [
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-05-31', name: 'Memorial Day' },
      { date: '2027-07-05', name: 'Independence Day (observed)' },
      { date: '2027-09-06', name: 'Labor Day' },
      { date: '2027-11-25', name: 'Thanksgiving' },
      { date: '2027-12-24', name: 'Christmas Day (observed)' },
    ],
  },
  clock: { start: 'owner_assigned', countingTouchKinds: ['call', 'email', 'meeting', 'social'], ownerOnly: true },
  segments: [
    { id: 'smb', label: 'SMB', maxEmployees: 199 },
    { id: 'mid-market', label: 'Mid-market', minEmployees: 200, maxEmployees: 999 },
    { id: 'enterprise', label: 'Enterprise', minEmployees: 1000 },
  ],
  tiers: [
    {
      id: 'demo-request',
      label: 'Demo request',
      when: { triggers: ['demo'] },
      target: { amount: 5, unit: 'minutes', basis: 'business' },
      atRiskShare: 0.6,
      escalations: standardEscalations(TWO_WORKING_DAYS),
      nextStep: 'Book the demo',
    },
    {
      id: 'contact-sales',
      label: 'Contact sales',
      when: { triggers: ['contact sales', 'contact us', 'talk to sales', 'talk to an expert'] },
      target: { amount: 1, unit: 'hours', basis: 'business' },
      atRiskShare: 0.75,
      escalations: standardEscalations(TWO_WORKING_DAYS),
      nextStep: 'Call back and qualify the request',
    },
    {
      id: 'mql',
      label: 'MQL',
      target: { amount: 24, unit: 'hours', basis: 'business' },
      atRiskShare: 0.75,
      // 24 business hours is three working days, so "re-engage at 48 hours" means twice the
      // target here: 48 business hours.
      escalations: standardEscalations({ amount: 48, unit: 'hours', basis: 'business' }),
      nextStep: 'Discovery call',
    },
  ],
  defaultTierId: 'mql',
});
