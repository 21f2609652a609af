import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementSource } from '../../../lib/crm/marketo/marketo-engagement-source';
import { SANDBOX_MARKETO_CLIENT_ID, SANDBOX_MARKETO_CLIENT_SECRET } from '../../../lib/sandbox/marketo/marketo-dialect';
import { MARKETO_SEEDED_EMAILS } from '../../../lib/sandbox/marketo/marketo-seed';
import type { SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { applying, leadWith, recordingFetch, sandboxTarget, sourceContext, startTestSandbox } from '../engagement-source-test-kit';

/*
 * The Marketo engagement source against the sandbox's Marketo dialect: requests per view, paging,
 * mapping, retention, Marketo's HTTP-200 errors (606/607/615 limits, 601/602 renewal), and that a
 * failure is a status, never a throw.
 */

let sandbox: { server: SandboxServer; close(): Promise<void> };
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const SETTINGS = { endpoint: 'https://123-ABC-456.mktorest.com', clientId: SANDBOX_MARKETO_CLIENT_ID };

function connect(overrides: { secret?: string | null; now?: () => number } = {}) {
  const recorder = recordingFetch();
  const connection = applying(engagementSource.connect(sourceContext({ settings: SETTINGS, secret: overrides.secret === undefined ? SANDBOX_MARKETO_CLIENT_SECRET : overrides.secret, fetch: recorder.fetch, ...(overrides.now ? { now: overrides.now } : {}) })));
  return { connection, sent: recorder.sent };
}

const paths = (sent: { url: string }[]) => sent.map((s) => new URL(s.url).pathname);

describe('Marketo engagement source on the sandbox', () => {
  it('reads a lead by email: token, types, lead, paging token, activities; mapped to Baton kinds', async () => {
    const { connection, sent } = connect();
    expect(await connection.configured()).toBe(true);
    const reading = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(reading.status).toMatchObject({ source: 'engagement:marketo', label: 'Marketo', status: 'ok' });
    expect(paths(sent).sort()).toEqual(['/identity/oauth/token', '/rest/v1/activities.json', '/rest/v1/activities/pagingtoken.json', '/rest/v1/activities/types.json', '/rest/v1/leads.json'].sort());
    expect(reading.requests).toBe(5);
    const kinds = new Set(reading.events.map((e) => e.kind));
    for (const kind of ['form_submission', 'page_view', 'email_opened', 'email_clicked', 'email_delivered', 'webinar_registered', 'webinar_attended'] as const) expect(kinds).toContain(kind);
    expect(reading.events.every((e) => e.source === 'marketo' && e.id.startsWith('marketo:'))).toBe(true);
    expect(reading.events.find((e) => e.kind === 'form_submission')?.title).toBe('Talk to sales (Marketo form)');
    // The form's own answers, without name and email: what the person wrote.
    expect(reading.events.find((e) => e.kind === 'form_submission')?.answers).toEqual({ Comment: 'Need EDI with our 3PLs before peak season', Timeline: 'This quarter' });
    // Created 60 days ago: nothing cut off by the 90-day window.
    expect(reading.retention).toBeNull();
    // The token goes in the header, never the query.
    const rest = sent.filter((s) => new URL(s.url).pathname.startsWith('/rest/'));
    expect(rest.every((s) => s.headers.authorization?.startsWith('Bearer ') && !new URL(s.url).searchParams.has('access_token'))).toBe(true);
  });

  it('a lead seen before costs two requests (lead and activities): token, types and paging token are kept', async () => {
    const { connection, sent } = connect();
    await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    sent.length = 0;
    const again = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(again.requests).toBe(1);
    expect(paths(sent)).toEqual(['/rest/v1/activities.json']);
    sent.length = 0;
    const other = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.atRisk), sandboxTarget(sandbox.server));
    expect(paths(sent)).toEqual(['/rest/v1/leads.json', '/rest/v1/activities/pagingtoken.json', '/rest/v1/activities.json']);
    expect(other.status.status).toBe('ok');
  });

  it('follows moreResult across pages (350 visits in two pages)', async () => {
    const { connection, sent } = connect();
    const reading = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.longHistory), sandboxTarget(sandbox.server));
    expect(paths(sent).filter((p) => p === '/rest/v1/activities.json')).toHaveLength(2);
    expect(reading.events.filter((e) => e.kind === 'page_view')).toHaveLength(350);
    expect(reading.events.filter((e) => e.kind === 'form_submission')).toHaveLength(1);
  });

  it('says when the 90-day window cut older web visits off, and keeps hostile text as text without unsafe links', async () => {
    const { connection } = connect();
    const reading = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.atRisk), sandboxTarget(sandbox.server));
    expect(reading.retention).toMatchObject({ what: 'web visits and link clicks', sourceLabel: 'Marketo' });
    expect(reading.retention!.before).toBeGreaterThan(Date.now() - 91 * 24 * 3600_000);
    const hostile = reading.events.find((e) => e.title?.includes('<img'));
    expect(hostile?.title).toBe('<img src=x onerror=alert(1)> Pricing');
    expect(hostile?.url).toBeUndefined();
    // Form fills are kept 25 months: the one from 150 days ago is still there.
    expect(reading.events.some((e) => e.kind === 'form_submission' && e.title === 'Whitepaper: Capital operations benchmark')).toBe(true);
  });

  it('someone not in Marketo: ok, no events; a record without email: unavailable, no request', async () => {
    const { connection, sent } = connect();
    const absent = await connection.read(leadWith('nobody@example.com'), sandboxTarget(sandbox.server));
    expect(absent.status.status).toBe('ok');
    expect(absent.events).toEqual([]);
    sent.length = 0;
    const noEmail = await connection.read(leadWith(null), sandboxTarget(sandbox.server));
    expect(noEmail.status.status).toBe('unavailable');
    const comma = await connection.read(leadWith(`x,${MARKETO_SEEDED_EMAILS.demoPrimary}`), sandboxTarget(sandbox.server));
    expect(comma).toMatchObject({ events: [], status: { status: 'unavailable' } });
    expect(sent).toHaveLength(0);
  });

  it('606 and 615 (HTTP 200, success:false) are a burst limit, 607 the daily quota: named, never thrown', async () => {
    for (const [code, words] of [['606', /busy/], ['615', /busy/], ['607', /midnight US Central/]] as const) {
      const { connection } = connect();
      sandbox.server.failNext({ status: 429, errorCode: code, pathPrefix: '/rest/v1/activities.json' });
      const reading = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
      expect(reading.status.status).toBe('unavailable');
      expect(reading.status.message).toMatch(words);
      expect(reading.events).toEqual([]);
    }
  });

  it('601/602: renews the token once and retries', async () => {
    const { connection, sent } = connect();
    sandbox.server.failNext({ status: 401, errorCode: '602', pathPrefix: '/rest/v1/leads.json' });
    const reading = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(reading.status.status).toBe('ok');
    expect(paths(sent).filter((p) => p === '/identity/oauth/token')).toHaveLength(2);
    expect(paths(sent).filter((p) => p === '/rest/v1/leads.json')).toHaveLength(2);
  });

  it('wrong client secret: unavailable, in words an admin acts on; the server failing: error', async () => {
    const wrong = connect({ secret: 'not-the-secret' });
    const reading = await wrong.connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(reading.status).toMatchObject({ status: 'unavailable' });
    expect(reading.status.message).toMatch(/client id and secret/);
    const { connection } = connect();
    sandbox.server.failNext({ status: 503, pathPrefix: '/rest/v1/leads.json' });
    const failed = await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(failed.status.status).toBe('error');
  });

  it('renews the access token before expires_in runs out', async () => {
    let now = Date.now();
    const { connection, sent } = connect({ now: () => now });
    await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    now += 3599_000 - 59_000;
    await connection.read(leadWith(MARKETO_SEEDED_EMAILS.demoPrimary), sandboxTarget(sandbox.server));
    expect(paths(sent).filter((p) => p === '/identity/oauth/token')).toHaveLength(2);
  });

  it('test: Save and test reads the activity types', async () => {
    const { connection } = connect();
    const check = await connection.test('salesforce', sandboxTarget(sandbox.server));
    expect(check).toMatchObject({ ok: true });
    expect(check.message).toMatch(/8 activity types/);
  });
});
