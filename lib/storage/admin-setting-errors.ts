import type { z } from 'zod';

/**
 * How a refused admin setting is reported: each error names the field path and says the rule in
 * an admin's words, not zod's. Shared by the storage reads and writes, the publishing rule and
 * JSON import.
 */

export interface AdminSettingError {
  /** Dotted field path, e.g. "tiers.0.target.amount"; "(root)" for the whole document. */
  path: string;
  message: string;
  /** 1-based position in the JSON text, for syntax errors when the parser tells us where. */
  line?: number;
  column?: number;
}

export type AdminSettingResult<T> = { ok: true; value: T } | { ok: false; errors: AdminSettingError[] };

/**
 * zod's default messages speak in types ("Too small: expected number to be >=0"); an admin fixing
 * a JSON file wants the rule ("must be 0 or more"). Messages a schema wrote itself are kept as is.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const { message } = issue;
  const plural = (n: number | bigint, one: string, many: string) => `${String(n)} ${Number(n) === 1 ? one : many}`;
  if (issue.code === 'too_small' && message.startsWith('Too small')) {
    const min = issue.minimum;
    if (issue.origin === 'string') return Number(min) === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character', 'characters')}`;
    if (issue.origin === 'array' || issue.origin === 'set') return Number(min) === 1 ? 'needs at least one entry' : `needs at least ${plural(min, 'entry', 'entries')}`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
      if (Number(min) === 0) return issue.inclusive ? 'must be 0 or more' : 'must be positive';
      return issue.inclusive ? `must be at least ${String(min)}` : `must be more than ${String(min)}`;
    }
  }
  if (issue.code === 'too_big' && message.startsWith('Too big')) {
    const max = issue.maximum;
    if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
    if (issue.origin === 'array' || issue.origin === 'set') return `allows at most ${plural(max, 'entry', 'entries')}`;
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `must be at most ${String(max)}` : `must be less than ${String(max)}`;
  }
  if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
    const expected = `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    const received = / received (\w+)$/.exec(message)?.[1];
    return received === 'undefined' ? `required (${expected})` : `must be ${expected}${received ? `, not ${received}` : ''}`;
  }
  if (issue.code === 'invalid_value' && message.startsWith('Invalid option')) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return message;
}

export function toAdminSettingErrors(issues: readonly z.core.$ZodIssue[]): AdminSettingError[] {
  return issues.map((issue) => ({ path: issue.path.length ? issue.path.map(String).join('.') : '(root)', message: describeIssue(issue) }));
}
