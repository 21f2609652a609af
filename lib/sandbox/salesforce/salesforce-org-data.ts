import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { SandboxDataFileError } from '../sandbox-data';

/*
 * The sandbox Salesforce org's whole state, persisted beside the HubSpot data file
 * (`crm.json` → `crm.salesforce.json`) with the same rules: validated on load (a corrupt file is
 * an error, never replaced), written atomically after every acknowledged write.
 * Field values are kept as Salesforce returns them: ISO date-times `2026-11-22T14:48:00.000+0000`,
 * dates `2026-11-22`, numbers, booleans, null.
 */

export const sfValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SfValue = z.infer<typeof sfValueSchema>;
export const sfRecordSchema = z.record(z.string(), sfValueSchema).refine((record) => typeof record.Id === 'string', 'record without Id');
export type SfRecord = Record<string, SfValue>;

export const SALESFORCE_DATA_FORMAT = 'baton-sandbox-salesforce';

const tokenSchema = z.object({
  token: z.string(),
  userId: z.string(),
  clientId: z.string(),
  scope: z.string(),
  issuedAt: z.number().int(),
  /** Access tokens only. */
  expiresAt: z.number().int().optional(),
});
export type SfToken = z.infer<typeof tokenSchema>;

export const salesforceOrgSchema = z.object({
  format: z.literal(SALESFORCE_DATA_FORMAT),
  version: z.literal(1),
  orgId: z.string(),
  /** My Domain name: the org's hosts would be `<myDomain>.my.salesforce.com` / `.lightning.force.com`. */
  myDomain: z.string(),
  seededAt: z.number().int(),
  /** Next sequence number handed to a created record's id. */
  nextSequence: z.number().int(),
  /** Records by object name (Lead, Contact, Task, Event, CampaignMember, Campaign, LeadHistory, LeadStatus, User). */
  records: z.record(z.string(), z.array(sfRecordSchema)),
  /** How the org's schema differs from the sandbox's objects (SfSchemaChanges): fields it lacks, custom fields added through the Tooling API. */
  schemaChanges: z
    .object({
      removed: z.record(z.string(), z.array(z.string())).optional(),
      added: z.record(z.string(), z.array(z.looseObject({ name: z.string(), label: z.string(), type: z.string() }))).optional(),
    })
    .optional(),
  accessTokens: z.array(tokenSchema),
  refreshTokens: z.array(tokenSchema),
});
export type SalesforceOrg = z.infer<typeof salesforceOrgSchema>;

/** The org's data file beside the HubSpot one. */
export function salesforceDataFileFor(hubspotDataFile: string): string {
  return hubspotDataFile.replace(/\.json$/i, '') + '.salesforce.json';
}

export function readSalesforceOrgFile(file: string): SalesforceOrg | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SandboxDataFileError(`Sandbox Salesforce data file ${file} is not valid JSON (${(error as Error).message}). Delete it or start with --reseed.`);
  }
  const parsed = salesforceOrgSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SandboxDataFileError(
      `Sandbox Salesforce data file ${file} does not match the expected format at ${first?.path.join('.') || '(root)'}: ${first?.message}. Delete it or start with --reseed.`,
    );
  }
  return parsed.data;
}

/** Atomic write (temp file, fsync, rename), as the HubSpot data file is written. */
export function writeSalesforceOrgFile(file: string, org: SalesforceOrg): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(org));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** Salesforce's date-time format: `2026-11-22T14:48:00.000+0000`. */
export function sfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function sfDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parses a Salesforce or ISO date-time (`…Z`, `…+0000`, `…+00:00`); NaN when it is not one. */
export function parseSfDateTime(value: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (!m) return NaN;
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`;
  return Date.parse(`${m[1]}${zone}`);
}
