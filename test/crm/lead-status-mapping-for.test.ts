import { describe, expect, it } from 'vitest';
import { CRM_DESCRIPTORS } from '../../lib/crm/crm-descriptors';
import { leadStatusMappingFor } from '../../lib/crm/lead-status-mapping-for';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';

const salesforceDefault = CRM_DESCRIPTORS.find((d) => d.kind === 'salesforce')!.defaultLeadStatusMapping;

describe('leadStatusMappingFor: one CRM’s status values never go to another', () => {
  it('a mapping with no CRM named is the default CRM’s (as stored before the registry): HubSpot records use it, Salesforce records their own default', () => {
    const custom = { ...DEFAULT_LEAD_STATUS_MAPPING, version: 2, rejected: 'NOT_A_FIT' };
    expect(leadStatusMappingFor('hubspot', custom)).toBe(custom);
    // The sandbox's pages had their own kind before the registry: still HubSpot's dialect.
    expect(leadStatusMappingFor('sandbox', custom)).toBe(custom);
    expect(leadStatusMappingFor('salesforce', custom)).toEqual(salesforceDefault);
  });

  it('a mapping written for Salesforce applies to Salesforce records, and HubSpot records fall back to HubSpot’s default', () => {
    const forSalesforce = { ...salesforceDefault, version: 3, crm: 'salesforce', recycled: 'Nurture' };
    expect(leadStatusMappingFor('salesforce', forSalesforce)).toBe(forSalesforce);
    expect(leadStatusMappingFor('hubspot', forSalesforce)).toEqual(DEFAULT_LEAD_STATUS_MAPPING);
  });
});
