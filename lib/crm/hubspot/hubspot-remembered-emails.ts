const MAX_REMEMBERED_EMAILS = 500;

/** Contact id → email from the last read, so a revisit can start the email events at once. */
export interface RememberedEmails {
  get(contactId: string): string | null;
  /** Remembers the email just read (null: the contact has none, forget it). */
  remember(contactId: string, email: string | null): void;
}

export function createRememberedEmails(): RememberedEmails {
  const knownEmails = new Map<string, string>();
  return {
    get(contactId) {
      return knownEmails.get(contactId) ?? null;
    },
    remember(contactId, email) {
      knownEmails.delete(contactId);
      if (email === null) return;
      knownEmails.set(contactId, email);
      // Oldest first in a Map: keep the memory bounded in a long-lived service worker.
      if (knownEmails.size > MAX_REMEMBERED_EMAILS) {
        const oldest = knownEmails.keys().next();
        if (!oldest.done) knownEmails.delete(oldest.value);
      }
    },
  };
}
