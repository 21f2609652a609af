/** One field of an engagement source's settings form. `secret`: sent to the background, never shown again. */
export interface EngagementSourceField {
  name: string;
  label: string;
  kind: 'text' | 'secret' | 'choice';
  /** What the admin reads under the field: where to find the value. */
  help: string;
  placeholder?: string;
  choices?: { value: string; label: string }[];
}

/**
 * A marketing engagement source's part of the options page: each source's folder under
 * components/options has a `<kind>-engagement-source-form.ts` exporting `engagementSourceForm`,
 * found by the build (engagement-sources-section.tsx), so adding a source changes no file here.
 */
export interface EngagementSourceFormDescription {
  kind: string;
  label: string;
  /** One line on what this source adds and how Baton signs in. */
  hint: string;
  fields: EngagementSourceField[];
  /** Demo builds on the sandbox CRM: what to enter to reach the sandbox's dialect. */
  sandboxNote?: string;
}
