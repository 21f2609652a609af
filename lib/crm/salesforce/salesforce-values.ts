/*
 * Reading and writing Salesforce's plain values: its date-times, SOQL literals, record ids and
 * blank strings. Every string from Salesforce may have been typed by anyone who filled a
 * web-to-lead form: kept verbatim and rendered as text downstream.
 */

/** Salesforce date-times ("2026-11-20T14:03:11.000+0000"), dates ("2026-11-20", midnight UTC) → epoch ms. */
const SALESFORCE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseSalesforceTime(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  // Only the shapes Salesforce sends (a date, or an ISO date-time with its offset): Date.parse
  // would read junk like "0" as the year 2000 and move an activity 26 years back.
  if (!SALESFORCE_TIME.test(trimmed)) return null;
  const normalised = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(at) ? null : at;
}

/** A SOQL date-time literal (no quotes, no milliseconds: SOQL accepts `YYYY-MM-DDThh:mm:ssZ`). */
export function toSoqlDateTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A SOQL string literal: quotes and backslashes escaped (SOQL's escape sequences). */
export function toSoqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** 15 and 18-character forms of one id compare equal (the first 15 characters are the id). */
export function sameSalesforceId(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.slice(0, 15) === b.slice(0, 15);
}

/** Null for a missing or whitespace-only value; anything else kept verbatim. */
export function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** A history row's OldValue/NewValue (text, number or checkbox) as text, or null when blank. */
export function historyText(value: string | number | boolean | null | undefined): string | null {
  return value === null || value === undefined ? null : nonBlank(String(value));
}

/** Text cut to `max` characters, the last one an ellipsis when it was longer. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
