import { SALESFORCE_LEAD_SCENARIOS } from './salesforce/salesforce-scenarios';

/** A lead page the demo's walk-through opens, named as the person watching it would say. */
export interface DemoPage {
  label: string;
  url: string;
  /** File name of its screenshot in demo-output/. */
  screenshot: string;
}

/**
 * Lead pages of the other CRM dialects the sandbox speaks (beyond the one the demo starts on), so
 * the harness walks every dialect without naming a CRM itself.
 */
export function otherDialectDemoPages(sandboxUrl: string): DemoPage[] {
  return [
    { label: 'Salesforce lead', url: `${sandboxUrl}/lightning/r/Lead/${SALESFORCE_LEAD_SCENARIOS.demoPrimary}/view`, screenshot: '03-salesforce-lead-page.png' },
  ];
}
