import type { ComponentType } from 'react';

/** What the options page hands a provider's connection form. */
export interface ProviderConnectionFormProps {
  /** `sandbox`: the provider points at the bundled sandbox CRM (demo builds). */
  address: 'vendor' | 'sandbox';
}

export interface ProviderConnectionOption {
  /** The provider kind (lib/crm/<kind>/). */
  kind: string;
  /** What the admin reads under the CRM's name. */
  hint: string;
  Form: ComponentType<ProviderConnectionFormProps>;
}

/**
 * The options page's connection form per provider: each provider's folder under components/options
 * has a `<kind>-connection-form.tsx` exporting `connectionOption`, found by the build. A CRM with
 * no form is not offered as a connection (its pages may still be recognised).
 */
const found = import.meta.glob<ProviderConnectionOption>('./*/*-connection-form.tsx', { eager: true, import: 'connectionOption' });

export const PROVIDER_CONNECTION_FORMS: readonly ProviderConnectionOption[] = Object.values(found);

export function connectionFormFor(kind: string): ProviderConnectionOption | null {
  return PROVIDER_CONNECTION_FORMS.find((option) => option.kind === kind) ?? null;
}
