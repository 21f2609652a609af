import { z } from 'zod';

/*
 * zod schemas for exactly the Salesforce REST answers Baton reads (SOQL query records, describe,
 * upsert/create results). Objects are loose: orgs add fields, packages add fields, and an unknown
 * field must never blank the panel. Any field Baton reads may be null (an empty field, or one the
 * user cannot see) or absent (not selected), so readers treat both alike.
 */

/** A Salesforce record id: 15 characters (case-sensitive) or 18 (case-insensitive suffix). */
export const SALESFORCE_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export const salesforceIdSchema = z.string().regex(SALESFORCE_ID_PATTERN, 'not a Salesforce id');

export function isSalesforceId(value: string | null | undefined): value is string {
  return typeof value === 'string' && SALESFORCE_ID_PATTERN.test(value);
}

const text = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

/*
 * Fields of the records a lead view reads (the lead, its tasks, events and campaign members): one
 * field of an unexpected type — a number where text is documented, an object where a date is —
 * reads as absent (a number as its text) instead of failing the record and with it the whole
 * source. Ids stay strict, and the writer's own reads (conflict check, marked task) keep `text`.
 */
const readText = z.union([z.string(), z.number().transform(String)]).nullish().catch(null);
const readNum = z.number().nullish().catch(null);
const readBool = z.boolean().nullish().catch(null);

/** `attributes` on every SOQL record: `{type, url}`. Baton never reads it, so any shape is accepted. */
const attributesSchema = z.looseObject({ type: z.string().optional().catch(undefined), url: z.string().optional().catch(undefined) }).optional().catch(undefined);

/** `Owner` / `CreatedBy` on a record: a User (or, for Owner, a Queue, which has no Email). */
export const salesforceUserRefSchema = z
  .looseObject({
    attributes: attributesSchema,
    Name: readText,
    Email: readText,
    UserType: readText,
    Profile: z.looseObject({ Name: readText }).nullish().catch(null),
  })
  .nullish()
  .catch(null);
export type SalesforceUserRef = z.infer<typeof salesforceUserRefSchema>;

/**
 * A Lead or Contact as Baton's record query selects it. Contact lacks Status, Company, Industry,
 * NumberOfEmployees, Website (read through Account) and calls its country MailingCountry.
 * Account Engagement (`pi__…`) fields arrive only when describe said they exist.
 */
export const salesforceRecordSchema = z.looseObject({
  attributes: attributesSchema,
  Id: salesforceIdSchema,
  FirstName: readText,
  LastName: readText,
  Email: readText,
  Phone: readText,
  Title: readText,
  Company: readText,
  Industry: readText,
  NumberOfEmployees: readNum,
  Country: readText,
  MailingCountry: readText,
  Website: readText,
  Description: readText,
  Status: readText,
  LeadSource: readText,
  Rating: readText,
  OwnerId: readText,
  Owner: salesforceUserRefSchema,
  Account: z.looseObject({ Name: readText, Industry: readText, NumberOfEmployees: readNum, Website: text }).nullish(),
  CreatedDate: readText,
  LastModifiedDate: readText,
  pi__score__c: readNum,
  pi__grade__c: readText,
  pi__last_activity__c: readText,
  pi__first_activity__c: readText,
  pi__campaign__c: readText,
  pi__conversion_date__c: readText,
  pi__conversion_object_name__c: readText,
  pi__url__c: readText,
  pi__utm_source__c: readText,
  pi__utm_medium__c: readText,
  pi__utm_campaign__c: readText,
  pi__utm_term__c: readText,
  pi__utm_content__c: readText,
  pi__first_touch_url__c: readText,
  pi__comments__c: readText,
});
export type SalesforceRecord = z.infer<typeof salesforceRecordSchema>;

/** LeadHistory / ContactHistory. Old and new values are `anyType`: text, number, boolean or null. */
const historyValue = z.union([z.string(), z.number(), z.boolean()]).nullish();
export const salesforceHistorySchema = z.looseObject({
  attributes: attributesSchema,
  Id: z.string().nullish(),
  Field: z.string(),
  OldValue: historyValue,
  NewValue: historyValue,
  CreatedDate: z.string(),
  CreatedById: text,
  CreatedBy: salesforceUserRefSchema,
  /** 'ownerAssignment' rows of a Lead carry DataType 'EntityId' for the id row, 'Text' for the name row. */
  DataType: text,
});
export type SalesforceHistory = z.infer<typeof salesforceHistorySchema>;

export const salesforceTaskSchema = z.looseObject({
  attributes: attributesSchema,
  Id: salesforceIdSchema,
  Subject: readText,
  Type: readText,
  TaskSubtype: readText,
  Status: readText,
  ActivityDate: readText,
  CompletedDateTime: readText,
  CallType: readText,
  CallDisposition: readText,
  CallDurationInSeconds: readNum,
  Description: readText,
  OwnerId: readText,
  CreatedById: readText,
  CreatedBy: salesforceUserRefSchema,
  CreatedDate: readText,
  WhoId: readText,
});
export type SalesforceTask = z.infer<typeof salesforceTaskSchema>;

