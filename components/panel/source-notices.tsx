import type { SourceStatus } from '../../lib/crm/crm-port';

/**
 * Says which engagement sources could not be read, or were read with something missing, instead
 * of silently showing less.
 */
export function SourceNotices({ sources }: { sources: SourceStatus[] }) {
  const missing = sources.filter((s) => s.status !== 'ok');
  if (missing.length === 0) return null;
  return (
    <ul aria-label="Data source notices" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900">
      {missing.map((s) => (
        <li key={s.source}>
          <span className="font-semibold">{s.label}:</span> {s.message ?? (s.status === 'unavailable' ? 'not available on this account' : s.status === 'degraded' ? 'read only in part' : 'could not be read')}
        </li>
      ))}
    </ul>
  );
}
