import { notFoundError } from './salesforce-error';
import type { SfField, SfObjectSchema } from './salesforce-object-schema';
import { SALESFORCE_OBJECTS, findField } from './salesforce-object-schema';
import type { SfRequest, SfResponse } from './salesforce-request';
import { objectOf } from './sobject-records-api';
import { picklistValues } from './record-values';
import { childRelationshipsOf } from './child-relationships';

/*
 * Metadata: describe global (`sobjects`), an object's describe (`sobjects/{Object}/describe`) and
 * the UI API's picklist values per record type (`ui-api/object-info/{Object}/picklist-values/{recordTypeId}/{field}`).
 */

/** The master record type every org has. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', textarea: 'xsd:string', email: 'xsd:string', phone: 'xsd:string', url: 'xsd:string',
  picklist: 'xsd:string', combobox: 'xsd:string', boolean: 'xsd:boolean', int: 'xsd:int', double: 'xsd:double', currency: 'xsd:double',
  date: 'xsd:date', datetime: 'xsd:dateTime', anyType: 'xsd:anyType',
};

function objectUrls(req: SfRequest, object: SfObjectSchema): Record<string, string> {
  const base = `/services/data/${req.version}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function describeField(req: SfRequest, field: SfField): Record<string, unknown> {
  const values = field.type === 'picklist' || field.type === 'combobox' ? picklistValues(req.store, field) : [];
  const defaultValue = field.leadStatusPicklist
    ? req.store.list('LeadStatus').find((row) => row.IsDefault === true)?.ApiName
    : field.defaultValue;
  const numeric = field.type === 'double' || field.type === 'currency';
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type],
    length: field.length,
    byteLength: field.length * 3,
    precision: numeric ? 18 : 0,
    scale: numeric ? 2 : 0,
    digits: field.type === 'int' ? 9 : 0,
    custom: field.custom,
    calculated: false,
    nillable: field.nillable,
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate: field.defaultValue !== undefined || !!field.leadStatusPicklist || field.name === 'OwnerId' || field.type === 'boolean',
    defaultValue: defaultValue ?? null,
    externalId: field.externalId ?? false,
    unique: field.unique ?? false,
    caseSensitive: false,
    idLookup: field.name === 'Id' || (field.externalId ?? false),
    filterable: field.type !== 'textarea' || field.length <= 255,
    sortable: field.type !== 'textarea',
    groupable: field.type !== 'textarea' && field.type !== 'double',
    htmlFormatted: false,
    nameField: field.name === 'Name',
    restrictedPicklist: field.restricted ?? false,
    dependentPicklist: false,
    picklistValues: values.map((value) => ({ active: true, defaultValue: value === defaultValue, label: value, validFor: null, value })),
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    polymorphicForeignKey: (field.referenceTo?.length ?? 0) > 1,
    inlineHelpText: null,
  };
}

export function describeObject(req: SfRequest, objectName: string): SfResponse {
  const object = objectOf(objectName, req.store);
  return {
    status: 200,
    body: {
      name: object.name,
      label: object.label,
      labelPlural: object.labelPlural,
      keyPrefix: object.keyPrefix,
      custom: false,
      createable: object.createable,
      updateable: object.updateable,
      deletable: object.createable,
      queryable: true,
      retrieveable: true,
      searchable: object.createable,
      layoutable: object.createable,
      fields: object.fields.map((field) => describeField(req, field)),
      recordTypeInfos: [
        { active: true, available: true, defaultRecordTypeMapping: true, developerName: 'Master', master: true, name: 'Master', recordTypeId: MASTER_RECORD_TYPE_ID, urls: { layout: `/services/data/${req.version}/sobjects/${object.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}` } },
      ],
      // The ones parent-to-child subqueries can name here (child-relationships.ts).
      childRelationships: childRelationshipsOf(object.name).map((r) => ({ cascadeDelete: false, childSObject: r.childSObject, deprecatedAndHidden: false, field: r.field, relationshipName: r.relationshipName, restrictedDelete: false })),
      urls: objectUrls(req, object),
    },
  };
}

export function describeGlobal(req: SfRequest): SfResponse {
  return {
    status: 200,
    body: {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: SALESFORCE_OBJECTS.map((object) => ({
        name: object.name,
        label: object.label,
        labelPlural: object.labelPlural,
        keyPrefix: object.keyPrefix,
        custom: false,
        createable: object.createable,
        updateable: object.updateable,
        queryable: true,
        retrieveable: true,
        urls: objectUrls(req, object),
      })),
    },
  };
}

export function picklistValuesByRecordType(req: SfRequest, objectName: string, recordTypeId: string, fieldName: string): SfResponse {
  const object = objectOf(objectName, req.store);
  if (recordTypeId !== MASTER_RECORD_TYPE_ID && recordTypeId !== MASTER_RECORD_TYPE_ID.slice(0, 15)) throw notFoundError(`The requested resource does not exist`);
  const field = findField(object, fieldName);
  if (!field || (field.type !== 'picklist' && field.type !== 'combobox')) throw notFoundError(`The requested resource does not exist`);
  const values = picklistValues(req.store, field);
  const defaultValue = field.leadStatusPicklist ? req.store.list('LeadStatus').find((row) => row.IsDefault === true)?.ApiName : field.defaultValue;
  const entry = (value: string): Record<string, unknown> => ({ attributes: null, label: value, validFor: [], value });
  return {
    status: 200,
    body: {
      controllerValues: {},
      defaultValue: defaultValue ? entry(String(defaultValue)) : null,
      eTag: `${object.name}-${field.name}-${values.length}`,
      url: `/services/data/${req.version}/ui-api/object-info/${object.name}/picklist-values/${MASTER_RECORD_TYPE_ID}/${field.name}`,
      values: values.map(entry),
    },
  };
}
