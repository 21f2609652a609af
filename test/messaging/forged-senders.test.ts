import { describe, expect, it, vi } from 'vitest';
import { createBackgroundRouter, type BackgroundRouterDeps, type MessageSenderInfo } from '../../lib/messaging/background-router';
import { requestSchema, type BatonRequest } from '../../lib/messaging/protocol';
import { createEngagementSourceRouter } from '../../lib/crm/engagement-source-router';
import { engagementSourceRequestSchema } from '../../lib/crm/engagement-source-protocol';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';

/*
 * Item 11 of the hostile-input suite: every message type the background answers is refused from
 * every sender that is not the extension page meant to send it — content scripts (which report
 * the CRM page's URL), other extensions, web pages, our own pages asking for another page's
 * request — and a refused message reaches no action at all (no outbox entry, no CRM request, no
 * token written). The table below must name every request type: a new one fails this test until
 * it says which pages may send it.
 */

const EXT = 'nkkhgcingcajmcnbkplhabfdhjphmbna';
const OTHER_EXT = 'aaaabbbbccccddddeeeeffffgggghhhh';
const RECORD = 'https://app.hubspot.com/contacts/42/record/0-1/7';
const page = (path: string, id = EXT) => `chrome-extension://${id}${path}`;
const UUID = '7f1c1a3e-1d1b-4c55-9a0e-2f4f6b1b2c3d';

/** One valid request per type, and the pages meant to send it. */
const REQUESTS: Record<string, { request: BatonRequest; pages: string[] }> = {
  'lead/get-context': { request: { type: 'lead/get-context' }, pages: ['/panel.html'] },
  'connection/save-token': { request: { type: 'connection/save-token', token: 'pat-na1-forged' }, pages: ['/options.html'] },
  'connection/forget-token': { request: { type: 'connection/forget-token' }, pages: ['/options.html'] },
  'connection/status': { request: { type: 'connection/status' }, pages: ['/options.html'] },
  'crm/setup-properties': { request: { type: 'crm/setup-properties' }, pages: ['/options.html'] },
  'crm/lead-status-values': { request: { type: 'crm/lead-status-values' }, pages: ['/options.html'] },
  'crm/lead-record-choices': { request: { type: 'crm/lead-record-choices' } as unknown as BatonRequest, pages: ['/options.html'] },
  'evidence/put': { request: { type: 'evidence/put', criterionId: 'budget', entry: { status: 'met' } }, pages: ['/panel.html'] },
  'disposition/save': { request: { type: 'disposition/save', draft: { id: UUID, outcome: 'rejected', reasonId: 'competitor' } }, pages: ['/panel.html'] },
  'outbox/list': { request: { type: 'outbox/list' }, pages: ['/panel.html'] },
  'outbox/resend': { request: { type: 'outbox/resend', id: UUID }, pages: ['/panel.html'] },
  'outbox/discard': { request: { type: 'outbox/discard', id: UUID }, pages: ['/panel.html'] },
  'attempt/log': { request: { type: 'attempt/log', channel: 'call', connected: false, note: null }, pages: ['/panel.html'] },
  'insights/get': { request: { type: 'insights/get', filters: {} } as BatonRequest, pages: ['/insights.html'] },
  'insights/backtest': { request: { type: 'insights/backtest', candidate: DEFAULT_SQL_DEFINITION, months: 3 }, pages: ['/insights.html', '/options.html'] },
  'rules/test-lead': { request: { type: 'rules/test-lead', query: 'ada@example.com' } as BatonRequest, pages: ['/options.html'] },
  'team-rules/status': { request: { type: 'team-rules/status' } as BatonRequest, pages: ['/options.html', '/insights.html'] },
  'team-rules/publish': { request: { type: 'team-rules/publish', settings: {}, publishedBy: { name: 'Forger', email: null }, summary: 'forged' }, pages: ['/options.html'] },
  'queue/get': { request: { type: 'queue/get' }, pages: ['/popup.html'] },
  'rep/get': { request: { type: 'rep/get' }, pages: ['/options.html', '/popup.html'] },
  'rep/list-owners': { request: { type: 'rep/list-owners' }, pages: ['/options.html', '/popup.html'] },
  'rep/choose': { request: { type: 'rep/choose', ownerId: '7' }, pages: ['/options.html', '/popup.html'] },
  'rep/clear': { request: { type: 'rep/clear' }, pages: ['/options.html'] },
};

