import type { z } from 'zod';
import { readLeadPage } from '../crm/pages/read-lead-page';
import { CrmError } from '../crm/crm-error';
import type { CrmService } from '../crm/crm-service';
import type { LeadPage } from '../crm/pages/lead-page';
import type { CrmPageReader } from '../crm/crm-page-reader';
import type { LeadRecordChoices } from '../crm/lead-record-choices';
import { RequestRefusedError } from './request-refused-error';
import { requestSchema, leadPageSchema, type BatonRequestParsed, type BatonResponse, type ConnectionStatus, type LeadStatusValues } from './protocol';
import type { propertySetupResultSchema } from './protocol';
import type { DispositionSaveResult, EvidencePutResult, LeadPanelView, LeadViewResult, OutboxList } from './panel-protocol';
import type { LeadContext } from '../crm/crm-port';
import type { InsightsRequest, InsightsResult } from './insights-protocol';
import type { BacktestRequest, BacktestResult } from './backtest-protocol';
import type { QueueView, RepStatus } from './queue-protocol';
import type { RepIdentity } from '../domain/queue/queue-lead';
import type { RulesTestRequest, RulesTestResult } from './rules-test-protocol';
import type { TeamRulesPublishRequest, TeamRulesStatus } from './team-rules-protocol';

type PropertySetupResult = z.infer<typeof propertySetupResultSchema>;

/** The parts of chrome.runtime.MessageSender the router trusts (all set by the browser, not the sender). */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface BackgroundRouterDeps {
  extensionId: string;
  demoBuild: boolean;
  /** The CRMs whose pages are read (the registry's; tests pass their own). */
  pageReaders?: readonly CrmPageReader[];
  crmService: CrmService;
  saveToken(token: string): Promise<void>;
  forgetToken(): Promise<void>;
  connectionStatus(): Promise<ConnectionStatus>;
  /** The write side for the lead in the sender's tab; the page is always derived from the tab URL. */
  leadActions: LeadActions;
  setupCrmProperties(): Promise<PropertySetupResult>;
  /** Options page: the connected CRM's lead-status values. Absent: not wired (tests). */
  leadStatusValues?(): Promise<LeadStatusValues>;
  /** Options page: the connected CRM's lead pipelines and disqualification reasons. Absent: not wired (tests). */
  leadRecordChoices?(): Promise<LeadRecordChoices>;
  /** Insights page: dispositions from the connected CRM, aggregated. Absent: Insights is not wired (tests). */
  getInsights?(request: Omit<InsightsRequest, 'type'>): Promise<InsightsResult>;
  /** Insights page: backtest a candidate SQL definition. Absent: not wired (tests). */
  runBacktest?(request: Omit<BacktestRequest, 'type'>): Promise<BacktestResult>;
  /** Options page: one lead's qualification inputs for "Test against a lead". Absent: not wired (tests). */
  testLead?(request: Omit<RulesTestRequest, 'type'>): Promise<RulesTestResult>;
  /** Options page: the team's published rules. Absent: not wired (tests). */
  teamRules?: {
    status(refresh: boolean): Promise<TeamRulesStatus>;
    publish(request: Omit<TeamRulesPublishRequest, 'type'>): Promise<TeamRulesStatus>;
  };
  /** Popup and options: the rep's queue and who the rep is. Absent: not wired (tests). */
  queue?: QueueActions;
  log?: (message: string, detail?: unknown) => void;
}

export interface QueueActions {
  view(refresh: boolean): Promise<QueueView>;
  repStatus(): Promise<RepStatus>;
  listOwners(): Promise<RepIdentity[]>;
  chooseRep(ownerId: string): Promise<RepStatus>;
  clearRep(): Promise<RepStatus>;
}

export interface LeadActions {
  /**
   * The panel's view model of the lead (panel-protocol.ts), from its context, the rules and the
   * rep's evidence. Takes the context's loader so the other reads run while it loads.
   */
  panelView(page: LeadPage, loadContext: () => Promise<LeadContext>): Promise<LeadPanelView>;
  putEvidence(page: LeadPage, criterionId: string, entry: { status: 'met' | 'unmet'; evidence?: Record<string, unknown> } | null): Promise<EvidencePutResult>;
  saveDisposition(page: LeadPage, draft: Record<string, unknown>): Promise<DispositionSaveResult>;
  listOutbox(page: LeadPage): Promise<OutboxList>;
  /** `confirmOver`: the later disposition the rep agreed to replace (see OutboxStore.resend). */
  resend(page: LeadPage, id: string, options?: { confirmOver?: string }): Promise<OutboxList>;
  discard(page: LeadPage, id: string): Promise<OutboxList>;
  logAttempt(page: LeadPage, attempt: { channel: 'call' | 'email' | 'social'; connected: boolean; note: string | null }): Promise<OutboxList>;
}

