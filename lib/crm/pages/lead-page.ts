/**
 * A CRM record page Baton shows a panel for, as a page reader read it from the URL. CRM-neutral:
 * `crm` is a provider kind from the registry (lib/crm/crm-descriptors.ts), and a page served by
 * the sandbox CRM names the provider whose dialect the sandbox speaks, with the sandbox's origin.
 */
export interface LeadPage {
  /** The provider kind, e.g. the one whose folder is lib/crm/<kind>/. */
  crm: string;
  /** The CRM account the record lives in (a portal id, an org's my-domain host...). */
  account: string;
  /** `contact` or `lead`: providers that have both (a lead object beside contacts) tell them apart. */
  objectType: 'contact' | 'lead';
  id: string;
  /** Origin of the page; for the sandbox it is also the API base URL. */
  origin: string;
}

export interface PageEnvironment {
  /** Recognise the local sandbox CRM (demo and test builds only). */
  sandbox: boolean;
}

/** Two readings name the same record (the panel is re-targeted only when this changes). */
export function isSameLeadPage(a: LeadPage | null, b: LeadPage | null): boolean {
  if (!a || !b) return a === b;
  return a.crm === b.crm && a.account === b.account && a.objectType === b.objectType && a.id === b.id && a.origin === b.origin;
}
