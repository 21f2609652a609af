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

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 90) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
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
