/**
 * What the RevOps command line accepts in its JSON files. People write these by hand or export them
 * from a spreadsheet, so they are more forgiving than Baton's internal records: instants may be ISO
 * 8601 strings (`"2026-11-20T16:30:00Z"`) or epoch milliseconds, and every field a rule can do
 * without may be left out (it reads as "the CRM does not have it"). Each schema's output is the domain's
 * own types, so what the commands evaluate is exactly what the extension evaluates.
 */
import { z } from 'zod';
import { engagementEventSchema } from '../domain/engagement/engagement-event';
import { touchSchema } from '../domain/lead';
import type { Lead, Touch } from '../domain/lead';
import { outOfOfficeWindowSchema } from '../domain/sla/business-calendar-schema';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An instant as epoch ms or ISO 8601 (a date alone is midnight UTC; a time needs its offset, so every machine reads it alike). */
const INSTANT_RULE = 'must be an ISO 8601 date (2026-11-20) or date-time with an offset (2026-11-20T16:30:00Z), or epoch milliseconds';
const isoMs = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
export const instantSchema = z
  .union([z.number().int(), z.string()], { error: INSTANT_RULE })
  .refine((v) => typeof v === 'number' || (ISO_INSTANT.test(v) && !Number.isNaN(isoMs(v))), { message: INSTANT_RULE })
  .transform((v) => (typeof v === 'number' ? v : isoMs(v)));

const optionalText = z.string().nullable().default(null);
const optionalInstant = instantSchema.nullable().default(null);

const conversionSchema = z.object({ name: z.string(), at: optionalInstant }).nullable().default(null);

/**
 * A lead as a person writes it. `ref` may be left out (the file's lead is then "lead" in account
 * "file"); `employees` may be a number or a HubSpot-style range ("51-200" reads as 51).
 */
export const cliLeadSchema = z
  .object({
    ref: z
      .object({
        crm: z.string().min(1).default('file'),
        account: z.string().min(1).default('file'),
        id: z.string().min(1).default('lead'),
        objectType: z.enum(['contact', 'lead']).default('contact'),
      })
      .default({ crm: 'file', account: 'file', id: 'lead', objectType: 'contact' }),
    firstName: optionalText,
    lastName: optionalText,
    email: optionalText,
    phone: optionalText,
    jobTitle: optionalText,
    company: optionalText,
    industry: optionalText,
    employees: z
      .union([z.number().int().nonnegative(), z.string().regex(/^\s*\d[\d,]*/, 'must be a number of employees, e.g. 420 or "51-200"')])
      .nullable()
      .default(null)
      .transform((v) => (typeof v === 'string' ? Number((/\d[\d,]*/.exec(v)?.[0] ?? '').replace(/,/g, '')) : v)),
    country: optionalText,
    lifecycleStage: optionalText,
    leadStatus: optionalText,
    owner: z
      .object({ id: z.string(), name: optionalText, email: optionalText })
      .nullable()
      .default(null),
    ownerAssignedAt: optionalInstant,
    ownerAssignedBy: z.object({ type: z.string(), label: optionalText }).nullable().default(null),
    source: optionalText,
    sourceDetail: z.array(z.string()).default([]),
    latestSource: optionalText,
    campaign: optionalText,
    firstConversion: conversionSchema,
    recentConversion: conversionSchema,
    formAnswers: z
      .array(z.object({ question: z.string(), answer: z.string(), answeredAt: instantSchema, form: optionalText }))
      .default([]),
    handedOffAt: optionalInstant,
    createdAt: optionalInstant,
    updatedAt: optionalInstant,
  }) satisfies z.ZodType<Lead, unknown>;

/** A touch as a person writes it: `id` defaults to its place in the file, unknown flags to "not automated, no summary". */
export const cliTouchesSchema = z
  .array(
    z.object({
      id: z.string().optional(),
      kind: touchSchema.shape.kind,
      occurredAt: instantSchema,
      ownerId: optionalText,
      automated: z.boolean().default(false),
      direction: touchSchema.shape.direction,
      connected: z.boolean().nullable().default(null),
      summary: optionalText,
    }),
  )
  .transform((touches): Touch[] => touches.map((t, i) => ({ ...t, id: t.id ?? `touch-${i + 1}` })));

/** Engagement events with ISO or epoch-ms times; `id` defaults to its place in the file, `source` to "file". */
export const cliEventsSchema = z
  .array(
    engagementEventSchema.extend({
      id: z.string().min(1).optional(),
      source: z.string().min(1).default('file'),
      occurredAt: instantSchema,
    }),
  )
  .transform((events) => events.map((e, i) => ({ ...e, id: e.id ?? `event-${i + 1}` })))
  .pipe(z.array(engagementEventSchema));

/** Out-of-office windows with ISO or epoch-ms bounds. */
export const cliOutOfOfficeSchema = z
  .array(z.object({ start: instantSchema, end: instantSchema, note: z.string().optional() }))
  .pipe(z.array(outOfOfficeWindowSchema));
