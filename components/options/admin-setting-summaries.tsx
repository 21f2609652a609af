import type { ReactNode } from 'react';
import type { LeadStatusMapping } from '../../lib/domain/disposition/lead-status-mapping';
import type { AttemptPolicy } from '../../lib/domain/disposition/disposition';
import type { DispositionReasonList } from '../../lib/domain/disposition/disposition-reasons';
import type { SqlDefinition } from '../../lib/domain/qualification/sql-definition';
import { WEEKDAYS } from '../../lib/domain/sla/calendar-vocabulary';
import type { BusinessHoursBlock, WeeklyHours } from '../../lib/domain/sla/business-calendar';
import type { SlaDuration, SlaPolicy } from '../../lib/domain/sla/sla-policy';
import { LeadStatusChoices } from './lead-status-choices';

/**
 * Read-only digests of each setting, so an admin sees what is in force without reading JSON.
 * Every value is admin-supplied text and is rendered as text.
 */

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-x-3 py-0.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-800">{children}</dd>
    </div>
  );
}

const DAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

function formatBlocks(blocks: readonly BusinessHoursBlock[]): string {
  return blocks.length ? blocks.map((b) => `${b.start}–${b.end}`).join(', ') : 'closed';
}

/** "Mon–Fri 09:00–17:00 · Sat–Sun closed": consecutive days with the same hours are grouped. */
export function describeWeeklyHours(week: WeeklyHours): string {
  const groups: { from: string; to: string; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const hours = formatBlocks(week[day]);
    const last = groups.at(-1);
    if (last && last.hours === hours) last.to = DAY_LABELS[day];
    else groups.push({ from: DAY_LABELS[day], to: DAY_LABELS[day], hours });
  }
  return groups.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.hours}`).join(' · ');
}

export function describeDuration(d: SlaDuration): string {
  const unit = d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return d.basis === 'business' ? `${d.amount} business ${unit}` : `${d.amount} ${unit} (wall clock)`;
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function SlaPolicySummary({ value }: { value: SlaPolicy }) {
  const { calendar } = value;
  const today = todayIso();
  const upcoming = calendar.holidays.filter((h) => h.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <dl>
        <Row label="Time zone">
          {calendar.timeZone}
          {calendar.region ? <span className="text-slate-500"> · region {calendar.region}</span> : null}
        </Row>
        <Row label="Business hours">{describeWeeklyHours(calendar.weeklyHours)}</Row>
        <Row label="Holidays">
          {calendar.holidays.length} listed
          {upcoming.length ? (
            <>
              {' · next: '}
              {upcoming.slice(0, 3).map((h, i) => (
                <span key={`${h.date}-${i}`}>
                  {i ? ', ' : ''}
                  {h.name ?? 'Holiday'} <span className="tabular-nums text-slate-500">{h.date}</span>
                  {h.hours ? <span className="text-slate-500"> ({formatBlocks(h.hours)})</span> : null}
                </span>
              ))}
            </>
          ) : null}
        </Row>
        <Row label="Clock">
          starts at {value.clock.start === 'owner_assigned' ? 'owner assignment' : 'handoff'}; stopped by {value.clock.countingTouchKinds.join(', ')}
          {value.clock.ownerOnly ? ' from the owner' : ''}
        </Row>
      </dl>
      <table className="mt-2 w-full border-collapse text-left">
        <caption className="sr-only">SLA tiers, first match wins</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-500">
            <th scope="col" className="py-1 pr-2 font-medium">Tier</th>
            <th scope="col" className="py-1 pr-2 font-medium">When</th>
            <th scope="col" className="py-1 pr-2 font-medium">Target</th>
            <th scope="col" className="py-1 font-medium">Next step</th>
          </tr>
        </thead>
        <tbody>
          {value.tiers.map((tier) => (
            <tr key={tier.id} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="py-1 pr-2 font-medium text-slate-800">
                {tier.label}
                {tier.id === value.defaultTierId ? <span className="ml-1 text-xs font-normal text-slate-500">(default)</span> : null}
              </th>
              <td className="py-1 pr-2 text-slate-600">{describeTierRule(tier.when)}</td>
              <td className="py-1 pr-2 whitespace-nowrap tabular-nums">{describeDuration(tier.target)}</td>
              <td className="py-1 text-slate-600">{tier.nextStep}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function describeTierRule(rule: SlaPolicy['tiers'][number]['when']): string {
  if (!rule) return 'every lead';
  const parts = [
    rule.triggers && `form or event contains ${rule.triggers.map((t) => `“${t}”`).join(' or ')}`,
    rule.sources && `source ${rule.sources.join(' or ')}`,
    rule.segments && `segment ${rule.segments.join(' or ')}`,
    rule.lifecycleStages && `stage ${rule.lifecycleStages.join(' or ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'every lead';
}

export function SqlDefinitionSummary({ value, history }: { value: SqlDefinition; history: readonly SqlDefinition[] }) {
  return (
    <dl>
      <Row label="Name">{value.name}</Row>
      {value.description ? <Row label="Description"><span className="text-slate-600">{value.description}</span></Row> : null}
      <Row label="Required">{value.required.join(', ')}</Row>
      <Row label="Buying signals">{value.engagement.signals.map((s) => s.label).join(', ') || 'none'}</Row>
      <Row label="Published">{value.publishedAt.slice(0, 10)}</Row>
      <Row label="Earlier versions">
        {history.length ? history.map((d) => `v${String(d.version)} (${d.publishedAt.slice(0, 10)})`).join(', ') : 'none kept yet'}
      </Row>
    </dl>
  );
}

export function DispositionReasonsSummary({ value }: { value: DispositionReasonList }) {
  const active = value.reasons.filter((r) => r.active);
  const retired = value.reasons.length - active.length;
  return (
    <dl>
      <Row label="Reasons">
        {active.map((r) => r.label).join(', ')}
        {retired ? <span className="text-slate-500"> · {retired} retired</span> : null}
      </Row>
      <Row label="Objection tags">{value.objectionTags.filter((t) => t.active).map((t) => t.label).join(', ') || 'none'}</Row>
    </dl>
  );
}

const OUTCOME_LABELS: Record<Exclude<keyof LeadStatusMapping, 'version' | 'crm' | 'leadRecord'>, string> = {
  working: 'Accepted, working',
  opportunityCreated: 'Opportunity created',
  recycled: 'Recycled to nurture',
  rejected: 'Rejected',
  unreachable: 'Unreachable',
};

export function LeadStatusMappingSummary({ value }: { value: LeadStatusMapping }) {
  return (
    <>
      <dl>
        {(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((key) => (
          <Row key={key} label={OUTCOME_LABELS[key]}>
            <code className="font-mono text-xs">{value[key]}</code>
          </Row>
        ))}
      </dl>
      <LeadStatusChoices value={value} />
    </>
  );
}

export function AttemptPolicySummary({ value }: { value: AttemptPolicy }) {
  return (
    <p className="text-slate-700">
      A rep can mark a lead “unreachable” after <strong className="font-semibold">{value.unreachableAfterAttempts}</strong> logged contact attempts.
    </p>
  );
}
