import type { EscalationWrite } from './escalation-writer';

/*
 * What every CRM's escalation task or note says, in words a manager or marketer reads without
 * opening Baton, and the marker line ("Baton escalation <uuid>") that makes a repeated write find
 * the record it already made. CRM-neutral: each provider escapes it into its own fields.
 */

export function escalationMarker(id: string): string {
  return `Baton escalation ${id}`;
}

/** The id of the last `Baton escalation <uuid>` marker in a stored body (rich text may put &nbsp; between the words). */
export function findEscalationMarkerId(body: string | null | undefined): string | null {
  if (!body) return null;
  const pattern = /Baton(?:\s|&nbsp;|&#160;)+escalation(?:\s|&nbsp;|&#160;)+([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/g;
  let last: string | null = null;
  for (const match of body.matchAll(pattern)) last = match[1]?.toLowerCase() ?? null;
  return last;
}

/** The value Baton's escalation field takes, for reports and lists ("which leads went back to marketing"). */
export const ESCALATION_FIELD_VALUES = { notify_manager: 'manager_notified', hand_back_to_marketing: 'handed_back_to_marketing' } as const;

export interface EscalationText {
  subject: string;
  /** Plain text; the marker is not included (the writer appends it last, after everything). */
  body: string;
}

function when(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function describeEscalation(write: EscalationWrite, options: { timeZone: string }): EscalationText {
  const owner = write.owner.name?.trim() || 'the lead owner';
  const since = when(write.clockStart, options.timeZone);
  const lines: string[] = [];
  if (write.action === 'notify_manager') {
    lines.push(`${write.leadName} (${write.tier}) has had no first touch from ${owner} since ${since}.`);
    lines.push(`SLA step: ${write.step.label}.`);
    if (!write.manager) {
      lines.push('');
      lines.push("No sales manager is chosen in Baton's SLA settings, so this task went to the lead's owner: pass it to your sales manager, or call the lead now.");
    } else {
      lines.push(`For ${write.manager.name?.trim() || 'the sales manager'}: follow up with ${owner}, or reassign the lead.`);
    }
    lines.push('');
    lines.push(`Policy ${write.policy.id} v${write.policy.version}.`);
    return { subject: `Baton escalation: ${write.leadName} is waiting for a first touch`, body: lines.join('\n') };
  }
  lines.push(`Handed back to marketing: ${write.leadName} (${write.tier}) had no first touch from ${owner} since ${since}.`);
  lines.push(`SLA step: ${write.step.label}.`);
  lines.push('Marketing re-engages this lead; sales can pick it up again when it responds.');
  lines.push('');
  lines.push(`Policy ${write.policy.id} v${write.policy.version}.`);
  return { subject: `Baton escalation: ${write.leadName} handed back to marketing`, body: lines.join('\n') };
}
