import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, usage } from '../../lib/cli/commands/backtest';
import { captureOutput } from './capture-output';

const fx = (name: string) => join('test/fixtures/rules', name);
const output = captureOutput();

describe('rules backtest', () => {
  test('scores the default definition on a CSV export (JSON summary)', async () => {
    expect(await run([fx('qual-past-leads.csv')])).toBe(0);
    expect(output.stderr).toBe('');
    const r = JSON.parse(output.stdout);
    expect(r).toMatchObject({ definitionId: 'baton-default-sql', definitionVersion: 2, total: 10, passed: 5, notYet: 2, disqualified: 3 });
    expect(r.disqualifiedBy).toEqual({ 'disq.below_minimum': 1, 'disq.personal_email': 1, 'disq.student': 1 });
    expect(r.opportunity).toEqual({ n: 10, confusion: { tp: 4, fp: 1, tn: 4, fn: 1 }, precision: 0.8, recall: 0.8 });
    expect(r.won).toEqual({ n: 9, confusion: { tp: 2, fp: 2, tn: 5, fn: 0 }, precision: 0.5, recall: 1 });
    expect(r.leads).toBeUndefined();
  });

  test('--leads includes each verdict; JSON input with ISO evaluatedAt works', async () => {
    expect(await run([fx('qual-past-leads.json'), '--leads'])).toBe(0);
    const r = JSON.parse(output.stdout);
    expect(r.total).toBe(7);
    expect(r.leads.at(-1)).toMatchObject({ key: 'hubspot:4242:101', verdict: { kind: 'sales_qualified' }, passed: true });
  });

  test('--compare lists the flips and the deltas between versions', async () => {
    expect(await run(['--definition', fx('qual-definition-default.json'), '--compare', fx('qual-definition-strict.json'), fx('qual-past-leads.csv')])).toBe(0);
    const c = JSON.parse(output.stdout);
    expect(c.base.definitionVersion).toBe(1);
    expect(c.candidate.definitionVersion).toBe(3);
    expect(c.flips.map((f: any) => `${f.key}:${f.to}`)).toEqual(['sandbox:csv:L2:not_yet', 'sandbox:csv:L3:not_yet', 'sandbox:csv:L7:disqualified', 'sandbox:csv:L10:not_yet']);
    expect(c.deltas).toEqual({ passed: -4, opportunityPrecision: 0.2, opportunityRecall: -0.6, wonPrecision: 0.5, wonRecall: -0.5 });
  });

  test('--table renders the comparison for people', async () => {
    expect(await run(['--compare', fx('qual-definition-strict.json'), fx('qual-past-leads.csv'), '--table'])).toBe(0);
    expect(output.stdout).toContain('Backtest: baton-default-sql v2 vs baton-default-sql v3');
    expect(output.stdout).toMatch(/opportunity precision\s+80\.0%\s+100\.0%/);
    expect(output.stdout).toContain('4 lead(s) flip:');
    output.stdout = '';
    expect(await run([fx('qual-past-leads.csv'), '--table'])).toBe(0);
    expect(output.stdout).toMatch(/passed \(sales-qualified\)\s+5/);
    expect(output.stdout).toMatch(/disqualified by disq\.student\s+1/);
  });

  test('CSV errors name the row and the column', async () => {
    expect(await run([fx('qual-past-leads-bad.csv')])).toBe(2);
    expect(output.stderr).toContain('rules backtest: test/fixtures/rules/qual-past-leads-bad.csv: row 2, column numemployees: "lots" is not a number');
    expect(output.stderr).toContain('qual-past-leads-bad.csv: row 4, column won: a lead cannot be won without an opportunity');
  });

  test('a raw CRM export reads as exported; the columns it does not read are said on stderr, as the file wrote them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qual-'));
    const path = join(dir, 'hubspot-export.csv');
    writeFileSync(path, 'Record ID,Job Title,Number of Employees,Lifecycle Stage,Became a Marketing Qualified Lead Date,Opportunity Created\n7,VP Sales,250,salesqualifiedlead,2026-10-01,Yes\n');
    expect(await run([path])).toBe(0);
    expect(output.stderr).toBe(`${path}: columns not read: "Lifecycle Stage"\n`);
    expect(JSON.parse(output.stdout)).toMatchObject({ total: 1 });
  });

  test('JSON errors name the lead index and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qual-'));
    const path = join(dir, 'leads.json');
    const good = JSON.parse(readFileSync(fx('qual-past-leads.json'), 'utf8'))[0];
    writeFileSync(path, JSON.stringify([good, { ...good, outcome: { won: 'yes' }, evaluatedAt: 'last week' }]));
    expect(await run([path])).toBe(2);
    expect(output.stderr).toContain(`${path}: 1.outcome.opportunityCreated: Invalid input: expected boolean`);
    expect(output.stderr).toContain(`${path}: 1.outcome.won: Invalid input: expected boolean`);
    expect(output.stderr).toContain(`${path}: 1.evaluatedAt:`);
  });

  test('usage errors', async () => {
    expect(await run([])).toBe(2);
    expect(output.stderr).toContain('expected exactly one leads file');
    expect(usage).toMatch(/^backtest/);
  });
});