const OUR_PAGES = ['/panel.html', '/options.html', '/popup.html', '/insights.html'];

/** Senders that are never one of our pages, whatever the message. */
const FOREIGN_SENDERS: [string, MessageSenderInfo][] = [
  ['our content script on a CRM record', { id: EXT, url: RECORD, tab: { url: RECORD } }],
  ['our content script on a sandbox page', { id: EXT, url: 'http://127.0.0.1:4477/contacts/1/record/0-1/2', tab: { url: RECORD } }],
  ["another extension's page of the same name", { id: OTHER_EXT, url: page('/panel.html', OTHER_EXT), tab: { url: RECORD } }],
  ['a page claiming our id in its URL only', { id: OTHER_EXT, url: page('/options.html'), tab: { url: RECORD } }],
  ['a web page (no extension id)', { url: RECORD, tab: { url: RECORD } }],
  ['no sender details at all', {}],
  ['our id with no URL', { id: EXT, tab: { url: RECORD } }],
  ['our id with a javascript: URL', { id: EXT, url: 'javascript:alert(1)//panel.html', tab: { url: RECORD } }],
  ['our id with a data: URL', { id: EXT, url: 'data:text/html,/panel.html', tab: { url: RECORD } }],
  ['our id with an unparsable URL', { id: EXT, url: '::::', tab: { url: RECORD } }],
  ['our id, a lookalike path', { id: EXT, url: page('/panel.html.evil'), tab: { url: RECORD } }],
  ['our id, a path prefix', { id: EXT, url: page('/x/panel.html'), tab: { url: RECORD } }],
];

function setup() {
  const calls: string[] = [];
  const record = (name: string) => vi.fn(async () => {
    calls.push(name);
    throw new Error(`${name} must not run for a refused message`);
  });
  const deps: BackgroundRouterDeps = {
    extensionId: EXT,
    demoBuild: true,
    crmService: { resolvePage: record('crm.resolvePage'), getLeadContext: record('crm.getLeadContext'), invalidate: vi.fn(() => calls.push('crm.invalidate')) },
    saveToken: record('saveToken'),
    forgetToken: record('forgetToken'),
    connectionStatus: record('connectionStatus'),
    setupCrmProperties: record('setupCrmProperties'),
    leadStatusValues: record('leadStatusValues'),
    ...({ leadRecordChoices: record('leadRecordChoices') } as object),
    getInsights: record('getInsights'),
    runBacktest: record('runBacktest'),
    testLead: record('testLead'),
    teamRules: { status: record('teamRules.status'), publish: record('teamRules.publish') },
    queue: { view: record('queue.view'), repStatus: record('queue.repStatus'), listOwners: record('queue.listOwners'), chooseRep: record('queue.chooseRep'), clearRep: record('queue.clearRep') },
    leadActions: {
      panelView: record('panelView'),
      putEvidence: record('putEvidence'),
      saveDisposition: record('saveDisposition'),
      listOutbox: record('listOutbox'),
      resend: record('resend'),
      discard: record('discard'),
      logAttempt: record('logAttempt'),
    },
    log: vi.fn(),
  };
  return { handle: createBackgroundRouter(deps), calls, deps };
}

const KNOWN_TYPES: string[] = requestSchema.options.map((option) => option.shape.type.value);
/** The table may run ahead of the protocol by a type that is being added; only known types are exercised. */
const types = Object.keys(REQUESTS).filter((type) => KNOWN_TYPES.includes(type));

