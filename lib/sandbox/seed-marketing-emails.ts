import { CAMPAIGNS, MARKETING_EMAILS, PAGES, SITE } from './seed-catalog';
import type { PageKey } from './seed-catalog';
import { campaignSendTime, HOUR, MINUTE } from './seed-clock';
import type { SeedContext } from './seed-context';
import type { LeadPlan } from './seed-lead-plan';

/** The marketing emails the contact received after it existed (sends, deliveries, scanner and human opens and clicks); the latest dates for its properties. */
export function addMarketingEmails(ctx: SeedContext, plan: LeadPlan, createdAt: number): { lastOpen: number; lastClick: number; lastSent: number; lastName: string | null } {
  const { rng, now } = ctx;
  const stats = { lastOpen: 0, lastClick: 0, lastSent: 0, lastName: null as string | null };
  if (plan.noEngagement || plan.marketingEmails <= 0) return stats;
  const eligible = MARKETING_EMAILS.filter((email) => campaignSendTime(now, email.daysAgo) > createdAt + HOUR && campaignSendTime(now, email.daysAgo) < now - HOUR);
  const chosen = eligible.slice(-plan.marketingEmails);
  const engaged = plan.source === 'EMAIL_MARKETING' || plan.marketingEmails >= 3;
  for (const email of chosen) {
    const sentAt = campaignSendTime(now, email.daysAgo) + rng.int(0, 40) * 60_000 + rng.int(0, 59) * 1000;
    const sentId = rng.uuid();
    const base = { recipient: plan.email, emailCampaignId: email.id, sentById: sentId, sentByCreated: sentAt };
    ctx.emailEvents.push({ id: sentId, created: sentAt, type: 'SENT', filteredEvent: false, ...base });
    const deliveredAt = sentAt + rng.int(2, 20) * 1000;
    ctx.emailEvents.push({ id: rng.uuid(), created: deliveredAt, type: 'DELIVERED', filteredEvent: false, ...base });
    stats.lastSent = sentAt;
    stats.lastName = email.name;
    // Corporate mail scanners open (and sometimes click) every link within seconds of delivery.
    const scanned = plan.company.employees === '1000+' || plan.company.employees === '500-1000' || rng.chance(0.3);
    if (scanned) {
      ctx.emailEvents.push({ id: rng.uuid(), created: deliveredAt + 2000, type: 'OPEN', filteredEvent: true, browser: 'Microsoft Defender for Office 365 (Safe Links)', ...base });
      if (rng.chance(0.4)) ctx.emailEvents.push({ id: rng.uuid(), created: deliveredAt + 3000, type: 'CLICK', filteredEvent: true, url: `${SITE}/?utm_source=hs_email&utm_medium=email`, browser: 'Microsoft Defender for Office 365 (Safe Links)', ...base });
    }
    if (engaged ? rng.chance(0.75) : rng.chance(0.35)) {
      const openAt = Math.min(deliveredAt + rng.int(20, 600) * MINUTE, now - 2 * MINUTE);
      ctx.emailEvents.push({ id: rng.uuid(), created: openAt, type: 'OPEN', filteredEvent: false, browser: rng.pick(['Gmail', 'Apple Mail', 'Microsoft Outlook', 'Google Chrome']), ...base });
      stats.lastOpen = Math.max(stats.lastOpen, openAt);
      if (rng.chance(engaged ? 0.5 : 0.2)) {
        const page: PageKey = rng.pick(['pricing', 'caseHarbor', 'blogMqlSql', 'webinars', 'integrations']);
        const clickAt = openAt + rng.int(10, 120) * 1000;
        const slug = CAMPAIGNS[email.campaign].slug;
        const url = `${SITE}${PAGES[page].path}?utm_source=hs_email&utm_medium=email&utm_campaign=${slug}`;
        ctx.emailEvents.push({ id: rng.uuid(), created: clickAt, type: 'CLICK', filteredEvent: false, url, browser: 'Google Chrome', ...base });
        stats.lastClick = Math.max(stats.lastClick, clickAt);
        ctx.webEvents.push({
          id: rng.uuid(),
          eventType: 'e_visited_page',
          objectType: 'contact',
          objectId: plan.id,
          occurredAt: clickAt + 4000,
          properties: { hs_url: url, hs_title: PAGES[page].title, hs_referrer: '', hs_utm_campaign: slug },
        });
      }
    }
  }
  return stats;
}
