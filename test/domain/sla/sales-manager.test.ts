import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { slaPolicySchema } from '../../../lib/domain/sla/sla-policy';

describe('the SLA policy’s sales manager', () => {
  it('is optional: a policy stored before it existed still parses, without one', () => {
    const stored = JSON.parse(JSON.stringify(defaultSlaPolicy)) as Record<string, unknown>;
    delete stored.salesManager;
    const parsed = slaPolicySchema.parse(stored);
    expect(parsed.salesManager).toBeUndefined();
  });

  it('names a CRM owner, with the name the CRM gave when chosen', () => {
    expect(slaPolicySchema.parse({ ...defaultSlaPolicy, salesManager: { ownerId: '81300101' } }).salesManager).toEqual({ ownerId: '81300101', name: null });
    expect(slaPolicySchema.safeParse({ ...defaultSlaPolicy, salesManager: { ownerId: '' } }).success).toBe(false);
  });
});
