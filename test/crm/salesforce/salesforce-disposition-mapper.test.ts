import { describe, expect, it } from 'vitest';
import type { DispositionWrite } from '../../../lib/crm/crm-port';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { fromSalesforceTask } from '../../../lib/crm/salesforce/salesforce-activity-mapper';
import { toSalesforceAttemptTask, toSalesforceContactUpdate, toSalesforceDispositionTask, toSalesforceLeadUpdate } from '../../../lib/crm/salesforce/salesforce-disposition-mapper';
import { salesforceTaskSchema } from '../../../lib/crm/salesforce/salesforce-schemas';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRef } from '../../../lib/domain/lead';
import { MAPPING, makeDisposition } from './salesforce-test-data';

const LEAD = '00Q5g00000LeAd1EAB';
const REP = '0055g00000RepAaAAB';
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };

describe('toSalesforceLeadUpdate', () => {
  const options = { mapping: MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Europe/Berlin' };

  it('sets the org’s own Lead Status from the mapping and every Baton field', () => {
    const update = toSalesforceLeadUpdate(makeDisposition(), options);
    expect(update).toEqual({
      Status: 'Working - Contacted',
      Baton_Disposition__c: 'accepted',
      Baton_Disposition_Reason__c: null,
      Baton_Disposition_Reason_Id__c: null,
      Baton_Objections__c: null,
      Baton_Recycle_Date__c: null,
      Baton_Definition_Version__c: 'default-sql@3',
      Baton_SLA_Outcome__c: 'met',
      Baton_SLA_Tier__c: 'Demo request',
      Baton_Response_Minutes__c: 4.5,
      Baton_Disposition_At__c: '2026-11-22T23:30:00.000Z',
      Baton_Disposition_Rep__c: 'Sam Okafor',
      Baton_Qualification_Inputs__c: null,
      Baton_Disposition_Id__c: '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f',
    });
    expect(Object.keys(update).at(-1)).toBe('Baton_Disposition_Id__c');
  });

  it('reads the recycle day in the team’s zone, and the status from the mapping', () => {
    const recycled = makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-01-31T23:30:00Z'), objections: { tags: ['price', 'timing'], text: null } });
    const update = toSalesforceLeadUpdate(recycled, options);
    expect(update).toMatchObject({ Status: 'Nurture', Baton_Recycle_Date__c: '2027-02-01', Baton_Disposition_Reason_Id__c: 'bad_timing', Baton_Objections__c: 'price;timing' });
    expect(toSalesforceLeadUpdate(makeDisposition({ outcome: 'rejected', acceptedStage: null, reasonId: 'unreachable' }), options).Status).toBe('Unresponsive');
  });

  it('writes no Status on a Contact', () => {
    const update = toSalesforceContactUpdate(makeDisposition(), options);
    expect(update).not.toHaveProperty('Status');
    expect(update.Baton_Disposition__c).toBe('accepted');
  });
});

describe('Task bodies', () => {
  it('puts the headline in the Subject and the marker last in the Description', () => {
    const write: DispositionWrite = { disposition: makeDisposition(), brief: ['Asked for a demo'] };
    const task = toSalesforceDispositionTask(write, { reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Europe/Berlin' });
    expect(task.Subject).toBe('Baton disposition: Accepted (working it)');
    expect(task.Description.split('\n').at(-1)).toBe('Baton disposition 3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
    expect(findMarkerId(task.Description, 'disposition')).toBe('3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
    // 23:30 UTC is the next day in Berlin.
    expect(task).toMatchObject({ Status: 'Completed', ActivityDate: '2026-11-23', WhoId: LEAD, OwnerId: REP });
    expect(task).not.toHaveProperty('TaskSubtype');
  });

  it('bounds a very long text and keeps the marker intact', () => {
    const write: DispositionWrite = { disposition: makeDisposition({ note: 'x'.repeat(5000) }), brief: Array.from({ length: 400 }, () => 'y'.repeat(200)) };
    const task = toSalesforceDispositionTask(write, { reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' });
    expect(task.Description.length).toBeLessThanOrEqual(32_000);
    expect(findMarkerId(task.Description, 'disposition')).toBe('3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f');
  });

  it('logs attempts with a subject the reader turns back into the same touch', () => {
    const attempt = { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', channel: 'social' as const, connected: true, note: null, at: Date.parse('2026-11-20T10:00:00Z'), ownerId: 'not-a-user' };
    const task = toSalesforceAttemptTask(ref, attempt, 'UTC');
    expect(task).toMatchObject({ Subject: 'Baton social attempt (LinkedIn): replied', WhoId: LEAD });
    expect(task).not.toHaveProperty('OwnerId');
    const touch = fromSalesforceTask(salesforceTaskSchema.parse({ Id: '00T5g00000Tsk77AAB', Subject: task.Subject, Description: task.Description, CreatedDate: '2026-11-20T10:00:00.000+0000' }));
    expect(touch).toMatchObject({ kind: 'social', direction: 'outbound', automated: false, connected: true });
  });
});
