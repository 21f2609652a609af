import type { DispositionWrite } from './crm-port';
import type { ChecklistItem, Disposition } from '../domain/disposition/disposition';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import { formatDuration } from '../domain/sla/format-duration';

/*
 * What every CRM's writer puts in the note or task it leaves with a disposition or a contact
 * attempt: the text marketing reads without opening Baton, and the marker line ("Baton disposition
 * <uuid>") that makes a retried write recognise the record it already created. CRM-neutral: each
 * provider escapes it into its own rich text or plain field.
 */

/** Evidence is partly prospect-supplied (form answers): keep each value readable and bounded. */
const MAX_EVIDENCE_VALUE_CHARS = 300;

export function dispositionMarker(id: string): string {
  return `Baton disposition ${id}`;
}

export function attemptMarker(id: string): string {
  return `Baton attempt ${id}`;
}

/**
 * The id of the last `Baton <kind> <uuid>` marker in a stored body. The last one, because the
 * writer puts the marker after everything a rep or prospect wrote: a note whose text quotes
 * another disposition's marker still identifies as its own. A CRM may re-render rich text, so
 * the words may be separated by any whitespace or a non-breaking space.
 */
export function findMarkerId(body: string | null | undefined, kind: 'disposition' | 'attempt'): string | null {
  if (!body) return null;
  const pattern = new RegExp(`Baton(?:\\s|&nbsp;|&#160;)+${kind}(?:\\s|&nbsp;|&#160;)+([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`, 'g');
  let last: string | null = null;
  for (const match of body.matchAll(pattern)) last = match[1]?.toLowerCase() ?? null;
  return last;
}

/** The calendar day of `at` in `timeZone`, as CRM date fields want it (HubSpot's, Salesforce's): epoch ms at midnight UTC. */
export function toMidnightUtc(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}

const OUTCOME_TEXT: Record<Disposition['outcome'], string> = { accepted: 'Accepted', recycled: 'Recycled to nurture', rejected: 'Rejected' };
const STAGE_TEXT: Record<NonNullable<Disposition['acceptedStage']>, string> = { working: 'working it', opportunity_created: 'opportunity created' };
const VERDICT_TEXT: Record<NonNullable<Disposition['verdict']>, string> = {
  sales_qualified: 'sales-qualified',
  not_yet: 'not yet qualified',
  disqualified: 'disqualified',
};

/**
 * The note's text (plain; escaped into HTML by the caller): what marketing needs to read the
 * decision without opening Baton. The marker is the last line, after everything anyone typed.
 */
export function describeDisposition(write: DispositionWrite, options: { reasons: DispositionReasonList; timeZone: string }): string {
  const d = write.disposition;
  const lines: string[] = [];
  const reason = d.reasonId ? (options.reasons.reasons.find((r) => r.id === d.reasonId)?.label ?? d.reasonId) : null;
  let headline = `Baton disposition: ${OUTCOME_TEXT[d.outcome]}`;
  if (d.outcome === 'accepted' && d.acceptedStage) headline += ` (${STAGE_TEXT[d.acceptedStage]})`;
  if (reason) headline += ` — ${reason}`;
  lines.push(headline);
  if (d.recycleAt !== null) lines.push(`Hand back to sales on: ${new Date(toMidnightUtc(d.recycleAt, options.timeZone)).toISOString().slice(0, 10)}`);
  lines.push(`Rep: ${d.rep.name?.trim() || d.rep.id}`);
  if (d.attemptsMade > 0) lines.push(`Contact attempts before deciding: ${d.attemptsMade}`);
  if (d.objections.tags.length) {
    const label = (id: string) => options.reasons.objectionTags.find((t) => t.id === id)?.label ?? id;
    lines.push(`Objections: ${d.objections.tags.map(label).join(', ')}`);
  }
  if (d.objections.text) lines.push(`Objections in the rep's words: ${d.objections.text}`);
  if (d.note) lines.push(`Rep's note: ${d.note}`);

  lines.push('');
  lines.push(`SQL definition ${d.definitionId} v${d.definitionVersion}${d.verdict ? `: ${VERDICT_TEXT[d.verdict]}` : ''}`);
  for (const item of d.checklist) lines.push(`- ${describeChecklistItem(item)}`);

  lines.push('');
  const responseTimeMs = d.sla?.responseTimeMs ?? d.responseTimeMs;
  const sla = d.sla ? `SLA: ${d.sla.state.replace(/_/g, ' ')}` : 'SLA: not recorded';
  lines.push(responseTimeMs === null ? sla : `${sla}; response time ${formatDuration(responseTimeMs)} (business time)`);

  if (write.brief.length) {
    lines.push('');
    lines.push('Brief the rep saw:');
    for (const line of write.brief) lines.push(`- ${line}`);
  }
  return lines.join('\n');
}

function describeChecklistItem(item: ChecklistItem): string {
  const head = `[${item.status}] ${item.label} (${item.decidedBy === 'rep' ? 'rep' : 'auto'})`;
  if (!item.evidence) return head;
  const evidence = Object.entries(item.evidence)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${truncate(typeof value === 'string' ? value : safeJson(value), MAX_EVIDENCE_VALUE_CHARS)}`);
  return evidence.length ? `${head}: ${evidence.join('; ')}` : head;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
