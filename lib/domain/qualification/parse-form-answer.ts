import { isoDateToEpoch, toIsoDate } from './match-rules';

/**
 * Prospects type budgets and timelines as free text ("$50k", "€25.000", "10-50k EUR", "by March",
 * "Q3 2027"). These parsers read the common shapes and say "unreadable" rather than guess at the
 * rest, so the criterion stays unknown and the rep asks.
 */
export type ParsedBudget =
  | { kind: 'amount'; amount: number; currency: string }
  | { kind: 'none' }
  | { kind: 'unreadable'; why: string };

// Longest first: "us$" before "$", "a$" before "$".
const CURRENCY_SYMBOLS: Array<[string, string]> = [
  ['us$', 'USD'], ['usd$', 'USD'], ['au$', 'AUD'], ['ca$', 'CAD'], ['c$', 'CAD'], ['a$', 'AUD'], ['nz$', 'NZD'], ['s$', 'SGD'],
  ['hk$', 'HKD'], ['r$', 'BRL'], ['mx$', 'MXN'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'],
  ['zł', 'PLN'], ['₪', 'ILS'],
];
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'INR', 'SGD', 'BRL', 'MXN', 'PLN', 'ZAR', 'HKD', 'CNY', 'AED', 'ILS', 'CZK', 'HUF', 'KRW'];
const CODE_RE = new RegExp(`(?:^|[^a-z])(${CURRENCY_CODES.join('|').toLowerCase()})(?![a-z])`);
const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/\b(us )?dollars?\b|\bbucks\b/, 'USD'],
  [/\beuros?\b/, 'EUR'],
  [/\b(pounds?|sterling|quid)\b/, 'GBP'],
  [/\byen\b/, 'JPY'],
  [/\brupees?\b/, 'INR'],
  [/\bswiss francs?\b|\bfr\.\s/, 'CHF'],
];
const MULTIPLIERS: Record<string, number> = {
  k: 1_000, thousand: 1_000, thousands: 1_000, grand: 1_000, tsd: 1_000,
  m: 1_000_000, mm: 1_000_000, mn: 1_000_000, mio: 1_000_000, million: 1_000_000, millions: 1_000_000,
  b: 1_000_000_000, bn: 1_000_000_000, billion: 1_000_000_000,
};

