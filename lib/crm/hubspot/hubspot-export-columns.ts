import type { PastLeadColumnAliases } from '../../domain/qualification/past-lead-columns';

/**
 * A HubSpot contact export's headers → Baton's past-lead columns, so a raw export backtests
 * without editing its header. An export from the contacts view names columns by property label
 * ("Record ID", "Job Title", "Number of Employees", "Country/Region", "Original Source"; older
 * portals say "Original Source Type"); a file built from the API names them by internal property
 * name (`jobtitle`, `numemployees`, `hs_analytics_source`), as the sample files in
 * test/fixtures/rules do. Both are listed. Labels that are already Baton's own words ("Email",
 * "First Name", "Industry") need no entry. `numemployees` is a free string in many portals, often
 * a size band ("51-200"): the parser reads the band's lower bound.
 */
export const HUBSPOT_EXPORT_COLUMNS: PastLeadColumnAliases = {
  'Record ID': 'id',
  hs_object_id: 'id',
  'Contact ID': 'id',
  firstname: 'first_name',
  lastname: 'last_name',
  jobtitle: 'job_title',
  numemployees: 'employees',
  'Country/Region': 'country',
  hs_analytics_source: 'source',
  'Original Source': 'source',
  'Original Source Type': 'source',
  // The moment the contact became an MQL is when marketing handed it to sales.
  hs_lifecyclestage_marketingqualifiedlead_date: 'evaluated_at',
  'Became a Marketing Qualified Lead Date': 'evaluated_at',
  'Became an MQL Date': 'evaluated_at',
};