/** Which extension page may send which request. Content scripts may send none. */
const ALLOWED_PAGES: Record<BatonRequestParsed['type'], readonly string[]> = {
  'queue/get': ['/popup.html'],
  'rep/get': ['/options.html', '/popup.html'],
  'rep/list-owners': ['/options.html', '/popup.html'],
  'rep/choose': ['/options.html', '/popup.html'],
  'rep/clear': ['/options.html'],
  'lead/get-context': ['/panel.html'],
  'connection/save-token': ['/options.html'],
  'connection/forget-token': ['/options.html'],
  'connection/status': ['/options.html'],
  'crm/setup-properties': ['/options.html'],
  'crm/lead-status-values': ['/options.html'],
  'crm/lead-record-choices': ['/options.html'],
  'evidence/put': ['/panel.html'],
  'disposition/save': ['/panel.html'],
  'outbox/list': ['/panel.html'],
  'outbox/resend': ['/panel.html'],
  'outbox/discard': ['/panel.html'],
  'attempt/log': ['/panel.html'],
  'insights/get': ['/insights.html'],
  // The options page backtests a draft definition in place ("Backtest this draft").
  'insights/backtest': ['/insights.html', '/options.html'],
  'rules/test-lead': ['/options.html'],
  'team-rules/status': ['/options.html', '/insights.html'],
  'team-rules/publish': ['/options.html'],
};

/**
 * Validates every incoming message (shape with zod, sender by id and page) and dispatches it.
 * A refused message gets an error answer and a log line, never a throw.
 */
