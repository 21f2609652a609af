import type { CrmObjectType } from './sandbox-data';

/** The property holding a record's creation time: HubSpot names it differently per object type. */
export function createdProperty(type: CrmObjectType): string {
  return type === 'contacts' || type === 'deals' ? 'createdate' : 'hs_createdate';
}

export function modifiedProperty(type: CrmObjectType): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** What HubSpot returns when the request names no properties. */
export function defaultProperties(type: CrmObjectType): string[] {
  switch (type) {
    case 'contacts':
      return ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
    case 'deals':
      return ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'];
    default:
      return ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
  }
}
