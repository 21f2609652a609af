import { z } from 'zod';
import { SalesforceError } from './salesforce-error';
import type { SfRequest, SfResponse } from './salesforce-request';

/*
 * `composite`: up to 25 subrequests in order, in one API call. `@{referenceId.path}` in a later
 * subrequest's URL or body is replaced with a value from an earlier answer (`@{newLead.id}`,
 * `@{lookup.records[0].Id}`). With `allOrNone` a failure rolls everything back and every other
 * subrequest answers PROCESSING_HALTED. The composite answer itself is always 200.
 */

const compositeSchema = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z
    .array(
      z.object({
        method: z.string(),
        url: z.string(),
        referenceId: z.string().regex(/^[A-Za-z0-9_]+$/),
        body: z.unknown().optional(),
        httpHeaders: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1),
});

/** Runs one subrequest through the REST router (path relative to `/services/data/vNN.0/`, with its query). */
export type Dispatch = (req: SfRequest) => SfResponse;

const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

function resolveReferences(text: string, results: Map<string, unknown>): string {
  return text.replace(REFERENCE, (whole, ref: string, path: string) => {
    if (!results.has(ref)) throw new SalesforceError(400, 'PROCESSING_HALTED', `Invalid reference specified. No value for ${ref}${path} found in ${ref}. Provided referenceId ('${ref}') must be a referenceId of a previous subrequest.`);
    let value: unknown = results.get(ref);
    for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
      const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
      value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
    }
    if (value === undefined || value === null || typeof value === 'object') {
      throw new SalesforceError(400, 'PROCESSING_HALTED', `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`);
    }
    return String(value);
  });
}

function resolveBody(body: unknown, results: Map<string, unknown>): unknown {
  if (typeof body === 'string') return resolveReferences(body, results);
  if (Array.isArray(body)) return body.map((item) => resolveBody(item, results));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, resolveBody(value, results)]));
  return body;
}

export function runComposite(req: SfRequest, dispatch: Dispatch): SfResponse {
  const parsed = compositeSchema.safeParse(req.body);
  if (!parsed.success) throw new SalesforceError(400, 'JSON_PARSER_ERROR', `Invalid composite request: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const { allOrNone = false, compositeRequest } = parsed.data;
  if (compositeRequest.length > 25) throw new SalesforceError(400, 'INVALID_FIELD', 'Composite request must have no more than 25 subrequests.');
  const snapshot = allOrNone ? req.store.snapshot() : null;
  const results = new Map<string, unknown>();
  const responses: Array<{ body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }> = [];
  let failed = false;
  for (const sub of compositeRequest) {
    if (failed && allOrNone) {
      responses.push({ body: [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }], httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId });
      continue;
    }
    let answer: SfResponse;
    try {
      const url = resolveReferences(sub.url, results);
      const m = /^\/services\/data\/(v\d+\.0)\/([^?]*?)\/?(?:\?(.*))?$/.exec(url);
      if (!m) throw new SalesforceError(400, 'INVALID_URL', `The URL ${url} is not supported in a composite subrequest.`);
      if (m[2] === 'composite' || m[2]!.startsWith('composite/')) throw new SalesforceError(400, 'INVALID_URL', 'Composite requests cannot be nested.');
      const headers = Object.fromEntries(Object.entries(sub.httpHeaders ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
      answer = dispatch({ ...req, method: sub.method.toUpperCase(), path: m[2]!, params: new URLSearchParams(m[3] ?? ''), body: resolveBody(sub.body, results), headers, version: m[1]! });
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      answer = { status: error.status, body: error.body() };
    }
    if (answer.status >= 400) failed = true;
    if (answer.status < 300) results.set(sub.referenceId, answer.body);
    responses.push({ body: answer.body ?? null, httpHeaders: answer.headers ?? {}, httpStatusCode: answer.status, referenceId: sub.referenceId });
  }
  if (failed && snapshot) {
    req.store.restore(snapshot);
    req.store.persist();
    for (const response of responses) {
      if (response.httpStatusCode < 400) {
        response.httpStatusCode = 400;
        response.httpHeaders = {};
        response.body = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];
      }
    }
  }
  return { status: 200, body: { compositeResponse: responses } };
}
