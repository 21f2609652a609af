import type { SourceStatus } from '../../lib/crm/crm-port';
import { isEngagementStatusId } from '../../lib/crm/engagement-source-port';

/**
 * Says which engagement sources could not be read, or were read with something missing, instead
 * of silently showing less; and names the marketing platforms whose engagement is in the timeline.
 */
export function SourceNotices({ sources }: { sources: SourceStatus[] }) {
  const missing = sources.filter((s) => s.status !== 'ok');
  const platforms = sources.filter((s) => s.status === 'ok' && isEngagementStatusId(s.source));
  if (missing.length === 0 && platforms.length === 0) return null;
  return (
    <>
      {missing.length > 0 ? (
        <ul aria-label="Data source notices" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900">
          {missing.map((s) => (
            <li key={s.source}>
              <span className="font-semibold">{s.label}:</span> {s.message ?? (s.status === 'unavailable' ? 'not available on this account' : s.status === 'degraded' ? 'read only in part' : 'could not be read')}
            </li>
          ))}
        </ul>
      ) : null}
      {platforms.length > 0 ? (
        <ul aria-label="Marketing engagement sources" className="border-b border-slate-200 bg-slate-50 px-4 py-1 text-xs text-slate-700">
          {platforms.map((s) => (
            <li key={s.source}>
              <span className="font-semibold">{s.label}:</span> {s.message ?? 'read'}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
