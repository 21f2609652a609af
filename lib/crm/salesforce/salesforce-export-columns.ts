import type { PastLeadColumnAliases } from '../../domain/qualification/past-lead-columns';

/**
 * A Salesforce export's headers → Baton's past-lead columns, so a raw Lead or Contact report
 * backtests without editing its header. A report exported as CSV (details only) names columns by
 * field label ("Lead ID", "Title", "Company / Account", "No. of Employees", "Lead Source"); Data
 * Loader and Bulk API exports by API field name (`Id`, `Title`, `NumberOfEmployees`,
 * `LeadSource`). Both are listed, except where the name already reads as Baton's own: `FirstName`
 * reads as first_name, "Email" as email, "Industry" as industry.
 */
export const SALESFORCE_EXPORT_COLUMNS: PastLeadColumnAliases = {
  'Lead ID': 'id',
  'Contact ID': 'id',
  Title: 'job_title',
  'Company / Account': 'company',
  'Account Name': 'company',
  'No. of Employees': 'employees',
  NumberOfEmployees: 'employees',
  'Lead Source': 'source',
  LeadSource: 'source',
  // A Contact's country is its mailing address's.
  'Mailing Country': 'country',
  MailingCountry: 'country',
};
