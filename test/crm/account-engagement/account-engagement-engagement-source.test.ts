import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseProspect, engagementSource } from '../../../lib/crm/account-engagement/account-engagement-engagement-source';
import type { CrmAccessToken } from '../../../lib/crm/engagement-source-port';
import { ACCOUNT_ENGAGEMENT_SEEDED_EMAILS, SANDBOX_BUSINESS_UNIT_ID } from '../../../lib/sandbox/account-engagement/account-engagement-seed';
import { leadIdForContact } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import type { SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { applying, leadWith, recordingFetch, sandboxTarget, sourceContext, startTestSandbox } from '../engagement-source-test-kit';

/*
 * Account Engagement v5 against the sandbox's dialect: the Salesforce connection's token lent
 * through the hand-over, the Business Unit header, prospect by email then visitor activities
 * (newest first), type codes mapped, a 401 renewing the lent token once, limits named.
 */

let sandbox: { server: SandboxServer; close(): Promise<void> };
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function lentToken(first = 'sandbox-token') {
  const renewals: string[] = [];
  let current = first;
  // As the Salesforce session: a renewal replaces the token every later request gets.
  const token: CrmAccessToken = { token: async () => current, renew: async (rejected) => (renewals.push(rejected), (current = 'renewed-token')) };
  return { token, renewals };
}

function connect(options: { token?: CrmAccessToken | null; businessUnitId?: string } = {}) {
  const recorder = recordingFetch();
  const connection = applying(engagementSource.connect(
    sourceContext({ settings: { businessUnitId: options.businessUnitId ?? SANDBOX_BUSINESS_UNIT_ID, host: 'demo' }, token: options.token === undefined ? lentToken().token : options.token, fetch: recorder.fetch }),
  ));
  return { connection, sent: recorder.sent };
}

const marcusLead = () => leadWith(ACCOUNT_ENGAGEMENT_SEEDED_EMAILS.demoSecondary, leadIdForContact('102'));

describe('Account Engagement engagement source on the sandbox', () => {
  it('two requests: the prospect by email, then its visitor activities; the Business Unit header on both', async () => {
    const { connection, sent } = connect();
    const reading = await connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(reading.status).toMatchObject({ source: 'engagement:account-engagement', label: 'Account Engagement', status: 'ok' });
    expect(reading.requests).toBe(2);
    expect(sent.map((s) => new URL(s.url).pathname)).toEqual(['/api/v5/objects/prospects', '/api/v5/objects/visitor-activities']);
    expect(sent.every((s) => s.headers['pardot-business-unit-id'] === SANDBOX_BUSINESS_UNIT_ID && s.headers.authorization === 'Bearer sandbox-token')).toBe(true);
    const activities = new URL(sent[1]!.url);
    expect(activities.searchParams.get('prospectId')).toBe('61102');
    expect(activities.searchParams.get('fields')).toContain('type');
    const kinds = reading.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['webinar_registered', 'webinar_attended', 'email_delivered', 'email_opened', 'email_clicked', 'page_view']));
    // Invited to a webinar is not the prospect's own engagement.
    expect(reading.events.filter((e) => e.kind.startsWith('webinar'))).toHaveLength(2);
    expect(reading.events.every((e) => e.source === 'account-engagement')).toBe(true);
  });

  it('keeps hostile details as text; a bounce is no engagement', async () => {
    const { connection } = connect();
    const reading = await connection.read(leadWith(ACCOUNT_ENGAGEMENT_SEEDED_EMAILS.competitor, leadIdForContact('109')), sandboxTarget(sandbox.server));
    expect(reading.events.find((e) => e.kind === 'form_submission')?.title).toBe('Download: Tessellate vs. the alternatives <script>alert(1)</script>');
    expect(reading.events).toHaveLength(2);
  });

  it('a 401 renews the lent token once and retries', async () => {
    const lent = lentToken('expired');
    const { connection } = connect({ token: lent.token });
    const reading = await connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(lent.renewals).toEqual(['expired']);
    expect(reading.status.status).toBe('ok');
  });

  it('a wrong Business Unit id: unavailable, saying what to check; no CRM token lent: unavailable', async () => {
    const wrong = await connect({ businessUnitId: '0Uv000000000000AAA' }).connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(wrong.status.status).toBe('unavailable');
    expect(wrong.status.message).toMatch(/Business Unit id/);
    const none = await connect({ token: null }).connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(none.status.status).toBe('unavailable');
    // Records of another CRM are not read, and nothing is said about them.
    const raw = engagementSource.connect(sourceContext({ settings: { businessUnitId: SANDBOX_BUSINESS_UNIT_ID }, token: lentToken().token }));
    expect(await raw.read(leadWith('someone@example.com', '101', 'hubspot'), sandboxTarget(sandbox.server))).toBeNull();
  });

  it('limits: code 66 a burst, 122 the daily allowance; a 503 an error; never thrown', async () => {
    sandbox.server.failNext({ status: 429, pathPrefix: '/api/v5/objects/visitor-activities' });
    const burst = await connect().connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(burst.status).toMatchObject({ status: 'unavailable' });
    expect(burst.status.message).toMatch(/busy/);
    sandbox.server.failNext({ status: 429, policyName: 'DAILY', pathPrefix: '/api/v5/' });
    const daily = await connect().connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(daily.status.message).toMatch(/today's API allowance/);
    sandbox.server.failNext({ status: 503, pathPrefix: '/api/v5/' });
    const down = await connect().connection.read(marcusLead(), sandboxTarget(sandbox.server));
    expect(down.status.status).toBe('error');
  });

  it('someone who is no prospect: ok and empty', async () => {
    const reading = await connect().connection.read(leadWith('nobody@example.com'), sandboxTarget(sandbox.server));
    expect(reading).toMatchObject({ events: [], status: { status: 'ok' }, requests: 1 });
  });

  it('with several prospects for one email, the one synced to this record', () => {
    const prospects = [{ id: 1, email: 'a@x.com', salesforceId: '00Q000000000009AAA' }, { id: 2, email: 'a@x.com', salesforceId: '00Q000000000001AAA' }];
    expect(chooseProspect(prospects, '00Q000000000001')?.id).toBe(2);
    expect(chooseProspect(prospects, '00Q00000000000ZAAA')?.id).toBe(1);
    expect(chooseProspect([], '00Q000000000001')).toBeNull();
  });

  it('test: Save and test reaches the business unit', async () => {
    expect(await connect().connection.test('salesforce', sandboxTarget(sandbox.server))).toMatchObject({ ok: true });
    expect(await connect({ businessUnitId: '0Uv000000000000AAA' }).connection.test('salesforce', sandboxTarget(sandbox.server))).toMatchObject({ ok: false });
  });
});
