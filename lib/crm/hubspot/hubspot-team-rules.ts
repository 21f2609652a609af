import { z } from 'zod';
import { CrmError } from '../crm-error';
import type { PublishedRevisionRef, TeamRulesStore } from '../team-rules-port';
import { BATON_PROPERTY_GROUP, hubSpotPropertyGroupSchema } from './baton-properties';
import type { HubSpotClient } from './hubspot-client';

/*
 * The team's published rules in HubSpot, on every tier (custom objects need Enterprise; notes and
 * contact properties do not):
 * - each revision is a note with no association (so it shows on no contact's timeline), its body
 *   the encoded document;
 * - the index is a hidden enumeration contact property, `baton_team_rules`, in the "Baton"
 *   group, one option per revision (value `<revision>-<note id>`). Reading it needs only the
 *   schema-read scope every rep's key has for form labels; writing it needs the schema-write
 *   scope the admin's key has for "Set up Baton properties".
 * Reading the rules costs one request for the index and one per revision not seen before.
 */

export const TEAM_RULES_PROPERTY = 'baton_team_rules';
/** HubSpot's notes guide gives 65,536 characters for `hs_note_body`. */
const NOTE_BODY_LIMIT = 65_536;

const optionSchema = z.looseObject({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional() });
const indexSchema = z.looseObject({ name: z.string(), options: z.array(z.unknown()) });
const noteSchema = z.looseObject({ id: z.string(), properties: z.looseObject({ hs_note_body: z.string().nullable().optional() }) });
const createdSchema = z.looseObject({ id: z.string() });

type IndexOption = z.infer<typeof optionSchema>;

const OPTION_VALUE = /^(\d+)-(\d+)$/;

function refOf(option: IndexOption): PublishedRevisionRef | null {
  const match = OPTION_VALUE.exec(option.value);
  return match ? { revision: Number(match[1]), ref: match[2]! } : null;
}

export function createHubSpotTeamRulesStore(client: HubSpotClient): TeamRulesStore {
  /** The index's options as HubSpot holds them (null: the property does not exist yet). */
  async function readIndex(signal?: AbortSignal): Promise<IndexOption[] | null> {
    try {
      const property = await client.request('GET', `/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`, { schema: indexSchema, signal });
      // An option Baton did not write (someone edited the property) is skipped, not fatal.
      return property.options.flatMap((raw) => {
        const parsed = optionSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      });
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /** PATCH replaces the whole option list: every existing option goes back unchanged, plus this one. */
  async function addOption(index: IndexOption[], option: { label: string; value: string; displayOrder: number; hidden: boolean }, signal?: AbortSignal): Promise<void> {
    const kept = index.map(({ label, value, displayOrder, hidden }) => ({ label, value, displayOrder: displayOrder ?? 0, hidden: hidden ?? false }));
    await client.request('PATCH', `/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`, { body: { options: [...kept, option] }, schema: indexSchema, signal });
  }

  return {
    maxTextLength: NOTE_BODY_LIMIT,

    async list(options = {}) {
      return firstPerRevision((await readIndex(options.signal)) ?? []);
    },

    async read(ref, options = {}) {
      const note = await client.request('GET', `/crm/v3/objects/notes/${encodeURIComponent(ref.ref)}`, {
        query: { properties: 'hs_note_body' },
        schema: noteSchema,
        signal: options.signal,
      });
      return note.properties.hs_note_body ?? '';
    },

    async publish(input, options = {}) {
      const { signal } = options;
      if (input.text.length > NOTE_BODY_LIMIT) {
        throw new CrmError('rejected', `These rules are too long for HubSpot (${input.text.length.toLocaleString('en')} characters; a note holds ${NOTE_BODY_LIMIT.toLocaleString('en')}). Shorten the title or domain lists.`);
      }
      const index = await readIndex(signal);
      if (index?.some((option) => refOf(option)?.revision === input.revision)) {
        throw new CrmError('rejected', `Revision ${input.revision} was published by someone else a moment ago. Reload the rules and publish again.`, { status: 409 });
      }
      const note = await client.request('POST', '/crm/v3/objects/notes', {
        body: { properties: { hs_timestamp: new Date().toISOString(), hs_note_body: input.text } },
        schema: createdSchema,
        signal,
      });
      const option = { label: input.label.slice(0, 100), value: `${input.revision}-${note.id}`, displayOrder: input.revision, hidden: false };
      // Read the index again right before replacing it: another admin may have published since.
      const fresh = index ? await readIndex(signal) : null;
      if (fresh) {
        await addOption(fresh, option, signal);
        // PATCH replaces the whole list, so another admin's PATCH in the same moment can drop this
        // option: read the index back and put it in again (once) if it went missing.
        let after = (await readIndex(signal)) ?? [];
        if (!after.some((o) => o.value === option.value)) {
          await addOption(after, option, signal);
          after = (await readIndex(signal)) ?? [];
        }
        // Two admins who read the index at the same moment both took this number: the earlier note
        // keeps it (every browser picks it, see firstPerRevision); the later one withdraws.
        const winner = firstPerRevision(after).find((ref) => ref.revision === input.revision);
        if (winner && winner.ref !== note.id) {
          const withoutOurs = after.filter((o) => o.value !== option.value).map(({ label, value, displayOrder, hidden }) => ({ label, value, displayOrder: displayOrder ?? 0, hidden: hidden ?? false }));
          await client.request('PATCH', `/crm/v3/properties/contacts/${TEAM_RULES_PROPERTY}`, { body: { options: withoutOurs }, schema: indexSchema, signal });
          throw new CrmError('rejected', `Revision ${input.revision} was published by someone else a moment ago. Reload the rules and publish again.`, { status: 409 });
        }
      } else {
        await ensureGroup(client, signal);
        await client.request('POST', '/crm/v3/properties/contacts', {
          body: {
            name: TEAM_RULES_PROPERTY,
            label: 'Baton team rules',
            description: 'Revisions of the rules Baton shares with every rep (SQL definition, SLA policy, reasons). Managed by Baton: do not edit.',
            groupName: BATON_PROPERTY_GROUP.name,
            type: 'enumeration',
            fieldType: 'select',
            formField: false,
            hidden: true,
            options: [option],
          },
          schema: indexSchema,
          signal,
        });
      }
      return { revision: input.revision, ref: note.id };
    },
  };
}

/** Newest first; where two notes claim one revision number, the earlier note (lower id) holds it. */
function firstPerRevision(index: IndexOption[]): PublishedRevisionRef[] {
  const byRevision = new Map<number, PublishedRevisionRef>();
  for (const ref of index.map(refOf)) {
    if (!ref) continue;
    const held = byRevision.get(ref.revision);
    if (!held || BigInt(ref.ref) < BigInt(held.ref)) byRevision.set(ref.revision, ref);
  }
  return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
}

async function ensureGroup(client: HubSpotClient, signal?: AbortSignal): Promise<void> {
  try {
    await client.request('POST', '/crm/v3/properties/contacts/groups', { body: { ...BATON_PROPERTY_GROUP }, schema: hubSpotPropertyGroupSchema, signal });
  } catch (error) {
    if (!(error instanceof CrmError && error.status === 409)) throw error;
  }
}
