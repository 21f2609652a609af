import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The sandbox CRM's whole state, as persisted to its JSON data file. Timestamps are epoch ms here;
 * the API layer turns them into the ISO strings HubSpot returns.
 */
export const CRM_OBJECT_TYPES = ['contacts', 'deals', 'notes', 'calls', 'emails', 'meetings', 'tasks', 'leads'] as const;
export const crmObjectTypeSchema = z.enum(CRM_OBJECT_TYPES);
export type CrmObjectType = z.infer<typeof crmObjectTypeSchema>;

export const historyEntrySchema = z.object({
  value: z.string(),
  timestamp: z.number().int(),
  sourceType: z.string(),
  sourceId: z.string().optional(),
  sourceLabel: z.string().optional(),
  updatedByUserId: z.number().int().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const crmRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  properties: z.record(z.string(), z.string()),
  /** Oldest first (appended on write); the API reverses it, HubSpot lists newest first. */
  history: z.record(z.string(), z.array(historyEntrySchema)),
  /** Set when archived (HubSpot's DELETE): hidden from reads unless `archived=true` is asked for. */
  archivedAt: z.number().int().optional(),
});
export type CrmRecord = z.infer<typeof crmRecordSchema>;

/** One association, stored once; both directions are derived from the default type table. */
export const associationSchema = z.object({
  fromType: crmObjectTypeSchema,
  fromId: z.string(),
  toType: crmObjectTypeSchema,
  toId: z.string(),
  /**
   * Also carries HubSpot's "primary" label (a lead's primary contact: type 578 next to the
   * unlabeled 608). Absent on everything else, so older data files read unchanged.
   */
  primary: z.literal(true).optional(),
});
export type Association = z.infer<typeof associationSchema>;

export const propertyOptionSchema = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int(),
  hidden: z.boolean(),
  description: z.string().optional(),
});
export type PropertyOption = z.infer<typeof propertyOptionSchema>;

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
export const propertyDefinitionSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string(),
  options: z.array(propertyOptionSchema),
  displayOrder: z.number().int(),
  formField: z.boolean(),
  hidden: z.boolean(),
  hubspotDefined: z.boolean(),
  readOnlyValue: z.boolean(),
  referencedObjectType: z.string().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type PropertyDefinition = z.infer<typeof propertyDefinitionSchema>;

export const propertyGroupSchema = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int(),
});
export type PropertyGroup = z.infer<typeof propertyGroupSchema>;

export const ownerRecordSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  userId: z.number().int(),
  /** Role in the demo story (not a HubSpot field; never served). */
  role: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean() })),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type OwnerRecord = z.infer<typeof ownerRecordSchema>;

export const webEventSchema = z.object({
  id: z.string(),
  eventType: z.string(),
  objectType: z.literal('contact'),
  objectId: z.string(),
  occurredAt: z.number().int(),
  properties: z.record(z.string(), z.string()),
});
export type WebEvent = z.infer<typeof webEventSchema>;

export const emailCampaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  subject: z.string(),
  contentId: z.number().int(),
  sentAt: z.number().int(),
});
export type EmailCampaign = z.infer<typeof emailCampaignSchema>;

export const EMAIL_EVENT_TYPES = ['SENT', 'DELIVERED', 'OPEN', 'CLICK'] as const;
export const emailEventSchema = z.object({
  id: z.string(),
  created: z.number().int(),
  type: z.enum(EMAIL_EVENT_TYPES),
  recipient: z.string(),
  emailCampaignId: z.number().int(),
  /** The SENT event this one follows (HubSpot's `sentBy`). */
  sentById: z.string(),
  sentByCreated: z.number().int(),
  url: z.string().optional(),
  /** Machine/bot opens (security scanners, prefetch): HubSpot's `filteredEvent`. */
  filteredEvent: z.boolean(),
  browser: z.string().optional(),
});
export type EmailEvent = z.infer<typeof emailEventSchema>;

export const SANDBOX_DATA_FORMAT = 'baton-sandbox-crm';
export const sandboxDataSchema = z.object({
  format: z.literal(SANDBOX_DATA_FORMAT),
  version: z.literal(1),
  portalId: z.string(),
  seededAt: z.number().int(),
  /** Next id handed to a created record (engagements, deals, ...). */
  nextId: z.number().int(),
  owners: z.array(ownerRecordSchema),
  records: z.object({
    contacts: z.array(crmRecordSchema),
    deals: z.array(crmRecordSchema),
    notes: z.array(crmRecordSchema),
    calls: z.array(crmRecordSchema),
    emails: z.array(crmRecordSchema),
    meetings: z.array(crmRecordSchema),
    tasks: z.array(crmRecordSchema),
    // Leads (object 0-136) came later: data files written before them read as having none.
    leads: z.array(crmRecordSchema).default([]),
  }),
  associations: z.array(associationSchema),
  // Partial for the same reason: a type without definitions reads as having none.
  properties: z.partialRecord(crmObjectTypeSchema, z.array(propertyDefinitionSchema)),
  groups: z.partialRecord(crmObjectTypeSchema, z.array(propertyGroupSchema)),
  webEvents: z.array(webEventSchema),
  emailCampaigns: z.array(emailCampaignSchema),
  emailEvents: z.array(emailEventSchema),
});
export type SandboxData = z.infer<typeof sandboxDataSchema>;

export class SandboxDataFileError extends Error {
  override name = 'SandboxDataFileError';
}

/** Reads and validates a data file; a corrupt or foreign file is an error, never silently reseeded. */
export function readSandboxDataFile(file: string): SandboxData | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SandboxDataFileError(
      `Sandbox data file ${file} is not valid JSON (${(error as Error).message}). Delete it or start with --reseed.`,
    );
  }
  const parsed = sandboxDataSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SandboxDataFileError(
      `Sandbox data file ${file} does not match the expected format at ${first?.path.join('.') || '(root)'}: ${first?.message}. Delete it or start with --reseed.`,
    );
  }
  return parsed.data;
}

/**
 * Atomic write: temp file in the same directory, fsync, rename over the target, fsync the
 * directory. A crash leaves either the old or the new file, never a torn one.
 */
export function writeSandboxDataFile(file: string, data: SandboxData): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some platforms cannot open a directory for fsync; the rename is still atomic there.
  }
}
