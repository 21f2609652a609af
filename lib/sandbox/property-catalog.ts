import { LEAD_DISQUALIFICATION_REASONS, LEAD_PIPELINE_OPTIONS, LEAD_STAGE_OPTIONS } from './lead-pipelines';
import type { CrmObjectType, OwnerRecord, PropertyDefinition, PropertyGroup } from './sandbox-data';

/**
 * Property definitions the sandbox portal starts with: HubSpot's default properties Baton reads
 * (same names, types and option values as a real portal) plus the portal's custom marketing
 * properties, some of which are form fields — their history is how "what the prospect told us"
 * is read back verbatim.
 */
type PropertySpec = Partial<PropertyDefinition> & Pick<PropertyDefinition, 'name' | 'label' | 'type'>;

export const LIFECYCLE_STAGES = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
] as const;

export const LEAD_STATUSES = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['IN_PROGRESS', 'In Progress'],
  ['OPEN_DEAL', 'Open Deal'],
  ['UNQUALIFIED', 'Unqualified'],
  ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
  ['CONNECTED', 'Connected'],
  ['BAD_TIMING', 'Bad Timing'],
] as const;

export const ANALYTICS_SOURCES = [
  ['ORGANIC_SEARCH', 'Organic Search'],
  ['PAID_SEARCH', 'Paid Search'],
  ['EMAIL_MARKETING', 'Email Marketing'],
  ['SOCIAL_MEDIA', 'Organic Social'],
  ['REFERRALS', 'Referrals'],
  ['OTHER_CAMPAIGNS', 'Other Campaigns'],
  ['DIRECT_TRAFFIC', 'Direct Traffic'],
  ['OFFLINE', 'Offline Sources'],
  ['PAID_SOCIAL', 'Paid Social'],
  ['AI_REFERRALS', 'AI Referrals'],
] as const;

export const EMPLOYEE_RANGES = ['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+'] as const;

