/** The sandbox portal (HubSpot "hub id") every seeded record lives in. */
export const SANDBOX_PORTAL_ID = '2400001';

/**
 * Contact ids of the seeded leads that exercise specific product paths. Ids are fixed (the seed
 * builds these contacts by id), so tests, the demo script and screenshots can name them.
 */
export const SANDBOX_SCENARIOS = {
  /** Rich, good-looking lead for the demo: contact-sales form 12 minutes ago, VP at a mid-market company. */
  demoPrimary: '101',
  /** Second demo lead: webinar attendee turned MQL by score 3 hours ago, pricing and security visits. */
  demoSecondary: '102',
  /** Inbound demo request 2–3 minutes ago, owner just assigned by round robin. */
  justHandedOff: '103',
  /** Contact-sales form ~45 minutes ago, no touch yet (1-hour SLA nearly spent). */
  atRisk: '104',
  /** Demo request two days ago, never touched. */
  breached: '105',
  /** Assigned this morning; the owner called 18 minutes after assignment and sent an email. */
  touched: '106',
  /** Hostile strings in form answers and engagement (HTML, javascript: URL, very long text, RTL, emoji). */
  hostile: '107',
  /** ~1,200 web-analytics events over ten months, so paging is exercised. */
  longHistory: '108',
  /** Works at a competitor (pipewise.com), downloaded the comparison and read pricing. */
  competitor: '109',
  /** Student with a gmail.com address asking for a free licence. */
  personalEmail: '110',
  /** Imported from a trade-show list: no web, form or email engagement at all. */
  noEngagement: '111',
  /** Assigned yesterday; only automated sequence emails since (no human touch). */
  sequenceOnly: '112',
} as const;

export type SandboxScenario = keyof typeof SANDBOX_SCENARIOS;

/**
 * Seeded HubSpot Leads records (object 0-136), by what they exercise. Ids are fixed, in a range of
 * their own; each names the scenario contact it belongs to.
 */
export const SANDBOX_LEAD_SCENARIOS = {
  /** Lead for the primary demo contact (101): its one contact carries the primary label. */
  demoPrimary: '9100000101',
  /** Lead for the at-risk contact (104). */
  atRisk: '9100000104',
  /** Lead for the breached contact (105). */
  breached: '9100000105',
  /**
   * Lead with two contacts: a colleague (112) listed first without a label, then its primary
   * contact (106). Opening it must show 106, which only the primary label tells apart.
   */
  twoContacts: '9100000106',
  /** Lead for the second demo contact (102), in a portal's own pipeline ("Partner referrals", numeric stage ids). */
  partnerPipeline: '9100000102',
  /** Open lead for the competitor's employee (109), who also has an earlier, closed one. */
  competitor: '9100000109',
  /** The competitor contact's (109) lead from last year, closed as disqualified: a disposition leaves it as it is. */
  closedEarlier: '9100000198',
  /** Lead whose contact was deleted: no associated contact at all. */
  noContact: '9100000199',
} as const;

export type SandboxLeadScenario = keyof typeof SANDBOX_LEAD_SCENARIOS;
