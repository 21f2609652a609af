import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, usage } from '../../lib/cli/commands/sla';
import { captureOutput } from './capture-output';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'rules');
const lead = join(fixtures, 'lead-demo-request.json');
const touches = join(fixtures, 'sla-touches-demo-request.json');
const londonPolicy = join(fixtures, 'sla-policy-london.json');

const scratch = mkdtempSync(join(tmpdir(), 'baton-sla-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function writeScratch(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const output = captureOutput();

describe('rules sla', () => {
  it('prints the JSON status under the default policy', async () => {
    expect(await run(['--lead', lead, '--touches', touches, '--at', '2026-11-23T15:00:00Z'])).toBe(0);
    const out = JSON.parse(output.stdout);
    expect(out).toMatchObject({
      lead: { name: 'Priya Raman', ref: { id: 'lead-4711' } },
      policy: { id: 'baton-default', version: '1.0.0' },
      tier: { id: 'demo-request', nextStep: 'Book the demo' },
      state: 'met',
      clockStart: '2026-11-20T21:58:00.000Z',
      clockStartSource: 'owner_assigned',
      deadline: '2026-11-23T14:03:00.000Z',
      evaluatedAt: '2026-11-23T15:00:00.000Z',
      // The automated sequence email and the covering rep's call do not stop the clock.
      firstTouch: { id: 't-3', occurredAt: '2026-11-23T14:02:30.000Z' },
      responseTime: { businessMs: 270_000 },
    });
    expect(out.escalations).toHaveLength(3);
    expect(output.stderr).toBe('');
  });

  it('without touches the same lead is breached, with escalations reached', async () => {
    expect(await run(['--lead', lead, '--at', '2026-11-23T14:30:00Z'])).toBe(0);
    const out = JSON.parse(output.stdout);
    expect(out.state).toBe('breached');
    expect(out.escalation).toMatchObject({ action: 'notify_manager', reached: true });
  });

  it('uses a policy file and out-of-office windows', async () => {
    const ooo = writeScratch('ooo.json', [{ start: Date.parse('2026-11-20T00:00:00Z'), end: Date.parse('2026-11-24T00:00:00Z') }]);
    expect(await run(['--lead', lead, '--policy', londonPolicy, '--out-of-office', ooo, '--at', '2026-11-20T22:10:00Z'])).toBe(0);
    const out = JSON.parse(output.stdout);
    expect(out).toMatchObject({
      policy: { id: 'emea-inbound', version: '2.1.0' },
      tier: { id: 'paid-demo' },
      clockStartSource: 'handed_off',
      // 15 wall minutes from the handoff at 21:57Z: wall targets ignore hours and absences.
      deadline: '2026-11-20T22:12:00.000Z',
      state: 'at_risk',
    });
  });

  it('prints a readable table with --table', async () => {
    expect(await run(['--lead', lead, '--touches', touches, '--at', '2026-11-23T15:00:00Z', '--table'])).toBe(0);
    expect(output.stdout).toMatch(/^Field\s+Value/);
    expect(output.stdout).toMatch(/State\s+met\n/);
    expect(output.stdout).toMatch(/Deadline\s+Mon, Nov 23, 2026, 09:03 EST/);
    expect(output.stdout).toMatch(/Response time\s+4 min business/);
    expect(output.stdout).toMatch(/Re-engage by marketing/);
  });

  it('names the file, field and rule when the lead does not validate (exit 2)', async () => {
    const bad = JSON.parse(readFileSync(lead, 'utf8'));
    bad.ownerAssignedAt = 'friday';
    bad.sourceDetail = 'brand-demo-q4';
    const path = writeScratch('bad-lead.json', bad);
    expect(await run(['--lead', path])).toBe(2);
    expect(output.stdout).toBe('');
    expect(output.stderr).toContain(`rules sla: ${path}: ownerAssignedAt: must be an ISO 8601 date`);
    expect(output.stderr).toContain(`${path}: sourceDetail: `);
  });

  it('names the policy rule that failed', async () => {
    const policy = JSON.parse(readFileSync(londonPolicy, 'utf8'));
    policy.defaultTierId = 'missing';
    policy.calendar.weeklyHours.mon = [{ start: '12:00', end: '09:00' }];
    const path = writeScratch('bad-policy.json', policy);
    expect(await run(['--lead', lead, '--policy', path])).toBe(2);
    expect(output.stderr).toContain(`${path}: calendar.weeklyHours.mon.0.end: a block must end after it starts`);
    expect(output.stderr).toContain(`${path}: defaultTierId: no tier with id "missing"`);
  });

  it('rejects touches that are not an array of touches', async () => {
    const path = writeScratch('bad-touches.json', [{ id: 'x', kind: 'smoke_signal', occurredAt: 1, ownerId: null, automated: false, connected: null, summary: null }]);
    expect(await run(['--lead', lead, '--touches', path])).toBe(2);
    expect(output.stderr).toContain(`${path}: 0.kind: `);
  });

  it('reports unreadable or non-JSON files, a bad --at, a missing --lead and unknown flags', async () => {
    expect(await run(['--lead', join(scratch, 'nope.json')])).toBe(2);
    expect(output.stderr).toContain('nope.json: cannot read file (ENOENT)');
    expect(await run(['--lead', writeScratch('garbage.json', '{ not json')])).toBe(2);
    expect(output.stderr).toContain('garbage.json: not valid JSON');
    expect(await run(['--lead', lead, '--at', 'next tuesday'])).toBe(2);
    expect(output.stderr).toContain('--at: (root): must be an ISO 8601 instant');
    expect(await run([])).toBe(2);
    expect(output.stderr).toContain('missing --lead');
    expect(await run(['--lead', lead, '--bogus'])).toBe(2);
    expect(output.stderr).toContain("Unknown option '--bogus'");
  });

  it('prints usage with --help', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(output.stdout).toContain(usage.split('\n')[0]);
  });
});
