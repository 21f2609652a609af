import { DOCUMENT, FOLDER } from './document-objects';
import { KEY_PREFIXES } from './salesforce-ids';
import { audit, field, idField, owner, readOnly, type Opts, type SfField, type SfFieldType, type SfObjectSchema } from './salesforce-field-builders';

/*
 * The sandbox org's objects and fields, as describe reports them: standard fields of Lead, Contact,
 * Task, Event, CampaignMember, Campaign, LeadHistory, LeadStatus, User, Folder and Document (names, types and
 * lengths from Salesforce's object reference), Baton's custom fields, Task's external id and the
 * Account Engagement (`pi__`) fields its connector package adds to Lead and Contact.
 */

export type { Opts, SfField, SfFieldType, SfObjectSchema } from './salesforce-field-builders';

/** Baton's custom fields, on Lead and Contact alike (installed by Baton's package). */
export const BATON_PERSON_FIELDS: readonly SfField[] = [
  field('Baton_Disposition__c', 'Baton Disposition', 'string'),
  field('Baton_Disposition_Reason__c', 'Baton Disposition Reason', 'string'),
  field('Baton_Disposition_Reason_Id__c', 'Baton Disposition Reason ID', 'string'),
  field('Baton_Objections__c', 'Baton Objections', 'textarea', { length: 32768 }),
  field('Baton_Recycle_Date__c', 'Baton Recycle Date', 'date'),
  field('Baton_Definition_Version__c', 'Baton Definition Version', 'string'),
  field('Baton_SLA_Outcome__c', 'Baton SLA Outcome', 'string'),
  field('Baton_SLA_Tier__c', 'Baton SLA Tier', 'string'),
  field('Baton_Response_Minutes__c', 'Baton Response Minutes', 'double'),
  field('Baton_Disposition_Id__c', 'Baton Disposition ID', 'string'),
  field('Baton_Disposition_At__c', 'Baton Disposition At', 'datetime'),
  field('Baton_Disposition_Rep__c', 'Baton Disposition Rep', 'string'),
  field('Baton_Qualification_Inputs__c', 'Baton Qualification Inputs', 'textarea', { length: 131072 }),
  field('Baton_Escalation__c', 'Baton Escalation', 'string'),
  field('Baton_Escalation_At__c', 'Baton Escalation At', 'datetime'),
  field('Baton_Escalation_Id__c', 'Baton Escalation ID', 'string'),
];

/** Account Engagement (Pardot) connector fields, namespace `pi`: written by its sync user only. */
export const ACCOUNT_ENGAGEMENT_FIELDS: readonly SfField[] = [
  field('pi__score__c', 'Score', 'double'),
  field('pi__grade__c', 'Grade', 'string', { length: 10 }),
  field('pi__last_activity__c', 'Last Activity', 'datetime'),
  field('pi__first_activity__c', 'First Activity', 'datetime'),
  field('pi__campaign__c', 'Pardot Campaign', 'string'),
  field('pi__conversion_date__c', 'Conversion Date', 'datetime'),
  field('pi__conversion_object_name__c', 'Conversion Object Name', 'string'),
  field('pi__url__c', 'Pardot URL', 'url'),
  field('pi__utm_source__c', 'Google Analytics Source', 'string'),
  field('pi__utm_medium__c', 'Google Analytics Medium', 'string'),
  field('pi__utm_campaign__c', 'Google Analytics Campaign', 'string'),
  field('pi__utm_term__c', 'Google Analytics Term', 'string'),
  field('pi__utm_content__c', 'Google Analytics Content', 'string'),
  field('pi__first_touch_url__c', 'First Touch URL', 'url'),
  field('pi__comments__c', 'Pardot Comments', 'textarea'),
];

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Advertisement', 'Email', 'Webinar', 'Trade Show', 'Other'] as const;
export const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education',
  'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage', 'Government', 'Healthcare',
  'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping',
  'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other',
] as const;

