/*
 * The identity of one escalation written to the CRM: the same lead, step, policy version and SLA
 * clock always give the same id, so a retried or repeated write finds the record it made (the id
 * is the marker in the CRM's task or note, and the external id where the CRM has one). A UUID in
 * shape (version 8, "custom"), because the CRMs' idempotency fields are sized for one. Pure and
 * synchronous: a 128-bit non-cryptographic hash is enough, nothing here is secret or adversarial.
 */

export interface EscalationIdentity {
  /** The lead as the CRM names it. */
  lead: { crm: string; account: string; id: string };
  policy: { id: string; version: string };
  stepId: string;
  /** When the lead's SLA clock started: a reassigned lead starts a new clock and may escalate again. */
  clockStart: number;
}

/** One step of one clock, whatever the policy version: the queue never writes the same step twice for it. */
export function escalationStepKey(identity: Omit<EscalationIdentity, 'policy'>): string {
  return [identity.lead.crm, identity.lead.account, identity.lead.id, identity.stepId, identity.clockStart].join('|');
}

export function escalationId(identity: EscalationIdentity): string {
  const text = JSON.stringify([identity.lead.crm, identity.lead.account, identity.lead.id, identity.policy.id, identity.policy.version, identity.stepId, identity.clockStart]);
  const [a, b, c, d] = hash128(text);
  const hex = [a, b, c, d].map((n) => (n >>> 0).toString(16).padStart(8, '0')).join('');
  // Version nibble 8, variant bits 10 (RFC 9562 §5.8).
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** cyrb128 (public domain): four 32-bit lanes mixed over the UTF-16 code units. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4];
}
