import type { ComponentType } from 'react';

/**
 * Settings only one CRM has (HubSpot's Leads object stages and reasons, say): each provider's folder
 * under components/options may have a `<kind>-admin-section.tsx` exporting `adminSection`, found by
 * the build, so the options page names no CRM. Each section decides itself whether it applies to
 * the connection in force (and renders nothing otherwise).
 */
export interface ProviderAdminSection {
  /** The provider kind (lib/crm/<kind>/). */
  kind: string;
  Section: ComponentType;
}

const found = import.meta.glob<ProviderAdminSection>('./*/*-admin-section.tsx', { eager: true, import: 'adminSection' });

export const PROVIDER_ADMIN_SECTIONS: readonly ProviderAdminSection[] = Object.values(found).sort((a, b) => a.kind.localeCompare(b.kind));
