import type { EngagementEvent, EngagementKind } from './engagement-event';
import { copyEvent } from './engagement-event-details';
import type { NormalizeEngagementOptions } from './normalize-engagement';

/** Marks events a person most likely did not make (mail scanners, crawlers), with the reason in words. */
export function flagLikelyBots(
  sorted: EngagementEvent[],
  times: Float64Array,
  opts: Required<NormalizeEngagementOptions>,
): EngagementEvent[] {
  const n = sorted.length;
  const reasons: (string | null)[] = new Array<string | null>(n).fill(null);
  const kinds: EngagementKind[] = new Array<EngagementKind>(n);
  for (let i = 0; i < n; i++) kinds[i] = sorted[i]!.kind;

  // 1. Email opened/clicked within seconds of its delivery: link scanners and mail-privacy proxies
  //    fetch every pixel and link on arrival. Emails are matched on campaign + subject (title),
  //    case-insensitively; an event with neither cannot be matched and is left alone.
  const deliveries = new Map<string, number[]>();
  const emailKey = createEmailKeyer();
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== 'email_delivered') continue;
    const key = emailKey(sorted[i]!);
    if (key === null) continue;
    const list = deliveries.get(key);
    if (list) list.push(times[i]!);
    else deliveries.set(key, [times[i]!]);
  }
  if (deliveries.size > 0) {
    for (let i = 0; i < n; i++) {
      const kind = kinds[i]!;
      if (kind !== 'email_opened' && kind !== 'email_clicked') continue;
      const key = emailKey(sorted[i]!);
      const list = key === null ? undefined : deliveries.get(key);
      if (!list) continue;
      const deliveredAt = latestAtOrBefore(list, times[i]!);
      if (deliveredAt === null) continue;
      const gap = times[i]! - deliveredAt;
      if (gap <= opts.botEmailWindowMs) {
        const verb = kind === 'email_opened' ? 'opened' : 'clicked';
        reasons[i] = `${verb} ${describeSeconds(gap)} after delivery (likely a mail scanner or privacy proxy)`;
      }
    }
  }

  // 2. Click burst: a person does not open 5 pages or links within 2 seconds; crawlers and link
  //    checkers do. Sliding window over clicks and page views from every source together.
  const burstReason = `part of a burst of ${opts.burstMinEvents}+ clicks/page views within ${describeSeconds(opts.burstWindowMs)} (likely automated)`;
  const burst: number[] = [];
  for (let i = 0; i < n; i++) if (kinds[i] === 'page_view' || kinds[i] === 'email_clicked') burst.push(i);
  let left = 0;
  let markedUpTo = -1; // position in `burst` up to which events are already flagged
  for (let right = 0; right < burst.length; right++) {
    const rightAt = times[burst[right]!]!;
    while (rightAt - times[burst[left]!]! > opts.burstWindowMs) left++;
    if (right - left + 1 >= opts.burstMinEvents) {
      for (let k = Math.max(left, markedUpTo + 1); k <= right; k++) {
        const index = burst[k]!;
        const previous = reasons[index];
        reasons[index] = previous === null ? burstReason : `${previous}; ${burstReason}`;
      }
      markedUpTo = right;
    }
  }

  for (let i = 0; i < n; i++) {
    const reason = reasons[i];
    if (reason === null) continue;
    const flagged = copyEvent(sorted[i]!);
    flagged.likelyBot = true;
    flagged.botReason = reason;
    sorted[i] = flagged;
  }
  return sorted;
}

/** Campaign + subject, trimmed and lowercased, cached per distinct pair; null when the email has neither. */
function createEmailKeyer(): (event: EngagementEvent) => string | null {
  const byCampaign = new Map<string, Map<string, string | null>>();
  return (event) => {
    const campaign = event.campaign ?? '';
    const subject = event.title ?? '';
    let bySubject = byCampaign.get(campaign);
    if (!bySubject) {
      bySubject = new Map();
      byCampaign.set(campaign, bySubject);
    }
    let key = bySubject.get(subject);
    if (key === undefined) {
      const c = campaign.trim().toLowerCase();
      const t = subject.trim().toLowerCase();
      key = c === '' && t === '' ? null : `${c}\u0000${t}`;
      bySubject.set(subject, key);
    }
    return key;
  };
}

/** Binary search in ascending `times`. */
function latestAtOrBefore(times: readonly number[], at: number): number | null {
  let lo = 0;
  let hi = times.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = times[mid]!;
    if (t <= at) {
      found = t;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function describeSeconds(ms: number): string {
  if (ms < 1000) return 'under 1 s';
  const s = Math.round(ms / 100) / 10;
  return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)} s`;
}
