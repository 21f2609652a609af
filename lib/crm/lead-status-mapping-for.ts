import type { LeadStatusMapping } from '../domain/disposition/lead-status-mapping';
import type { CrmDescriptor } from './crm-descriptor';
import { CRM_DESCRIPTORS, defaultCrmDescriptor } from './crm-descriptors';

/**
 * The lead-status mapping for a record of this CRM. The admin's mapping names one CRM's status
 * values (its `crm`; absent: the CRM a new installation connects to, as before the registry), so
 * it applies to that CRM's records; another CRM's records use that CRM's own default until an admin
 * maps them. Never writes one CRM's values into another ("UNQUALIFIED" is not a Salesforce status).
 */
export function leadStatusMappingFor(kind: string, stored: LeadStatusMapping, descriptors: readonly CrmDescriptor[] = CRM_DESCRIPTORS): LeadStatusMapping {
  const writtenFor = stored.crm ?? defaultCrmDescriptor(descriptors).kind;
  const descriptor = descriptors.find((d) => d.kind === kind) ?? descriptors.find((d) => d.legacyKinds?.includes(kind));
  if (!descriptor || descriptor.kind === writtenFor || descriptor.legacyKinds?.includes(writtenFor)) return stored;
  return descriptor.defaultLeadStatusMapping;
}
