import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, usage } from '../../lib/cli/commands/evaluate';
import { captureOutput } from './capture-output';

const fx = (name: string) => join('test/fixtures/rules', name);
const AT = '2026-11-22T12:00:00Z';
const output = captureOutput();

describe('rules evaluate', () => {
  test('evaluates lead files against the default definition as JSON', async () => {
    const code = await run([fx('qual-lead-qualified.json'), fx('qual-lead-bare.json'), fx('qual-lead-competitor.json'), '--at', AT]);
    expect(code).toBe(0);
    expect(output.stderr).toBe('');
    const json = JSON.parse(output.stdout);
    expect(json.definition).toEqual({ id: 'baton-default-sql', version: 2, name: 'Default SQL definition' });
    expect(json.evaluatedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(json.results.map((r: any) => [r.lead, r.evaluation.verdict.kind])).toEqual([
      ['hubspot:4242:101', 'sales_qualified'],
      ['salesforce:acme.my.salesforce.com:00Q5e000001AbcD', 'not_yet'],
      ['hubspot:4242:102', 'disqualified'],
    ]);
    expect(json.results[2].evaluation.verdict.rule).toBe('disq.competitor');
  });

  test('the same command gives byte-identical output (deterministic)', async () => {
    await run([fx('qual-lead-qualified.json'), '--at', AT]);
    const first = output.stdout;
    output.stdout = '';
    await run([fx('qual-lead-qualified.json'), '--at', AT]);
    expect(output.stdout).toBe(first);
  });

  test('--definition and --evidence: rep evidence fills in what the CRM lacks', async () => {
    const code = await run(['--definition', fx('qual-definition-default.json'), fx('qual-lead-bare.json'), '--evidence', fx('qual-evidence.json'), '--at', AT]);
    expect(code).toBe(0);
    const result = JSON.parse(output.stdout).results[0];
    expect(result.evaluation.verdict).toEqual({ kind: 'sales_qualified' });
    expect(result.evaluation.criteria.find((c: any) => c.id === 'authority')).toMatchObject({ status: 'met', decidedBy: 'rep', evidence: { name: 'Jordan Lee', role: 'CRO' }, source: 'Rep: sam@baton.example' });
  });

  test('--table prints a readable checklist', async () => {
    const code = await run(['--definition', fx('qual-definition-strict.json'), fx('qual-lead-qualified.json'), '--at', AT, '--table']);
    expect(code).toBe(0);
    expect(output.stdout).toContain('Definition baton-default-sql v3 at 2026-11-22T12:00:00.000Z');
    expect(output.stdout).toContain('NOT YET (missing: timeline)');
    expect(output.stdout).toMatch(/timeline\s+bant\s+unmet\s+auto\s+Form answer "within 3 months"/);
  });

  test('invalid lead files name the file, the field path and the rule', async () => {
    expect(await run([fx('qual-lead-invalid.json'), '--at', AT])).toBe(2);
    expect(output.stderr).toContain('rules evaluate: test/fixtures/rules/qual-lead-invalid.json: lead.ref.crm: Too small');
    expect(output.stderr).toContain('test/fixtures/rules/qual-lead-invalid.json: lead.employees: must be a number of employees, e.g. 420 or "51-200"');
    expect(output.stdout).toBe('');
  });

  test('rep "met" without the evidence asked for is rejected with a clear message', async () => {
    expect(await run([fx('qual-lead-bare.json'), '--evidence', fx('qual-evidence-invalid.json'), '--at', AT])).toBe(2);
    expect(output.stderr).toContain('qual-evidence-invalid.json: budget.evidence: "budget" marked met without evidence: it needs an amount and a currency');
    expect(output.stderr).toContain('qual-evidence-invalid.json: authority.evidence: "authority" marked met with the wrong evidence');
  });

  test('an invalid definition file is reported by field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qual-'));
    const path = join(dir, 'def.json');
    writeFileSync(path, JSON.stringify({ id: 'x', version: 'one', name: 'X' }));
    expect(await run(['--definition', path, fx('qual-lead-bare.json')])).toBe(2);
    expect(output.stderr).toContain(`${path}: version:`);
    expect(output.stderr).toContain(`${path}: bant: `);
  });

  test('usage errors: no files, bad --at, unknown option, missing file', async () => {
    expect(await run([])).toBe(2);
    expect(output.stderr).toContain('no lead files given');
    expect(await run([fx('qual-lead-bare.json'), '--at', 'tomorrow'])).toBe(2);
    expect(output.stderr).toContain('--at: "tomorrow" is not an ISO date');
    expect(await run([fx('qual-lead-bare.json'), '--nope'])).toBe(2);
    expect(output.stderr).toContain("Unknown option '--nope'");
    expect(await run(['missing.json'])).toBe(2);
    expect(output.stderr).toContain('missing.json: cannot read file (ENOENT)');
    expect(usage).toMatch(/^evaluate \[--definition def.json\]/);
  });
});
