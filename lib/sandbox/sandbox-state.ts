import { CRM_OBJECT_TYPES } from './sandbox-data';
import type { Association, CrmObjectType, CrmRecord, EmailEvent, PropertyDefinition, SandboxData, WebEvent } from './sandbox-data';
import { writeSandboxDataFile } from './sandbox-data';
import { writeBehind } from './write-behind';
import { compareCodeUnits } from './seeded-random';

/** HubSpot's default (HUBSPOT_DEFINED) association type ids, by direction. */
const DEFAULT_ASSOCIATION_TYPE_IDS: Record<string, number> = {
  'contacts->deals': 4,
  'deals->contacts': 3,
  'contacts->notes': 201,
  'notes->contacts': 202,
  'contacts->calls': 193,
  'calls->contacts': 194,
  'contacts->emails': 197,
  'emails->contacts': 198,
  'contacts->meetings': 199,
  'meetings->contacts': 200,
  'contacts->tasks': 203,
  'tasks->contacts': 204,
  'deals->calls': 205,
  'calls->deals': 206,
  'deals->emails': 209,
  'emails->deals': 210,
  'deals->meetings': 211,
  'meetings->deals': 212,
  'deals->notes': 213,
  'notes->deals': 214,
  'deals->tasks': 215,
  'tasks->deals': 216,
  // Leads (0-136): the unlabeled pair. HubSpot's association type table: 608 lead to contact,
  // 609 contact to lead, 578 lead to primary contact (the label every lead's one contact carries).
  'leads->contacts': 608,
  'contacts->leads': 609,
};

/** HubSpot-defined "primary" label type ids, by direction (only leads → their primary contact here). */
const PRIMARY_ASSOCIATION_TYPES: Record<string, { typeId: number; label: string }> = {
  // The label text is not in HubSpot's table (only the id is, and integrations must use the id);
  // this follows HubSpot's "<Object> with Primary <Object>" naming of primary labels.
  'leads->contacts': { typeId: 578, label: 'Lead with Primary Contact' },
};

export interface AssociationTypeOut {
  category: 'HUBSPOT_DEFINED';
  typeId: number;
  label: string | null;
}

/**
 * The association types HubSpot's v4 API lists for one associated record: the unlabeled default
 * type, and before it the primary label's type when the pair carries it (HubSpot lists both).
 */
export function associationTypesFor(from: CrmObjectType, to: CrmObjectType, primary: boolean): AssociationTypeOut[] {
  const types: AssociationTypeOut[] = [];
  const labelled = primary ? PRIMARY_ASSOCIATION_TYPES[`${from}->${to}`] : undefined;
  if (labelled) types.push({ category: 'HUBSPOT_DEFINED', typeId: labelled.typeId, label: labelled.label });
  const unlabeled = DEFAULT_ASSOCIATION_TYPE_IDS[`${from}->${to}`];
  if (unlabeled !== undefined) types.push({ category: 'HUBSPOT_DEFINED', typeId: unlabeled, label: null });
  return types;
}

/** The object type a HUBSPOT_DEFINED type id from `from` points to, primary labels included. */
export function associationTargetOf(from: CrmObjectType, typeId: number): { to: CrmObjectType; primary: boolean } | undefined {
  for (const [key, id] of Object.entries(DEFAULT_ASSOCIATION_TYPE_IDS)) {
    const [f, t] = key.split('->') as [CrmObjectType, CrmObjectType];
    if (f === from && id === typeId) return { to: t, primary: false };
  }
  for (const [key, spec] of Object.entries(PRIMARY_ASSOCIATION_TYPES)) {
    const [f, t] = key.split('->') as [CrmObjectType, CrmObjectType];
    if (f === from && spec.typeId === typeId) return { to: t, primary: true };
  }
  return undefined;
}

export function defaultAssociationTypeId(from: CrmObjectType, to: CrmObjectType): number | undefined {
  return DEFAULT_ASSOCIATION_TYPE_IDS[`${from}->${to}`];
}

const SINGULAR: Record<CrmObjectType, string> = {
  contacts: 'contact',
  deals: 'deal',
  notes: 'note',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  tasks: 'task',
  leads: 'lead',
};

export function singularOf(type: CrmObjectType): string {
  return SINGULAR[type];
}

const OBJECT_TYPE_ALIASES: Record<string, CrmObjectType> = {
  contacts: 'contacts', contact: 'contacts', '0-1': 'contacts',
  deals: 'deals', deal: 'deals', '0-3': 'deals',
  notes: 'notes', note: 'notes', '0-46': 'notes',
  calls: 'calls', call: 'calls', '0-48': 'calls',
  emails: 'emails', email: 'emails', '0-49': 'emails',
  meetings: 'meetings', meeting: 'meetings', meeting_event: 'meetings', '0-47': 'meetings',
  tasks: 'tasks', task: 'tasks', '0-27': 'tasks',
  leads: 'leads', lead: 'leads', '0-136': 'leads',
};

/** HubSpot accepts plural/singular names and object type ids in paths (`contacts`, `contact`, `0-1`). */
export function resolveObjectType(segment: string): CrmObjectType | undefined {
  return OBJECT_TYPE_ALIASES[segment.toLowerCase()];
}

/**
 * The loaded data set plus indexes, and the one place that persists it. Every mutation goes
 * through here and ends with `persist()`, so a restart sees every acknowledged write.
 */
export class SandboxState {
  private readonly byId = new Map<CrmObjectType, Map<string, CrmRecord>>();
  private readonly links = new Map<string, Set<string>>();
  /** `from:id->to:id` keys (both directions) of associations that carry the primary label. */
  private readonly primaryLinks = new Set<string>();
  private readonly webEventsByContact = new Map<string, WebEvent[]>();
  private readonly emailEventsByRecipient = new Map<string, EmailEvent[]>();

