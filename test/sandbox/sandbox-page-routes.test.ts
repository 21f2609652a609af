import { describe, expect, it } from 'vitest';
import { sandboxForThisFile } from './sandbox-for-this-file';

/**
 * The sandbox's page routes over HTTP: / redirects to the contacts list, record pages and reports
 * are served, unknown pages are 404, and the page script builds no HTML from strings. (How the pages
 * behave in a browser: sandbox-pages.test.ts.)
 */

const sandbox = sandboxForThisFile();

describe('pages', () => {
  it('redirects / to the contacts list and serves record pages, 404 for unknown pages', async () => {
    const root = await fetch(`${sandbox.server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/contacts/2400001/objects/0-1/views/all/list');
    const record = await fetch(`${sandbox.server.url}/contacts/2400001/record/0-1/101`);
    expect(record.status).toBe(200);
    expect(await record.text()).toContain('Sandbox CRM');
    const script = await fetch(`${sandbox.server.url}/sandbox-assets/app.js`);
    const source = await script.text();
    expect(source).toContain('pushState');
    expect(source).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
    expect((await fetch(`${sandbox.server.url}/reports/2400001`)).status).toBe(200);
    expect((await fetch(`${sandbox.server.url}/contacts/2400001/nope`)).status).toBe(404);
  });
});
