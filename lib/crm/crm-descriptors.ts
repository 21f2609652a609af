import type { CrmDescriptor } from './crm-descriptor';

/**
 * Every CRM Baton recognises, light enough for the content script. Each provider folder has a
 * `<kind>-descriptor.ts` exporting `crmDescriptor`; the build finds them, so adding a CRM adds a
 * folder and changes no file here. Ordered by rank: the first is the one a new installation uses.
 */
const found = import.meta.glob<CrmDescriptor>('./*/*-descriptor.ts', { eager: true, import: 'crmDescriptor' });

export const CRM_DESCRIPTORS: readonly CrmDescriptor[] = Object.values(found)
  
  .sort((a, b) => a.rank - b.rank);

export function defaultCrmDescriptor(descriptors: readonly CrmDescriptor[] = CRM_DESCRIPTORS): CrmDescriptor {
  const first = descriptors[0];
  if (!first) throw new Error('Baton was built without any CRM provider.');
  return first;
}

/** The descriptor for a stored or parsed kind, older releases' kinds included; null: unknown. */
export function findCrmDescriptor(kind: string, descriptors: readonly CrmDescriptor[] = CRM_DESCRIPTORS): CrmDescriptor | null {
  return descriptors.find((d) => d.kind === kind) ?? descriptors.find((d) => d.legacyKinds?.includes(kind)) ?? null;
}

/** "HubSpot", or the kind itself for a kind no descriptor knows (never an empty name). */
export function crmLabel(kind: string, descriptors: readonly CrmDescriptor[] = CRM_DESCRIPTORS): string {
  return findCrmDescriptor(kind, descriptors)?.label ?? kind;
}

/** A person-readable name for a CRM's lead-source value (values no descriptor names are shown as they are). */
export function describeSource(source: string | null, descriptors: readonly CrmDescriptor[] = CRM_DESCRIPTORS): string {
  if (!source) return '(no source)';
  for (const descriptor of descriptors) {
    const label = descriptor.sourceLabels?.[source];
    if (label) return label;
  }
  return source;
}
