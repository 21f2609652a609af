import { afterEach, beforeEach, vi } from 'vitest';

/** Captures what a CLI command writes to stdout/stderr during each test of the calling file. */
export function captureOutput(): { stdout: string; stderr: string } {
  const captured = { stdout: '', stderr: '' };
  beforeEach(() => {
    captured.stdout = '';
    captured.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((captured.stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((captured.stderr += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
