import { z } from 'zod';
import { utf8ToBase64 } from '../../format/utf8-base64';
import { CrmError } from '../crm-error';
import type { PublishedRevisionRef, TeamRulesStore } from '../team-rules-port';
import type { SalesforceClient } from './salesforce-client-contract';

/*
 * The team's published rules in a Salesforce org, on every edition with the API: each revision is
 * a Document in a public document folder ("Baton team rules", AccessType Public, so every user
 * can read it; publishing needs "Manage Public Documents"). Its unique name,
 * `Baton_Team_Rules_r<N>`, is the revision number, and the org itself refuses a second document
 * with the same unique name, so two admins can never publish the same revision.
 * Reading costs one SOQL query for the index and one Body read per revision not seen before.
 */

export const TEAM_RULES_FOLDER = 'Baton_Team_Rules';
const NAME_PREFIX = 'Baton_Team_Rules_r';
const REVISION_NAME = /^Baton_Team_Rules_r(\d+)$/;
/** Documents hold up to 5 MB; Baton keeps revisions far smaller, at the size other CRMs accept. */
const MAX_TEXT = 1_000_000;

const documentRowSchema = z.looseObject({ Id: z.string(), DeveloperName: z.string().nullable().optional() });
const folderRowSchema = z.looseObject({ Id: z.string() });
const createdSchema = z.looseObject({ id: z.string() });

function isDuplicate(error: unknown): boolean {
  return error instanceof CrmError && error.kind === 'rejected' && /DUPLICATE/.test(error.message);
}

export function createSalesforceTeamRulesStore(client: SalesforceClient): TeamRulesStore {
  async function folderId(signal?: AbortSignal): Promise<string> {
    const found = await client.query(`SELECT Id FROM Folder WHERE DeveloperName = '${TEAM_RULES_FOLDER}' AND Type = 'Document'`, folderRowSchema, { signal, maxPages: 1 });
    if (found.records[0]) return found.records[0].Id;
    try {
      const created = await client.request('POST', 'sobjects/Folder', {
        body: { Name: 'Baton team rules', DeveloperName: TEAM_RULES_FOLDER, AccessType: 'Public', Type: 'Document' },
        schema: createdSchema,
        signal,
      });
      return created.id;
    } catch (error) {
      // Another admin created it a moment ago.
      if (!isDuplicate(error)) throw error;
      const again = await client.query(`SELECT Id FROM Folder WHERE DeveloperName = '${TEAM_RULES_FOLDER}'`, folderRowSchema, { signal, maxPages: 1 });
      if (!again.records[0]) throw error;
      return again.records[0].Id;
    }
  }

  return {
    maxTextLength: MAX_TEXT,

    async list(options = {}) {
      const found = await client.query(`SELECT Id, DeveloperName FROM Document WHERE DeveloperName LIKE '${NAME_PREFIX}%' ORDER BY CreatedDate DESC LIMIT 500`, documentRowSchema, {
        signal: options.signal,
        maxPages: 1,
      });
      return found.records
        .flatMap((row): PublishedRevisionRef[] => {
          const match = REVISION_NAME.exec(row.DeveloperName ?? '');
          return match ? [{ revision: Number(match[1]), ref: row.Id }] : [];
        })
        .sort((a, b) => b.revision - a.revision);
    },

    async read(ref, options = {}) {
      if (!client.requestText) throw new CrmError('rejected', 'This Salesforce connection cannot read documents.');
      const answer = await client.requestText('GET', `sobjects/Document/${encodeURIComponent(ref.ref)}/Body`, { signal: options.signal });
      return answer.text;
    },

    async publish(input, options = {}) {
      const { signal } = options;
      const folder = await folderId(signal);
      try {
        const created = await client.request('POST', 'sobjects/Document', {
          body: {
            Name: input.label.slice(0, 255),
            DeveloperName: `${NAME_PREFIX}${input.revision}`,
            FolderId: folder,
            ContentType: 'text/plain',
            Type: 'txt',
            Description: 'Rules Baton shares with every rep. Managed by Baton: do not edit or delete.',
            Body: utf8ToBase64(input.text),
          },
          schema: createdSchema,
          signal,
        });
        return { revision: input.revision, ref: created.id };
      } catch (error) {
        if (isDuplicate(error)) {
          throw new CrmError('rejected', `Revision ${input.revision} was published by someone else a moment ago. Reload the rules and publish again.`, { status: 409 });
        }
        throw error;
      }
    },
  };
}
