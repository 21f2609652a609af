import { encodeEvents, prepareEvents, cut } from './qualification-inputs-events';
import { MAX_ANSWER, MAX_QUALIFICATION_INPUTS_CHARS, MAX_TEXT, QUALIFICATION_INPUTS_VERSION, storedEvidenceSchema } from './qualification-inputs-format';
import type { EvaluatorInputs, QualificationInputs, QualificationInputsV2, StoredLead } from './qualification-inputs-format';

/** When the lead alone is too large (pathological CRM values), its strings are cut to this. */
const TRIMMED_STRING = 300;
const TRIMMED_SOURCE_DETAIL = 5;

function trimLead(lead: StoredLead): StoredLead {
  const s = (v: string | null) => (v === null ? null : cut(v, TRIMMED_STRING));
  return {
    ...lead,
    firstName: s(lead.firstName),
    lastName: s(lead.lastName),
    email: s(lead.email),
    phone: s(lead.phone),
    jobTitle: s(lead.jobTitle),
    company: s(lead.company),
    industry: s(lead.industry),
    country: s(lead.country),
    lifecycleStage: s(lead.lifecycleStage),
    leadStatus: s(lead.leadStatus),
    owner: lead.owner ? { id: cut(lead.owner.id, TRIMMED_STRING), name: s(lead.owner.name), email: s(lead.owner.email) } : null,
    ownerAssignedBy: lead.ownerAssignedBy ? { type: cut(lead.ownerAssignedBy.type, TRIMMED_STRING), label: s(lead.ownerAssignedBy.label) } : null,
    source: s(lead.source),
    sourceDetail: lead.sourceDetail.slice(0, TRIMMED_SOURCE_DETAIL).map((d) => cut(d, TRIMMED_STRING)),
    latestSource: s(lead.latestSource),
    campaign: s(lead.campaign),
    firstConversion: lead.firstConversion ? { ...lead.firstConversion, name: cut(lead.firstConversion.name, TRIMMED_STRING) } : null,
    recentConversion: lead.recentConversion ? { ...lead.recentConversion, name: cut(lead.recentConversion.name, TRIMMED_STRING) } : null,
    formAnswers: lead.formAnswers.map((a) => ({ ...a, question: cut(a.question, MAX_TEXT), answer: cut(a.answer, MAX_ANSWER), form: s(a.form) })),
  };
}

/**
 * Builds the inputs record for one decision, under `maxChars` when encoded. Pure.
 * `maxChars` is a parameter so tests can exercise the cap without 65 kB fixtures.
 */
export function buildQualificationInputs(input: EvaluatorInputs, maxChars = MAX_QUALIFICATION_INPUTS_CHARS): QualificationInputsV2 {
  const { ref: _ref, ...lead } = input.lead;
  const { events, storedIds } = prepareEvents(input.events, input.evaluatedAt);
  const repEvidence = input.repEvidence && Object.keys(input.repEvidence).length ? storedEvidenceSchema.safeParse(input.repEvidence) : null;

  let record: QualificationInputsV2 = {
    v: QUALIFICATION_INPUTS_VERSION,
    evaluatedAt: input.evaluatedAt,
    lead,
    ...(repEvidence?.success ? { repEvidence: repEvidence.data } : {}),
    s: [],
    e: [],
    droppedEvents: 0,
    trimmed: false,
  };
  const withNewest = (r: QualificationInputsV2, count: number): QualificationInputsV2 => ({ ...r, ...encodeEvents(events, storedIds, count, input.evaluatedAt), droppedEvents: events.length - count });
  const size = (r: QualificationInputsV2) => JSON.stringify(r).length;
  // Fallbacks, mildest first: shorten the lead's strings; then drop its oldest form answers and the rep evidence.
  const fallbacks: ((r: QualificationInputsV2) => QualificationInputsV2)[] = [
    (r) => ({ ...r, lead: trimLead(r.lead), trimmed: true }),
    (r) => {
      const { repEvidence: _dropped, ...rest } = r;
      const answers = [...r.lead.formAnswers];
      let next: QualificationInputsV2 = { ...rest, lead: { ...r.lead, formAnswers: answers }, trimmed: true };
      while (answers.length && size(next) > maxChars) {
        answers.pop();
        next = { ...next, lead: { ...next.lead, formAnswers: [...answers] } };
      }
      return next;
    },
  ];
  for (let level = 0; ; level++) {
    // Nearly always everything fits at once; otherwise as many of the newest events as fit.
    const all = withNewest(record, events.length);
    if (size(all) <= maxChars) return all;
    const kept = withNewest(record, largest(events.length - 1, (k) => size(withNewest(record, k)) <= maxChars));
    if (size(kept) <= maxChars || level >= fallbacks.length) return kept;
    record = fallbacks[level]!(record);
  }
}

/**
 * The largest k in [0, max] with fits(k), by binary search: the size grows with k, give or take a
 * digit of `droppedEvents`, and whatever is returned was checked to fit (unless nothing does).
 */
function largest(max: number, fits: (k: number) => boolean): number {
  let lo = 0;
  let hi = max;
  if (!fits(lo)) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function encodeQualificationInputs(inputs: QualificationInputs): string {
  return JSON.stringify(inputs);
}