export const salesforceEventSchema = z.looseObject({
  attributes: attributesSchema,
  Id: salesforceIdSchema,
  Subject: readText,
  Type: readText,
  EventSubtype: readText,
  StartDateTime: readText,
  EndDateTime: readText,
  ActivityDateTime: readText,
  OwnerId: readText,
  CreatedById: readText,
  CreatedBy: salesforceUserRefSchema,
  CreatedDate: readText,
  WhoId: readText,
});
export type SalesforceEvent = z.infer<typeof salesforceEventSchema>;

export const salesforceCampaignMemberSchema = z.looseObject({
  attributes: attributesSchema,
  Id: salesforceIdSchema,
  CampaignId: readText,
  Campaign: z.looseObject({ Name: readText, Type: text }).nullish(),
  Status: readText,
  HasResponded: readBool,
  FirstRespondedDate: readText,
  CreatedDate: readText,
  LeadId: readText,
  ContactId: readText,
});
export type SalesforceCampaignMember = z.infer<typeof salesforceCampaignMemberSchema>;

/** `GET sobjects/{Object}/describe`: only the field list. */
export const salesforceDescribeSchema = z.looseObject({
  name: z.string().optional(),
  fields: z.array(z.looseObject({ name: z.string(), label: z.string().nullish(), type: z.string().nullish() })),
});
export type SalesforceDescribe = z.infer<typeof salesforceDescribeSchema>;

/** `PATCH sobjects/Task/{ExternalIdField}/{value}` (201 created; 200 updated on v46+) and `POST sobjects/Task` (201). */
export const salesforceSaveResultSchema = z.looseObject({
  id: salesforceIdSchema,
  success: z.boolean().optional(),
  created: z.boolean().optional(),
  errors: z.array(z.unknown()).optional(),
});
export type SalesforceSaveResult = z.infer<typeof salesforceSaveResultSchema>;

/** A 204 answer gives `undefined` (the client does not parse it). */
export const salesforceNoContentSchema = z.unknown();

/** A Task as the writer's fallback reads it back (marker search). */
export const salesforceMarkedTaskSchema = z.looseObject({ Id: salesforceIdSchema, Subject: text, Description: text });

/** The Lead/Contact fields the writer reads after a 412. */
export const salesforceConflictCheckSchema = z.looseObject({ Id: salesforceIdSchema, Status: text, Baton_Disposition_Id__c: text, LastModifiedDate: text });

/** LeadHistory Owner rows as the reporting reads them (handoff times). */
export const salesforceOwnerHistorySchema = z.looseObject({ LeadId: text, Field: z.string(), NewValue: historyValue, CreatedDate: z.string() });

/** A responded campaign member as the reporting reads it (the lead's campaign). */
export const salesforceMemberCampaignSchema = z.looseObject({ LeadId: text, ContactId: text, Campaign: z.looseObject({ Name: text }).nullish(), CreatedDate: text });

/** The converted Opportunity (Lead.ConvertedOpportunity) or a contact role's Opportunity. */
export const salesforceOpportunitySchema = z
  .looseObject({ Amount: num, StageName: text, IsWon: bool, IsClosed: bool })
  .nullish();

/** A contact's Opportunity through its contact role. */
export const salesforceContactRoleSchema = z.looseObject({ ContactId: text, Opportunity: salesforceOpportunitySchema });

/** One Lead or Contact as the reporting reads it. */
export const salesforceReportingRecordSchema = z.looseObject({
  attributes: attributesSchema,
  Id: salesforceIdSchema,
  FirstName: text,
  LastName: text,
  Company: text,
  Account: z.looseObject({ Name: text }).nullish(),
  Status: text,
  LeadSource: text,
  OwnerId: text,
  Owner: salesforceUserRefSchema,
  CreatedDate: text,
  LastActivityDate: text,
  IsConverted: bool,
  ConvertedOpportunityId: text,
  ConvertedOpportunity: salesforceOpportunitySchema,
  Baton_Disposition__c: text,
  Baton_Disposition_Reason__c: text,
  Baton_Disposition_Reason_Id__c: text,
  Baton_Objections__c: text,
  Baton_Definition_Version__c: text,
  Baton_SLA_Outcome__c: text,
  Baton_SLA_Tier__c: text,
  Baton_Response_Minutes__c: num,
  Baton_Disposition_At__c: text,
  Baton_Disposition_Rep__c: text,
  Baton_Disposition_Id__c: text,
  Baton_Qualification_Inputs__c: text,
});
export type SalesforceReportingRecord = z.infer<typeof salesforceReportingRecordSchema>;