// A number as people type it: "40,000", "25.000", "30 000", "1.2", "1,5", "40000".
const AMOUNT_RE = /(\d{1,3}(?:([ ,.'’])\d{3})(?:\2\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*(k|mm|mn|mio|m|bn|b|thousands?|grand|millions?|billion|tsd)?(?![a-z])/g;
const RANGE_JOIN = /^\s*(?:-|to|and|or|\.\.)\s*(?:[a-z]{0,3}\$|[€£¥₹$]|[a-z]{3}\s)?\s*$/;

const NO_BUDGET = /\bno (?:\w+ )?budget\b|\bnot budgeted\b|\bunbudgeted\b|\bbudget (?:is )?(?:not (?:yet )?(?:set|allocated|approved|defined)|tbd|tba|unknown|pending)\b|\bwithout (?:a )?budget\b|\bzero budget\b/;
const NONE_WORDS = /^(?:no|none|nope|n\/?a|zero|nothing|nil|tbd|tba|tbc|to be (?:determined|decided|confirmed|defined)|not (?:sure|decided|defined|known)(?: yet)?|unsure|unknown|undecided|don'?t know|do not know|idk|no idea|not yet)\b/;

function parseNumber(raw: string, separator: string | undefined): number {
  if (separator !== undefined) {
    // Grouped thousands: "40,000", "25.000", "30 000", "1.234.567,89".
    const lastDecimal = /[.,](\d{1,2})$/.exec(raw);
    const decimal = lastDecimal && lastDecimal[0][0] !== separator ? lastDecimal[1]! : null;
    const intPart = decimal !== null ? raw.slice(0, raw.length - decimal.length - 1) : raw;
    return Number(intPart.replace(/[ ,.'’]/g, '') + (decimal !== null ? `.${decimal}` : ''));
  }
  // Ungrouped: "1.2", "1,5" (a decimal comma), "40000".
  return Number(raw.replace(',', '.'));
}

function normalizeAnswer(answer: string): string {
  return answer
    .toLowerCase()
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[–—−]/g, '-')
    .trim();
}

function findCurrency(text: string): string | undefined {
  const code = CODE_RE.exec(text);
  if (code) return code[1]!.toUpperCase();
  for (const [symbol, c] of CURRENCY_SYMBOLS) if (text.includes(symbol)) return c;
  for (const [re, c] of CURRENCY_WORDS) if (re.test(text)) return c;
  return undefined;
}

interface AmountToken {
  value: number;
  multiplied: boolean;
  end: number;
  start: number;
  multiplier: number;
}

function amountTokens(text: string): AmountToken[] {
  const tokens: AmountToken[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
    const value = parseNumber(m[1]!, m[2]);
    if (!Number.isFinite(value)) continue;
    const multiplier = m[3] ? (MULTIPLIERS[m[3]] ?? 1) : 1;
    tokens.push({ value, multiplied: multiplier !== 1, multiplier, start: m.index, end: m.index + m[0].length });
    if (tokens.length >= 4) break;
  }
  return tokens;
}

// Forms offer a handful of answers ("$50k–$150k", "This quarter") that thousands of leads share:
// reading each once keeps a backtest fast. Bounded, and results are never mutated.
const MAX_CACHED = 20_000;
const budgetCache = new Map<string, ParsedBudget>();
const timelineCache = new Map<string, ParsedTimeline>();

export function parseBudgetAnswer(answer: string, defaultCurrency?: string): ParsedBudget {
  const key = `${defaultCurrency ?? ''}|${answer}`;
  let parsed = budgetCache.get(key);
  if (!parsed) {
    parsed = readBudget(answer, defaultCurrency);
    if (budgetCache.size < MAX_CACHED) budgetCache.set(key, parsed);
  }
  return { ...parsed };
}

function readBudget(answer: string, defaultCurrency?: string): ParsedBudget {
  const text = normalizeAnswer(answer).slice(0, 300);
  if (NO_BUDGET.test(text)) return { kind: 'none' };
  const currency = findCurrency(text);
  // "10 users" or "51-200 employees" under a budget question is a headcount, not 10 dollars.
  if (currency === undefined && /\d\s*\+?\s*(?:users|seats|employees|people|licen[cs]es|reps|agents|staff)\b/.test(text)) {
    return { kind: 'unreadable', why: 'the answer is a headcount, not an amount' };
  }
  const tokens = amountTokens(text).filter(
    // A bare year ("the 2027 budget") is not an amount.
    (t) => t.multiplied || currency !== undefined || !(t.value >= 1990 && t.value <= 2100 && Number.isInteger(t.value) && /[a-z]{3}/.test(text)),
  );
  if (!tokens.length) {
    if (NONE_WORDS.test(text) || /^[$€£]?\s*0+(?:[.,]0+)?\s*$/.test(text)) return { kind: 'none' };
    return { kind: 'unreadable', why: 'no amount in the answer' };
  }
  const first = tokens[0]!;
  const second = tokens[1];
  let multiplier = first.multiplier;
  let isRange = false;
  if (second && RANGE_JOIN.test(text.slice(first.end, second.start))) {
    isRange = true;
    // "10-50k" and "£10–15k": the range's unit applies to both ends; read the lower bound.
    if (!first.multiplied && second.multiplied && first.value <= second.value) multiplier = second.multiplier;
  }
  let amount = Math.round(first.value * multiplier * 100) / 100;
  if (/(?:per|a|\/|each)\s*(?:month|mo)\b|\bmonthly\b|\bp\.?\s?m\b|\bmtl\b/.test(text)) amount = Math.round(amount * 12 * 100) / 100;
  const resolved = currency ?? defaultCurrency;
  if (amount === 0) {
    // "0-10k" commits to nothing but does not rule a budget out either: leave it to the rep.
    return isRange ? { kind: 'unreadable', why: 'the range starts at zero' } : { kind: 'none' };
  }
  if (!resolved) return { kind: 'unreadable', why: 'no currency in the answer and no default currency configured' };
  return { kind: 'amount', amount, currency: resolved };
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

const endOfMonth = (year: number, month0: number) => Date.UTC(year, month0 + 1, 0);

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5, jul: 6, july: 6,
  aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10, dec: 11, december: 11,
};
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_NAME_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// "by March", "March 2027", "in mid-June", "15 January 2027", "January 15, 2027". A bare month must lead the answer or follow a preposition ("we may buy" is not May).
const MONTH_RE = new RegExp(
  `(?:^|\\b(?:by|in|before|until|till|end of|early|mid|late|around|for|start of|beginning of|end|within)[ -]+)(?:the )?(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?)?(${MONTH_NAMES})\\b\\.?(?: (\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,? (\\d{4}|'\\d{2})\\b)?`,
);
const MONTH_YEAR_RE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)? )?(${MONTH_NAMES})\\.?(?: (\\d{1,2})(?:st|nd|rd|th)?,?)? (\\d{4}|'\\d{2})\\b`);
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  'a couple of': '2', 'couple of': '2', 'a couple': '2', 'a few': '3', few: '3', several: '3', 'half a': '0.5',
};
const NUMBER_WORD_RE = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');

const NO_TIMELINE = /no (?:set |fixed |real |specific )?(?:timeline|timeframe|time frame|deadline|date)|just (?:looking|researching|browsing|exploring|curious|gathering|learning)|(?:only )?researching|research (?:phase|only)|no (?:immediate |current )?plans?|not (?:planning|buying|looking to buy)|^never\b|not (?:in the market|a priority)|not (?:right )?now|no rush/;
const ASAP = /\b(asap|a\.s\.a\.p|as soon as possible|immediately|immediate|right away|right now|urgent(?:ly)?|now|yesterday|today|this week)\b/;

function yearOf(raw: string): number {
  const y = raw.replace("'", '');
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function isoOf(y: number, m0: number, d: number): string | null {
  const t = Date.UTC(y, m0, d);
  const date = new Date(t);
  return date.getUTCMonth() === m0 && date.getUTCDate() === d ? toIsoDate(t) : null;
}

/**
 * Reads a timeline answer relative to when it was given (`answeredAt`, epoch ms), in UTC: "next
 * quarter" means the quarter after the one the prospect wrote in. The evaluation then judges the
 * date against its own "now" (already past, within the window, beyond it).
 */
export function parseTimelineAnswer(answer: string, answeredAt: number): ParsedTimeline {
  const key = `${answeredAt}|${answer}`;
  let parsed = timelineCache.get(key);
  if (!parsed) {
    parsed = readTimeline(answer, answeredAt);
    if (timelineCache.size < MAX_CACHED) timelineCache.set(key, parsed);
  }
  return { ...parsed };
}

function readTimeline(answer: string, answeredAt: number): ParsedTimeline {
  const text = normalizeAnswer(answer).slice(0, 300);
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text) ?? /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (iso) {
    const date = isoOf(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    if (date && !Number.isNaN(isoDateToEpoch(date))) return { kind: 'date', date, reading: `date ${date}` };
  }
  const answered = new Date(answeredAt);
  const answeredYear = answered.getUTCFullYear();
  const answeredMonth = answered.getUTCMonth();
  // "15/01/2027" or "01/15/2027": read only when one part cannot be a month.
  const slashed = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(text);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const y = Number(slashed[3]);
    const date = a > 12 ? isoOf(y, b - 1, a) : b > 12 ? isoOf(y, a - 1, b) : a === b ? isoOf(y, a - 1, a) : null;
    if (date) return { kind: 'date', date, reading: `date ${date}` };
    return { kind: 'unreadable', why: `"${slashed[0]}" could be day/month or month/day` };
  }
  if (NO_TIMELINE.test(text)) return { kind: 'none' };
  // Quarters: "Q3 2027", "Q3/27", "by Q3 '27", "3Q27", "Q2" (the next Q2), "third quarter".
  const quarter = /\bq([1-4])\b(?:[\s/-]*(?:fy\s*)?'?(\d{4}|\d{2})\b)?/.exec(text) ?? /\b([1-4])q'?(\d{4}|\d{2})?\b/.exec(text);
  const quarterWords = /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: (?:of )?(\d{4}))?/.exec(text);
  if (quarter || quarterWords) {
    const q = quarter ? Number(quarter[1]) : ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 } as Record<string, number>)[quarterWords![1]!]!;
    const yearText = quarter ? quarter[2] : quarterWords![2];
    const year = yearText ? yearOf(yearText) : q - 1 >= Math.floor(answeredMonth / 3) ? answeredYear : answeredYear + 1;
    return { kind: 'date', date: toIsoDate(Date.UTC(year, q * 3, 0)), reading: `end of Q${q} ${year}` };
  }
  const half = /\bh([12])\b(?:[\s/-]*'?(\d{4}|\d{2})\b)?/.exec(text);
  if (half) {
    const h = Number(half[1]);
    const year = half[2] ? yearOf(half[2]) : h === 1 && answeredMonth >= 6 ? answeredYear + 1 : answeredYear;
    return { kind: 'date', date: h === 1 ? `${year}-06-30` : `${year}-12-31`, reading: `end of H${h} ${year}` };
  }
  if (/\bthis quarter\b|\bend of (?:the )?quarter\b|\beoq\b|\bwithin the quarter\b|\bthis q\b/.test(text)) return { kind: 'date', date: toIsoDate(endOfQuarter(answeredAt, 0)), reading: 'end of this quarter' };
  if (/\bnext quarter\b|\bnext q\b/.test(text)) return { kind: 'date', date: toIsoDate(endOfQuarter(answeredAt, 1)), reading: 'end of next quarter' };
  // Months: "by March" (the next March), "March 2027", "15 January 2027", "January 15, 2027".
  const month = MONTH_YEAR_RE.exec(text) ?? MONTH_RE.exec(text);
  if (month) {
    const dayA = month[1] ? Number(month[1]) : undefined;
    const m0 = MONTHS[month[2]!.replace('.', '')]!;
    const dayB = month[3] ? Number(month[3]) : undefined;
    const day = dayA ?? dayB;
    const year = month[4] ? yearOf(month[4]) : m0 >= answeredMonth ? answeredYear : answeredYear + 1;
    const date = day !== undefined ? isoOf(year, m0, day) : toIsoDate(endOfMonth(year, m0));
    if (date) return { kind: 'date', date, reading: day !== undefined ? `date ${date}` : `end of ${MONTH_NAME_FULL[m0]} ${year}` };
  }
  if (/\bthis month\b|\bend of (?:the )?month\b|\beom\b/.test(text)) return { kind: 'date', date: toIsoDate(endOfMonth(answeredYear, answeredMonth)), reading: 'end of this month' };
  const words = text.replace(NUMBER_WORD_RE, (w) => NUMBER_WORDS[w]!).replace(/\b(?:an?|one|the)\s+(?=(?:day|week|month|year)s?\b)/g, '1 ');
  const relative = /(\d+(?:\.\d+)?)\s*(?:(?:-|to|or)\s*(\d+)\s*)?(day|week|month|year|wk|mo|yr)s?\b/.exec(words);
  if (relative) {
    const n = Math.max(Number(relative[1]), relative[2] ? Number(relative[2]) : 0);
    const unitWord = relative[3]!;
    const unit = (({ wk: 'week', mo: 'month', yr: 'year' } as Record<string, string>)[unitWord] ?? unitWord) as 'day' | 'week' | 'month' | 'year';
    // Half units ("half a year") are read in the next smaller whole unit.
    const [u, count] = Number.isInteger(n) ? [unit, n] : unit === 'year' ? (['month', Math.round(n * 12)] as const) : unit === 'month' ? (['week', Math.round(n * 4)] as const) : (['day', Math.ceil(n * 7)] as const);
    return { kind: 'date', date: toIsoDate(addUtc(answeredAt, u, count)), reading: `"${relative[0]}" from the answer date` };
  }
  if (ASAP.test(text)) return { kind: 'date', date: toIsoDate(addUtc(answeredAt, 'day', 30)), reading: `"${answer.trim()}" read as within 30 days` };
  if (/\bnext week\b/.test(text)) return { kind: 'date', date: toIsoDate(addUtc(answeredAt, 'day', 14)), reading: '"next week" read as within 14 days' };
  if (/next month/.test(text)) return { kind: 'date', date: toIsoDate(addUtc(answeredAt, 'month', 1)), reading: '"next month" from the answer date' };
  if (/\bthis year\b|\bend of (?:the )?year\b|\byear[ -]end\b|\beoy\b|\bbefore the new year\b/.test(text)) {
    return { kind: 'date', date: `${answeredYear}-12-31`, reading: 'end of this year' };
  }
  if (/next year/.test(text)) return { kind: 'date', date: `${answeredYear + 1}-12-31`, reading: 'end of next year' };
  // A year on its own, or "early/mid/late 2027".
  const yearOnly = /\b(early|mid|middle of|late|end of|beginning of|start of)?[ -]?(20\d{2})\b/.exec(text);
  if (yearOnly) {
    const y = Number(yearOnly[2]);
    const when = yearOnly[1];
    const date = when === 'early' || when === 'beginning of' || when === 'start of' ? `${y}-03-31` : when === 'mid' || when === 'middle of' ? `${y}-06-30` : `${y}-12-31`;
    return { kind: 'date', date, reading: `${when ? `${when} ` : 'by the end of '}${y}` };
  }
  return { kind: 'unreadable', why: 'no date or period in the answer' };
}
