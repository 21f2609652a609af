import { leadRefFromPage, type CrmService } from '../crm/crm-service';
import type { LeadPage } from '../crm/pages/lead-page';
import { z } from 'zod';
import { createDisposition, dispositionInputSchema } from '../domain/disposition/disposition';
import type { DispositionReasonList } from '../domain/disposition/disposition-reasons';
import type { LeadActions } from '../messaging/background-router';
import { RequestRefusedError } from '../messaging/request-refused-error';
import type { OutboxItem, OutboxList, UnreadableOutboxItem } from '../messaging/panel-protocol';
import { createOutboxEntry, type OutboxEntry } from '../outbox/outbox-entry';
import { describeOutboxEntry } from '../outbox/outbox-status';
import type { OutboxStore, UnreadableRecord } from '../outbox/outbox-store';
import { byUnreadableId } from '../outbox/outbox-unreadable';
import { canSendOver, findSupersedingEntry } from '../outbox/supersede';
import { formatClockTime } from '../format/format-time';
import type { ActiveConnectionFacts } from '../crm/crm-connections';
import { leadStatusMappingFor } from '../crm/lead-status-mapping-for';
import { decideConnectionNotice } from './connection-notice';
import type { LeadEvidenceStore } from '../storage/lead-evidence-store';
import { repEvidenceSchema } from '../domain/qualification/rep-evidence';
import type { RepEvidence } from '../domain/qualification/rep-evidence';
import { buildQualificationInputs } from '../domain/qualification/qualification-inputs';
import { buildPanelView, dispositionFacts, evaluateWithEvidence, toQualificationView, type PanelRules } from './panel-view';

export interface LeadActionsDeps {
  evidence: LeadEvidenceStore;
  outbox: () => Promise<OutboxStore>;
  crmService: CrmService;
  /** The team's rules as the admin set them (SQL definition, SLA policy, reasons, lead status mapping, attempts). */
  readRules(): Promise<PanelRules>;
  /** Deliver what is due now (the outbox drain). */
  kick(): void;
  /**
   * Which CRM Baton talks to and its credential's expiry as the last connection check recorded
   * it (no request): for the panel's connection notice.
   */
  readConnection(): Promise<ActiveConnectionFacts>;
  now(): number;
  newId(): string;
  /**
   * Who is deciding: the rep this browser belongs to (the CRM's signed-in user, or the rep's own
   * choice among the CRM's users). Null or absent: not known yet, and the lead's owner stands in.
   */
  currentRep?(): Promise<{ ownerId: string; name: string | null } | null>;
  /** For clock times in outbox labels; the browser's zone when absent (tests pin one). */
  timeZone?: string;
  /**
   * The connected CRM's lead-status values with their labels (the options page's list), so the
   * panel can say "Will set lead status to Unqualified". Absent, or failing: the panel shows the
   * value in words instead.
   */
  readLeadStatusValues?(): Promise<{ values: readonly { value: string; label: string }[] }>;
}

/** How long the lead's latest disposition answers a save of the same decision (the panel reuses a draft's id as long: draft-id.ts). */
const SAME_DECISION_WINDOW_MS = 24 * 60 * 60_000;

/** Lead-status labels change when an admin edits the CRM's list: read them again after this long. */
const LEAD_STATUS_LABELS_TTL_MS = 10 * 60_000;

/** Stable key of a lead across sessions: where its evidence and outbox entries are filed. */
export function leadKeyOf(page: LeadPage): string {
  return `${page.crm}|${page.account}|${page.objectType}|${page.id}`;
}

/**
 * What the rep does to "this lead" from the panel. The page always comes from the tab URL (the
 * router derives it), so one tab can never write to another lead.
 */
export function createLeadActions(deps: LeadActionsDeps): LeadActions {
  const actions = createUnserializedLeadActions(deps);
  // Saves run one at a time: two tabs saving at once cannot both pass the checks for an existing
  // entry before either is stored.
  let saving: Promise<unknown> = Promise.resolve();
  const saveDisposition: LeadActions['saveDisposition'] = (page, draft) => {
    const run = saving.then(() => actions.saveDisposition(page, draft));
    saving = run.catch(() => undefined);
    return run;
  };
  return { ...actions, saveDisposition };
}

