import type { ProviderAdminSection } from '../provider-admin-sections';
import { HubSpotLeadRecordsSection } from './hubspot-lead-records';

/** HubSpot's own settings on the options page, found by the build (see provider-admin-sections.ts). */
export const adminSection: ProviderAdminSection = { kind: 'hubspot', Section: HubSpotLeadRecordsSection };
