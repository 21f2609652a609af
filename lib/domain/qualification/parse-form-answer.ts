import { isoDateToEpoch, toIsoDate } from './match-rules';

/**
 * Prospects type budgets and timelines as free text ("$50k", "10-50k EUR", "next quarter").
 * These parsers read the common shapes and say "unreadable" rather than guess at the rest, so
 * the criterion stays unknown and the rep asks.
 */
export type ParsedBudget =
  | { kind: 'amount'; amount: number; currency: string }
  | { kind: 'none' }
  | { kind: 'unreadable'; why: string };

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'INR', 'SGD', 'BRL', 'MXN', 'PLN'];
const MULTIPLIERS: Record<string, number> = { k: 1_000, thousand: 1_000, m: 1_000_000, mm: 1_000_000, million: 1_000_000 };

export function parseBudgetAnswer(answer: string, defaultCurrency?: string): ParsedBudget {
  const text = answer.trim();
  if (/^(no|none|n\/?a|zero|nothing)\b|^[$€£]?\s*0+(\.0+)?\s*$|no budget|not budgeted|unbudgeted/i.test(text)) return { kind: 'none' };
  const numberMatch = /(\d[\d,]*(?:\.\d+)?)\s*(k|mm|m|thousand|million)?\b/i.exec(text);
  if (!numberMatch) return { kind: 'unreadable', why: 'no amount in the answer' };
  // Commas are thousands separators here; a range ("10k-50k") reads as its lower bound.
  const base = Number(numberMatch[1]!.replace(/,/g, ''));
  const multiplier = numberMatch[2] ? (MULTIPLIERS[numberMatch[2].toLowerCase()] ?? 1) : 1;
  const amount = Math.round(base * multiplier * 100) / 100;
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.includes(s));
  const code = CURRENCY_CODES.find((c) => new RegExp(`\\b${c}\\b`, 'i').test(text));
  const currency = code ?? (symbol ? CURRENCY_SYMBOLS[symbol] : undefined) ?? defaultCurrency;
  if (!currency) return { kind: 'unreadable', why: 'no currency in the answer and no default currency configured' };
  // "0-10k" commits to nothing but does not rule a budget out either: leave it to the rep.
  if (amount === 0) return { kind: 'unreadable', why: 'the range starts at zero' };
  return { kind: 'amount', amount, currency };
}

export type ParsedTimeline =
  | { kind: 'date'; date: string; reading: string }
  | { kind: 'none' }
  | { kind: 'unreadable'; why: string };

function addUtc(epochMs: number, unit: 'day' | 'week' | 'month' | 'year', n: number): number {
  const d = new Date(epochMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (unit) {
    case 'day':
      return Date.UTC(y, m, day + n);
    case 'week':
      return Date.UTC(y, m, day + 7 * n);
    case 'month':
      return Date.UTC(y, m + n, day);
    case 'year':
      return Date.UTC(y + n, m, day);
  }
}

function endOfQuarter(epochMs: number, quartersAhead: number): number {
  const d = new Date(epochMs);
  const q = Math.floor(d.getUTCMonth() / 3) + quartersAhead;
  // Day 0 of the month after the quarter is the quarter's last day.
  return Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0);
}

/** Reads a timeline answer relative to when it was given (`answeredAt`, epoch ms), in UTC. */
export function parseTimelineAnswer(answer: string, answeredAt: number): ParsedTimeline {
  const text = answer.trim().toLowerCase();
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso && !Number.isNaN(isoDateToEpoch(iso[1]!))) return { kind: 'date', date: iso[1]!, reading: `date ${iso[1]!}` };
  if (/no timeline|just (looking|researching|browsing)|no plans|not (planning|buying)|never/.test(text)) return { kind: 'none' };
  if (/\b(asap|immediately|right away|urgent)\b/.test(text)) {
    return { kind: 'date', date: toIsoDate(addUtc(answeredAt, 'day', 30)), reading: '"ASAP" read as within 30 days' };
  }
  const relative = /(\d+)\s*(?:(?:-|–|to)\s*(\d+)\s*)?(day|week|month|year)s?/.exec(text);
  if (relative) {
    const n = Math.max(Number(relative[1]), relative[2] ? Number(relative[2]) : 0);
    const unit = relative[3] as 'day' | 'week' | 'month' | 'year';
    return { kind: 'date', date: toIsoDate(addUtc(answeredAt, unit, n)), reading: `"${relative[0]}" from the answer date` };
  }
  const quarter = /\bq([1-4])\s*(?:fy\s*)?'?(\d{4}|\d{2})\b/.exec(text);
  if (quarter) {
    const year = quarter[2]!.length === 2 ? 2000 + Number(quarter[2]) : Number(quarter[2]);
    return { kind: 'date', date: toIsoDate(Date.UTC(year, Number(quarter[1]) * 3, 0)), reading: `end of Q${quarter[1]} ${year}` };
  }
  if (/this quarter/.test(text)) return { kind: 'date', date: toIsoDate(endOfQuarter(answeredAt, 0)), reading: 'end of this quarter' };
  if (/next quarter/.test(text)) return { kind: 'date', date: toIsoDate(endOfQuarter(answeredAt, 1)), reading: 'end of next quarter' };
  if (/next month/.test(text)) return { kind: 'date', date: toIsoDate(addUtc(answeredAt, 'month', 1)), reading: '"next month" from the answer date' };
  if (/this year/.test(text)) {
    return { kind: 'date', date: `${new Date(answeredAt).getUTCFullYear()}-12-31`, reading: 'end of this year' };
  }
  if (/next year/.test(text)) {
    return { kind: 'date', date: `${new Date(answeredAt).getUTCFullYear() + 1}-12-31`, reading: 'end of next year' };
  }
  return { kind: 'unreadable', why: 'no date or period in the answer' };
}