const LEAD: SfObjectSchema = {
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: KEY_PREFIXES.Lead,
  createable: true,
  updateable: true,
  trackedFields: ['Status', 'OwnerId', 'Rating', 'LeadSource', 'Baton_Disposition__c'],
  fields: [
    idField(),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false, required: true }),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('Salutation', 'Salutation', 'picklist', { picklist: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] }),
    field('Name', 'Full Name', 'string', { ...readOnly, length: 121, nillable: false }),
    field('Title', 'Title', 'string', { length: 128 }),
    field('Company', 'Company', 'string', { nillable: false, required: true }),
    field('City', 'City', 'string', { length: 40 }),
    field('State', 'State/Province', 'string', { length: 80 }),
    field('Country', 'Country', 'string', { length: 80 }),
    field('Phone', 'Phone', 'phone'),
    field('MobilePhone', 'Mobile Phone', 'phone'),
    field('Email', 'Email', 'email'),
    field('Website', 'Website', 'url'),
    field('Description', 'Description', 'textarea'),
    field('LeadSource', 'Lead Source', 'picklist', { length: 255, picklist: LEAD_SOURCES }),
    field('Status', 'Status', 'picklist', { leadStatusPicklist: true, restricted: true, nillable: false, length: 255 }),
    field('Industry', 'Industry', 'picklist', { picklist: INDUSTRIES }),
    field('Rating', 'Rating', 'picklist', { picklist: ['Hot', 'Warm', 'Cold'] }),
    field('AnnualRevenue', 'Annual Revenue', 'currency'),
    field('NumberOfEmployees', 'Employees', 'int'),
    owner(),
    field('IsConverted', 'Converted', 'boolean', readOnly),
    field('ConvertedDate', 'Converted Date', 'date', readOnly),
    field('ConvertedContactId', 'Converted Contact ID', 'reference', { ...readOnly, referenceTo: ['Contact'], relationshipName: 'ConvertedContact' }),
    field('IsUnreadByOwner', 'Unread By Owner', 'boolean'),
    field('LastActivityDate', 'Last Activity', 'date', readOnly),
    ...audit(),
    ...BATON_PERSON_FIELDS,
    ...ACCOUNT_ENGAGEMENT_FIELDS,
  ],
};

const CONTACT: SfObjectSchema = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: KEY_PREFIXES.Contact,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false, required: true }),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('Name', 'Full Name', 'string', { ...readOnly, length: 121, nillable: false }),
    field('Title', 'Title', 'string', { length: 128 }),
    field('Department', 'Department', 'string', { length: 80 }),
    field('Email', 'Email', 'email'),
    field('Phone', 'Business Phone', 'phone'),
    field('MobilePhone', 'Mobile Phone', 'phone'),
    field('MailingCity', 'Mailing City', 'string', { length: 40 }),
    field('MailingCountry', 'Mailing Country', 'string', { length: 80 }),
    field('LeadSource', 'Lead Source', 'picklist', { picklist: LEAD_SOURCES }),
    field('Description', 'Contact Description', 'textarea'),
    owner(),
    field('LastActivityDate', 'Last Activity', 'date', readOnly),
    ...audit(),
    ...BATON_PERSON_FIELDS,
    ...ACCOUNT_ENGAGEMENT_FIELDS,
  ],
};

const WHO: Opts = { referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' };

const TASK: SfObjectSchema = {
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: KEY_PREFIXES.Task,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('WhoId', 'Name ID', 'reference', WHO),
    field('Subject', 'Subject', 'combobox', { picklist: ['Call', 'Send Letter', 'Send Quote', 'Other'] }),
    field('ActivityDate', 'Due Date Only', 'date'),
    field('Status', 'Status', 'picklist', { picklist: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], restricted: true, nillable: false, defaultValue: 'Not Started' }),
    field('Priority', 'Priority', 'picklist', { picklist: ['High', 'Normal', 'Low'], restricted: true, nillable: false, defaultValue: 'Normal' }),
    owner(),
    field('Description', 'Comments', 'textarea'),
    field('Type', 'Type', 'picklist', { picklist: ['Call', 'Email', 'Meeting', 'Other'] }),
    field('TaskSubtype', 'Task Subtype', 'picklist', { picklist: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], restricted: true, updateable: false, defaultValue: 'Task' }),
    field('CallType', 'Call Type', 'picklist', { picklist: ['Internal', 'Inbound', 'Outbound'], restricted: true }),
    field('CallDisposition', 'Call Result', 'string'),
    field('CallDurationInSeconds', 'Call Duration', 'int'),
    field('CallObject', 'Call Object Identifier', 'string'),
    field('IsClosed', 'Closed', 'boolean', readOnly),
    field('CompletedDateTime', 'Completed Date/Time', 'datetime', readOnly),
    ...audit(),
    field('Baton_Id__c', 'Baton ID', 'string', { externalId: true, unique: true }),
  ],
};

const EVENT: SfObjectSchema = {
  name: 'Event',
  label: 'Event',
  labelPlural: 'Events',
  keyPrefix: KEY_PREFIXES.Event,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('WhoId', 'Name ID', 'reference', WHO),
    field('Subject', 'Subject', 'combobox', { picklist: ['Call', 'Email', 'Meeting', 'Send Letter/Quote', 'Other'] }),
    field('Location', 'Location', 'string'),
    field('StartDateTime', 'Start', 'datetime'),
    field('EndDateTime', 'End', 'datetime'),
    field('ActivityDateTime', 'Due Date Time', 'datetime'),
    field('ActivityDate', 'Due Date Only', 'date'),
    field('DurationInMinutes', 'Duration', 'int'),
    field('EventSubtype', 'Event Subtype', 'picklist', { picklist: ['Event'], restricted: true, updateable: false, defaultValue: 'Event' }),
    field('Type', 'Type', 'picklist', { picklist: ['Call', 'Email', 'Meeting', 'Other'] }),
    field('Description', 'Description', 'textarea'),
    owner(),
    ...audit(),
  ],
};

