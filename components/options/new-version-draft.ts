import type { AdminSettingKind } from '../../lib/storage/admin-settings';

/**
 * Drafts the next version of a document in the editor: a higher version and a change-log entry
 * stub whose empty summary fails validation until the admin says what changed. Saves the admin
 * from learning the publishing rule by trial and error.
 */
export function draftNextVersion(kind: AdminSettingKind, text: string, now: Date): { ok: true; text: string; version: string } | { ok: false; message: string } {
  let doc: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: 'the JSON must be an object to start a new version' };
    doc = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, message: 'fix the JSON syntax first, then start a new version' };
  }
  const next = nextVersion(doc.version);
  if (next === null) return { ok: false, message: 'the current version is not a number or a version like "1.2.0"; set the new version by hand' };
  const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const date = iso.slice(0, 10);
  const draft: Record<string, unknown> = { ...doc, version: next };
  const log = Array.isArray(doc.changeLog) ? doc.changeLog : null;
  if (kind === 'sla-policy') {
    draft.updatedAt = iso;
    draft.changeLog = [...(log ?? []), { version: next, at: iso, author: '', summary: '' }];
  } else if (kind === 'sql-definition') {
    draft.publishedAt = iso;
    draft.changeLog = [...(log ?? []), { version: next, date, author: '', summary: '' }];
  } else if (kind === 'disposition-reasons') {
    draft.changeLog = [...(log ?? []), { version: next, date, author: '', summary: '' }];
  }
  return { ok: true, text: `${JSON.stringify(draft, null, 2)}\n`, version: String(next) };
}

/** 3 → 4; "1.2.0" → "1.3.0" (a minor bump: most edits are compatible tweaks); otherwise null. */
function nextVersion(version: unknown): number | string | null {
  if (typeof version === 'number' && Number.isInteger(version)) return version + 1;
  if (typeof version === 'string') {
    const m = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(version);
    if (m) return `${m[1]}.${Number(m[2]) + 1}.0`;
    if (/^\d+$/.test(version)) return String(Number(version) + 1);
  }
  return null;
}
