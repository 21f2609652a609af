import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromVisitorActivity, VISITOR_ACTIVITY_KINDS } from '../../../lib/crm/account-engagement/account-engagement-mappers';
import { engagementEventSchema } from '../../../lib/domain/engagement/engagement-event';

const activity = (type: number, details: string | null, createdAt = '2026-11-30T06:00:00-04:00') => ({ id: 9, type, typeName: 'x', details, prospectId: 1, campaignId: null, createdAt });

describe('Account Engagement visitor activities as Baton events', () => {
  it('maps the type codes of the prospect\'s own engagement; times keep their offset', () => {
    expect(fromVisitorActivity(activity(4, 'Request a demo'))).toEqual({ id: 'account-engagement:9', kind: 'form_submission', occurredAt: Date.UTC(2026, 10, 30, 10), source: 'account-engagement', title: 'Request a demo' });
    expect(fromVisitorActivity(activity(11, 'Digest'))?.kind).toBe('email_opened');
    expect(fromVisitorActivity(activity(1, 'Digest'))?.kind).toBe('email_clicked');
    expect(fromVisitorActivity(activity(21, 'Ad'))?.kind).toBe('page_view');
    expect(fromVisitorActivity(activity(25, 'Webinar'))?.kind).toBe('webinar_registered');
    expect(fromVisitorActivity(activity(24, 'Webinar'))?.kind).toBe('webinar_attended');
  });

  it('leaves out what is not the prospect\'s engagement (invited, bounced, unsubscribe page, opportunities) and bad dates', () => {
    for (const type of [23, 13, 12, 8, 9, 10, 14]) expect(fromVisitorActivity(activity(type, 'x'))).toBeNull();
    expect(fromVisitorActivity(activity(4, 'x', 'yesterday'))).toBeNull();
    expect(fromVisitorActivity(activity(4, '   '))).not.toHaveProperty('title');
  });

  it('property: any activity maps to a valid event or none; details stay text as given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.option(fc.string(), { nil: null }), fc.date({ noInvalidDate: true }), (type, details, at) => {
        const event = fromVisitorActivity(activity(type, details, at.toISOString()));
        expect(event === null).toBe(!(type in VISITOR_ACTIVITY_KINDS));
        if (event) {
          expect(engagementEventSchema.safeParse(event).success).toBe(true);
          expect(event.title).toBe(details?.trim() || undefined);
        }
      }),
    );
  });
});
