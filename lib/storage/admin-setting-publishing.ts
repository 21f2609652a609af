import type { AdminSettingError } from './admin-setting-errors';

/**
 * The publishing rule for shared settings: how versions are ordered, and when a valid document may
 * replace the current one (a higher version and, where the setting keeps a change log, an entry
 * for it). Pure: the storage module (admin-settings.ts) supplies the current value and the
 * versions already published, and applies the verdict in `checkAdminSetting` and its writes.
 */

/** How publishing works: versioned documents need a higher version (and, with a change log, an entry for it). */
export type PublishingMode = 'change-log' | 'version' | 'none';

export type Version = number | string;

function versionParts(v: Version): { core: number[]; pre: string | null } | null {
  if (typeof v === 'number') return { core: [v], pre: null };
  const m = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?$/.exec(v.trim());
  return m ? { core: m[1]!.split('.').map(Number), pre: m[2] ?? null } : null;
}

/**
 * Orders versions: integers and dotted numbers numerically ("1.10.0" > "1.9.0", 2 > "1.5.0"), a
 * pre-release below its release, anything else by natural string order. Negative when a < b.
 */
export function compareVersions(a: Version, b: Version): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  if (!pa || !pb) return String(a).localeCompare(String(b), 'en', { numeric: true });
  for (let i = 0; i < Math.max(pa.core.length, pb.core.length); i++) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre.localeCompare(pb.pre, 'en', { numeric: true });
}

/** Key order must not make two equal documents look different. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

interface VersionedDocument {
  version: Version;
  changeLog?: readonly { version: Version }[];
}

/**
 * Why a valid value may not replace the current one: reps' dispositions record the version they
 * were made under, so a changed document must carry a new, higher version, and a change-log entry
 * saying what changed. Saving the current document unchanged is allowed (and does nothing).
 */
export function publishingErrors(mode: PublishingMode, next: unknown, current: unknown, published: readonly Version[]): AdminSettingError[] {
  if (mode === 'none' || stableJson(next) === stableJson(current)) return [];
  const doc = next as VersionedDocument;
  const cur = current as VersionedDocument;
  const errors: AdminSettingError[] = [];
  const highest = [cur.version, ...published].reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  if (compareVersions(doc.version, highest) <= 0) {
    const already = published.some((v) => compareVersions(v, doc.version) === 0) && compareVersions(doc.version, cur.version) !== 0;
    errors.push({
      path: 'version',
      message: already
        ? `version ${String(doc.version)} was already published; publish the change as a version above ${String(highest)}`
        : `must be higher than ${String(highest)} to publish a change (the current version is ${String(cur.version)})`,
    });
  }
  if (mode === 'change-log' && !doc.changeLog?.some((e) => String(e.version) === String(doc.version))) {
    errors.push({ path: 'changeLog', message: `add a change-log entry for version ${String(doc.version)} saying what changed and why` });
  }
  return errors;
}
