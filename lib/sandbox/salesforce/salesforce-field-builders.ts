/*
 * The building blocks of the sandbox org's object schemas: field and object shapes as describe
 * reports them, and the standard fields most objects share (Id, owner, audit fields).
 */

export type SfFieldType =
  | 'id' | 'string' | 'textarea' | 'email' | 'phone' | 'url' | 'picklist' | 'combobox' | 'boolean'
  | 'int' | 'double' | 'currency' | 'date' | 'datetime' | 'reference' | 'anyType' | 'base64';

export interface SfField {
  name: string;
  label: string;
  type: SfFieldType;
  length: number;
  /** Picklist values; Lead.Status and LeadStatus-driven fields read the org's LeadStatus rows instead. */
  picklist?: readonly string[];
  /** Values come from LeadStatus (Lead.Status). */
  leadStatusPicklist?: boolean;
  restricted?: boolean;
  defaultValue?: string;
  externalId?: boolean;
  unique?: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  /** Required on create (no default, not nillable). */
  required?: boolean;
  referenceTo?: readonly string[];
  relationshipName?: string;
  custom: boolean;
}

export interface SfObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  fields: readonly SfField[];
  /** Fields whose changes land in the object's history table (LeadHistory for Lead). */
  trackedFields?: readonly string[];
}

export type Opts = Partial<Omit<SfField, 'name' | 'label' | 'type'>>;

export function field(name: string, label: string, type: SfFieldType, opts: Opts = {}): SfField {
  const defaults: Record<SfFieldType, number> = {
    id: 18, string: 255, textarea: 32000, email: 80, phone: 40, url: 255, picklist: 255, combobox: 255, boolean: 0,
    int: 0, double: 0, currency: 0, date: 0, datetime: 0, reference: 18, anyType: 0, base64: 0,
  };
  return {
    name,
    label,
    type,
    length: defaults[type],
    createable: true,
    updateable: true,
    nillable: type !== 'boolean',
    custom: name.endsWith('__c'),
    ...opts,
  };
}

export const readOnly: Opts = { createable: false, updateable: false };

export function audit(): SfField[] {
  return [
    field('IsDeleted', 'Deleted', 'boolean', readOnly),
    field('CreatedDate', 'Created Date', 'datetime', { ...readOnly, nillable: false }),
    field('CreatedById', 'Created By ID', 'reference', { ...readOnly, nillable: false, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', { ...readOnly, nillable: false }),
    field('LastModifiedById', 'Last Modified By ID', 'reference', { ...readOnly, nillable: false, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
    field('SystemModstamp', 'System Modstamp', 'datetime', { ...readOnly, nillable: false }),
  ];
}

export function idField(): SfField {
  return field('Id', 'Record ID', 'id', { ...readOnly, nillable: false });
}

export function owner(): SfField {
  return field('OwnerId', 'Owner ID', 'reference', { nillable: false, referenceTo: ['User'], relationshipName: 'Owner' });
}