/** HubSpot's default call outcome ids (the `hs_call_disposition` values are these GUIDs). */
export const CALL_DISPOSITIONS = [
  ['9d9162e7-6cf3-4944-bf63-4dff82258764', 'Busy'],
  ['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected'],
  ['a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'Left live message'],
  ['b2cf5968-551e-4856-9783-52b3da59a7d0', 'Left voicemail'],
  ['73a0d17f-1163-4015-bdd5-ec830791da20', 'No answer'],
  ['17b47fee-58de-441e-a44c-c6300d46f273', 'Wrong number'],
] as const;

export const DEAL_STAGES = [
  ['appointmentscheduled', 'Appointment Scheduled'],
  ['qualifiedtobuy', 'Qualified To Buy'],
  ['presentationscheduled', 'Presentation Scheduled'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In'],
  ['contractsent', 'Contract Sent'],
  ['closedwon', 'Closed Won'],
  ['closedlost', 'Closed Lost'],
] as const;

export const PROJECT_TIMELINES = ['This quarter', 'Next quarter', '6–12 months', 'Just researching'] as const;
export const BUDGET_RANGES = ['Under $10k', '$10k–$50k', '$50k–$150k', '$150k+', 'Not sure yet'] as const;
export const TEAM_SIZES = ['1–10', '11–50', '51–200', '201–1,000', '1,000+'] as const;

function optionsOf(pairs: ReadonlyArray<readonly [string, string]>): PropertyDefinition['options'] {
  return pairs.map(([value, label], index) => ({ label, value, displayOrder: index, hidden: false }));
}

function sameOptions(values: readonly string[]): PropertyDefinition['options'] {
  return optionsOf(values.map((value) => [value, value] as const));
}

const BOOL_OPTIONS = optionsOf([
  ['true', 'True'],
  ['false', 'False'],
]);

function defaultFieldType(type: PropertyDefinition['type']): string {
  switch (type) {
    case 'number':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'enumeration':
      return 'select';
    case 'bool':
      return 'booleancheckbox';
    default:
      return 'text';
  }
}

function define(createdAt: number, groupName: string, specs: PropertySpec[]): PropertyDefinition[] {
  return specs.map((spec, index) => ({
    fieldType: defaultFieldType(spec.type),
    groupName,
    description: '',
    options: spec.type === 'bool' ? BOOL_OPTIONS : [],
    displayOrder: -1,
    formField: false,
    hidden: false,
    hubspotDefined: true,
    readOnlyValue: false,
    createdAt,
    updatedAt: createdAt,
    ...spec,
    // Keep a stable order inside a group, like the CRM's settings page.
    ...(spec.displayOrder === undefined ? { displayOrder: index } : {}),
  }));
}

function ownerOptions(owners: readonly OwnerRecord[]): PropertyDefinition['options'] {
  return owners.map((owner, index) => ({
    label: `${owner.firstName} ${owner.lastName} (${owner.email})`,
    value: owner.id,
    displayOrder: index,
    hidden: false,
  }));
}

/** Read-only system properties every object carries. */
function systemProperties(createdAt: number, createdName: string, modifiedName: string): PropertySpec[] {
  return [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnlyValue: true, description: 'The unique ID for this record. This value is set automatically by HubSpot.' },
    { name: createdName, label: 'Create Date', type: 'datetime', description: 'The date the record was created.' },
    { name: modifiedName, label: 'Last Modified Date', type: 'datetime', readOnlyValue: true, description: 'Most recent timestamp of any property update.' },
  ].map((spec) => ({ ...spec, createdAt })) as PropertySpec[];
}

export function buildPropertyCatalog(
  createdAt: number,
  owners: readonly OwnerRecord[],
): { properties: Record<CrmObjectType, PropertyDefinition[]>; groups: Record<CrmObjectType, PropertyGroup[]> } {
  const ownerSpec = (description: string): PropertySpec => ({
    name: 'hubspot_owner_id',
    label: 'Contact owner',
    type: 'enumeration',
    fieldType: 'select',
    referencedObjectType: 'OWNER',
    options: ownerOptions(owners),
    description,
  });

  const contacts: PropertyDefinition[] = [
    ...define(createdAt, 'contactinformation', [
      ...systemProperties(createdAt, 'createdate', 'lastmodifieddate'),
      { name: 'firstname', label: 'First Name', type: 'string', formField: true, description: "A contact's first name" },
      { name: 'lastname', label: 'Last Name', type: 'string', formField: true, description: "A contact's last name" },
      { name: 'email', label: 'Email', type: 'string', formField: true, description: "A contact's email address" },
      { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber', formField: true, description: "A contact's primary phone number" },
      { name: 'jobtitle', label: 'Job Title', type: 'string', formField: true, description: "A contact's job title" },
      { name: 'company', label: 'Company Name', type: 'string', formField: true, description: 'Name of the contact\'s company.' },
      { name: 'website', label: 'Website URL', type: 'string', formField: true, description: "Associated company website" },
      { name: 'industry', label: 'Industry', type: 'string', formField: true, description: 'The Industry a contact is in' },
      { name: 'numemployees', label: 'Number of Employees', type: 'enumeration', fieldType: 'select', formField: true, options: sameOptions(EMPLOYEE_RANGES), description: 'The number of company employees' },
      { name: 'country', label: 'Country/Region', type: 'string', formField: true, description: "The contact's country/region of residence." },
      { name: 'city', label: 'City', type: 'string', formField: true, description: "A contact's city of residence" },
      { name: 'state', label: 'State/Region', type: 'string', formField: true, description: "The contact's state of residence." },
      { name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', options: optionsOf(LIFECYCLE_STAGES), description: 'The qualification of contacts to sales readiness.' },
      { name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'radio', options: optionsOf(LEAD_STATUSES), description: "The contact's sales, prospecting or outreach status" },
      ownerSpec('The owner of a contact. This can be any HubSpot user or Salesforce integration user.'),
      { name: 'hubspot_owner_assigneddate', label: 'Owner Assigned Date', type: 'datetime', readOnlyValue: true, description: 'The most recent timestamp of when an owner was assigned to this record.' },
      { name: 'hs_email_domain', label: 'Email Domain', type: 'string', readOnlyValue: true, description: 'A contact\'s email address domain' },
    ]),
    ...define(createdAt, 'analyticsinformation', [
      { name: 'hs_analytics_source', label: 'Original Traffic Source', type: 'enumeration', options: optionsOf(ANALYTICS_SOURCES), description: 'First known source the contact used to find your website.' },
      { name: 'hs_analytics_source_data_1', label: 'Original Traffic Source Drill-Down 1', type: 'string', description: 'Additional information about the source the contact used to find your website.' },
      { name: 'hs_analytics_source_data_2', label: 'Original Traffic Source Drill-Down 2', type: 'string', description: 'Additional information about the source the contact used to find your website.' },
      { name: 'hs_latest_source', label: 'Latest Traffic Source', type: 'enumeration', options: optionsOf(ANALYTICS_SOURCES), description: 'The source of the latest session for a contact' },
      { name: 'hs_latest_source_data_1', label: 'Latest Traffic Source Drill-Down 1', type: 'string', description: '' },
      { name: 'hs_latest_source_data_2', label: 'Latest Traffic Source Drill-Down 2', type: 'string', description: '' },
      { name: 'hs_analytics_num_page_views', label: 'Number of Pageviews', type: 'number', readOnlyValue: true, description: 'The number of page views this contact has had on your website.' },
      { name: 'hs_analytics_num_visits', label: 'Number of Sessions', type: 'number', readOnlyValue: true, description: 'The number of times a contact has come to your website.' },
      { name: 'hs_analytics_first_timestamp', label: 'Time First Seen', type: 'datetime', readOnlyValue: true, description: 'The first time the contact has been seen.' },
      { name: 'hs_analytics_last_visit_timestamp', label: 'Time of Last Session', type: 'datetime', readOnlyValue: true, description: 'The time of the last session this contact has had.' },
    ]),
    ...define(createdAt, 'conversioninformation', [
      { name: 'first_conversion_event_name', label: 'First Conversion', type: 'string', readOnlyValue: true, description: 'First form this contact submitted' },
      { name: 'first_conversion_date', label: 'First Conversion Date', type: 'datetime', readOnlyValue: true, description: 'Date this contact first submitted a form' },
      { name: 'recent_conversion_event_name', label: 'Recent Conversion', type: 'string', readOnlyValue: true, description: 'The last form this contact submitted' },
      { name: 'recent_conversion_date', label: 'Recent Conversion Date', type: 'datetime', readOnlyValue: true, description: 'The last date this contact submitted a form' },
      { name: 'num_conversion_events', label: 'Number of Form Submissions', type: 'number', readOnlyValue: true, description: 'The number of forms this contact has submitted' },
    ]),
    ...define(createdAt, 'emailinformation', [
      { name: 'hs_email_last_open_date', label: 'Last marketing email open date', type: 'datetime', readOnlyValue: true, description: 'The last time a contact opened a marketing email.' },
      { name: 'hs_email_last_click_date', label: 'Last marketing email click date', type: 'datetime', readOnlyValue: true, description: 'The last time a contact clicked a link in a marketing email.' },
      { name: 'hs_email_last_email_name', label: 'Last marketing email name', type: 'string', readOnlyValue: true, description: 'The name of the last marketing email sent to the contact.' },
    ]),
    ...define(createdAt, 'sales_properties', [
      { name: 'hs_lifecyclestage_marketingqualifiedlead_date', label: 'Became a Marketing Qualified Lead Date', type: 'datetime', readOnlyValue: true, description: '' },
      { name: 'hs_lifecyclestage_salesqualifiedlead_date', label: 'Became a Sales Qualified Lead Date', type: 'datetime', readOnlyValue: true, description: '' },
      { name: 'notes_last_contacted', label: 'Last Contacted', type: 'datetime', readOnlyValue: true, description: 'The last time a call, sales email, or meeting was logged for the contact.' },
      { name: 'notes_last_updated', label: 'Last Activity Date', type: 'datetime', readOnlyValue: true, description: 'The last time a call, email, meeting, note or task was logged for the contact.' },
      { name: 'num_notes', label: 'Number of Sales Activities', type: 'number', readOnlyValue: true, description: 'The number of calls, emails, meetings, notes and tasks logged for the contact.' },
      { name: 'num_contacted_notes', label: 'Number of times contacted', type: 'number', readOnlyValue: true, description: 'The number of times a call, sales email, or meeting was logged for the contact.' },
      { name: 'hs_last_sales_activity_timestamp', label: 'Last Engagement Date', type: 'datetime', readOnlyValue: true, description: 'The last time the contact engaged with a sales email or booked a meeting.' },
      { name: 'hs_sa_first_engagement_date', label: 'Date of first engagement', type: 'datetime', readOnlyValue: true, description: "The date the current contact owner first engaged with the contact (a call, sales email or meeting logged after the owner was assigned). Reset when the owner changes." },
      { name: 'hs_sales_email_last_replied', label: 'Recent Sales Email Replied Date', type: 'datetime', readOnlyValue: true, description: '' },
      { name: 'hubspotscore', label: 'HubSpot Score', type: 'number', readOnlyValue: true, description: 'The number that shows qualification of contacts to sales readiness.' },
    ]),
    ...define(createdAt, 'marketing', [
      { name: 'campaign_name', label: 'Campaign', type: 'string', hubspotDefined: false, description: 'Marketing campaign credited with this lead (set by marketing ops workflows).' },
      { name: 'biggest_challenge', label: "What's your biggest challenge?", type: 'string', fieldType: 'textarea', formField: true, hubspotDefined: false, description: 'Asked on demo-request and contact-sales forms.' },
      { name: 'message', label: 'Message', type: 'string', fieldType: 'textarea', formField: true, hubspotDefined: false, description: 'Free-text message from contact forms.' },
      { name: 'project_timeline', label: 'When are you looking to get started?', type: 'enumeration', fieldType: 'select', formField: true, hubspotDefined: false, options: sameOptions(PROJECT_TIMELINES), description: '' },
      { name: 'budget_range', label: 'Do you have a budget in mind?', type: 'enumeration', fieldType: 'select', formField: true, hubspotDefined: false, options: sameOptions(BUDGET_RANGES), description: '' },
      { name: 'team_size', label: 'How big is the team that would use it?', type: 'enumeration', fieldType: 'select', formField: true, hubspotDefined: false, options: sameOptions(TEAM_SIZES), description: '' },
      { name: 'current_tool', label: 'What do you use today?', type: 'string', formField: true, hubspotDefined: false, description: '' },
    ]),
  ];

  const dealOwner = { ...ownerSpec('User the deal is assigned to.'), label: 'Deal owner' };
  const deals = define(createdAt, 'dealinformation', [
    ...systemProperties(createdAt, 'createdate', 'hs_lastmodifieddate'),
    { name: 'dealname', label: 'Deal Name', type: 'string', description: 'The name given to this deal.' },
    { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number', description: 'The total amount of the deal' },
    { name: 'dealstage', label: 'Deal Stage', type: 'enumeration', fieldType: 'radio', options: optionsOf(DEAL_STAGES), description: 'The stage of the deal.' },
    { name: 'pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', options: optionsOf([['default', 'Sales Pipeline']]), description: 'The pipeline the deal is in.' },
    { name: 'closedate', label: 'Close Date', type: 'datetime', description: 'Date the deal was closed. Set automatically by HubSpot.' },
    { name: 'hs_is_closed_won', label: 'Is Closed Won', type: 'bool', readOnlyValue: true, description: 'True if the deal is in the closed won state, false otherwise' },
    { name: 'hs_is_closed', label: 'Is Deal Closed?', type: 'bool', readOnlyValue: true, description: 'True if the deal was won or lost.' },
    { name: 'closed_lost_reason', label: 'Closed Lost Reason', type: 'string', fieldType: 'textarea', description: 'Reason why this deal was lost' },
    dealOwner,
  ]);

  const engagementBase = (kindOwnerLabel: string): PropertySpec[] => [
    ...systemProperties(createdAt, 'hs_createdate', 'hs_lastmodifieddate'),
    { name: 'hs_timestamp', label: 'Activity date', type: 'datetime', description: 'The date and time of the activity.' },
    { ...ownerSpec('The user the activity is assigned to.'), label: kindOwnerLabel },
  ];
  const notes = define(createdAt, 'notes', [
    ...engagementBase('Activity assigned to'),
    { name: 'hs_note_body', label: 'Note body', type: 'string', fieldType: 'html', description: "The note's text." },
  ]);
  const calls = define(createdAt, 'calls', [
    ...engagementBase('Activity assigned to'),
    { name: 'hs_call_title', label: 'Call Title', type: 'string', description: '' },
    { name: 'hs_call_body', label: 'Call notes', type: 'string', fieldType: 'html', description: '' },
    { name: 'hs_call_direction', label: 'Call direction', type: 'enumeration', options: optionsOf([['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']]), description: '' },
    { name: 'hs_call_disposition', label: 'Call outcome', type: 'string', description: 'The outcome id of the call (one of the portal\'s call outcomes).' },
    { name: 'hs_call_status', label: 'Call status', type: 'enumeration', options: optionsOf([['BUSY', 'Busy'], ['CALLING_CRM_USER', 'Calling CRM user'], ['CANCELED', 'Canceled'], ['COMPLETED', 'Completed'], ['CONNECTING', 'Connecting'], ['FAILED', 'Failed'], ['IN_PROGRESS', 'In progress'], ['NO_ANSWER', 'No answer'], ['QUEUED', 'Queued'], ['RINGING', 'Ringing']]), description: '' },
    { name: 'hs_call_duration', label: 'Call duration', type: 'number', description: 'Duration of the call in milliseconds.' },
  ]);
  const emails = define(createdAt, 'emails', [
    ...engagementBase('Activity assigned to'),
    { name: 'hs_email_direction', label: 'Email direction', type: 'enumeration', options: optionsOf([['EMAIL', 'Sent by the CRM user'], ['INCOMING_EMAIL', 'Reply from the contact'], ['FORWARDED_EMAIL', 'Forwarded']]), description: '' },
    { name: 'hs_email_subject', label: 'Email subject', type: 'string', description: '' },
    { name: 'hs_email_text', label: 'Email body', type: 'string', fieldType: 'textarea', description: '' },
    { name: 'hs_email_status', label: 'Email send status', type: 'enumeration', options: optionsOf([['BOUNCED', 'Bounced'], ['FAILED', 'Failed'], ['SCHEDULED', 'Scheduled'], ['SENDING', 'Sending'], ['SENT', 'Sent']]), description: '' },
    { name: 'hs_sequence_id', label: 'Sequence ID', type: 'string', readOnlyValue: false, description: 'Set when the email was sent by a sequence step (automated, not a human touch).' },
  ]);
  const meetings = define(createdAt, 'meetings', [
    ...engagementBase('Activity assigned to'),
    { name: 'hs_meeting_title', label: 'Meeting name', type: 'string', description: '' },
    { name: 'hs_meeting_body', label: 'Meeting description', type: 'string', fieldType: 'html', description: '' },
    { name: 'hs_meeting_start_time', label: 'Start time', type: 'datetime', description: '' },
    { name: 'hs_meeting_end_time', label: 'End time', type: 'datetime', description: '' },
    { name: 'hs_meeting_outcome', label: 'Meeting outcome', type: 'enumeration', options: optionsOf([['SCHEDULED', 'Scheduled'], ['COMPLETED', 'Completed'], ['RESCHEDULED', 'Rescheduled'], ['NO_SHOW', 'No Show'], ['CANCELED', 'Canceled']]), description: '' },
  ]);
  const tasks = define(createdAt, 'task', [
    ...engagementBase('Assigned to'),
    { name: 'hs_task_subject', label: 'Task Title', type: 'string', description: '' },
    { name: 'hs_task_body', label: 'Notes', type: 'string', fieldType: 'html', description: '' },
    { name: 'hs_task_status', label: 'Task Status', type: 'enumeration', options: optionsOf([['NOT_STARTED', 'Not started'], ['IN_PROGRESS', 'In progress'], ['WAITING', 'Waiting'], ['COMPLETED', 'Completed'], ['DEFERRED', 'Deferred']]), description: '' },
    { name: 'hs_task_type', label: 'Task Type', type: 'enumeration', options: optionsOf([['CALL', 'Call'], ['EMAIL', 'Email'], ['LINKED_IN', 'LinkedIn'], ['MEETING', 'Meeting'], ['TODO', 'To-do']]), description: '' },
    { name: 'hs_task_priority', label: 'Priority', type: 'enumeration', options: optionsOf([['NONE', 'None'], ['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High']]), description: '' },
  ]);

  // Leads (0-136): HubSpot's lead properties Baton or the sandbox pages read. hs_lead_name is
  // required on create. Pipelines and stages are lead-pipelines.ts's (also served by the pipelines
  // API); type and label options follow HubSpot's defaults, which portals can edit; the
  // disqualification reasons are the sandbox's own list (portals edit theirs).
  const leads = define(createdAt, 'lead_information', [
    ...systemProperties(createdAt, 'hs_createdate', 'hs_lastmodifieddate'),
    { name: 'hs_lead_name', label: 'Lead name', type: 'string', description: 'The full name of the lead.' },
    { name: 'hs_lead_type', label: 'Lead type', type: 'enumeration', fieldType: 'select', options: optionsOf([['NEW_BUSINESS', 'New Business'], ['UPSELL', 'Upsell'], ['RE_ATTEMPTING', 'Re-attempting']]), description: 'The type of lead.' },
    { name: 'hs_lead_label', label: 'Lead label', type: 'enumeration', fieldType: 'select', options: optionsOf([['COLD', 'Cold'], ['WARM', 'Warm'], ['HOT', 'Hot']]), description: "The lead's temperature." },
    { name: 'hs_pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', options: optionsOf(LEAD_PIPELINE_OPTIONS), description: 'The pipeline the lead is in.' },
    { name: 'hs_pipeline_stage', label: 'Lead stage', type: 'enumeration', fieldType: 'radio', options: optionsOf(LEAD_STAGE_OPTIONS), description: 'The stage of the lead in its pipeline.' },
    {
      name: 'hs_lead_disqualification_reason',
      label: 'Disqualification reason',
      type: 'enumeration',
      fieldType: 'select',
      options: LEAD_DISQUALIFICATION_REASONS.map(([value, label, hidden], index) => ({ label, value, displayOrder: index, hidden: hidden ?? false })),
      description: 'Why the lead was disqualified.',
    },
    { ...ownerSpec('The user the lead is assigned to.'), label: 'Lead owner' },
  ]);

  return {
    properties: { contacts, deals, notes, calls, emails, meetings, tasks, leads },
    groups: {
      contacts: [
        { name: 'contactinformation', label: 'Contact information', displayOrder: 0 },
        { name: 'analyticsinformation', label: 'Web analytics history', displayOrder: 1 },
        { name: 'conversioninformation', label: 'Conversion information', displayOrder: 2 },
        { name: 'emailinformation', label: 'Email information', displayOrder: 3 },
        { name: 'sales_properties', label: 'Sales properties', displayOrder: 4 },
        { name: 'marketing', label: 'Marketing', displayOrder: 5 },
      ],
      deals: [{ name: 'dealinformation', label: 'Deal information', displayOrder: 0 }],
      notes: [{ name: 'notes', label: 'Note information', displayOrder: 0 }],
      calls: [{ name: 'calls', label: 'Call information', displayOrder: 0 }],
      emails: [{ name: 'emails', label: 'Email information', displayOrder: 0 }],
      meetings: [{ name: 'meetings', label: 'Meeting information', displayOrder: 0 }],
      tasks: [{ name: 'task', label: 'Task information', displayOrder: 0 }],
      leads: [{ name: 'lead_information', label: 'Lead information', displayOrder: 0 }],
    },
  };
}