const CAMPAIGN_MEMBER_STATUSES = ['Sent', 'Responded', 'Registered', 'Attended', 'No Show'] as const;
/** Member statuses that count as a response (CampaignMemberStatus.HasResponded). */
export const RESPONDED_MEMBER_STATUSES: readonly string[] = ['Responded', 'Registered', 'Attended'];

const CAMPAIGN_MEMBER: SfObjectSchema = {
  name: 'CampaignMember',
  label: 'Campaign Member',
  labelPlural: 'Campaign Members',
  keyPrefix: KEY_PREFIXES.CampaignMember,
  createable: false,
  updateable: false,
  fields: [
    idField(),
    field('CampaignId', 'Campaign ID', 'reference', { nillable: false, updateable: false, referenceTo: ['Campaign'], relationshipName: 'Campaign' }),
    field('LeadId', 'Lead ID', 'reference', { updateable: false, referenceTo: ['Lead'], relationshipName: 'Lead' }),
    field('ContactId', 'Contact ID', 'reference', { updateable: false, referenceTo: ['Contact'], relationshipName: 'Contact' }),
    field('Type', 'Type', 'string', readOnly),
    field('Status', 'Status', 'picklist', { picklist: CAMPAIGN_MEMBER_STATUSES }),
    field('HasResponded', 'Responded', 'boolean', readOnly),
    field('FirstRespondedDate', 'Member First Responded', 'date', readOnly),
    ...audit(),
  ],
};

const CAMPAIGN: SfObjectSchema = {
  name: 'Campaign',
  label: 'Campaign',
  labelPlural: 'Campaigns',
  keyPrefix: KEY_PREFIXES.Campaign,
  createable: false,
  updateable: false,
  fields: [
    idField(),
    field('Name', 'Name', 'string', { length: 80, nillable: false }),
    field('Type', 'Type', 'picklist', { picklist: ['Advertisement', 'Email', 'Webinar', 'Content Syndication', 'Partners', 'Trade Show', 'Other'] }),
    field('Status', 'Status', 'picklist', { picklist: ['Planned', 'In Progress', 'Completed', 'Aborted'] }),
    field('IsActive', 'Active', 'boolean'),
    field('StartDate', 'Start Date', 'date'),
    field('EndDate', 'End Date', 'date'),
    owner(),
    ...audit(),
  ],
};

