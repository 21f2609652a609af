import { describe, expect, test } from 'vitest';
import { parsePastLeadsCsv } from '../../lib/domain/qualification/parse-past-leads-csv';
import { CRM_EXPORT_COLUMNS } from '../../lib/crm/export-columns';
import { HUBSPOT_EXPORT_COLUMNS } from '../../lib/crm/hubspot/hubspot-export-columns';
import { SALESFORCE_EXPORT_COLUMNS } from '../../lib/crm/salesforce/salesforce-export-columns';

/** A raw CRM export backtests without editing its header: the provider's export headers are passed in. */
describe('CRM export headers for the past-leads CSV', () => {
  test('a HubSpot contacts export (property labels) parses as exported; its extra columns are listed, not refused', () => {
    const csv = [
      'Record ID,First Name,Last Name,Email,Job Title,Company Name,Number of Employees,Country/Region,Original Source,Lifecycle Stage,Became a Marketing Qualified Lead Date,Opportunity Created',
      '7,Ana,Ruiz,a@b.example,CEO,Acme,"1,200",Canada,ORGANIC_SEARCH,salesqualifiedlead,2026-10-01,Yes',
    ].join('\n');
    const { leads, errors, unknownColumns } = parsePastLeadsCsv(csv, HUBSPOT_EXPORT_COLUMNS);
    expect(errors).toEqual([]);
    expect(unknownColumns).toEqual(['Lifecycle Stage']);
    expect(leads[0]!.lead).toMatchObject({ ref: { id: '7' }, firstName: 'Ana', lastName: 'Ruiz', email: 'a@b.example', jobTitle: 'CEO', company: 'Acme', employees: 1200, country: 'Canada', source: 'ORGANIC_SEARCH' });
    expect(leads[0]!.evaluatedAt).toBe(Date.parse('2026-10-01T00:00:00Z'));
  });

  test('a HubSpot file with internal property names parses, and its errors name the column as written', () => {
    const csv = 'hs_object_id,firstname,lastname,jobtitle,numemployees,hs_analytics_source,hs_lifecyclestage_marketingqualifiedlead_date,opportunity_created\n9,Li,Wu,CTO,lots,PAID_SEARCH,2026-10-02,no\n';
    expect(parsePastLeadsCsv(csv, HUBSPOT_EXPORT_COLUMNS).errors).toEqual([{ row: 2, column: 'numemployees', message: '"lots" is not a number or a range like "51-200"' }]);
    const fixed = parsePastLeadsCsv(csv.replace('lots', '51-200'), HUBSPOT_EXPORT_COLUMNS);
    expect(fixed.errors).toEqual([]);
    expect(fixed.leads[0]!.lead).toMatchObject({ ref: { id: '9' }, firstName: 'Li', lastName: 'Wu', jobTitle: 'CTO', employees: 51, source: 'PAID_SEARCH' });
  });

  test('a Salesforce lead report (field labels), with the two outcome columns added, parses as exported', () => {
    const csv = [
      'Lead ID,First Name,Last Name,Title,Company / Account,Email,Lead Source,Industry,No. of Employees,Country,Lead Status,Evaluated At,Opportunity Created',
      '00Q5g00000AbCdE,Ana,Ruiz,VP Sales,Acme,a@b.example,Web,Software,250,US,Working - Contacted,2026-10-01,true',
    ].join('\n');
    const { leads, errors, unknownColumns } = parsePastLeadsCsv(csv, SALESFORCE_EXPORT_COLUMNS);
    expect(errors).toEqual([]);
    expect(unknownColumns).toEqual(['Lead Status']);
    expect(leads[0]!.lead).toMatchObject({ ref: { id: '00Q5g00000AbCdE' }, firstName: 'Ana', lastName: 'Ruiz', jobTitle: 'VP Sales', company: 'Acme', email: 'a@b.example', source: 'Web', industry: 'Software', employees: 250, country: 'US' });
  });

  test('a Salesforce Data Loader export (API field names) parses too', () => {
    const csv = 'Id,FirstName,LastName,Title,Company,Email,LeadSource,NumberOfEmployees,Country,Evaluated_At,Opportunity_Created\n00Q1,Ana,Ruiz,CFO,Acme,a@b.example,Partner,80,DE,2026-10-01,false\n';
    const { leads, errors, unknownColumns } = parsePastLeadsCsv(csv, SALESFORCE_EXPORT_COLUMNS);
    expect(errors).toEqual([]);
    expect(unknownColumns).toEqual([]);
    expect(leads[0]!.lead).toMatchObject({ ref: { id: '00Q1' }, firstName: 'Ana', jobTitle: 'CFO', source: 'Partner', employees: 80, country: 'DE' });
  });

  test('every provider\'s headers together read each export the same as its own provider\'s do', () => {
    for (const [header, column] of Object.entries({ ...HUBSPOT_EXPORT_COLUMNS, ...SALESFORCE_EXPORT_COLUMNS })) expect(CRM_EXPORT_COLUMNS[header]).toBe(column);
  });
});
