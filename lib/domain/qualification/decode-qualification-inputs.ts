import type { EngagementEvent } from '../engagement/engagement-event';
import { engagementKindSchema } from '../engagement/engagement-event';
import type { LeadRef } from '../lead';
import { QUALIFICATION_INPUTS_VERSION, READABLE_QUALIFICATION_INPUTS_VERSIONS, qualificationInputsSchema } from './qualification-inputs-format';
import type { EvaluatorInputs, QualificationInputsV1, QualificationInputsV2 } from './qualification-inputs-format';
import { repEvidenceSchema } from './rep-evidence';

export type DecodedInputs =
  | { ok: true; inputs: EvaluatorInputs; approximate: boolean; evidenceSetAside: boolean }
  | { ok: false; why: 'not_json' | 'unknown_version' | 'invalid'; detail: string };

const SOURCE = 'baton-qualification-inputs';

function decodeV1Events(p: QualificationInputsV1): EngagementEvent[] {
  return p.events.map((e) => ({
    id: e.id,
    kind: e.k,
    occurredAt: e.t,
    source: SOURCE,
    ...(e.ti !== undefined ? { title: e.ti } : {}),
    ...(e.u !== undefined ? { url: e.u } : {}),
    ...(e.a !== undefined ? { answers: e.a } : {}),
  }));
}

/** Version 2 events, newest first; a string naming the first problem when the payload is inconsistent. */
function decodeV2Events(p: QualificationInputsV2): EngagementEvent[] | string {
  const text = (i: number | undefined, where: string): string | undefined | Error => {
    if (i === undefined) return undefined;
    const value = p.s[i];
    return value === undefined ? new Error(`${where}: no string ${i} (the table has ${p.s.length})`) : value;
  };
  const events: EngagementEvent[] = [];
  // Synthetic ids: a prefix no kept id starts with, then a counter.
  const keptIds = [...new Set(p.e.flatMap((entry) => (entry.i === undefined ? [] : [p.s[entry.i] ?? ''])))];
  let prefix = '~';
  while (keptIds.some((id) => id.startsWith(prefix))) prefix += '~';
  let synthetic = 0;
  for (const [index, entry] of p.e.entries()) {
    const where = `e.${index}`;
    const kind = engagementKindSchema.safeParse(p.s[entry.k]);
    if (!kind.success) return `${where}.k: not an engagement kind`;
    const title = text(entry.n, `${where}.n`);
    const url = text(entry.u, `${where}.u`);
    const id = text(entry.i, `${where}.i`);
    for (const t of [title, url, id]) if (t instanceof Error) return t.message;
    const base = (occurredAt: number): EngagementEvent => ({
      id: (id as string | undefined) ?? `${prefix}${synthetic++}`,
      kind: kind.data,
      occurredAt,
      source: SOURCE,
      ...(title !== undefined ? { title: title as string } : {}),
      ...(url !== undefined ? { url: url as string } : {}),
    });
    if (entry.m !== undefined) {
      const event = base(entry.m);
      if (entry.a?.length) {
        const pairs: [string, string][] = [];
        for (let j = 0; j < entry.a.length; j += 2) {
          const q = p.s[entry.a[j]!];
          const a = p.s[entry.a[j + 1]!];
          if (q === undefined || a === undefined) return `${where}.a: no string ${q === undefined ? entry.a[j] : entry.a[j + 1]}`;
          pairs.push([q, a]);
        }
        // fromEntries defines own properties: a question named "__proto__" stays a question.
        event.answers = Object.fromEntries(pairs);
      }
      events.push(event);
      continue;
    }
    let age = 0;
    for (const [j, part] of (entry.t as string).split(',').entries()) {
      age = j === 0 ? Number.parseInt(part, 36) : age + Number.parseInt(part, 36);
      const occurredAt = p.evaluatedAt - age * 1000;
      if (!Number.isSafeInteger(occurredAt)) return `${where}.t: an age out of range`;
      events.push(base(occurredAt));
    }
  }
  // Newest first, as version 1; the evaluator does not depend on the order.
  return events.sort((a, b) => b.occurredAt - a.occurredAt);
}

/**
 * Reads the property back into what `evaluateDefinition` takes. `ref` is the contact the property
 * was read from. Never throws: a CRM value is untrusted, and one bad record must not stop a backtest.
 */
export function decodeQualificationInputs(text: string, ref: LeadRef): DecodedInputs {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, why: 'not_json', detail: err instanceof Error ? err.message : String(err) };
  }
  const version = typeof raw === 'object' && raw !== null && 'v' in raw ? (raw as { v: unknown }).v : undefined;
  if (!(READABLE_QUALIFICATION_INPUTS_VERSIONS as readonly unknown[]).includes(version)) {
    const newer = typeof version === 'number' && version > QUALIFICATION_INPUTS_VERSION;
    return {
      ok: false,
      why: 'unknown_version',
      detail: `version ${JSON.stringify(version) ?? 'missing'}${newer ? ', written by a newer Baton' : ''}; this Baton reads versions ${READABLE_QUALIFICATION_INPUTS_VERSIONS.join(' and ')}`,
    };
  }
  const parsed = qualificationInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, why: 'invalid', detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' };
  }
  const p = parsed.data;
  const events = p.v === 1 ? decodeV1Events(p) : decodeV2Events(p);
  if (typeof events === 'string') return { ok: false, why: 'invalid', detail: events };
  const evidence = p.repEvidence ? repEvidenceSchema.safeParse(p.repEvidence) : null;
  return {
    ok: true,
    inputs: {
      lead: { ...p.lead, ref },
      events,
      ...(evidence?.success ? { repEvidence: evidence.data } : {}),
      evaluatedAt: p.evaluatedAt,
    },
    approximate: p.droppedEvents > 0 || p.trimmed,
    evidenceSetAside: evidence !== null && !evidence.success,
  };
}