describe('every request type is refused from an unexpected sender', () => {
  it('the table names every request type the background knows', () => {
    expect(KNOWN_TYPES.filter((type) => !(type in REQUESTS))).toEqual([]);
  });

  it.each(types)('%s: the sample is a well-formed request (so a refusal below is about the sender)', (type) => {
    expect(requestSchema.safeParse(REQUESTS[type]!.request).success).toBe(true);
  });

  it.each(types)('%s: refused from every foreign sender, and nothing runs', async (type) => {
    const { handle, calls } = setup();
    for (const [label, sender] of FOREIGN_SENDERS) {
      const answer = await handle(REQUESTS[type]!.request, sender);
      expect(answer, label).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    }
    expect(calls).toEqual([]);
  });

  it.each(types)('%s: refused from our own pages not meant to send it, and nothing runs', async (type) => {
    const { handle, calls } = setup();
    for (const path of OUR_PAGES.filter((p) => !REQUESTS[type]!.pages.includes(p))) {
      const answer = await handle(REQUESTS[type]!.request, { id: EXT, url: page(path), tab: { url: RECORD } });
      expect(answer, path).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    }
    expect(calls).toEqual([]);
  });

  it.each(types)('%s: accepted from the page meant to send it (the check is not refusing everything)', async (type) => {
    const { handle, calls } = setup();
    for (const path of REQUESTS[type]!.pages) {
      const answer = await handle(REQUESTS[type]!.request, { id: EXT, url: page(path), tab: { url: RECORD } });
      expect(answer).not.toMatchObject({ error: { kind: 'forbidden_sender' } });
    }
    expect(calls.length).toBeGreaterThan(0);
  });

  it('a panel opened at a per-session (use_dynamic_url) origin is still our panel: the id is the browser-set sender id', async () => {
    const { handle, calls } = setup();
    await handle({ type: 'outbox/list' }, { id: EXT, url: 'chrome-extension://0f5c1b9e-1111-4a2b-9c3d-123456789abc/panel.html', tab: { url: RECORD } });
    expect(calls).toContain('crm.resolvePage');
  });
});

describe('lead actions act only on the lead of the tab the browser reports', () => {
  it.each(['evidence/put', 'disposition/save', 'outbox/list', 'outbox/resend', 'outbox/discard', 'attempt/log'])('%s from our panel in a tab that is not a lead record: refused before any action', async (type) => {
    const { handle, calls } = setup();
    for (const tab of [undefined, { url: 'https://evil.example/contacts/42/record/0-1/7' }, { url: page('/panel.html') }, { url: 'https://app.hubspot.com/settings' }]) {
      const answer = await handle(REQUESTS[type]!.request, { id: EXT, url: page('/panel.html'), tab });
      expect(answer).toMatchObject({ ok: false });
    }
    expect(calls).toEqual([]);
  });

  it('a forged message never names the lead: extra fields are ignored, the tab decides', async () => {
    const { handle, deps } = setup();
    await handle({ type: 'disposition/save', draft: { id: UUID, outcome: 'accepted' }, lead: { id: '999' }, page: { id: '999' } } as unknown as BatonRequest, { id: EXT, url: page('/panel.html'), tab: { url: RECORD } });
    expect(deps.crmService.resolvePage).toHaveBeenCalledWith(expect.objectContaining({ id: '7', account: '42' }));
  });
});

describe('malformed and oversized messages are refused before the sender is even considered', () => {
  it.each([
    ['not an object', 'disposition/save'],
    ['null', null],
    ['an unknown type', { type: 'outbox/flush-all' }],
    ['a prototype-pollution attempt', JSON.parse('{"type":"outbox/list","__proto__":{"admin":true}}')],
    ['a token too long', { type: 'connection/save-token', token: 'x'.repeat(501) }],
    ['an outbox id that is not a UUID', { type: 'outbox/discard', id: '../../etc' }],
  ])('%s', async (_label, message) => {
    const { handle, calls } = setup();
    const answer = await handle(message, { id: EXT, url: page('/options.html'), tab: { url: RECORD } });
    if (answer.ok) expect.fail('accepted');
    expect(['bad_message', 'forbidden_sender']).toContain(answer.error.kind);
    expect(calls).toEqual([]);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });
});

describe('the engagement-source messages (a router of their own) are refused the same way', () => {
  const REQUESTS_ES = [
    { type: 'engagement-source/state', kind: 'marketo' },
    { type: 'engagement-source/test', kind: 'marketo' },
    { type: 'engagement-source/forget', kind: 'marketo' },
  ];
  it('the samples are well-formed', () => {
    for (const request of REQUESTS_ES) expect(engagementSourceRequestSchema.safeParse(request).success, request.type).toBe(true);
  });
  it('from anything but our options page: refused, and nothing runs', async () => {
    const calls: string[] = [];
    const reader = new Proxy({}, { get: (_t, name) => async () => calls.push(String(name)) });
    const handle = createEngagementSourceRouter({ extensionId: EXT, reader: reader as never, onChange: () => calls.push('onChange') });
    const senders = [...FOREIGN_SENDERS.map(([, s]) => s), ...['/panel.html', '/popup.html', '/insights.html'].map((p) => ({ id: EXT, url: page(p) }))];
    for (const request of REQUESTS_ES) for (const sender of senders) expect(await handle(request, sender)).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(calls).toEqual([]);
  });
});
