import { combineColumnAliases } from '../domain/qualification/past-lead-columns';
import { HUBSPOT_EXPORT_COLUMNS } from './hubspot/hubspot-export-columns';
import { SALESFORCE_EXPORT_COLUMNS } from './salesforce/salesforce-export-columns';

/**
 * Every CRM's export headers for a past-leads CSV, for readers that do not know which CRM a file
 * came from (the backtest command line). Listed by hand rather than found by the build's glob, as
 * crm-descriptors.ts does, because the command line runs outside the build. A header two CRMs read
 * as different columns fails here, at load, rather than guessing per file.
 */
export const CRM_EXPORT_COLUMNS = combineColumnAliases([HUBSPOT_EXPORT_COLUMNS, SALESFORCE_EXPORT_COLUMNS]);