export function createBackgroundRouter(deps: BackgroundRouterDeps) {
  const log = deps.log ?? ((message, detail) => console.warn(`Baton: ${message}`, detail ?? ''));

  return async function handleMessage(message: unknown, sender: MessageSenderInfo): Promise<BatonResponse<unknown>> {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      log('refused a malformed message', parsed.error.issues);
      return refuse('bad_message', 'Baton refused a malformed message.');
    }
    const request = parsed.data;
    const senderPage = extensionPagePath(sender, deps.extensionId);
    if (!senderPage || !ALLOWED_PAGES[request.type].includes(senderPage)) {
      log(`refused "${request.type}" from an unexpected sender`, { url: sender.url });
      return refuse('forbidden_sender', 'Baton refused a message from an unexpected sender.');
    }
    try {
      return { ok: true, data: await dispatch(request, sender) };
    } catch (err) {
      if (err instanceof CrmError) return { ok: false, error: { kind: err.kind, message: err.message, retryable: err.retryable } };
      if (err instanceof RequestRefusedError) return refuse('refused', err.message);
      log(`"${request.type}" failed`, err);
      return refuse('internal', `Baton hit an unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  async function dispatch(request: BatonRequestParsed, sender: MessageSenderInfo): Promise<unknown> {
    switch (request.type) {
      case 'lead/get-context':
        return getLeadContext(sender, request.refresh);
      case 'connection/save-token':
        await deps.saveToken(request.token);
        deps.crmService.invalidate();
        return deps.connectionStatus();
      case 'connection/forget-token':
        await deps.forgetToken();
        deps.crmService.invalidate();
        return deps.connectionStatus();
      case 'connection/status':
        return deps.connectionStatus();
      case 'crm/setup-properties':
        return deps.setupCrmProperties();
      case 'crm/lead-status-values':
        if (!deps.leadStatusValues) throw new CrmError('rejected', 'Reading the CRM\'s lead statuses is not available in this build.');
        return deps.leadStatusValues();
      case 'crm/lead-record-choices':
        if (!deps.leadRecordChoices) throw new CrmError('rejected', 'Reading the CRM\'s lead pipelines is not available in this build.');
        return deps.leadRecordChoices();
      case 'evidence/put':
        return deps.leadActions.putEvidence(await requireLeadPage(sender), request.criterionId, request.entry);
      case 'disposition/save':
        return deps.leadActions.saveDisposition(await requireLeadPage(sender), request.draft);
      case 'outbox/list':
        return deps.leadActions.listOutbox(await requireLeadPage(sender));
      case 'outbox/resend':
        return deps.leadActions.resend(await requireLeadPage(sender), request.id, { confirmOver: request.confirmOver });
      case 'outbox/discard':
        return deps.leadActions.discard(await requireLeadPage(sender), request.id);
      case 'insights/get':
        if (!deps.getInsights) throw new CrmError('rejected', 'Insights are not available in this build.');
        return deps.getInsights({ filters: request.filters, averageDealValue: request.averageDealValue, refresh: request.refresh, drill: request.drill ?? null });
      case 'insights/backtest':
        if (!deps.runBacktest) throw new CrmError('rejected', 'Backtests are not available in this build.');
        return deps.runBacktest({ candidate: request.candidate, months: request.months, refresh: request.refresh });
      case 'rules/test-lead':
        if (!deps.testLead) throw new CrmError('rejected', 'Testing against a lead is not available in this build.');
        return deps.testLead({ query: request.query });
      case 'team-rules/status':
        if (!deps.teamRules) throw new CrmError('rejected', 'Shared rules are not available in this build.');
        return deps.teamRules.status(request.refresh);
      case 'team-rules/publish':
        if (!deps.teamRules) throw new CrmError('rejected', 'Shared rules are not available in this build.');
        return deps.teamRules.publish({ settings: request.settings, publishedBy: request.publishedBy, summary: request.summary });
      case 'queue/get':
        return requireQueue().view(request.refresh);
      case 'rep/get':
        return requireQueue().repStatus();
      case 'rep/list-owners':
        return { owners: await requireQueue().listOwners() };
      case 'rep/choose':
        return requireQueue().chooseRep(request.ownerId);
      case 'rep/clear':
        return requireQueue().clearRep();
      case 'attempt/log':
        return deps.leadActions.logAttempt(await requireLeadPage(sender), { channel: request.channel, connected: request.connected, note: request.note });
    }
  }

  function requireQueue(): QueueActions {
    if (!deps.queue) throw new CrmError('rejected', 'My queue is not available in this build.');
    return deps.queue;
  }

  /** The lead page of the sender's tab, for requests that act on "this lead" (a Leads record acts on its contact). */
  async function requireLeadPage(sender: MessageSenderInfo): Promise<LeadPage> {
    const page = sender.tab?.url ? readLeadPage(sender.tab.url, { sandbox: deps.demoBuild }, deps.pageReaders) : null;
    if (!page || !leadPageSchema.safeParse(page).success) throw new CrmError('rejected', 'This tab is not showing a lead record any more.');
    return deps.crmService.resolvePage(page);
  }

  async function getLeadContext(sender: MessageSenderInfo, refresh: boolean | 'if-changed'): Promise<LeadViewResult> {
    // The lead comes from the URL of the tab the panel sits in, as the browser reports it —
    // never from anything the page or the content script says.
    const tabUrl = sender.tab?.url;
    if (!tabUrl) throw new CrmError('rejected', 'Baton cannot see which page this panel belongs to.');
    const page = readLeadPage(tabUrl, { sandbox: deps.demoBuild }, deps.pageReaders);
    if (!page) return { status: 'no-lead' };
    const checked = leadPageSchema.safeParse(page);
    if (!checked.success) throw new CrmError('rejected', 'This record id does not look valid.');
    const resolved = await deps.crmService.resolvePage(page);
    // The panel renders; the background computes (brief, checklist, SLA inputs...) from what it holds.
    const view = await deps.leadActions.panelView(resolved, () => deps.crmService.getLeadContext(resolved, { refresh }));
    return { status: 'ok', page: resolved, view };
  }
}

function refuse(kind: string, message: string): BatonResponse<never> {
  return { ok: false, error: { kind, message, retryable: false } };
}

/**
 * The path of the extension page that sent a message, or null when the sender is not one of our
 * extension pages (content scripts report the host page's URL). `use_dynamic_url` gives the panel
 * a per-session origin, so the id check is on `sender.id` and the page check on the path.
 */
function extensionPagePath(sender: MessageSenderInfo, extensionId: string): string | null {
  if (sender.id !== extensionId || !sender.url) return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' ? url.pathname : null;
  } catch {
    return null;
  }
}

export type RouterResponseSchema = z.ZodType<BatonResponse<unknown>>;