  constructor(
    readonly data: SandboxData,
    readonly file: string,
  ) {
    for (const type of CRM_OBJECT_TYPES) {
      this.byId.set(type, new Map(data.records[type].map((record) => [record.id, record])));
    }
    for (const association of data.associations) this.indexAssociation(association);
    for (const event of data.webEvents) {
      const list = this.webEventsByContact.get(event.objectId) ?? [];
      list.push(event);
      this.webEventsByContact.set(event.objectId, list);
    }
    for (const list of this.webEventsByContact.values()) list.sort(byOccurredThenId);
    for (const event of data.emailEvents) {
      const key = event.recipient.toLowerCase();
      const list = this.emailEventsByRecipient.get(key) ?? [];
      list.push(event);
      this.emailEventsByRecipient.set(key, list);
    }
  }

  get portalId(): string {
    return this.data.portalId;
  }

  /** Live (not archived) records of a type. */
  records(type: CrmObjectType): CrmRecord[] {
    return this.data.records[type].filter((record) => record.archivedAt === undefined);
  }

  archivedRecords(type: CrmObjectType): CrmRecord[] {
    return this.data.records[type].filter((record) => record.archivedAt !== undefined);
  }

  /** A live record; archived ones read as missing, as in HubSpot. */
  record(type: CrmObjectType, id: string): CrmRecord | undefined {
    const record = this.byId.get(type)?.get(id);
    return record && record.archivedAt === undefined ? record : undefined;
  }

  archivedRecord(type: CrmObjectType, id: string): CrmRecord | undefined {
    const record = this.byId.get(type)?.get(id);
    return record && record.archivedAt !== undefined ? record : undefined;
  }

  addRecord(type: CrmObjectType, record: CrmRecord): void {
    this.data.records[type].push(record);
    this.byId.get(type)?.set(record.id, record);
  }

  allocateId(): string {
    return String(this.data.nextId++);
  }

  properties(type: CrmObjectType): PropertyDefinition[] {
    return (this.data.properties[type] ??= []);
  }

  property(type: CrmObjectType, name: string): PropertyDefinition | undefined {
    return this.properties(type).find((property) => property.name === name);
  }

  /** Ids of live `toType` records associated with the record, in association order. */
  associatedIds(fromType: CrmObjectType, fromId: string, toType: CrmObjectType): string[] {
    return [...(this.links.get(`${fromType}:${fromId}->${toType}`) ?? [])].filter((id) => this.record(toType, id));
  }

  /** Whether the association between the two records carries HubSpot's primary label. */
  isPrimaryAssociation(fromType: CrmObjectType, fromId: string, toType: CrmObjectType, toId: string): boolean {
    return this.primaryLinks.has(`${fromType}:${fromId}->${toType}:${toId}`);
  }

  /** Removes an association in either stored direction; returns false when there was none. */
  removeAssociation(fromType: CrmObjectType, fromId: string, toType: CrmObjectType, toId: string): boolean {
    const index = this.data.associations.findIndex(
      (a) => (a.fromType === fromType && a.fromId === fromId && a.toType === toType && a.toId === toId) ||
        (a.fromType === toType && a.fromId === toId && a.toType === fromType && a.toId === fromId),
    );
    if (index < 0) return false;
    this.data.associations.splice(index, 1);
    this.links.get(`${fromType}:${fromId}->${toType}`)?.delete(toId);
    this.links.get(`${toType}:${toId}->${fromType}`)?.delete(fromId);
    this.primaryLinks.delete(`${fromType}:${fromId}->${toType}:${toId}`);
    this.primaryLinks.delete(`${toType}:${toId}->${fromType}:${fromId}`);
    return true;
  }

  /** Adds an association (idempotent); returns false when it already existed. */
  addAssociation(association: Association): boolean {
    if (this.links.get(`${association.fromType}:${association.fromId}->${association.toType}`)?.has(association.toId)) return false;
    this.data.associations.push(association);
    this.indexAssociation(association);
    return true;
  }

  webEvents(contactId: string): WebEvent[] {
    return this.webEventsByContact.get(contactId) ?? [];
  }

  allWebEvents(): WebEvent[] {
    return this.data.webEvents;
  }

  emailEvents(recipient: string | null): EmailEvent[] {
    if (recipient === null) return this.data.emailEvents;
    return this.emailEventsByRecipient.get(recipient.toLowerCase()) ?? [];
  }

  /** Written within a moment (write-behind.ts); a server's close writes it at once. */
  persist(): void {
    writeBehind(this.file, () => writeSandboxDataFile(this.file, this.data));
  }

  private indexAssociation(association: Association): void {
    const forward = `${association.fromType}:${association.fromId}->${association.toType}`;
    const backward = `${association.toType}:${association.toId}->${association.fromType}`;
    if (!this.links.has(forward)) this.links.set(forward, new Set());
    if (!this.links.has(backward)) this.links.set(backward, new Set());
    this.links.get(forward)?.add(association.toId);
    this.links.get(backward)?.add(association.fromId);
    if (association.primary) {
      this.primaryLinks.add(`${association.fromType}:${association.fromId}->${association.toType}:${association.toId}`);
      this.primaryLinks.add(`${association.toType}:${association.toId}->${association.fromType}:${association.fromId}`);
    }
  }
}

function byOccurredThenId(a: WebEvent, b: WebEvent): number {
  return a.occurredAt - b.occurredAt || compareCodeUnits(a.id, b.id);
}
