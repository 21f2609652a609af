/**
 * `npm run rules -- sla`: the SLA status of one lead under a policy, at an instant. Runs the same
 * `computeSlaStatus` the extension runs, so RevOps can replay a lead ("was this one late?").
 */
import { z } from 'zod';
import { leadDisplayName } from '../../domain/lead';
import type { Lead } from '../../domain/lead';
import { computeSlaStatus } from '../../domain/sla/compute-sla-status';
import type { SlaEscalationStatus, SlaSpan, SlaStatus } from '../../domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../domain/sla/default-sla-policy';
import { formatDuration } from '../../domain/sla/format-duration';
import { slaPolicySchema } from '../../domain/sla/sla-policy';
import type { SlaPolicy } from '../../domain/sla/sla-policy';
import { cliLeadSchema, cliOutOfOfficeSchema, cliTouchesSchema } from '../cli-input-schemas';
import { CliInputError, parseCommandArgs, formatTable, printJson, readValidatedJson, runCommand, validateOrThrow } from '../cli-io';

export const usage = `sla --lead <lead.json> [--touches <touches.json>] [--policy <policy.json>]
    [--out-of-office <windows.json>] [--at <ISO instant>] [--table]
  SLA status of one lead: tier, clock start, deadline, state (on_track, at_risk, breached, met,
  met_late, not_started), elapsed/remaining business and wall time, escalations, response time.
  --lead           a lead: any of lib/domain/lead.ts's fields; times ISO or epoch ms, unknown ones left out
  --touches        a JSON array of Touch records (default: none)
  --policy         an SLA policy (default: Baton's default policy)
  --out-of-office  a JSON array of the owner's { start, end } windows, ISO or epoch ms
  --at             evaluate at this instant, e.g. 2026-11-20T16:30:00Z (default: now)
  --table          readable table instead of JSON (instants shown in the policy's time zone)`;

const atSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with a zone, e.g. 2026-11-20T16:30:00Z' });

function parseOptions(args: string[]) {
  return parseCommandArgs(
    {
      args,
      options: {
        lead: { type: 'string' },
        touches: { type: 'string' },
        policy: { type: 'string' },
        'out-of-office': { type: 'string' },
        at: { type: 'string' },
        table: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    },
    usage,
  ).values;
}

export async function run(args: string[]): Promise<number> {
  return runCommand('sla', () => {
    const options = parseOptions(args);
    if (options.help) {
      process.stdout.write(`Usage: npm run rules -- ${usage}\n`);
      return 0;
    }
    if (!options.lead) throw new CliInputError(`missing --lead <lead.json>\n\nUsage: npm run rules -- ${usage}`);
    const lead = readValidatedJson(options.lead, cliLeadSchema);
    const touches = options.touches ? readValidatedJson(options.touches, cliTouchesSchema) : [];
    const policy = options.policy ? readValidatedJson(options.policy, slaPolicySchema) : defaultSlaPolicy;
    const outOfOffice = options['out-of-office'] ? readValidatedJson(options['out-of-office'], cliOutOfOfficeSchema) : [];
    const now = options.at === undefined ? Date.now() : Date.parse(validateOrThrow('--at', atSchema, options.at));

    const status = computeSlaStatus({ lead, touches, policy, now, outOfOffice });
    if (options.table) process.stdout.write(`${renderTable(lead, policy, status)}\n`);
    else printJson(toJsonReport(lead, status));
    return 0;
  });
}

const toIsoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** JSON for people and scripts: instants as ISO strings, durations in ms. */
function toJsonReport(lead: Lead, status: SlaStatus) {
  const escalation = (e: SlaEscalationStatus) => ({ ...e, dueAt: toIsoOrNull(e.dueAt) });
  return {
    lead: { ref: lead.ref, name: leadDisplayName(lead), owner: lead.owner },
    ...status,
    evaluatedAt: toIsoOrNull(status.evaluatedAt),
    clockStart: toIsoOrNull(status.clockStart),
    deadline: toIsoOrNull(status.deadline),
    atRiskAt: toIsoOrNull(status.atRiskAt),
    clockStoppedAt: toIsoOrNull(status.clockStoppedAt),
    firstTouch: status.firstTouch && { ...status.firstTouch, occurredAt: toIsoOrNull(status.firstTouch.occurredAt) },
    escalation: status.escalation && escalation(status.escalation),
    escalations: status.escalations.map(escalation),
  };
}

function renderTable(lead: Lead, policy: SlaPolicy, status: SlaStatus): string {
  const local = new Intl.DateTimeFormat('en-US', {
    timeZone: policy.calendar.timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const when = (ms: number | null) => (ms === null ? '' : `${local.format(ms)}  (${new Date(ms).toISOString()})`);
  const span = (s: SlaSpan | null) => (s ? `${formatDuration(s.businessMs)} business · ${formatDuration(s.wallMs)} wall` : '');
  const t = status.tier.target;
  const rows: [string, string][] = [
    ['Lead', `${leadDisplayName(lead)} (${lead.ref.crm} ${lead.ref.id})`],
    ['Owner', lead.owner ? (lead.owner.name ?? lead.owner.id) : '(none)'],
    ['Policy', `${status.policy.id} v${status.policy.version}`],
    ['Tier', `${status.tier.label} — ${t.amount} ${t.unit} (${t.basis})`],
    ['Next step', status.tier.nextStep],
    ['State', status.notStartedReason ? `${status.state} (${status.notStartedReason})` : status.state],
    ['Evaluated at', when(status.evaluatedAt)],
    ['Clock start', status.clockStart === null ? '' : `${when(status.clockStart)}  [${status.clockStartSource}]`],
    ['At risk from', when(status.atRiskAt)],
    ['Deadline', when(status.deadline)],
    ['Elapsed', span(status.elapsed)],
    ['Remaining', span(status.remaining)],
    ['First touch', status.firstTouch ? `${status.firstTouch.kind} at ${when(status.firstTouch.occurredAt)}` : ''],
    ['Response time', span(status.responseTime)],
    ['Escalation', status.escalation ? `${status.escalation.label} [${status.escalation.action}]` : ''],
  ];
  const out = [formatTable(['Field', 'Value'], rows)];
  if (status.escalations.length > 0) {
    out.push(
      '',
      formatTable(
        ['Escalation', 'Action', 'Due', 'Reached'],
        status.escalations.map((e) => [e.label, e.action, when(e.dueAt), e.reached ? 'yes' : 'no']),
      ),
    );
  }
  return out.join('\n');
}
