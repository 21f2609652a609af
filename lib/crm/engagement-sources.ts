import type { EngagementSource } from './engagement-source-port';

/**
 * Every engagement source the background can read (marketing platforms that are not the CRM). Each
 * source folder has a `<kind>-engagement-source.ts` exporting `engagementSource`; the build finds
 * them (as providers.ts finds CRM providers), so adding a source changes no file here. Ordered by
 * label so the options page and the panel list them the same way every time.
 */
const found = import.meta.glob<EngagementSource>('./*/*-engagement-source.ts', { eager: true, import: 'engagementSource' });

export const ENGAGEMENT_SOURCES: readonly EngagementSource[] = Object.values(found).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
