/*
 * Salesforce record ids: a 3-character key prefix (the object), then 12 characters, then the
 * 3-character case-safe suffix that turns the 15-character id into the 18-character one.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix: one character per 5-character chunk, bit i set when char i is upper case. */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** An 18-character id: `prefix` + pod `Hp` + `0` + the sequence number in base 62 (9 chars) + suffix. */
export function salesforceId(prefix: string, sequence: number): string {
  let n = sequence;
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = BASE62.charAt(n % 62) + body;
    n = Math.floor(n / 62);
  }
  const id15 = `${prefix}Hp0${body}`;
  return id15 + caseSafeSuffix(id15);
}

/** The 18-character form of a 15- or 18-character id, or null when it is not an id. */
export function toId18(id: string): string | null {
  if (/^[a-zA-Z0-9]{18}$/.test(id)) return id.slice(0, 15) + caseSafeSuffix(id.slice(0, 15)) === id ? id : null;
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + caseSafeSuffix(id);
  return null;
}

/** Key prefixes of the objects the sandbox org has. */
export const KEY_PREFIXES = {
  Lead: '00Q',
  Contact: '003',
  Task: '00T',
  Event: '00U',
  User: '005',
  Campaign: '701',
  CampaignMember: '00v',
  LeadHistory: '017',
  LeadStatus: '01J',
  Organization: '00D',
  PermissionSet: '0PS',
  FieldPermissions: '01k',
  Folder: '00l',
  Document: '015',
} as const;
