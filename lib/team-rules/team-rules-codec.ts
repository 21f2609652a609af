import { utf8ToBase64 } from '../format/utf8-base64';
import type { TeamRulesDocument } from './team-rules-document';

/**
 * How a published document travels as CRM text: a line a person reading the record understands,
 * then the JSON in base64 after a marker. Base64 because a CRM's rich-text field may rewrite
 * markup, quotes and whitespace in what it stores; base64 has none of those, so the document
 * comes back byte for byte whatever the field does to the text around it.
 */

const MARKER = 'BATON-TEAM-RULES:';

export function encodeTeamRules(document: TeamRulesDocument): string {
  const published = new Date(document.publishedAt).toISOString().slice(0, 10);
  return `Baton team rules, revision ${document.revision}, published ${published} by ${document.publishedBy.name}. Baton reads this record: do not edit or delete it.\n${MARKER}${utf8ToBase64(JSON.stringify(document))}`;
}

/** The document's JSON value, or null when the text carries none (not Baton's, or damaged). */
export function decodeTeamRules(text: string): unknown {
  const found = new RegExp(`${MARKER}([A-Za-z0-9+/]+={0,2})`).exec(text);
  if (!found) return null;
  try {
    const binary = atob(found[1]!);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return null;
  }
}
