import type { ConnectionNotice } from '../../lib/messaging/panel-protocol';

/**
 * Baton's CRM connection stops (or stopped) working: the rep never opens the options page where
 * the admin sees why, so the panel says it and whom to ask. The background decides (from the
 * stored token expiry and writes parked after a 401); this only draws it. Stopped is an alert
 * (what the rep saves will not reach the CRM); a coming expiry is a polite status.
 */
export function ConnectionNoticeBanner({ notice }: { notice: ConnectionNotice | null }) {
  if (!notice) return null;
  const stopped = notice.level === 'stopped';
  return (
    <p
      role={stopped ? 'alert' : 'status'}
      data-testid="connection-notice"
      data-level={notice.level}
      className={`border-b px-4 py-2 text-xs ${stopped ? 'border-red-200 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-950'}`}
    >
      {notice.message}
    </p>
  );
}
