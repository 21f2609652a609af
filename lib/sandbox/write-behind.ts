/**
 * The sandbox CRM's data files are written a moment after a change rather than on every write.
 * Each write serialises the whole portal (6 MB once 1,000 dispositions are in it) and fsyncs it,
 * so writing per request made a long run's cost grow with its data: two writes per delivery
 * (the fault suite's 1,000-entry relaunch spent minutes there). Changes within the delay share one
 * write of the state as it is then. Closing a server, and the process exiting, write what is
 * pending, so a restart on the same file sees every acknowledged write; only a killed process can
 * lose the last moment's, which a demo CRM can afford.
 */

/** How long a change may wait for the next one before the file is written. */
export const WRITE_BEHIND_MS = 250;

const pending = new Map<string, () => void>();
let exitHooked = false;

/** Writes `file` with `write` (which reads the state as it is when it runs) within the delay. */
export function writeBehind(file: string, write: () => void, delayMs = WRITE_BEHIND_MS): void {
  const scheduled = pending.has(file);
  pending.set(file, write);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', flushSandboxWrites);
  }
  if (scheduled) return;
  const timer = setTimeout(() => flushFile(file), delayMs);
  // A pending write never keeps a finished process alive: the exit hook writes it.
  timer.unref?.();
}

function flushFile(file: string): void {
  const write = pending.get(file);
  if (!write) return;
  pending.delete(file);
  write();
}

/** Writes every pending file now (a server closing, the process exiting, a test reading a file). */
export function flushSandboxWrites(): void {
  for (const file of [...pending.keys()]) flushFile(file);
}
