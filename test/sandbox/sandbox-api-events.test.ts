import { describe, expect, it } from 'vitest';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * The sandbox's activity feeds: web analytics events (cursor paging over a long history, filters by
 * type and time, sort order) and marketing email events (offset paging, bot-filtered opens, campaigns).
 */

const sandbox = sandboxForThisFile();

describe('web analytics and email events', () => {
  it('pages through ~1,200 events of the long-history lead, newest first, without duplicates', async () => {
    const ids = new Set<string>();
    let after: string | undefined;
    let previous = Number.POSITIVE_INFINITY;
    let pages = 0;
    do {
      const { status, body } = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${SANDBOX_SCENARIOS.longHistory}&limit=100${after ? `&after=${after}` : ''}`);
      expect(status).toBe(200);
      for (const event of body.results) {
        ids.add(event.id);
        const at = Date.parse(event.occurredAt);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        expect(event.objectId).toBe(SANDBOX_SCENARIOS.longHistory);
        for (const value of Object.values(event.properties)) expect(typeof value).toBe('string');
      }
      after = body.paging?.next?.after;
      if (after) expect(body.paging.next.link).toContain(`after=${after}`);
      pages++;
    } while (after && pages < 50);
    expect(ids.size).toBeGreaterThanOrEqual(1150);
    expect(pages).toBeGreaterThanOrEqual(12);
  });

  it('filters events by type and time window and sorts ascending on request', async () => {
    const id = SANDBOX_SCENARIOS.demoPrimary;
    const forms = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${id}&eventType=e_submitted_form`);
    expect(forms.body.results.length).toBeGreaterThanOrEqual(3);
    expect(forms.body.results.every((e: any) => e.eventType === 'e_submitted_form' && e.properties.hs_form_id)).toBe(true);
    const window = await sandbox.call(`/events/v3/events?objectType=contact&objectId=${id}&occurredAfter=2026-11-15T00:00:00Z&occurredBefore=2026-11-22T00:00:00Z&sort=occurredAt`);
    const times = window.body.results.map((e: any) => Date.parse(e.occurredAt));
    expect(times.every((t: number) => t >= Date.parse('2026-11-15T00:00:00Z') && t <= Date.parse('2026-11-22T00:00:00Z'))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const types = await sandbox.call('/events/v3/events/event-types');
    expect(types.body.eventTypes).toEqual(expect.arrayContaining(['e_visited_page', 'e_submitted_form', 'pe2400001_content_downloaded', 'pe2400001_webinar_attended']));
  });

  it('serves marketing email events with offset paging, bot-filtered opens and campaigns', async () => {
    const recipient = 'elena.marsh@brightlinelogistics.com';
    const all: any[] = [];
    let offset: string | undefined;
    let more = true;
    while (more) {
      const { body } = await sandbox.call(`/email/public/v1/events?recipient=${encodeURIComponent(recipient)}&limit=4${offset ? `&offset=${offset}` : ''}`);
      all.push(...body.events);
      more = body.hasMore;
      offset = body.offset;
    }
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.every((e) => e.recipient === recipient && typeof e.created === 'number')).toBe(true);
    expect(all.some((e) => e.type === 'DELIVERED')).toBe(true);
    const filtered = all.find((e) => e.type === 'OPEN' && e.filteredEvent === true);
    expect(filtered).toBeDefined();
    const delivered = all.find((e) => e.type === 'DELIVERED' && e.sentBy.id === filtered.sentBy.id);
    expect(filtered.created - delivered.created).toBeLessThanOrEqual(5000);
    const clicks = await sandbox.call(`/email/public/v1/events?recipient=${encodeURIComponent(recipient)}&eventType=CLICK`);
    expect(clicks.body.events.every((e: any) => e.type === 'CLICK' && e.url)).toBe(true);
    const campaign = await sandbox.call(`/email/public/v1/campaigns/${all[0].emailCampaignId}`);
    expect(campaign.body).toMatchObject({ id: all[0].emailCampaignId, appName: 'BatchEmail' });
    expect(typeof campaign.body.subject).toBe('string');
  });
});
