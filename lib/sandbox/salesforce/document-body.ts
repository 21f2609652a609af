import { SalesforceError } from './salesforce-error';
import type { SfRequest, SfResponse } from './salesforce-request';
import { toId18 } from './salesforce-ids';

/**
 * `GET /sobjects/Document/{id}/Body`: the document's content as bytes (Salesforce sends the blob,
 * not JSON). The sandbox keeps Body as the base64 it was given and decodes it here.
 */
export function getDocumentBody(req: SfRequest, id: string): SfResponse {
  const id18 = toId18(id);
  const found = id18 ? req.store.find(id18) : undefined;
  if (!found || found.objectName !== 'Document') throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist', []);
  const body = found.record.Body;
  const text = typeof body === 'string' ? Buffer.from(body, 'base64').toString('utf8') : '';
  return { status: 200, csv: text, headers: { 'Content-Type': typeof found.record.ContentType === 'string' ? found.record.ContentType : 'application/octet-stream' } };
}
