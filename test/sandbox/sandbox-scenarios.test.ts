import { describe, expect, it } from 'vitest';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { seedSandboxData } from '../../lib/sandbox/seed-data';
import { FIRST_HISTORY_CONTACT_ID, HISTORY_CONTACT_COUNT } from '../../lib/sandbox/seed-history';
import type { CrmRecord, SandboxData } from '../../lib/sandbox/sandbox-data';
import { TEST_NOW } from './sandbox-test-kit';

const data: SandboxData = seedSandboxData(TEST_NOW);
const MINUTE = 60_000;

function contact(id: string): CrmRecord {
  const record = data.records.contacts.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no contact ${id}`);
  return record;
}
function minutesSinceHandoff(id: string): number {
  return (TEST_NOW - Date.parse(contact(id).properties.hubspot_owner_assigneddate ?? '')) / MINUTE;
}
function associated(type: keyof SandboxData['records'], contactId: string): CrmRecord[] {
  const ids = new Set(data.associations.filter((a) => a.fromType === type && a.toType === 'contacts' && a.toId === contactId).map((a) => a.fromId));
  return data.records[type].filter((record) => ids.has(record.id));
}
function webEvents(id: string) {
  return data.webEvents.filter((event) => event.objectId === id);
}
function humanTouches(id: string): CrmRecord[] {
  return [...associated('calls', id), ...associated('meetings', id), ...associated('emails', id).filter((email) => !email.properties.hs_sequence_id)];
}

describe('seeded portal', () => {
  it('has 40–60 rich contacts (plus the light dispositioned history from id 1001), 5–6 owners and every scenario contact', () => {
    expect(data.portalId).toBe(SANDBOX_PORTAL_ID);
    const rich = data.records.contacts.filter((record) => Number(record.id) < FIRST_HISTORY_CONTACT_ID);
    expect(rich.length).toBeGreaterThanOrEqual(40);
    expect(rich.length).toBeLessThanOrEqual(60);
    expect(data.records.contacts.length - rich.length).toBe(HISTORY_CONTACT_COUNT);
    expect(data.owners.length).toBeGreaterThanOrEqual(5);
    expect(data.owners.length).toBeLessThanOrEqual(6);
    for (const id of Object.values(SANDBOX_SCENARIOS)) expect(() => contact(id)).not.toThrow();
    expect(new Set(Object.values(SANDBOX_SCENARIOS)).size).toBe(Object.keys(SANDBOX_SCENARIOS).length);
  });

  it('varies sources, lifecycle stages and lead statuses', () => {
    const values = (name: string) => new Set(data.records.contacts.map((c) => c.properties[name]).filter(Boolean));
    expect(values('hs_analytics_source')).toEqual(new Set(['ORGANIC_SEARCH', 'PAID_SEARCH', 'EMAIL_MARKETING', 'SOCIAL_MEDIA', 'REFERRALS', 'DIRECT_TRAFFIC', 'OFFLINE', 'PAID_SOCIAL']));
    expect(values('lifecyclestage').size).toBeGreaterThanOrEqual(5);
    expect(values('hs_lead_status').size).toBeGreaterThanOrEqual(5);
    expect(values('industry').size).toBeGreaterThanOrEqual(10);
    expect(data.records.deals.some((deal) => deal.properties.dealstage === 'closedwon')).toBe(true);
    expect(data.records.deals.some((deal) => deal.properties.dealstage === 'closedlost')).toBe(true);
  });

  it('stores every property value as a string and keeps history in time order', () => {
    for (const type of Object.keys(data.records) as Array<keyof SandboxData['records']>) {
      for (const record of data.records[type]) {
        for (const [name, value] of Object.entries(record.properties)) {
          expect(typeof value, `${type} ${record.id} ${name}`).toBe('string');
        }
        for (const entries of Object.values(record.history)) {
          for (let i = 1; i < entries.length; i++) expect(entries[i]!.timestamp).toBeGreaterThanOrEqual(entries[i - 1]!.timestamp);
        }
      }
    }
  });

  it('puts nothing in the future', () => {
    expect(data.webEvents.every((event) => event.occurredAt <= TEST_NOW)).toBe(true);
    expect(data.emailEvents.every((event) => event.created <= TEST_NOW)).toBe(true);
    expect(data.records.contacts.every((c) => c.createdAt <= TEST_NOW && c.updatedAt <= TEST_NOW)).toBe(true);
  });
});

describe('scenarios', () => {
  it('justHandedOff: demo request, owner assigned 2–3 minutes ago by round robin, no touch', () => {
    const id = SANDBOX_SCENARIOS.justHandedOff;
    expect(minutesSinceHandoff(id)).toBeGreaterThanOrEqual(2);
    expect(minutesSinceHandoff(id)).toBeLessThanOrEqual(3);
    const c = contact(id);
    expect(c.properties.recent_conversion_event_name).toMatch(/Request a demo/);
    expect(c.history.hubspot_owner_id?.at(-1)).toMatchObject({ sourceType: 'AUTOMATION_PLATFORM', sourceLabel: 'Round robin — inbound demo' });
    expect(humanTouches(id)).toEqual([]);
  });

  it('atRisk: contact-sales about 45 minutes ago, untouched', () => {
    const id = SANDBOX_SCENARIOS.atRisk;
    expect(minutesSinceHandoff(id)).toBeGreaterThan(30);
    expect(minutesSinceHandoff(id)).toBeLessThan(60);
    expect(contact(id).properties.recent_conversion_event_name).toMatch(/Contact sales/);
    expect(humanTouches(id)).toEqual([]);
  });

  it('breached: handed off days ago, never touched', () => {
    const id = SANDBOX_SCENARIOS.breached;
    expect(minutesSinceHandoff(id)).toBeGreaterThan(24 * 60);
    expect(humanTouches(id)).toEqual([]);
    expect(contact(id).properties.hs_lead_status).toBe('NEW');
  });

  it('touched: the owner called after assignment', () => {
    const id = SANDBOX_SCENARIOS.touched;
    const c = contact(id);
    const assignedAt = Date.parse(c.properties.hubspot_owner_assigneddate ?? '');
    const calls = associated('calls', id);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.properties.hubspot_owner_id === c.properties.hubspot_owner_id)).toBe(true);
    expect(Math.min(...calls.map((call) => Date.parse(call.properties.hs_timestamp ?? '')))).toBeGreaterThan(assignedAt);
  });

  it('sequenceOnly: only automated sequence emails since assignment', () => {
    const id = SANDBOX_SCENARIOS.sequenceOnly;
    const emails = associated('emails', id);
    expect(emails.length).toBeGreaterThanOrEqual(1);
    expect(emails.every((email) => email.properties.hs_sequence_id)).toBe(true);
    expect(humanTouches(id)).toEqual([]);
  });

  it('hostile: HTML, javascript: URLs, very long text, RTL and emoji in form answers and events', () => {
    const c = contact(SANDBOX_SCENARIOS.hostile);
    expect(c.properties.biggest_challenge).toContain('<img src=x onerror=alert(1)>');
    expect(c.properties.message!.length).toBeGreaterThan(2000);
    const events = webEvents(SANDBOX_SCENARIOS.hostile);
    expect(events.some((event) => event.properties.hs_url === 'javascript:alert(1)')).toBe(true);
    expect(events.some((event) => /[\u0590-\u06FF]/.test(event.properties.hs_title ?? ''))).toBe(true);
    expect(events.some((event) => /\p{Extended_Pictographic}/u.test(Object.values(event.properties).join(' ')))).toBe(true);
  });

  it('longHistory: about 1,200 web events', () => {
    const count = webEvents(SANDBOX_SCENARIOS.longHistory).length;
    expect(count).toBeGreaterThanOrEqual(1150);
    expect(count).toBeLessThanOrEqual(1300);
  });

  it('competitor, personalEmail and noEngagement are what they say', () => {
    expect(contact(SANDBOX_SCENARIOS.competitor).properties.email).toMatch(/@pipewise\.com$/);
    expect(webEvents(SANDBOX_SCENARIOS.competitor).some((event) => event.properties.hs_url?.includes('/compare/pipewise'))).toBe(true);
    const student = contact(SANDBOX_SCENARIOS.personalEmail);
    expect(student.properties.email).toMatch(/@gmail\.com$/);
    expect(student.properties.jobtitle).toBe('Student');
    const quiet = contact(SANDBOX_SCENARIOS.noEngagement);
    expect(webEvents(quiet.id)).toEqual([]);
    expect(data.emailEvents.filter((event) => event.recipient === quiet.properties.email)).toEqual([]);
    expect(quiet.properties.num_conversion_events).toBeUndefined();
  });

  it('demo leads are rich: form answers sourced to forms, downloads, webinar, pricing visits, email engagement', () => {
    for (const id of [SANDBOX_SCENARIOS.demoPrimary, SANDBOX_SCENARIOS.demoSecondary]) {
      const c = contact(id);
      const events = webEvents(id);
      expect(c.history.biggest_challenge?.at(-1)).toMatchObject({ sourceType: 'FORM' });
      expect(c.history.biggest_challenge?.at(-1)?.sourceLabel).toBeTruthy();
      expect(events.some((event) => event.eventType === 'pe2400001_content_downloaded')).toBe(true);
      expect(events.some((event) => event.eventType === 'pe2400001_webinar_attended')).toBe(true);
      expect(events.some((event) => event.properties.hs_url?.includes('/pricing'))).toBe(true);
      const emails = data.emailEvents.filter((event) => event.recipient === c.properties.email);
      expect(emails.some((event) => event.type === 'OPEN' && !event.filteredEvent)).toBe(true);
      expect(emails.some((event) => event.type === 'OPEN' && event.filteredEvent)).toBe(true);
      expect(c.properties.campaign_name).toBeTruthy();
    }
  });
});
