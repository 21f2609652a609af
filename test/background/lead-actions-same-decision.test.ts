import { describe, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import { NOW, draft, page, setup } from './lead-actions-kit';

/*
 * The same lead open in two tabs, saved in both at once: each panel names its draft before it has
 * seen the other's id (draft-id.ts keeps ids in the panel's localStorage, which two tabs' frames do
 * not share instantly), so the background gets one decision under two ids. It must store one
 * disposition (issue 13, fault 8; the e2e faults-duplicates.spec.ts found two going out).
 */

const TAB_1 = '6f1c2a0e-8a4b-4c1d-9e2f-000000000001';
const TAB_2 = '6f1c2a0e-8a4b-4c1d-9e2f-000000000002';
const TAB_3 = '6f1c2a0e-8a4b-4c1d-9e2f-000000000003';
const accepted = { outcome: 'accepted', acceptedStage: 'working', reasonId: null };

describe('one decision saved from two tabs at once', () => {
  it('is one entry, and both tabs get its status', async () => {
    const { actions, outbox } = setup();
    const [first, second] = await Promise.all([actions.saveDisposition(page('101'), draft({ id: TAB_1 })), actions.saveDisposition(page('101'), draft({ id: TAB_2 }))]);
    expect(first).toMatchObject({ ok: true, item: { id: TAB_1 } });
    expect(second).toMatchObject({ ok: true, item: { id: TAB_1 } });
    expect((await (await outbox).listAll()).map((e) => e.id)).toEqual([TAB_1]);
  });

  it('once delivered, the same decision from the other tab gets the delivered status, and nothing is queued', async () => {
    const { actions, outbox, clock } = setup();
    await actions.saveDisposition(page('101'), draft({ id: TAB_1 }));
    const store = await outbox;
    await store.claimDue(NOW, DELIVERY_LEASE_MS, 5);
    await store.complete(TAB_1, { properties: ['hs_lead_status'], note: null, deliveredAt: NOW }, NOW);
    clock.t = NOW + 60_000;
    expect(await actions.saveDisposition(page('101'), draft({ id: TAB_2 }))).toMatchObject({ ok: true, item: { id: TAB_1, state: 'delivered' } });
    expect(await store.listAll()).toHaveLength(1);
  });

  it('a different decision in between, or another lead: the save is a new disposition', async () => {
    const { actions, outbox } = setup();
    await actions.saveDisposition(page('101'), draft({ id: TAB_1 }));
    await actions.saveDisposition(page('101'), draft({ id: TAB_2, ...accepted }));
    // Rejected, accepted, rejected again: the rep changed their mind back; the last one is new.
    expect(await actions.saveDisposition(page('101'), draft({ id: TAB_3 }))).toMatchObject({ ok: true, item: { id: TAB_3 } });
    expect(await actions.saveDisposition(page('102'), draft())).toMatchObject({ ok: true });
    expect(await (await outbox).listAll()).toHaveLength(4);
  });

  it('the same decision a day later is a new disposition (the panel would name it anew too)', async () => {
    const { actions, outbox, clock } = setup();
    await actions.saveDisposition(page('101'), draft({ id: TAB_1 }));
    clock.t = NOW + 24 * 60 * 60_000;
    expect(await actions.saveDisposition(page('101'), draft({ id: TAB_2 }))).toMatchObject({ ok: true, item: { id: TAB_2 } });
    expect(await (await outbox).listAll()).toHaveLength(2);
  });
});