function createUnserializedLeadActions(deps: LeadActionsDeps): LeadActions {
  /** Who decides; never fails a save (an unknown rep falls back to the lead's owner). */
  const currentRep = () => (deps.currentRep ? deps.currentRep().catch(() => null) : Promise.resolve(null));
  // The team's rules, with the lead-status mapping of the lead's own CRM.
  const rulesFor = async (page: LeadPage): Promise<PanelRules> => {
    const rules = await deps.readRules();
    return { ...rules, leadStatusMapping: leadStatusMappingFor(page.crm, rules.leadStatusMapping) };
  };

  // The CRM's lead-status labels, read at most once per TTL (one request), never failing the view.
  let statusLabels: { at: number; labels: Promise<ReadonlyMap<string, string>> } | null = null;
  const leadStatusLabels = (): Promise<ReadonlyMap<string, string>> => {
    const read = deps.readLeadStatusValues;
    if (!read) return Promise.resolve(new Map());
    if (!statusLabels || deps.now() - statusLabels.at > LEAD_STATUS_LABELS_TTL_MS) {
      const labels = read()
        .then(({ values }) => new Map(values.map((v) => [v.value, v.label] as const)))
        // A CRM that cannot list them (no permission, offline) is asked again after the TTL, not on every view.
        .catch((): ReadonlyMap<string, string> => new Map());
      statusLabels = { at: deps.now(), labels };
    }
    return statusLabels.labels;
  };

  const list = async (page: LeadPage): Promise<OutboxList> => {
    // This lead's records (through the lead index), and two counts over the whole outbox read from
    // indexes, not by reading every entry: the writes parked after a 401 on any lead (the
    // connection is gone), and the records Baton cannot read. A save costs the same with a
    // thousand entries queued as with none.
    const store = await deps.outbox();
    const leadKey = leadKeyOf(page);
    const [lead, waitingForReconnect, unreadable, rules, connection] = await Promise.all([
      store.readLead(leadKey),
      store.countParked('auth'),
      store.knownUnreadable(),
      deps.readRules(),
      deps.readConnection(),
    ]);
    const entries = lead.entries;
    const now = deps.now();
    // Records Baton cannot read are kept and never sent; the rep sees this lead's (and those whose
    // lead cannot be told) with what failed, and how many there are in all.
    const keyOf = (u: UnreadableRecord) => u.id ?? JSON.stringify(u);
    const unreadableHere = new Map([...lead.unreadable, ...unreadable.filter((u) => u.leadKey === null || u.leadKey === leadKey)].map((u) => [keyOf(u), u]));
    const total = new Set([...unreadable, ...lead.unreadable].map(keyOf)).size;
    const newestFirst = [...entries].sort((a, b) => b.createdAt - a.createdAt);
    const labels = reasonLabels(rules.reasons);
    return {
      items: newestFirst.map((entry) => toItem(entry, now, entries, labels, deps.timeZone)),
      attemptsMade: entries.filter((e) => e.kind === 'contact-attempt' && e.state !== 'failed').length,
      connection: decideConnectionNotice({ ...connection, waitingForReconnect, now, timeZone: deps.timeZone }),
      unreadable: { total, items: [...unreadableHere.values()].sort(byUnreadableId).map((u) => toUnreadableItem(u, now, deps.timeZone)) },
      recorded: recordedOutcome(newestFirst, labels),
    };
  };

  /**
   * The answer to a draft whose id is already stored: that entry's status, when it is this lead's
   * disposition and records the same decision. Anything else is refused, never merged: the same id
   * for another decision means the panel reused an id it should not have.
   */
  const sameDraftAnswer = async (page: LeadPage, existing: OutboxEntry, draft: Record<string, unknown>): Promise<OutboxItem> => {
    if (existing.kind !== 'disposition' || existing.leadKey !== leadKeyOf(page)) {
      throw new RequestRefusedError('That disposition id is already used for something else; not saved. Reload the panel and save again.');
    }
    if (!sameDecision(existing.payload.disposition, draft)) {
      throw new RequestRefusedError('This draft was already saved with different choices; not saved again. Reload the panel to see what was saved.');
    }
    const [all, rules] = await Promise.all([(await deps.outbox()).listByLead(existing.leadKey), deps.readRules()]);
    return toItem(existing, deps.now(), all, reasonLabels(rules.reasons), deps.timeZone);
  };

  const ownEntry = async (page: LeadPage, id: string): Promise<OutboxEntry> => {
    const entry = await (await deps.outbox()).get(id);
    if (!entry || entry.leadKey !== leadKeyOf(page)) throw new RequestRefusedError('That entry does not belong to the lead in this tab.');
    return entry;
  };

  return {
    async panelView(page, loadContext) {
      const [context, rules, evidence, labels] = await Promise.all([
        loadContext(),
        rulesFor(page),
        // Unreadable evidence must not cost the rep the panel: the checklist shows without it.
        deps.evidence.read(leadKeyOf(page)).catch((err: unknown): RepEvidence => {
          console.warn('Baton: could not read the checklist evidence; showing the checklist without it.', err);
          return {};
        }),
        leadStatusLabels(),
      ]);
      return buildPanelView({ context, rules, evidence, now: deps.now(), leadStatusLabels: labels });
    },

    async putEvidence(page, criterionId, entry) {
      const key = leadKeyOf(page);
      const current = await deps.evidence.read(key);
      const next = { ...current };
      if (entry) next[criterionId] = { ...entry, at: deps.now() } as (typeof next)[string];
      else delete next[criterionId];
      // Validate before writing, so a "met" without the evidence the definition asks for is
      // refused with the rule's own message instead of being stored.
      const parsed = repEvidenceSchema.safeParse(next);
      if (!parsed.success) throw new RequestRefusedError(parsed.error.issues.map((i) => i.message).join('; '));
      await deps.evidence.write(key, parsed.data);
      // The checklist re-evaluated with the new evidence, from the cached context (no CRM request),
      // so the panel shows the effect of a tick without evaluating anything itself.
      const [rules, context] = await Promise.all([rulesFor(page), deps.crmService.getLeadContext(page).catch(() => null)]);
      const qualification = context ? toQualificationView(rules.definition, evaluateWithEvidence(rules.definition, context, parsed.data, deps.now())) : null;
      return { evidence: parsed.data, qualification };
    },

    async saveDisposition(page, draft) {
      // The panel names the disposition once per draft, so a double click, a resend after a lost
      // answer, or the same draft saved from a second tab on this lead is one entry: a draft whose
      // id is already stored gets that entry's status back, and nothing new is queued. (A draft
      // without an id, from a caller that predates it, gets a fresh one.)
      const draftId = 'id' in draft ? draft.id : undefined;
      if (draftId !== undefined && !z.uuid().safeParse(draftId).success) {
        return { ok: false, errors: [{ path: 'id', message: `the draft's id ${JSON.stringify(draftId)?.slice(0, 60) ?? ''} is not a UUID` }] };
      }
      if (typeof draftId === 'string') {
        const existing = await (await deps.outbox()).get(draftId);
        if (existing) return { ok: true, item: await sameDraftAnswer(page, existing, draft) };
      }
      // Two tabs saving the same decision at once name it with two ids (neither panel had seen the
      // other's yet): the lead's latest disposition, when it records this decision, is this one.
      const latest = (await (await deps.outbox()).listByLead(leadKeyOf(page))).filter((e) => e.kind === 'disposition' && e.state !== 'failed').at(-1);
      if (latest?.kind === 'disposition' && deps.now() - latest.createdAt < SAME_DECISION_WINDOW_MS && sameDecision(latest.payload.disposition, draft)) {
        return { ok: true, item: await sameDraftAnswer(page, latest, draft) };
      }
      // What the rep was shown (checklist, verdict, SLA outcome, brief) and what the definition was
      // evaluated on (for later backtests) come from the lead context the panel shows (cached, no
      // extra request) and the rep's evidence, read before it is cleared below. Best effort: a
      // disposition is never refused for lacking the context (see dispositionFacts).
      const [rules, current, context, evidence, rep] = await Promise.all([
        deps.readRules(),
        list(page),
        deps.crmService.getLeadContext(page).catch(() => null),
        deps.evidence.read(leadKeyOf(page)).catch((): RepEvidence => ({})),
        currentRep(),
      ]);
      const now = deps.now();
      const facts = dispositionFacts(draft, { context, rules, evidence, now });
      const created = createDisposition(
        // Who decided: this browser's rep when Baton knows them, else the lead's owner.
        { ...facts.draft, ...(rep ? { rep: { id: rep.ownerId, name: rep.name } } : {}), lead: leadRefFromPage(page) },
        { id: typeof draftId === 'string' ? draftId : deps.newId(), now, reasons: rules.reasons, attemptPolicy: rules.attemptPolicy, attemptsMade: current.attemptsMade },
      );
      if (!created.ok) return { ok: false, errors: created.errors };
      const store = await deps.outbox();
      // On disk (strict durability) before the rep is told it is saved.
      const entry = await store.enqueue({
        kind: 'disposition',
        payload: {
          disposition: created.value,
          brief: facts.brief,
          qualificationInputs: context ? buildQualificationInputs({ lead: context.lead, events: context.events, repEvidence: evidence, evaluatedAt: now }) : null,
          // What the rep saw, so the writer does not overwrite a status a colleague set meanwhile
          // (the delivery may wait hours, e.g. for the daily limit). Unknown without the context.
          ...(context ? { seenLeadStatus: context.lead.leadStatus } : {}),
        },
        leadKey: leadKeyOf(page),
        crm: { crm: page.crm, account: page.account, origin: page.origin },
        createdAt: now,
      });
      if (entry.id !== created.value.id || entry.createdAt !== now) {
        // Two saves of the draft raced past the check above; the store kept the first one.
        return { ok: true, item: await sameDraftAnswer(page, entry, draft) };
      }
      await deps.evidence.clear(leadKeyOf(page));
      deps.kick();
      return { ok: true, item: toItem(entry, now, [entry], reasonLabels(rules.reasons), deps.timeZone) };
    },

    listOutbox: list,

    async resend(page, id, options = {}) {
      await ownEntry(page, id);
      const result = await (await deps.outbox()).resend(id, deps.now(), { confirmOver: options.confirmOver ?? null });
      if (result.status === 'superseded') {
        // Enforced here, not only by the panel's buttons: a forged or stale "resend" is refused.
        const rules = await deps.readRules();
        const later = `'${summarize(result.by, reasonLabels(rules.reasons))}' of ${formatClockTime(result.by.createdAt, deps.now(), { timeZone: deps.timeZone })}`;
        throw new RequestRefusedError(
          canSendOver(result.by)
            ? `Not resent: your later ${later} is in the CRM, and this one would replace it. Choose "Send anyway" to do that, or discard this one.`
            : `Not resent: your later ${later} is still on its way to the CRM. Discard this one.`,
        );
      }
      if (result.status === 'resent') deps.kick();
      return list(page);
    },

    async discard(page, id) {
      await ownEntry(page, id);
      await (await deps.outbox()).discard(id);
      return list(page);
    },

    async logAttempt(page, attempt) {
      // The rep who made the attempt; when Baton does not know who that is yet, the lead's owner
      // (from the cached context, no extra request).
      const [context, rep] = await Promise.all([deps.crmService.getLeadContext(page).catch(() => null), currentRep()]);
      const now = deps.now();
      const entry = createOutboxEntry({
        kind: 'contact-attempt',
        payload: {
          ref: leadRefFromPage(page),
          attempt: { id: deps.newId(), channel: attempt.channel, connected: attempt.connected, note: attempt.note, at: now, ownerId: rep?.ownerId ?? context?.lead.owner?.id ?? null },
        },
        leadKey: leadKeyOf(page),
        crm: { crm: page.crm, account: page.account, origin: page.origin },
        createdAt: now,
      });
      await (await deps.outbox()).enqueue(entry);
      deps.kick();
      return list(page);
    },
  };
}

