import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import type { CrmTarget } from '../crm-provider';
import { CrmError } from '../crm-error';
import { engagementStatusId, type EngagementReading, type EngagementSource, type EngagementSourceConnection, type EngagementSourceContext } from '../engagement-source-port';
import { engagementFailureStatus } from '../engagement-source-status';
import { createAccountEngagementClient } from './account-engagement-client';
import { ACCOUNT_ENGAGEMENT_SOURCE, fromVisitorActivity } from './account-engagement-mappers';
import { aeProspectSchema, aeVisitorActivitySchema, type AeProspect } from './account-engagement-schemas';
import { ACCOUNT_ENGAGEMENT_HOSTS, checkAccountEngagementSettings, readAccountEngagementSettings } from './account-engagement-settings';

/*
 * Account Engagement (Pardot) API v5 as an engagement source, signed in with the Salesforce
 * connection's token (lent by the CRM connection; scope pardot_api) and the admin's Business Unit
 * id. Per lead view (at most 2 requests while a lead has up to 1000 activities):
 *   GET /api/v5/objects/prospects?fields=id,email,salesforceId&email=<email>                   (1)
 *   GET /api/v5/objects/visitor-activities?fields=…&prospectId=<id>&orderBy=createdAt desc&limit=1000 (2)
 * following `nextPageUrl` for one more page at most. With several prospects for one email
 * (multiple prospects per email allowed), the one synced to this CRM record is chosen.
 */

const LABEL = 'Account Engagement';
const ACTIVITY_FIELDS = 'id,type,typeName,details,prospectId,campaignId,createdAt';
const PAGE_LIMIT = 1000;
export const MAX_ACTIVITY_PAGES = 2;
/** Only Salesforce records carry the sign-in Account Engagement accepts. */
const SALESFORCE_KIND = 'salesforce';

export const engagementSource: EngagementSource = {
  kind: ACCOUNT_ENGAGEMENT_SOURCE,
  label: LABEL,
  checkSettings: (settings) => checkAccountEngagementSettings(settings),
  connect: connectAccountEngagement,
  // Salesforce grants a token no more than its sign-in asked for: Account Engagement's API needs this.
  crmSignInScopes: { crm: SALESFORCE_KIND, scopes: ['pardot_api'] },
};

/** Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum). */
function sameSalesforceId(a: string | null | undefined, b: string): boolean {
  return !!a && a.slice(0, 15) === b.slice(0, 15);
}

export function chooseProspect(prospects: readonly AeProspect[], recordId: string): AeProspect | null {
  return prospects.find((p) => sameSalesforceId(p.salesforceId, recordId)) ?? prospects[0] ?? null;
}

function connectAccountEngagement(context: EngagementSourceContext): EngagementSourceConnection {
  const doFetch: typeof fetch = context.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const status = { source: engagementStatusId(ACCOUNT_ENGAGEMENT_SOURCE), label: LABEL };

  async function clientFor(crm: string, target: CrmTarget) {
    const settings = readAccountEngagementSettings(await context.readSettings());
    if (!settings) return null;
    if (crm !== SALESFORCE_KIND) throw new CrmError('forbidden', 'Account Engagement is read with the Salesforce sign-in; this record is not in Salesforce.');
    const token = await context.crmAccessToken(crm, target);
    if (!token) throw new CrmError('auth', "Connect Salesforce in Baton's options first: Account Engagement uses the same sign-in.");
    const baseUrl = target.address.kind === 'sandbox' ? target.address.baseUrl : ACCOUNT_ENGAGEMENT_HOSTS[settings.host];
    return createAccountEngagementClient({ baseUrl, businessUnitId: settings.businessUnitId, token, fetch: doFetch, now: context.now });
  }

  async function read(email: string, recordId: string, crm: string, target: CrmTarget, signal?: AbortSignal): Promise<EngagementReading> {
    let client: Awaited<ReturnType<typeof clientFor>> = null;
    try {
      client = await clientFor(crm, target);
      if (!client) return { events: [], retention: null, requests: 0, status: { ...status, status: 'unavailable', message: "Account Engagement is not set up (Baton's options → Marketing engagement sources)." } };
      const found = await client.query(`/api/v5/objects/prospects?${new URLSearchParams({ fields: 'id,email,salesforceId', email })}`, signal);
      const prospects = found.values.flatMap((v) => {
        const parsed = aeProspectSchema.safeParse(v);
        return parsed.success ? [parsed.data] : [];
      });
      const prospect = chooseProspect(prospects, recordId);
      if (!prospect) return { events: [], retention: null, requests: client.requestCount, status: { ...status, status: 'ok', message: 'No prospect with this email in Account Engagement' } };
      const events: EngagementEvent[] = [];
      let next: string | null = `/api/v5/objects/visitor-activities?${new URLSearchParams({ fields: ACTIVITY_FIELDS, prospectId: String(prospect.id), orderBy: 'createdAt desc', limit: String(PAGE_LIMIT) })}`;
      let pages = 0;
      while (next && pages < MAX_ACTIVITY_PAGES) {
        const page = await client.query(next, signal);
        pages++;
        for (const value of page.values) {
          const parsed = aeVisitorActivitySchema.safeParse(value);
          const event = parsed.success ? fromVisitorActivity(parsed.data) : null;
          if (event) events.push(event);
        }
        next = page.nextPageUrl;
      }
      if (next) {
        return { events, retention: null, requests: client.requestCount, status: { ...status, status: 'degraded', message: `Only the latest ${MAX_ACTIVITY_PAGES * PAGE_LIMIT} Account Engagement activities were read; older ones are in Account Engagement` } };
      }
      return { events, retention: null, requests: client.requestCount, status: { ...status, status: 'ok', message: `${events.length} activities in the timeline` } };
    } catch (error) {
      return { events: [], retention: null, requests: client?.requestCount ?? 0, status: engagementFailureStatus(ACCOUNT_ENGAGEMENT_SOURCE, LABEL, error) };
    }
  }

  return {
    async configured() {
      return readAccountEngagementSettings(await context.readSettings()) !== null;
    },
    async read(lead, target, options = {}) {
      // Read with the Salesforce sign-in: records of other CRMs are not its business.
      if (lead.crm !== SALESFORCE_KIND) return null;
      if (!lead.email) return { events: [], retention: null, requests: 0, status: { ...status, status: 'unavailable', message: 'This record has no email address, so Baton cannot find its prospect in Account Engagement' } };
      return read(lead.email, lead.recordId, lead.crm, target, options.signal);
    },
    async test(crm, target) {
      try {
        // The sandbox CRM speaks Salesforce too: its sign-in stands in whichever dialect the options chose.
        const client = await clientFor(target.address.kind === 'sandbox' ? SALESFORCE_KIND : crm, target);
        if (!client) return { ok: false, message: 'Enter the Business Unit id.' };
        await client.query(`/api/v5/objects/prospects?${new URLSearchParams({ fields: 'id', limit: '1' })}`);
        return { ok: true, message: 'Connected to Account Engagement with the Salesforce sign-in.' };
      } catch (error) {
        return { ok: false, message: engagementFailureStatus(ACCOUNT_ENGAGEMENT_SOURCE, LABEL, error).message ?? 'Account Engagement could not be reached.' };
      }
    },
    reset() {},
  };
}
