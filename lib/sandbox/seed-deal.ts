import type { CrmRecord } from './sandbox-data';
import { DAY, HOUR, iso } from './seed-clock';
import type { SeedContext } from './seed-context';
import type { DealPlan, LeadPlan } from './seed-lead-plan';
import { ownerUser } from './seed-owner-user';

/** The lead's deal, owned by its owner, with the stage history from the first stage to where it stands. */
export function addDeal(ctx: SeedContext, plan: LeadPlan, deal: DealPlan, handoffAt: number): void {
  const createdAt = Math.min(handoffAt + deal.daysAfterHandoff * DAY, ctx.now - HOUR);
  const closed = deal.stage === 'closedwon' || deal.stage === 'closedlost';
  const closeAt = createdAt + deal.closeDaysAfterCreate * DAY;
  const id = String(ctx.nextDealId++);
  const owner = ownerUser(plan.ownerId as string);
  const source = { sourceType: 'CRM_UI', sourceId: `userId:${owner.userId}`, updatedByUserId: owner.userId };
  const updatedAt = closed ? Math.min(closeAt, ctx.now - HOUR) : Math.min(createdAt + 2 * DAY, ctx.now - HOUR);
  const properties: Record<string, string> = {
    hs_object_id: id,
    dealname: deal.name,
    amount: String(deal.amount),
    dealstage: deal.stage,
    pipeline: 'default',
    closedate: iso(closed ? Math.min(closeAt, ctx.now - HOUR) : closeAt),
    hs_is_closed_won: String(deal.stage === 'closedwon'),
    hs_is_closed: String(closed),
    createdate: iso(createdAt),
    hs_lastmodifieddate: iso(updatedAt),
    hubspot_owner_id: owner.id,
    ...(deal.lostReason ? { closed_lost_reason: deal.lostReason } : {}),
  };
  const history: CrmRecord['history'] = Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, [{ value, timestamp: createdAt, ...source }]]));
  if (deal.stage !== 'appointmentscheduled') {
    history.dealstage = [
      { value: 'appointmentscheduled', timestamp: createdAt, ...source },
      { value: deal.stage, timestamp: updatedAt, ...source },
    ];
  }
  ctx.records.deals.push({ id, createdAt, updatedAt, properties, history });
  ctx.associations.push({ fromType: 'deals', fromId: id, toType: 'contacts', toId: plan.id });
}
