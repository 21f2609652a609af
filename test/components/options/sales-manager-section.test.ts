import { describe, expect, it } from 'vitest';
import { nextPatchVersion, withSalesManager } from '../../../components/options/sales-manager-section';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { slaPolicySchema } from '../../../lib/domain/sla/sla-policy';
import { publishingErrors } from '../../../lib/storage/admin-setting-publishing';

describe('choosing the sales manager', () => {
  it('saves the SLA policy as a new patch version with a change-log entry, which the publishing rule accepts', () => {
    const next = withSalesManager(defaultSlaPolicy, { ownerId: '81300101', name: 'Morgan Lead' }, Date.parse('2026-12-04T12:00:00Z'));
    expect(next.version).toBe('1.0.1');
    expect(next.salesManager).toEqual({ ownerId: '81300101', name: 'Morgan Lead' });
    expect(next.changeLog.at(-1)).toMatchObject({ version: '1.0.1', summary: expect.stringContaining('Morgan Lead') });
    expect(slaPolicySchema.safeParse(next).success).toBe(true);
    expect(publishingErrors('change-log', next, defaultSlaPolicy, [])).toEqual([]);
    const cleared = withSalesManager(next, null, Date.parse('2026-12-04T13:00:00Z'));
    expect(cleared.version).toBe('1.0.2');
    expect('salesManager' in cleared).toBe(false);
  });

  it('counts versions up', () => {
    expect(nextPatchVersion('2')).toBe('2.0.1');
    expect(nextPatchVersion('1.9.9')).toBe('1.9.10');
    expect(nextPatchVersion('2026-q4')).toBe('2026-q4.1');
  });
});
