/*
 * Child relationships the sandbox org answers in parent-to-child subqueries, as Salesforce names
 * them in describe's `childRelationships` (relationshipName, childSObject, field): a Lead's or
 * Contact's Tasks and Events (through WhoId) and CampaignMembers (through LeadId / ContactId).
 */
export interface SfChildRelationship {
  relationshipName: string;
  childSObject: string;
  field: string;
}

const ACTIVITIES: readonly SfChildRelationship[] = [
  { relationshipName: 'Tasks', childSObject: 'Task', field: 'WhoId' },
  { relationshipName: 'Events', childSObject: 'Event', field: 'WhoId' },
];

const CHILD_RELATIONSHIPS: Readonly<Record<string, readonly SfChildRelationship[]>> = {
  Lead: [...ACTIVITIES, { relationshipName: 'CampaignMembers', childSObject: 'CampaignMember', field: 'LeadId' }],
  Contact: [...ACTIVITIES, { relationshipName: 'CampaignMembers', childSObject: 'CampaignMember', field: 'ContactId' }],
};

export function childRelationshipsOf(objectName: string): readonly SfChildRelationship[] {
  return CHILD_RELATIONSHIPS[objectName] ?? [];
}

export function findChildRelationship(objectName: string, relationshipName: string): SfChildRelationship | undefined {
  const lower = relationshipName.toLowerCase();
  return childRelationshipsOf(objectName).find((r) => r.relationshipName.toLowerCase() === lower);
}
