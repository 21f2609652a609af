import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe over the page, keeping only what is inside Baton's panel (the host CRM page is not ours to judge). As in panel-a11y.spec.ts. */
export async function panelViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.filter((n) => JSON.stringify(n.target).includes('baton-panel')).map((n) => n.html.slice(0, 120)) }))
    .filter((v) => v.nodes.length > 0);
}
