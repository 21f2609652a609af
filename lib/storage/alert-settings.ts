import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/*
 * The rep's own alert settings (options page, "Alerts"): which reminders, at which points, and
 * when not to be disturbed. Per browser profile, not shared with the team. Plus the keys of the
 * reminders already shown, so none is shown twice across worker and browser restarts.
 */

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');

export const alertSettingsSchema = z.object({
  version: z.literal(1),
  /** Show the count of leads at risk or breached on the toolbar button. */
  badge: z.boolean(),
  /** System notifications at all. */
  notifications: z.boolean(),
  assigned: z.boolean(),
  /** Percent of the SLA used (50–95); null: off. */
  sharePercent: z.number().int().min(50).max(95).nullable(),
  /** Minutes before the deadline (1–240); null: off. */
  minutesBeforeBreach: z.number().int().min(1).max(240).nullable(),
  breach: z.boolean(),
  /** Remind only inside the team's business hours (the SLA calendar). */
  businessHoursOnly: z.boolean(),
  quietHours: z.object({ start: timeOfDay, end: timeOfDay }).nullable(),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  version: 1,
  badge: true,
  notifications: true,
  assigned: true,
  sharePercent: 80,
  minutesBeforeBreach: 5,
  breach: true,
  businessHoursOnly: true,
  quietHours: null,
};

export const alertSettingsItem = storage.defineItem<unknown>('local:alerts.settings', { fallback: null });

export function parseAlertSettings(raw: unknown): AlertSettings {
  if (raw === null || raw === undefined) return DEFAULT_ALERT_SETTINGS;
  const parsed = alertSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('Baton: the stored alert settings are invalid; using the defaults.', parsed.error.issues);
  return DEFAULT_ALERT_SETTINGS;
}

export async function readAlertSettings(): Promise<AlertSettings> {
  return parseAlertSettings(await alertSettingsItem.getValue());
}

export async function writeAlertSettings(settings: AlertSettings): Promise<void> {
  await alertSettingsItem.setValue(alertSettingsSchema.parse(settings));
}

export function watchAlertSettings(callback: (settings: AlertSettings) => void): () => void {
  return alertSettingsItem.watch((raw) => callback(parseAlertSettings(raw)));
}



// ---- reminders already shown ----

const sentSchema = z.record(z.string().max(300), z.number().int());
/** Kept two weeks: past that a lead's clock has long ended (and its keys name its clock start). */
const SENT_RETENTION_MS = 14 * 86_400_000;

export const sentRemindersItem = storage.defineItem<unknown>('local:alerts.sent', { fallback: null });

export async function readSentReminders(): Promise<Map<string, number>> {
  const parsed = sentSchema.safeParse((await sentRemindersItem.getValue()) ?? {});
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

/** Adds keys as sent at `now` and forgets those older than the retention. */
export async function rememberSentReminders(keys: readonly string[], now: number): Promise<void> {
  const sent = await readSentReminders();
  for (const key of keys) if (!sent.has(key)) sent.set(key, now);
  for (const [key, at] of sent) if (now - at > SENT_RETENTION_MS) sent.delete(key);
  await sentRemindersItem.setValue(Object.fromEntries(sent));
}
