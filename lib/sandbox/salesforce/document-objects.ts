import { KEY_PREFIXES } from './salesforce-ids';
import { audit, field, idField, readOnly, type SfObjectSchema } from './salesforce-field-builders';

/** Document folders and documents: where Baton publishes the team's rules in an org. */
export const FOLDER: SfObjectSchema = {
  name: 'Folder',
  label: 'Folder',
  labelPlural: 'Folders',
  keyPrefix: KEY_PREFIXES.Folder,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('Name', 'Name', 'string', { length: 40, nillable: false, required: true }),
    field('DeveloperName', 'Folder Unique Name', 'string', { length: 80, unique: true }),
    field('AccessType', 'Access Type', 'picklist', { picklist: ['Shared', 'Public', 'Hidden', 'PublicInternal'], restricted: true, nillable: false, required: true }),
    field('Type', 'Type', 'picklist', { picklist: ['Document', 'Email', 'Report', 'Dashboard', 'EmailTemplate'], restricted: true, nillable: false, required: true }),
    ...audit(),
  ],
};

export const DOCUMENT: SfObjectSchema = {
  name: 'Document',
  label: 'Document',
  labelPlural: 'Documents',
  keyPrefix: KEY_PREFIXES.Document,
  createable: true,
  updateable: true,
  fields: [
    idField(),
    field('FolderId', 'Folder ID', 'reference', { nillable: false, required: true, referenceTo: ['Folder', 'User'], relationshipName: 'Folder' }),
    field('Name', 'Document Name', 'string', { nillable: false, required: true }),
    field('DeveloperName', 'Document Unique Name', 'string', { unique: true }),
    field('ContentType', 'MIME Type', 'string', { length: 120 }),
    field('Type', 'File Extension', 'string', { length: 40 }),
    field('IsPublic', 'Externally Available', 'boolean'),
    field('BodyLength', 'Body Length', 'int', readOnly),
    field('Body', 'Body', 'base64'),
    field('Description', 'Description', 'textarea', { length: 255 }),
    ...audit(),
  ],
};
