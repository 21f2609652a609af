import type { EngagementEvent, EngagementKind } from '../engagement/engagement-event';
import { MAX_ANSWER, MAX_ANSWERS_PER_EVENT, MAX_EVENT_ID, MAX_TEXT } from './qualification-inputs-format';
import type { Entry } from './qualification-inputs-format';

export const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** One counted event, as the evaluator can tell it apart: texts cut where rules stop reading. */
interface Normalized {
  id: string;
  kind: EngagementKind;
  at: number;
  title?: string;
  url?: string;
  /** Question, answer pairs; only on form submissions with at least one answer. */
  answers?: [string, string][];
}

function normalize(e: EngagementEvent): Normalized {
  const out: Normalized = { id: e.id, kind: e.kind, at: e.occurredAt };
  if (e.title !== undefined) out.title = cut(e.title, MAX_TEXT);
  if (e.url !== undefined) out.url = cut(e.url, MAX_TEXT);
  // The evaluator reads answers only on form submissions, and an empty set is no answer.
  if (e.kind === 'form_submission' && e.answers) {
    const entries = Object.entries(e.answers).slice(0, MAX_ANSWERS_PER_EVENT);
    if (entries.length) out.answers = entries.map(([q, a]) => [cut(q, MAX_TEXT), cut(a, MAX_ANSWER)]);
  }
  return out;
}

/** Everything but the id: two events with equal content and id are one event delivered twice. */
const contentKey = (e: Normalized) => JSON.stringify([e.kind, e.at, e.title ?? null, e.url ?? null, e.answers ?? null]);

/** Events sorted newest first, ties in a total order, so the same history always encodes the same way. */
function compareNewestFirst(a: Normalized, b: Normalized): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ka = contentKey(a);
  const kb = contentKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The events as stored: counted ones only, duplicates once, and which of them keep their id. */
export function prepareEvents(events: readonly EngagementEvent[], evaluatedAt: number): { events: Normalized[]; storedIds: (string | undefined)[] } {
  const byId = new Map<string, Map<string, Normalized>>();
  for (const e of events) {
    if (e.likelyBot || e.occurredAt > evaluatedAt) continue;
    const n = normalize(e);
    let contents = byId.get(n.id);
    if (!contents) byId.set(n.id, (contents = new Map()));
    const key = contentKey(n);
    if (!contents.has(key)) contents.set(key, n);
  }
  const sorted: Normalized[] = [];
  const shared = new Set<string>();
  for (const [id, contents] of byId) {
    if (contents.size > 1) shared.add(id);
    for (const n of contents.values()) sorted.push(n);
  }
  sorted.sort(compareNewestFirst);
  // The id each kept-id event is stored under: itself, or for a very long one a stand-in that is
  // no other stored id (only the partition into distinct ids matters to the counts).
  const keep = sorted.map((e) => shared.has(e.id) || e.answers !== undefined);
  const storedIds = new Map<string, string>();
  const taken = new Set<string>();
  for (const [i, e] of sorted.entries()) if (keep[i] && e.id.length <= MAX_TEXT) taken.add(e.id);
  for (const [i, e] of sorted.entries()) {
    if (!keep[i] || storedIds.has(e.id)) continue;
    let stored = e.id;
    for (let n = 0; stored.length > MAX_TEXT || (stored !== e.id && taken.has(stored)); n++) stored = `${e.id.slice(0, MAX_EVENT_ID)}#${n}`;
    taken.add(stored);
    storedIds.set(e.id, stored);
  }
  return { events: sorted, storedIds: sorted.map((e, i) => (keep[i] ? storedIds.get(e.id) : undefined)) };
}

/** The stored form of the newest `count` events: string table and entries. Pure. */
export function encodeEvents(events: readonly Normalized[], storedIds: readonly (string | undefined)[], count: number, evaluatedAt: number): { s: string[]; e: Entry[] } {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (text: string) => {
    let i = indexOf.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      indexOf.set(text, i);
    }
    return i;
  };
  const entries: Entry[] = [];
  const collapsed = new Map<string, { entry: Entry; ages: number[] }>();
  for (let i = 0; i < count; i++) {
    const e = events[i]!;
    const id = storedIds[i];
    const head = (): Entry => {
      const entry: Entry = { k: ref(e.kind) };
      if (e.title !== undefined) entry.n = ref(e.title);
      if (e.url !== undefined) entry.u = ref(e.url);
      if (id !== undefined) entry.i = ref(id);
      return entry;
    };
    if (e.answers) {
      const entry = head();
      entry.m = e.at;
      entry.a = e.answers.flatMap(([q, a]) => [ref(q), ref(a)]);
      entries.push(entry);
      continue;
    }
    const key = JSON.stringify([e.kind, e.title ?? null, e.url ?? null, id ?? null]);
    let group = collapsed.get(key);
    if (!group) {
      group = { entry: head(), ages: [] };
      collapsed.set(key, group);
      entries.push(group.entry);
    }
    // Rounded up: "at most N days old" reads the same on the rounded age (see qualification-inputs-format.ts).
    group.ages.push(Math.ceil((evaluatedAt - e.at) / 1000));
  }
  for (const { entry, ages } of collapsed.values()) {
    // Events come newest first, so ages only grow and the gaps are never negative.
    entry.t = ages.map((age, j) => (j === 0 ? age : age - ages[j - 1]!).toString(36)).join(',');
  }
  return { s: strings, e: entries };
}