const LEAD_HISTORY: SfObjectSchema = {
  name: 'LeadHistory',
  label: 'Lead History',
  labelPlural: 'Lead History',
  keyPrefix: KEY_PREFIXES.LeadHistory,
  createable: false,
  updateable: false,
  fields: [
    idField(),
    field('IsDeleted', 'Deleted', 'boolean', readOnly),
    field('LeadId', 'Lead ID', 'reference', { ...readOnly, referenceTo: ['Lead'], relationshipName: 'Lead' }),
    field('CreatedById', 'Created By ID', 'reference', { ...readOnly, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    field('CreatedDate', 'Created Date', 'datetime', readOnly),
    field('Field', 'Changed Field', 'picklist', { ...readOnly, picklist: ['created', 'Owner', 'Status', 'Rating', 'LeadSource', 'Baton_Disposition__c', 'leadConverted'] }),
    field('DataType', 'Data Type', 'picklist', readOnly),
    field('OldValue', 'Old Value', 'anyType', readOnly),
    field('NewValue', 'New Value', 'anyType', readOnly),
  ],
};

const LEAD_STATUS: SfObjectSchema = {
  name: 'LeadStatus',
  label: 'Lead Status Value',
  labelPlural: 'Lead Status Value',
  keyPrefix: KEY_PREFIXES.LeadStatus,
  createable: false,
  updateable: false,
  fields: [
    idField(),
    field('MasterLabel', 'Master Label', 'string', readOnly),
    field('ApiName', 'Api Name', 'string', readOnly),
    field('SortOrder', 'Sort Order', 'int', readOnly),
    field('IsDefault', 'Is Default', 'boolean', readOnly),
    field('IsConverted', 'Is Converted', 'boolean', readOnly),
    field('CreatedDate', 'Created Date', 'datetime', readOnly),
    field('CreatedById', 'Created By ID', 'reference', { ...readOnly, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', readOnly),
    field('LastModifiedById', 'Last Modified By ID', 'reference', { ...readOnly, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
    field('SystemModstamp', 'System Modstamp', 'datetime', readOnly),
  ],
};

const USER: SfObjectSchema = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: KEY_PREFIXES.User,
  createable: false,
  updateable: false,
  fields: [
    idField(),
    field('Username', 'Username', 'string', { ...readOnly, length: 80 }),
    field('FirstName', 'First Name', 'string', { ...readOnly, length: 40 }),
    field('LastName', 'Last Name', 'string', { ...readOnly, length: 80 }),
    field('Name', 'Full Name', 'string', { ...readOnly, length: 121 }),
    field('Alias', 'Alias', 'string', { ...readOnly, length: 8 }),
    field('Email', 'Email', 'email', readOnly),
    field('Title', 'Title', 'string', readOnly),
    field('IsActive', 'Active', 'boolean', readOnly),
    field('UserType', 'User Type', 'picklist', { ...readOnly, picklist: ['Standard'] }),
    field('TimeZoneSidKey', 'Time Zone', 'picklist', readOnly),
    ...audit(),
  ],
};

const PERMISSION_SET: SfObjectSchema = {
  name: 'PermissionSet',
  label: 'Permission Set',
  labelPlural: 'Permission Sets',
  keyPrefix: KEY_PREFIXES.PermissionSet,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('Name', 'Name', 'string', { length: 80, nillable: false, required: true, unique: true }),
    field('Label', 'Label', 'string', { length: 80, nillable: false, required: true }),
    field('Description', 'Description', 'textarea', { length: 255 }),
    ...audit(),
  ],
};

const FIELD_PERMISSIONS: SfObjectSchema = {
  name: 'FieldPermissions',
  label: 'Field Permissions',
  labelPlural: 'Field Permissions',
  keyPrefix: KEY_PREFIXES.FieldPermissions,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('ParentId', 'Parent ID', 'reference', { nillable: false, required: true, updateable: false, referenceTo: ['PermissionSet'], relationshipName: 'Parent' }),
    field('SobjectType', 'Sobject Type Name', 'string', { length: 80, nillable: false, required: true, updateable: false }),
    field('Field', 'Field Name', 'string', { length: 255, nillable: false, required: true, updateable: false }),
    field('PermissionsRead', 'Read Access', 'boolean'),
    field('PermissionsEdit', 'Edit Access', 'boolean'),
    ...audit(),
  ],
};

export const SALESFORCE_OBJECTS: readonly SfObjectSchema[] = [LEAD, CONTACT, TASK, EVENT, CAMPAIGN_MEMBER, CAMPAIGN, LEAD_HISTORY, LEAD_STATUS, USER, PERMISSION_SET, FIELD_PERMISSIONS, FOLDER, DOCUMENT];

/**
 * How an org's schema differs from the objects above: fields it lacks (an org started without
 * Baton's custom fields) and custom fields added through the Tooling API (`CustomField`).
 */
export interface SfSchemaChanges {
  /** Field names missing from each object. */
  removed?: Record<string, string[]>;
  /** Custom fields added to each object. */
  added?: Record<string, SfField[]>;
}

/** An object's schema as an org with these changes has it. */
export function applySchemaChanges(object: SfObjectSchema, changes: SfSchemaChanges | undefined): SfObjectSchema {
  const removed = changes?.removed?.[object.name] ?? [];
  const added = changes?.added?.[object.name] ?? [];
  if (!removed.length && !added.length) return object;
  const gone = new Set(removed.map((name) => name.toLowerCase()));
  return { ...object, fields: [...object.fields.filter((f) => !gone.has(f.name.toLowerCase())), ...added] };
}

/** An object by name, case-insensitively (SOQL and REST paths accept any case), with the org's schema changes. */
export function findObject(name: string, changes?: SfSchemaChanges): SfObjectSchema | undefined {
  const lower = name.toLowerCase();
  const object = SALESFORCE_OBJECTS.find((candidate) => candidate.name.toLowerCase() === lower);
  return object && applySchemaChanges(object, changes);
}

/** A custom field as the Tooling API creates it (`CustomField` Metadata `type`), in the sandbox's field shape. */
export function customField(name: string, label: string, type: SfFieldType, opts: Opts = {}): SfField {
  return field(name, label, type, { ...opts, custom: true });
}

/** A field by name, case-insensitively. */
export function findField(object: SfObjectSchema, name: string): SfField | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The object a relationship name (`Owner`, `Campaign`, `Who`) points to from `object`, with its id field. */
export function findRelationship(object: SfObjectSchema, relationshipName: string): SfField | undefined {
  const lower = relationshipName.toLowerCase();
  return object.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}
