import { describe, expect, it } from 'vitest';
import { createTokenSession } from '../../../lib/crm/salesforce/salesforce-session';

describe('createTokenSession', () => {
  it('reads the first token once and renews once for requests that failed together', async () => {
    let initial = 0;
    let renewals = 0;
    const session = createTokenSession({
      initial: async () => `t${(initial += 1) && 0}`,
      renew: async () => {
        renewals += 1;
        await new Promise((r) => setTimeout(r, 5));
        return `t${renewals}`;
      },
    });
    expect(await Promise.all([session.accessToken(), session.accessToken()])).toEqual(['t0', 't0']);
    expect(initial).toBe(1);
    expect(await Promise.all([session.refresh('t0'), session.refresh('t0'), session.refresh('t0')])).toEqual(['t1', 't1', 't1']);
    expect(renewals).toBe(1);
    // A request that failed with the old token after the renewal retries with the new one.
    expect(await session.refresh('t0')).toBe('t1');
    expect(renewals).toBe(1);
    expect(await session.refresh('t1')).toBe('t2');
  });

  it('tries again after a failed renewal', async () => {
    let fail = true;
    const session = createTokenSession({ initial: async () => 'a', renew: async () => { if (fail) throw new Error('down'); return 'b'; } });
    await session.accessToken();
    await expect(session.refresh('a')).rejects.toThrow('down');
    fail = false;
    expect(await session.refresh('a')).toBe('b');
  });
});
