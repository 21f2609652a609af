import { z } from 'zod';

/*
 * The Insights page's filters live in its URL (insights.html?source=PAID_SEARCH&from=2026-09-01),
 * so a marketer can share exactly the view they see, and back/forward walk through filter
 * changes. A link is input from anyone: each parameter is validated on its own, and one that does
 * not validate is ignored and named (the rest of the link still applies).
 */

/** The page's filters as the controls hold them (strings; '' is "all"). */
export interface PageFilters {
  /** YYYY-MM-DD, handed off on or after. */
  from: string;
  /** YYYY-MM-DD, handed off on or before (inclusive for people). */
  to: string;
  source: string;
  campaign: string;
  /** Owner id. */
  rep: string;
  version: string;
  /** Average deal value for revenue at stake, as typed; '' is "the average won deal". */
  dealValue: string;
}

export const NO_PAGE_FILTERS: PageFilters = { from: '', to: '', source: '', campaign: '', rep: '', version: '', dealValue: '' };

/** URL parameter per filter, in the order they are written. */
const PARAMS = [
  ['from', 'from'],
  ['to', 'to'],
  ['source', 'source'],
  ['campaign', 'campaign'],
  ['rep', 'rep'],
  ['version', 'version'],
  ['dealValue', 'deal'],
] as const satisfies readonly (readonly [keyof PageFilters, string])[];

const MAX_TEXT = 200;

const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
  .refine((value) => parseDay(value) !== null, 'is not a calendar date');
const textParam = z.string().trim().min(1, 'is empty').max(MAX_TEXT, `is longer than ${MAX_TEXT} characters`);
const dealParam = z
  .string()
  .transform((value, ctx) => {
    const amount = parseDealValue(value);
    if (amount === null) {
      ctx.addIssue({ code: 'custom', message: 'is not an amount (a number of at least 0)' });
      return z.NEVER;
    }
    return String(amount);
  });

const PARAM_SCHEMAS: Record<keyof PageFilters, z.ZodType<string, string>> = {
  from: dayParam,
  to: dayParam,
  source: textParam,
  campaign: textParam,
  rep: textParam,
  version: textParam,
  dealValue: dealParam,
};

/** Epoch ms of a YYYY-MM-DD day (UTC midnight); null when it is no such day. */
export function parseDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const date = new Date(at);
  // Date.UTC rolls 2026-02-31 over into March: only a day that reads back the same is real.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? at : null;
}

/** An average deal value as people type it ("30000", "$30,000"); null when it is not one. */
export function parseDealValue(value: string): number | null {
  const cleaned = value.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const amount = Number(cleaned);
  return Number.isFinite(amount) && amount <= 1e12 ? amount : null;
}

export interface ParsedUrlFilters {
  filters: PageFilters;
  /** One line per parameter that was ignored, naming it and why. */
  ignored: string[];
}

/** The filters a page URL's query string asks for. Unknown parameters are left alone (they may be someone else's). */
export function parseUrlFilters(search: string): ParsedUrlFilters {
  const params = new URLSearchParams(search);
  const filters: PageFilters = { ...NO_PAGE_FILTERS };
  const ignored: string[] = [];
  for (const [field, name] of PARAMS) {
    const raw = params.get(name);
    if (raw === null) continue;
    const parsed = PARAM_SCHEMAS[field].safeParse(raw);
    if (parsed.success) filters[field] = parsed.data;
    else ignored.push(`${name}=${quote(raw)} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    ignored.push(`to=${filters.to} is before from=${filters.from}`);
    filters.to = '';
  }
  return { filters, ignored };
}

/** The query string for the filters ('' when none), in a fixed order so equal filters give equal links. */
export function toUrlSearch(filters: PageFilters): string {
  const params = new URLSearchParams();
  for (const [field, name] of PARAMS) {
    const value = field === 'dealValue' ? String(parseDealValue(filters.dealValue) ?? '') : filters[field].trim();
    if (value !== '' && PARAM_SCHEMAS[field].safeParse(value).success) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}
