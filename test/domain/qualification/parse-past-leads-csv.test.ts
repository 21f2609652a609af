import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePastLeadsCsv } from '../../../lib/domain/qualification/parse-past-leads-csv';
import { combineColumnAliases, pastLeadColumnKey } from '../../../lib/domain/qualification/past-lead-columns';
import { CRM_EXPORT_COLUMNS } from '../../../lib/crm/export-columns';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/rules/${name}`, import.meta.url), 'utf8');
/** The sample files are CRM exports with the CRM's internal names (jobtitle, numemployees): the caller passes those. */
const parseExport = (text: string) => parsePastLeadsCsv(text, CRM_EXPORT_COLUMNS);

describe('parsePastLeadsCsv', () => {
  test('reads the sample export into leads, outcomes, rep evidence and engagement', () => {
    const { leads, errors, unknownColumns } = parseExport(fixture('qual-past-leads.csv'));
    expect(unknownColumns).toEqual([]);
    expect(errors).toEqual([]);
    expect(leads).toHaveLength(10);
    const l1 = leads[0]!;
    expect(l1.lead).toMatchObject({ ref: { crm: 'sandbox', account: 'csv', id: 'L1' }, jobTitle: 'VP Sales', employees: 250, country: 'US', email: 'dana@northwind.example' });
    expect(l1.evaluatedAt).toBe(Date.parse('2026-10-01T00:00:00Z'));
    expect(l1.outcome).toEqual({ opportunityCreated: true, won: true, amount: 48000 });
    expect(l1.repEvidence).toEqual({
      budget: { status: 'met', evidence: { amount: 40000, currency: 'USD' } },
      need: { status: 'met', evidence: { problem: 'Slow follow-up on demo requests' } },
      timeline: { status: 'met', evidence: { date: '2026-12-15' } },
    });
    expect(l1.events.map((e) => e.kind)).toEqual(['form_submission']);
    expect(leads[1]!.lead.employees).toBe(51); // "51-200" reads as its lower bound
    expect(leads[1]!.events.filter((e) => e.kind === 'page_view')).toHaveLength(3);
    expect(leads[2]!.repEvidence?.authority).toEqual({ status: 'met', evidence: { name: 'Ana Ruiz', role: 'CRO' } });
    expect(leads[5]!.repEvidence?.need?.evidence).toEqual({ problem: 'Quoted, with "quotes", and a comma' });
    expect(leads[7]!.lead.employees).toBe(10000); // "10000+"
    expect(leads[9]!.repEvidence?.need?.evidence).toEqual({ problem: 'Two problems:\nslow and noisy' });
    expect(leads[9]!.evaluatedAt).toBe(Date.parse('2026-11-01T09:30:00Z'));
  });

  test('errors name the row (header = row 1) and the column', () => {
    const { leads, errors } = parseExport(fixture('qual-past-leads-bad.csv'));
    expect(leads).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: 'numemployees', message: '"lots" is not a number or a range like "51-200"' },
      { row: 3, column: 'evaluated_at', message: '"01/10/2026" is not YYYY-MM-DD or an ISO date-time with an offset' },
      { row: 3, column: 'opportunity_created', message: '"maybe" is not a yes/no value (true/false, yes/no, 1/0)' },
      { row: 3, column: 'budget_currency', message: '"dollars" is not a 3-letter currency code (needed with budget_amount)' },
      { row: 4, column: 'won', message: 'a lead cannot be won without an opportunity' },
    ]);
  });

  test('missing required columns and ragged rows', () => {
    expect(parsePastLeadsCsv('email\na@b.example\n').errors).toEqual([
      { row: 1, column: 'evaluated_at', message: 'missing required column "evaluated_at"' },
      { row: 1, column: 'opportunity_created', message: 'missing required column "opportunity_created"' },
    ]);
    expect(parsePastLeadsCsv('evaluated_at,opportunity_created\n2026-10-01\n').errors).toEqual([{ row: 2, column: '(row)', message: 'has 1 fields, the header has 2' }]);
    expect(parsePastLeadsCsv('evaluated_at,opportunity_created\n2026-10-01,true\n\n').leads).toHaveLength(1);
  });

  test('a malformed CSV reports the record', () => {
    expect(parsePastLeadsCsv('evaluated_at,opportunity_created\n"2026-10-01,true\n').errors[0]).toMatchObject({ row: 2, column: '(row)' });
  });

  test("Baton's own column names parse, written any way a person writes them, with no CRM's names", () => {
    const csv = [
      'Lead ID,First Name,last_name,jobTitle,Company,Employees,Country,Source,Evaluated At,Opportunity Created,Won,Budget Amount,Budget Currency',
      '7,Ana,Ruiz,CFO,Acme,51-200,Spain,Referral,2026-10-01,yes,no,20000,eur',
    ].join('\n');
    const { leads, errors, unknownColumns } = parsePastLeadsCsv(csv);
    expect(errors).toEqual([]);
    expect(unknownColumns).toEqual([]);
    expect(leads[0]!.lead).toMatchObject({ ref: { id: '7' }, firstName: 'Ana', lastName: 'Ruiz', jobTitle: 'CFO', company: 'Acme', employees: 51, country: 'Spain', source: 'Referral' });
    expect(leads[0]!.outcome).toEqual({ opportunityCreated: true, won: false });
    expect(leads[0]!.repEvidence?.budget?.evidence).toEqual({ amount: 20000, currency: 'EUR' });
    expect(['Job Title', 'job title', 'job_title', 'jobTitle', 'JOB-TITLE'].map(pastLeadColumnKey)).toEqual(Array(5).fill('job_title'));
  });

  test("a CRM's internal names are not the domain's: without the caller's aliases they are columns Baton does not read", () => {
    const { leads, unknownColumns } = parsePastLeadsCsv('jobtitle,numemployees,evaluated_at,opportunity_created\nCEO,40,2026-10-01,no\n');
    expect(unknownColumns).toEqual(['jobtitle', 'numemployees']);
    expect(leads[0]!.lead).toMatchObject({ jobTitle: null, employees: null });
  });

  test('a column Baton does not read is reported in the words the file used', () => {
    const { errors, unknownColumns } = parsePastLeadsCsv('E-mail,Evaluated,Opp. Created\na@b.example,2026-10-01,yes\n');
    expect(unknownColumns).toEqual(['Evaluated', 'Opp. Created']);
    expect(errors).toEqual([
      { row: 1, column: 'evaluated_at', message: 'missing required column "evaluated_at" (columns Baton does not read: "Evaluated", "Opp. Created")' },
      { row: 1, column: 'opportunity_created', message: 'missing required column "opportunity_created" (columns Baton does not read: "Evaluated", "Opp. Created")' },
    ]);
  });

  test('errors name a column as the file wrote it', () => {
    const csv = 'Number of Employees,Evaluated At,Opportunity Created,Budget Currency\nlots,2026-10-01,yes,USD\n';
    expect(parsePastLeadsCsv(csv).errors).toEqual([
      { row: 2, column: 'Number of Employees', message: '"lots" is not a number or a range like "51-200"' },
      { row: 2, column: 'budget_amount', message: 'Budget Currency is set without an amount' },
    ]);
    expect(parsePastLeadsCsv('Email,email,evaluated_at,opportunity_created\n').errors).toEqual([{ row: 1, column: 'email', message: 'columns "Email" and "email" both read as email: keep one' }]);
    expect(parsePastLeadsCsv('won,won,evaluated_at,opportunity_created\n').errors).toEqual([{ row: 1, column: 'won', message: 'column "won" appears twice' }]);
  });

  test('two CRMs reading one export header as different columns is refused, not guessed', () => {
    expect(() => combineColumnAliases([{ 'Lead Owner': 'id' }, { lead_owner: 'source' }])).toThrow('export header "lead_owner" reads as source, and "Lead Owner" as id');
    expect(combineColumnAliases([{ 'Contact ID': 'id' }, { 'Contact ID': 'id' }])).toEqual({ 'Contact ID': 'id' });
  });
});
