import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePastLeadsCsv } from '../../../lib/domain/qualification/parse-past-leads-csv';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/rules/${name}`, import.meta.url), 'utf8');

describe('parsePastLeadsCsv', () => {
  test('reads the sample export into leads, outcomes, rep evidence and engagement', () => {
    const { leads, errors } = parsePastLeadsCsv(fixture('qual-past-leads.csv'));
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
    const { leads, errors } = parsePastLeadsCsv(fixture('qual-past-leads-bad.csv'));
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

  test('display-label headers from a CRM export map to the internal names', () => {
    const csv = 'Record ID,Email,Job Title,Number of Employees,Country/Region,Became an MQL date,Opportunity Created\n7,a@b.example,CEO,"1,200",Canada,2026-10-01,Yes\n';
    const { leads, errors } = parsePastLeadsCsv(csv);
    expect(errors).toEqual([]);
    expect(leads[0]!.lead).toMatchObject({ ref: { id: '7' }, email: 'a@b.example', jobTitle: 'CEO', employees: 1200, country: 'Canada' });
    expect(leads[0]!.evaluatedAt).toBe(Date.parse('2026-10-01T00:00:00Z'));
    expect(parsePastLeadsCsv('Email,email,evaluated_at,opportunity_created\n').errors).toEqual([{ row: 1, column: 'email', message: 'column "email" appears twice (after matching header labels)' }]);
  });
});
