import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engagementEventSchema } from '../../../lib/domain/engagement/engagement-event';
import { fromMarketoActivity, marketoUrl, STANDARD_ACTIVITY_TYPE_IDS, type MarketoActivityType } from '../../../lib/crm/marketo/marketo-activity-mappers';
import { marketoError, nextMidnightUsCentral } from '../../../lib/crm/marketo/marketo-errors';
import type { MarketoActivity } from '../../../lib/crm/marketo/marketo-schemas';

const byId = new Map(Object.entries(STANDARD_ACTIVITY_TYPE_IDS).map(([type, id]) => [id, type as MarketoActivityType]));
const typeOf = (id: number) => byId.get(id) ?? null;
const activity = (activityTypeId: number, primary: string, attributes: Record<string, unknown> = {}): MarketoActivity => ({
  marketoGUID: '42', leadId: 7, activityDate: '2026-11-30T10:00:00Z', activityTypeId, primaryAttributeValue: primary, attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
});

describe('Marketo activities as Baton events', () => {
  it('maps the activity types Baton reads', () => {
    expect(fromMarketoActivity(activity(1, 'www.x.com/pricing', { 'Webpage URL': 'https://www.x.com/pricing' }), typeOf)).toEqual({ id: 'marketo:42', kind: 'page_view', occurredAt: Date.UTC(2026, 10, 30, 10), source: 'marketo', title: 'www.x.com/pricing', url: 'https://www.x.com/pricing' });
    expect(fromMarketoActivity(activity(2, 'Contact us', { 'Referrer URL': 'https://www.x.com/contact' }), typeOf)).toMatchObject({ kind: 'form_submission', title: 'Contact us', url: 'https://www.x.com/contact' });
    expect(fromMarketoActivity(activity(3, 'https://www.x.com/docs'), typeOf)).toMatchObject({ kind: 'page_view', title: 'Link: https://www.x.com/docs', url: 'https://www.x.com/docs' });
    expect(fromMarketoActivity(activity(10, 'Digest'), typeOf)).toMatchObject({ kind: 'email_opened', title: 'Digest' });
    expect(fromMarketoActivity(activity(11, 'Digest', { Link: 'https://www.x.com/a' }), typeOf)).toMatchObject({ kind: 'email_clicked', url: 'https://www.x.com/a' });
    expect(fromMarketoActivity(activity(7, 'Digest'), typeOf)).toMatchObject({ kind: 'email_delivered' });
    expect(fromMarketoActivity(activity(41, 'x', { Type: 'Web', Description: 'Pricing twice' }), typeOf)).toMatchObject({ kind: 'page_view', title: 'Pricing twice' });
    expect(fromMarketoActivity(activity(41, 'x', { Type: 'Milestone', Description: 'Became MQL' }), typeOf)).toBeNull();
  });

  it('program status: registered and attended are webinar events; not attended, no show and others are none', () => {
    expect(fromMarketoActivity(activity(104, 'Webinar', { 'New Status': 'Registered' }), typeOf)?.kind).toBe('webinar_registered');
    expect(fromMarketoActivity(activity(104, 'Webinar', { 'New Status': 'Attended On-demand' }), typeOf)?.kind).toBe('webinar_attended');
    expect(fromMarketoActivity(activity(104, 'Webinar', { 'New Status': 'Not Attended' }), typeOf)).toBeNull();
    expect(fromMarketoActivity(activity(104, 'Webinar', { 'New Status': 'No Show' }), typeOf)).toBeNull();
    expect(fromMarketoActivity(activity(104, 'Webinar', { 'New Status': 'Invited' }), typeOf)).toBeNull();
    expect(fromMarketoActivity(activity(99, 'Other'), typeOf)).toBeNull();
    expect(fromMarketoActivity({ ...activity(1, 'x'), activityDate: 'not a date' }, typeOf)).toBeNull();
  });

  it('links only absolute http(s) URLs', () => {
    expect(marketoUrl('javascript:alert(1)')).toBeNull();
    expect(marketoUrl('/pricing')).toBeNull();
    expect(marketoUrl('data:text/html,x')).toBeNull();
    expect(marketoUrl('https://x.com/a?b=1')).toBe('https://x.com/a?b=1');
  });

  it('property: any activity maps to a valid event or none, never throws, and its URL is http(s)', () => {
    const anyText = fc.oneof(fc.string(), fc.constantFrom('javascript:alert(1)', 'https://x.com/<script>', '<img src=x onerror=alert(1)>', '\u202Eevil'));
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(STANDARD_ACTIVITY_TYPE_IDS), 12, 13),
        fc.option(anyText, { nil: undefined }),
        fc.dictionary(fc.constantFrom('Webpage URL', 'Referrer URL', 'Link', 'Type', 'Description', 'New Status'), fc.oneof(anyText, fc.integer(), fc.constant(null))),
        fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
        (typeId, primary, attributes, date) => {
          const event = fromMarketoActivity({ ...activity(typeId, primary ?? '', attributes), activityDate: date }, typeOf);
          if (event === null) return;
          expect(engagementEventSchema.safeParse(event).success).toBe(true);
          if (event.url) expect(/^https?:/.test(event.url)).toBe(true);
        },
      ),
    );
  });
});

describe("Marketo's limit errors", () => {
  it('606 and 615 are a burst limit, 607 the daily quota until midnight US Central; 601/602 auth', () => {
    const now = Date.UTC(2026, 11, 4, 20);
    expect(marketoError([{ code: '606' }], now)).toMatchObject({ kind: 'rate_limited', limit: 'burst', retryAfterMs: 20_000 });
    expect(marketoError([{ code: '615' }], now)).toMatchObject({ kind: 'rate_limited', limit: 'burst' });
    expect(marketoError([{ code: '607' }], now)).toMatchObject({ kind: 'rate_limited', limit: 'daily', resetAt: Date.UTC(2026, 11, 5, 6) });
    expect(marketoError([{ code: '602' }], now)).toMatchObject({ kind: 'auth' });
    expect(marketoError([{ code: '1003', message: 'x' }], now)).toMatchObject({ kind: 'not_found' });
  });

  it('midnight US Central, across daylight saving time', () => {
    // Winter (CST, UTC-6) and summer (CDT, UTC-5).
    expect(nextMidnightUsCentral(Date.UTC(2026, 0, 15, 12))).toBe(Date.UTC(2026, 0, 16, 6));
    expect(nextMidnightUsCentral(Date.UTC(2026, 6, 15, 12))).toBe(Date.UTC(2026, 6, 16, 5));
    // The day the clocks go forward (8 Mar 2026) and back (1 Nov 2026).
    expect(nextMidnightUsCentral(Date.UTC(2026, 2, 8, 12))).toBe(Date.UTC(2026, 2, 9, 5));
    expect(nextMidnightUsCentral(Date.UTC(2026, 10, 1, 12))).toBe(Date.UTC(2026, 10, 2, 6));
  });

  it('property: the reset is within 25 hours, after now, at 00:00 in Chicago', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (now) => {
        const reset = nextMidnightUsCentral(now);
        expect(reset).toBeGreaterThan(now);
        expect(reset - now).toBeLessThanOrEqual(25 * 3600_000);
        const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hourCycle: 'h23', hour: 'numeric', minute: 'numeric' }).format(new Date(reset));
        expect(local).toBe('00:00');
      }),
    );
  });
});