/** The fields the rep decides (the rest is computed by the background at save time). */
const decisionSchema = dispositionInputSchema.pick({ outcome: true, acceptedStage: true, reasonId: true, recycleAt: true, objections: true, note: true });

/** Whether a draft records the same decision as a stored disposition (after the schema's defaults and trimming). */
function sameDecision(stored: Record<string, unknown>, draft: Record<string, unknown>): boolean {
  const a = decisionSchema.safeParse(stored);
  const b = decisionSchema.safeParse(draft);
  return a.success && b.success && JSON.stringify(a.data) === JSON.stringify(b.data);
}

const reasonLabels = (reasons: DispositionReasonList): ReadonlyMap<string, string> => new Map(reasons.reasons.map((r) => [r.id, r.label]));

function toItem(entry: OutboxEntry, now: number, others: readonly OutboxEntry[], reasonLabel: ReadonlyMap<string, string>, timeZone?: string): OutboxItem {
  const status = describeOutboxEntry(entry, now, { others });
  const item: OutboxItem = {
    id: entry.id,
    kind: entry.kind,
    state: entry.state,
    tone: status.tone,
    label: status.label,
    detail: status.detail ?? null,
    createdAt: entry.createdAt,
    summary: summarize(entry, reasonLabel),
    supersededBy: null,
  };
  // Only what the rep could resend (a dead letter, or parked) is described as superseded: an entry
  // on its way goes out before the later one anyway (per-lead ordering).
  const by = entry.state === 'failed' || entry.state === 'parked' ? findSupersedingEntry(entry, others) : null;
  if (!by) return item;
  const bySummary = summarize(by, reasonLabel);
  const delivered = canSendOver(by);
  return {
    ...item,
    tone: 'warning',
    label: `Superseded by your later '${bySummary}' of ${formatClockTime(by.createdAt, now, { timeZone })}`,
    detail: delivered
      ? `That one is in the CRM; this one was not sent (${status.label}).`
      : `That one is still on its way to the CRM; this one was not sent (${status.label}).`,
    supersededBy: { id: by.id, summary: bySummary, createdAt: by.createdAt, delivered },
  };
}

