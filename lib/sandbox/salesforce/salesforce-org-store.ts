import type { SalesforceOrg, SfRecord } from './salesforce-org-data';
import { writeSalesforceOrgFile } from './salesforce-org-data';
import { writeBehind } from '../write-behind';
import { salesforceId, toId18 } from './salesforce-ids';
import { SALESFORCE_OBJECTS, findObject, type SfField, type SfObjectSchema, type SfSchemaChanges } from './salesforce-object-schema';

/**
 * The loaded org plus an id index, and the one place that persists it: every acknowledged write
 * ends with `persist()`, written within a moment and at the server's close, so a restart sees it.
 */
export class SalesforceOrgStore {
  private readonly byId = new Map<string, { objectName: string; record: SfRecord }>();

  constructor(
    public org: SalesforceOrg,
    private readonly file: string,
  ) {
    this.reindex();
  }

  private reindex(): void {
    this.byId.clear();
    for (const [objectName, records] of Object.entries(this.org.records)) {
      for (const record of records) this.byId.set(String(record.Id), { objectName, record });
    }
  }

  list(objectName: string): SfRecord[] {
    return this.org.records[objectName] ?? [];
  }

  /** A record of `objectName` by its 15- or 18-character id. */
  get(objectName: string, id: string): SfRecord | undefined {
    const found = this.find(id);
    return found && found.objectName === objectName ? found.record : undefined;
  }

  /** Any record by id, with its object. */
  find(id: string): { objectName: string; record: SfRecord } | undefined {
    const id18 = toId18(id);
    return id18 ? this.byId.get(id18) : undefined;
  }

  insert(objectName: string, record: SfRecord): void {
    (this.org.records[objectName] ??= []).push(record);
    this.byId.set(String(record.Id), { objectName, record });
  }

  /** The org's schema changes (fields it lacks, custom fields added through the Tooling API). */
  get schemaChanges(): SfSchemaChanges {
    return (this.org.schemaChanges ?? {}) as SfSchemaChanges;
  }

  /** An object by name, case-insensitively, as this org has it. */
  object(name: string): SfObjectSchema | undefined {
    return findObject(name, this.schemaChanges);
  }

  /** Adds a custom field to an object (the Tooling API's `CustomField` create); the caller persists. */
  addField(objectName: string, field: SfField): void {
    const changes = (this.org.schemaChanges ??= {});
    const removed = changes.removed?.[objectName];
    if (removed?.some((name) => name.toLowerCase() === field.name.toLowerCase())) {
      // A field the org started without (a sandbox option) comes back as the standard definition would have it.
      changes.removed![objectName] = removed.filter((name) => name.toLowerCase() !== field.name.toLowerCase());
    }
    ((changes.added ??= {})[objectName] ??= []).push({ ...field });
  }

  newId(objectName: string): string {
    const prefix = SALESFORCE_OBJECTS.find((object) => object.name === objectName)?.keyPrefix ?? '000';
    return salesforceId(prefix, this.org.nextSequence++);
  }

  /** A deep copy to roll back to (composite allOrNone). */
  snapshot(): string {
    return JSON.stringify(this.org);
  }

  restore(snapshot: string): void {
    this.org = JSON.parse(snapshot) as SalesforceOrg;
    this.reindex();
  }

  /** Written within a moment (../write-behind.ts); a server's close writes it at once. */
  persist(): void {
    writeBehind(this.file, () => writeSalesforceOrgFile(this.file, this.org));
  }
}
