/**
 * `npm run rules -- evaluate`: test leads against the shared SQL definition from the command line,
 * with exactly the code the extension runs, so marketing and sales can settle "is this one
 * qualified?" on the same answer.
 */
import { z } from 'zod';
import { leadDisplayName } from '../../domain/lead';
import { DEFAULT_SQL_DEFINITION } from '../../domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../domain/qualification/evaluate-definition';
import type { Evaluation } from '../../domain/qualification/evaluate-definition';
import { validateRepEvidence } from '../../domain/qualification/rep-evidence';
import type { RepEvidence } from '../../domain/qualification/rep-evidence';
import { sqlDefinitionSchema } from '../../domain/qualification/sql-definition';
import type { SqlDefinition } from '../../domain/qualification/sql-definition';
import { cliEventsSchema, cliLeadSchema } from '../cli-input-schemas';
import { CliInputError, parseCommandArgs, formatTable, printJson, readJsonFile, readValidatedJson, runCommand, validateOrThrow } from '../cli-io';

export const usage = `evaluate [--definition def.json] lead.json [lead2.json ...] [--evidence ev.json] [--at ISO] [--table]
  Evaluates each lead file ({ lead, events?, repEvidence? } or a bare lead) against the SQL
  definition (the built-in default when --definition is omitted). --evidence applies rep evidence
  (criterion id -> { status, evidence }) to every lead, over the file's own. --at sets "now"
  (default: the current time). JSON by default; --table for a readable checklist.`;

const leadFileSchema = z.object({
  lead: cliLeadSchema,
  events: cliEventsSchema.default([]),
  repEvidence: z.unknown().optional(),
});

function throwFieldErrors(label: string, errors: readonly { path: string; message: string }[]): never {
  throw new CliInputError(errors.map((e) => `${label}: ${e.path}: ${e.message}`).join('\n'));
}

export function parseAt(at: string | undefined): number {
  if (at === undefined) return Date.now();
  // An explicit offset keeps the answer the same on every machine.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(at) || Number.isNaN(Date.parse(at))) {
    throw new CliInputError(`--at: "${at}" is not an ISO date (YYYY-MM-DD) or date-time with an offset (2026-11-22T09:00:00Z)`);
  }
  return Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
}

export function loadDefinition(path: string | undefined): SqlDefinition {
  return path === undefined ? DEFAULT_SQL_DEFINITION : readValidatedJson(path, sqlDefinitionSchema);
}

function checkEvidence(label: string, definition: SqlDefinition, value: unknown): RepEvidence {
  const result = validateRepEvidence(definition, value);
  if (!result.ok) throwFieldErrors(label, result.errors);
  return result.value;
}

interface LeadResult {
  file: string;
  lead: string;
  name: string;
  evaluation: Evaluation;
}

function renderTable(results: readonly LeadResult[]): string {
  return results
    .map((r) => {
      const v = r.evaluation.verdict;
      const verdict =
        v.kind === 'sales_qualified' ? 'SALES-QUALIFIED' : v.kind === 'not_yet' ? `NOT YET (missing: ${v.missing.join(', ')})` : `DISQUALIFIED by ${v.rule}: ${v.reason}`;
      const rows = r.evaluation.criteria.map((c) => [c.id, c.group, c.status, c.decidedBy, c.explanation]);
      return `${r.name} (${r.lead}) from ${r.file}\n${verdict}\n\n${formatTable(['criterion', 'group', 'status', 'by', 'why'], rows)}`;
    })
    .join('\n\n');
}

export async function run(args: string[]): Promise<number> {
  return runCommand('evaluate', () => {
    const { values, positionals } = parseCommandArgs(
      {
      args,
      allowPositionals: true,
      options: {
        definition: { type: 'string' },
        evidence: { type: 'string' },
        at: { type: 'string' },
        table: { type: 'boolean', default: false },
      },
      },
      usage,
    );
    if (positionals.length === 0) throw new CliInputError(`no lead files given\n\nUsage: npm run rules -- ${usage}`);
    const definition = loadDefinition(values.definition);
    const now = parseAt(values.at);
    const sharedEvidence = values.evidence === undefined ? {} : checkEvidence(values.evidence, definition, readJsonFile(values.evidence));

    const results: LeadResult[] = positionals.map((file) => {
      const raw = readJsonFile(file);
      const wrapped = typeof raw === 'object' && raw !== null && 'lead' in raw;
      const input = wrapped ? validateOrThrow(file, leadFileSchema, raw) : { lead: validateOrThrow(file, cliLeadSchema, raw), events: [], repEvidence: undefined };
      const fileEvidence = input.repEvidence === undefined ? {} : checkEvidence(`${file}: repEvidence`, definition, input.repEvidence);
      const evaluation = evaluateDefinition(definition, { lead: input.lead, events: input.events, repEvidence: { ...fileEvidence, ...sharedEvidence }, now });
      const ref = input.lead.ref;
      return { file, lead: `${ref.crm}:${ref.account}:${ref.id}`, name: leadDisplayName(input.lead), evaluation };
    });

    if (values.table) {
      process.stdout.write(`Definition ${definition.id} v${String(definition.version)} at ${new Date(now).toISOString()}\n\n${renderTable(results)}\n`);
    } else {
      printJson({
        definition: { id: definition.id, version: definition.version, name: definition.name },
        evaluatedAt: new Date(now).toISOString(),
        results,
      });
    }
    return 0;
  });
}