function toUnreadableItem(record: UnreadableRecord, now: number, timeZone?: string): UnreadableOutboxItem {
  const what = record.kind === 'disposition' ? 'Disposition' : record.kind === 'contact-attempt' ? 'Contact attempt' : 'Outbox record';
  const when = record.createdAt !== null ? ` saved ${formatClockTime(record.createdAt, now, { timeZone })}` : '';
  const issues = record.issues.slice(0, 5).join('; ') + (record.issues.length > 5 ? `; and ${record.issues.length - 5} more` : '');
  return {
    id: record.id,
    label: 'Unreadable — kept, not sent',
    summary: `${what}${when}`,
    detail: `Baton cannot read this stored record, so it keeps it and does not send it (${issues}).`,
    createdAt: record.createdAt,
  };
}

/**
 * The newest disposition recorded for the lead that has not failed (queued, on its way or in the
 * CRM): what the header shows in place of the countdown. A failed one is not an outcome yet.
 */
function recordedOutcome(newestFirst: readonly OutboxEntry[], reasonLabel: ReadonlyMap<string, string>): OutboxList['recorded'] {
  const entry = newestFirst.find((e) => e.kind === 'disposition' && e.state !== 'failed');
  if (!entry || entry.kind !== 'disposition') return null;
  const d = entry.payload.disposition;
  const outcome = d.outcome === 'accepted' ? (d.acceptedStage === 'opportunity_created' ? 'Accepted — opportunity created' : 'Accepted — working it') : d.outcome === 'recycled' ? 'Recycled' : 'Rejected';
  const reason = d.reasonId ? (reasonLabel.get(d.reasonId) ?? d.reasonId) : null;
  return { outcome: reason ? `${outcome} — ${reason}` : outcome, by: d.rep.name ?? null, at: entry.createdAt };
}

function summarize(entry: OutboxEntry, reasonLabel: ReadonlyMap<string, string>): string {
  if (entry.kind === 'contact-attempt') {
    const a = entry.payload.attempt;
    return `${a.channel === 'call' ? 'Call' : a.channel === 'email' ? 'Email' : 'Social'} attempt${a.connected ? ', connected' : ''}`;
  }
  const d = entry.payload.disposition;
  const outcome = d.outcome === 'accepted' ? (d.acceptedStage === 'opportunity_created' ? 'Accepted — opportunity' : 'Accepted — working') : d.outcome === 'recycled' ? 'Recycled' : 'Rejected';
  // A reason retired or renamed since keeps showing: the label if the list still has it, else the id.
  return d.reasonId ? `${outcome} (${reasonLabel.get(d.reasonId) ?? d.reasonId})` : outcome;
}
