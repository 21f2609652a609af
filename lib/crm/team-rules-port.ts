/*
 * Where a team's published rules live in its CRM (CRM-neutral). Every supported tier must have
 * the place, the admin's connection must be able to write it and every rep's to read it. A
 * provider stores each revision as an immutable text record and keeps an index of them; Baton
 * reads the index (one request) and only the revisions it has not seen (one request each).
 */

export interface PublishedRevisionRef {
  revision: number;
  /** The provider's handle on the stored text (a record id). */
  ref: string;
}

export interface TeamRulesStore {
  /** The most characters one revision's text can hold in this CRM. */
  readonly maxTextLength: number;
  /** The published revisions, newest first; empty when the team has published none. */
  list(options?: { signal?: AbortSignal }): Promise<PublishedRevisionRef[]>;
  read(ref: PublishedRevisionRef, options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Stores a new revision. Refuses with `CrmError('rejected')` (status 409) when that revision
   * number is taken (another admin published first): the caller re-reads and tries again.
   */
  publish(input: { revision: number; text: string; label: string }, options?: { signal?: AbortSignal }): Promise<PublishedRevisionRef>;
}
