import { randomBytes } from 'node:crypto';
import { SalesforceError } from './salesforce-error';
import type { SfRequest, SfResponse } from './salesforce-request';
import { runSoql } from './soql-executor';

/*
 * `query?q=` and its pages: a result larger than the batch size answers `done: false` and a
 * `nextRecordsUrl` (`/services/data/v62.0/query/01g…-2000`) that serves the next batch.
 * The batch size is 2,000 unless the caller asks for 200–2,000 with `Sforce-Query-Options: batchSize=n`
 * (a sandbox option can lower the default, for exercising paging on a small org).
 */

interface Cursor {
  records: Array<Record<string, unknown>>;
  batchSize: number;
  totalSize: number;
}

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly defaultBatchSize = 2000) {}

  private batchSize(req: SfRequest): number {
    const header = /batchSize\s*=\s*(\d+)/i.exec(req.headers['sforce-query-options'] ?? '');
    if (!header) return this.defaultBatchSize;
    return Math.min(2000, Math.max(200, Number(header[1])));
  }

  private page(req: SfRequest, locator: string, cursor: Cursor, offset: number): SfResponse {
    const end = offset + cursor.batchSize;
    const done = end >= cursor.records.length;
    if (done) this.cursors.delete(locator);
    return {
      status: 200,
      body: {
        totalSize: cursor.totalSize,
        done,
        ...(done ? {} : { nextRecordsUrl: `/services/data/${req.version}/query/${locator}-${end}` }),
        records: cursor.records.slice(offset, end),
      },
    };
  }

  query(req: SfRequest): SfResponse {
    const q = req.params.get('q');
    if (!q || !q.trim()) throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const result = runSoql(req.store, q, req.version, req.now);
    const cursor: Cursor = { records: result.records, batchSize: this.batchSize(req), totalSize: result.totalSize };
    if (cursor.records.length <= cursor.batchSize) return { status: 200, body: { totalSize: result.totalSize, done: true, records: result.records } };
    const locator = `01gHp${randomBytes(8).toString('hex').slice(0, 13)}`;
    this.cursors.set(locator, cursor);
    return this.page(req, locator, cursor, 0);
  }

  more(req: SfRequest, locatorAndOffset: string): SfResponse {
    const m = /^(01g[A-Za-z0-9]+)-(\d+)$/.exec(locatorAndOffset);
    const cursor = m ? this.cursors.get(m[1]!) : undefined;
    if (!m || !cursor || Number(m[2]) > cursor.records.length) throw new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return this.page(req, m[1]!, cursor, Number(m[2]));
  }
}
