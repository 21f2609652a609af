import type { EngagementEvent } from '../../domain/engagement/engagement-event';

/** Small readers shared by the HubSpot mappers: times, URLs, text, employee counts. Pure. */

/** Type-specific metadata, or an empty one when it does not match: the touch still counts. */
export function parseMetadata<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, metadata: unknown): Partial<T> {
  const parsed = schema.safeParse(metadata);
  return parsed.success ? parsed.data : {};
}

export function epochMs(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/**
 * `numemployees` is a free string in many portals: "250", "1,000", "51-200" (lower bound),
 * "10001+", "1000 - 5000". Anything else is null, never guessed.
 */
export function parseEmployeeCount(raw: string | null): number | null {
  if (raw === null) return null;
  const match = /^\s*(\d[\d,]*)(?:\.0+)?\s*(?:(?:-|–|—|to)\s*\d[\d,]*\s*|\+\s*)?$/i.exec(raw);
  if (!match?.[1]) return null;
  const n = Number(match[1].replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** ISO date-times, date-only values and legacy epoch-ms strings → epoch ms; anything else → null. */
export function parseHubSpotTime(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (/^\d{10,}$/.test(trimmed)) {
    const n = Number(trimmed);
    return Number.isSafeInteger(n) ? n : null;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : at;
}

/** The raw string when it parses as an http(s) URL (as a browser would parse it), else undefined. */
export function safeUrl(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function readText(properties: Readonly<Record<string, string | null>>, name: string): string | null {
  return nonBlank(properties[name]);
}

/** HubSpot returns "" for cleared properties: treat blank as absent, keep everything else verbatim. */
export function nonBlank(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** Adds only the optional fields that have a value, so events carry no `undefined` keys. */
export function withOptional(
  base: Pick<EngagementEvent, 'id' | 'kind' | 'occurredAt' | 'source'>,
  optional: { url?: string | undefined; title?: string | undefined; campaign?: string | undefined },
): EngagementEvent {
  const event: EngagementEvent = { ...base };
  const url = optional.url;
  const title = nonBlank(optional.title);
  const campaign = nonBlank(optional.campaign);
  if (url !== undefined) event.url = url;
  if (title !== null) event.title = title;
  if (campaign !== null) event.campaign = campaign;
  return event;
}
