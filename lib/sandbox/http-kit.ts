import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/**
 * An error answered in HubSpot's error shape: `{status:"error", message, correlationId, category,
 * subCategory?, context?, errors?}`. Thrown by handlers, rendered once by the server.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: {
      subCategory?: string;
      context?: Record<string, string[]>;
      errors?: Array<Record<string, unknown>>;
      /** 429 bodies: `errorType: "RATE_LIMIT"` and the `policyName` that was hit. */
      errorType?: string;
      policyName?: string;
    } = {},
  ) {
    super(message);
  }
}

export function notFound(message = 'Object not found.', context?: Record<string, string[]>): ApiError {
  return new ApiError(404, 'OBJECT_NOT_FOUND', message, context ? { context } : {});
}

export function badRequest(message: string, extra: ApiError['extra'] = {}): ApiError {
  return new ApiError(400, 'VALIDATION_ERROR', message, extra);
}

export function errorBody(error: ApiError): Record<string, unknown> {
  return {
    status: 'error',
    message: error.message,
    correlationId: randomUUID(),
    category: error.category,
    ...error.extra,
  };
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Expose-Headers':
    'X-HubSpot-RateLimit-Max, X-HubSpot-RateLimit-Remaining, X-HubSpot-RateLimit-Interval-Milliseconds, X-HubSpot-RateLimit-Daily, X-HubSpot-RateLimit-Daily-Remaining, X-HubSpot-Correlation-Id',
  'Access-Control-Max-Age': '600',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...headers,
    ...(text ? { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
  });
  res.end(text);
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'VALIDATION_ERROR', 'Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body (400 like HubSpot on malformed JSON) and validates it with a zod schema. */
export function parseJsonBody<T>(text: string, schema: z.ZodType<T>): T {
  if (text.trim() === '') throw badRequest('Invalid input JSON: request body is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Invalid input JSON on line 1: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      message: `${issue.path.join('.') || '(body)'}: ${issue.message}`,
      code: 'INVALID_INPUT',
      ...(issue.path.length ? { context: { field: [issue.path.join('.')] } } : {}),
    }));
    throw badRequest(`Invalid input JSON: ${errors.map((error) => error.message).join('; ')}`, { errors });
  }
  return parsed.data;
}

/** Comma-separated or repeated query parameters (`properties=a,b&properties=c`). */
export function listParam(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

export function intParam(params: URLSearchParams, name: string, fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw badRequest(`${name} must be an integer >= ${min}, got "${raw}".`);
  return Math.min(value, max);
}

/** Paging cursors are opaque to clients (HubSpot's are too); ours encode an offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, name = 'after'): number {
  if (!cursor) return 0;
  // Numeric `after` values are what CRM object paging uses; accept both forms.
  if (/^\d+$/.test(cursor)) return Number(cursor);
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d+$/.test(decoded)) throw badRequest(`Invalid paging cursor ${name}="${cursor}".`);
  return Number(decoded);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
