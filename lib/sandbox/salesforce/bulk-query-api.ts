import { SalesforceError, notFoundError } from './salesforce-error';
import { salesforceId } from './salesforce-ids';
import type { SfRequest, SfResponse } from './salesforce-request';
import { runSoql } from './soql-executor';
import { parseSoql } from './soql-parser';

/*
 * Bulk API 2.0 query jobs (Bulk API 2.0 Developer Guide, "Query Jobs"): `POST jobs/query` creates a
 * job (state UploadComplete), `GET jobs/query/{id}` reports it (InProgress on the first look,
 * then JobComplete, so a client's polling runs), `GET jobs/query/{id}/results` answers CSV in sets
 * of `maxRecords` rows with `Sforce-Locator` naming the next set ('null' after the last) and
 * `Sforce-NumberOfRecords`. The query runs through the same SOQL subset as REST query; what Bulk
 * API 2.0 refuses (GROUP BY, OFFSET, TYPEOF, aggregates, parent-to-child subqueries) is refused
 * at creation. Jobs live in memory (the org's data file holds records, not jobs).
 */

interface Job {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  createdById: string;
  createdDate: string;
  header: string;
  lines: string[];
  looks: number;
}

const DEFAULT_MAX_RECORDS = 50_000;

/** One CSV field: null empty; quoted (quotes doubled) when it holds a comma, quote or line break. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A selected path's value in a REST-shaped record (parents nested; keys matched case-insensitively). */
function valueOf(record: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const part of path) {
    if (!current || typeof current !== 'object') return null;
    const entries = Object.entries(current as Record<string, unknown>);
    current = entries.find(([key]) => key.toLowerCase() === part.toLowerCase())?.[1] ?? null;
  }
  return current;
}

export class BulkQueryJobs {
  private readonly jobs = new Map<string, Job>();
  private sequence = 3_000_000;

  create(req: SfRequest): SfResponse {
    const body = (req.body ?? {}) as { operation?: unknown; query?: unknown; contentType?: unknown; columnDelimiter?: unknown; lineEnding?: unknown };
    if (body.operation !== 'query' && body.operation !== 'queryAll') throw new SalesforceError(400, 'API_ERROR', "InvalidJob : operation must be 'query' or 'queryAll'");
    if (typeof body.query !== 'string' || !body.query.trim()) throw new SalesforceError(400, 'API_ERROR', 'InvalidJob : a query has to be specified');
    if ((body.contentType ?? 'CSV') !== 'CSV' || (body.columnDelimiter ?? 'COMMA') !== 'COMMA' || (body.lineEnding ?? 'LF') !== 'LF') {
      throw new SalesforceError(400, 'API_ERROR', 'InvalidJob : the sandbox answers CSV with COMMA delimiters and LF line endings only');
    }
    if (/\b(GROUP\s+BY|OFFSET|TYPEOF|COUNT\s*\()/i.test(body.query) || /\(\s*SELECT\b/i.test(body.query)) {
      throw new SalesforceError(400, 'API_ERROR', 'InvalidJob : Bulk API 2.0 does not support GROUP BY, OFFSET, TYPEOF, aggregate functions or parent-to-child relationship queries');
    }
    const query = parseSoql(body.query);
    const result = runSoql(req.store, body.query, req.version, req.now);
    const columns = query.fields.map((ref) => ref.path);
    const id = salesforceId('750', this.sequence++);
    const job: Job = {
      id,
      operation: body.operation,
      object: result.objectName,
      createdById: req.userId,
      createdDate: new Date(req.now).toISOString().replace('Z', '+0000'),
      header: columns.map((path) => path.join('.')).join(','),
      lines: result.records.map((record) => columns.map((path) => csvValue(valueOf(record, path))).join(',')),
      looks: 0,
    };
    this.jobs.set(id, job);
    return { status: 200, body: this.info(job, 'UploadComplete', req) };
  }

  get(req: SfRequest, id: string): SfResponse {
    const job = this.find(id);
    job.looks += 1;
    return { status: 200, body: this.info(job, job.looks > 1 ? 'JobComplete' : 'InProgress', req) };
  }

  results(req: SfRequest, id: string): SfResponse {
    const job = this.find(id);
    if (job.looks < 2) throw new SalesforceError(400, 'API_ERROR', 'InvalidJob : the job is not complete yet');
    const maxRecords = Number(req.params.get('maxRecords') ?? DEFAULT_MAX_RECORDS);
    if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new SalesforceError(400, 'API_ERROR', 'InvalidRequest : maxRecords must be a positive integer');
    const locator = req.params.get('locator');
    const offset = locator ? Number(Buffer.from(locator, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > job.lines.length) throw new SalesforceError(400, 'API_ERROR', 'InvalidRequest : invalid locator');
    const lines = job.lines.slice(offset, offset + maxRecords);
    const end = offset + lines.length;
    return {
      status: 200,
      csv: `${[job.header, ...lines].join('\n')}\n`,
      headers: {
        'Sforce-Locator': end < job.lines.length ? Buffer.from(String(end), 'utf8').toString('base64url') : 'null',
        'Sforce-NumberOfRecords': String(lines.length),
      },
    };
  }

  private find(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw notFoundError('Job not found');
    return job;
  }

  private info(job: Job, state: string, req: SfRequest) {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: job.createdById,
      createdDate: job.createdDate,
      systemModstamp: new Date(req.now).toISOString().replace('Z', '+0000'),
      state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(req.version.slice(1)),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      ...(state === 'JobComplete' ? { numberRecordsProcessed: job.lines.length, retries: 0, totalProcessingTime: 0 } : {}),
    };
  }
}
