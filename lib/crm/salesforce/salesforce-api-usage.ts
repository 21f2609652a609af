/*
 * The org's API usage as Salesforce reports it on every REST answer but `/services/data/`:
 * `Sforce-Limit-Info: api-usage=18/5000` (requests in the last 24 hours / the org's allowance).
 */

export interface SalesforceApiUsage {
  used: number;
  max: number;
}

export function parseSforceLimitInfo(header: string | null): SalesforceApiUsage | null {
  const m = header ? /(?:^|[,;\s])api-usage=(\d+)\/(\d+)/.exec(header) : null;
  return m ? { used: Number(m[1]), max: Number(m[2]) } : null;
}

/** The connection check's headroom (CRM-neutral shape: the org's 24-hour allowance, no burst window). */
export function apiUsageHeadroom(usage: SalesforceApiUsage | null): { daily: number; dailyRemaining: number; windowMax: null; windowMs: null } | null {
  return usage ? { daily: usage.max, dailyRemaining: Math.max(0, usage.max - usage.used), windowMax: null, windowMs: null } : null;
}
