/** The org's Lead Status picklist (LeadStatus rows), in sort order. */
export const LEAD_STATUSES = [
  { label: 'Open - Not Contacted', isDefault: true, isConverted: false },
  { label: 'Working - Contacted', isDefault: false, isConverted: false },
  { label: 'Nurture', isDefault: false, isConverted: false },
  { label: 'Closed - Converted', isDefault: false, isConverted: true },
  { label: 'Closed - Not Converted', isDefault: false, isConverted: false },
] as const;

/** The Salesforce Lead Status a HubSpot lead status becomes in the mirrored org. */
export const HUBSPOT_STATUS_TO_SALESFORCE: Record<string, string> = {
  NEW: 'Open - Not Contacted',
  OPEN: 'Working - Contacted',
  IN_PROGRESS: 'Working - Contacted',
  ATTEMPTED_TO_CONTACT: 'Working - Contacted',
  CONNECTED: 'Working - Contacted',
  OPEN_DEAL: 'Working - Contacted',
  UNQUALIFIED: 'Closed - Not Converted',
  BAD_TIMING: 'Nurture',
};
