import { SalesforceError } from './salesforce-error';

/** The part of the sandbox's fault (`failNext`) the Salesforce dialect renders. */
export interface SalesforceFaultSpec {
  status: number;
  /** Overrides the errorCode Salesforce would send for the status. */
  errorCode?: string;
}

/**
 * An injected fault in Salesforce's shape: 401 INVALID_SESSION_ID, 403 REQUEST_LIMIT_EXCEEDED
 * (the org's rolling 24-hour API limit), 400 a validation rule, 5xx UNKNOWN_EXCEPTION /
 * SERVER_UNAVAILABLE; a 429 is Salesforce's concurrent-request limit (also REQUEST_LIMIT_EXCEEDED).
 */
export function salesforceFaultError(fault: SalesforceFaultSpec): SalesforceError {
  switch (fault.status) {
    case 401:
      return new SalesforceError(401, fault.errorCode ?? 'INVALID_SESSION_ID', 'Session expired or invalid');
    case 403:
      return new SalesforceError(403, fault.errorCode ?? 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    case 429:
      return new SalesforceError(429, fault.errorCode ?? 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.');
    case 400:
      return new SalesforceError(400, fault.errorCode ?? 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Injected fault: a validation rule refused the record.', []);
    case 500:
      return new SalesforceError(500, fault.errorCode ?? 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1427466343-11520 (-1517052405)');
    default:
      return new SalesforceError(fault.status, fault.errorCode ?? 'SERVER_UNAVAILABLE', `Server temporarily unavailable (injected fault: HTTP ${fault.status}).`);
  }
}
