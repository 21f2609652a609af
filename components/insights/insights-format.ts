import { describeSource } from '../../lib/crm/crm-descriptors';

/** Display formats shared by the tables, the charts and the CSV (so the CSV is what is shown). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatMoney(amount: number | null): string {
  return amount === null ? '—' : `$${Math.round(amount).toLocaleString('en-US')}`;
}

/**
 * The page's one time format: hours and minutes ("45 min", "3 h 05 min", "52 h"), never days (a
 * business "day" is not 24 hours; headings say when the hours are business hours).
 */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const whole = Math.round(minutes);
  if (whole < 1) return minutes > 0 ? 'under 1 min' : '0 min';
  if (whole < 60) return `${whole} min`;
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return m === 0 ? `${h.toLocaleString('en-US')} h` : `${h.toLocaleString('en-US')} h ${String(m).padStart(2, '0')} min`;
}

/** "business hours" or "hours": what a span in this report is measured in. */
export function hoursWord(basis: 'business' | 'calendar'): string {
  return basis === 'business' ? 'business hours' : 'hours';
}

/**
 * An SQL definition version in words: "baton-default-sql@2" → "Baton default SQL, version 2". Ids
 * are the key in the URL and the CSV's filter; people read this.
 */
export function describeVersion(version: string): string {
  if (version.startsWith('(')) return 'No version recorded';
  const at = version.lastIndexOf('@');
  const id = at > 0 ? version.slice(0, at) : version;
  const number = at > 0 ? version.slice(at + 1) : null;
  const words = id
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((word) => (/^(sql|mql|sdr|bdr|icp|abm)$/i.test(word) ? word.toUpperCase() : word.toLowerCase()));
  const name = words.length ? words.join(' ').replace(/^./, (c) => c.toUpperCase()) : 'Definition';
  return number ? `${name}, version ${number}` : name;
}

/** "(no campaign)" and the like (the report's names for a missing value) as words: "No campaign". */
export function plainLabel(label: string): string {
  return /^\(.+\)$/.test(label) ? label.slice(1, 2).toUpperCase() + label.slice(2, -1) : label;
}

/** A reason, objection or other id in words when no label was recorded ("security_review" → "Security review"). */
export function humanizeId(id: string): string {
  if (id.startsWith('(')) return id.slice(1, -1).replace(/^./, (c) => c.toUpperCase());
  const words = id.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words.replace(/^./, (c) => c.toUpperCase()) : id;
}

const CHANNEL_LABELS: Record<string, string> = {
  paid: 'Paid',
  organic: 'Organic search',
  email: 'Email',
  social: 'Organic social',
  referral: 'Referral',
  direct: 'Direct',
  offline: 'Offline',
  other: 'Other',
  unknown: 'Unknown',
};

export function describeChannel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

export { describeSource };

export const STAGE_LABELS: Record<string, string> = {
  handed_off: 'Handed off',
  contacted: 'Contacted',
  connected: 'Connected',
  accepted: 'Accepted',
  opportunity: 'Opportunity',
  won: 'Won',
};
