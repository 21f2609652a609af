import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * The CRM-like pages: one HTML shell for every page route (the client renders and navigates with
 * history.pushState, like a real CRM's SPA), plus its script and stylesheet. Files are read once.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/sandbox-assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox-assets/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const cache = new Map<string, string>();
function readPageFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export function listPath(portalId: string): string {
  return `/contacts/${portalId}/objects/0-1/views/all/list`;
}

/** The Leads index (HubSpot's object 0-136), in the same URL form as the contacts list. */
export function leadListPath(portalId: string): string {
  return `/contacts/${portalId}/objects/0-136/views/all/list`;
}

/** A Leads record page: HubSpot's `/contacts/{portal}/record/0-136/{id}`, which Baton's page reader knows. */
export function leadRecordPath(portalId: string, leadId: string): string {
  return `/contacts/${portalId}/record/0-136/${leadId}`;
}

/** Page routes the shell renders; anything else under the portal is a 404 page. */
function isShellRoute(path: string, portalId: string): boolean {
  return (
    path === listPath(portalId) ||
    path === leadListPath(portalId) ||
    new RegExp(`^/contacts/${portalId}/(record/0-1|record/0-136|contact)/\\d+$`).test(path) ||
    path === `/reports/${portalId}`
  );
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // The pages render data as text; a script CSP keeps it that way even if a bug slipped in.
  // Frames stay open on purpose: Baton mounts its panel on these pages as an extension iframe.
  'Content-Security-Policy': "script-src 'self'; object-src 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
};

export function servePage(res: ServerResponse, method: string, path: string, portalId: string): void {
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
    res.end('Method not allowed');
    return;
  }
  if (path === '/') {
    res.writeHead(302, { Location: listPath(portalId) });
    res.end();
    return;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  const asset = ASSETS[path];
  if (asset) {
    res.writeHead(200, { 'Content-Type': asset.type, ...SECURITY_HEADERS });
    res.end(method === 'HEAD' ? undefined : readPageFile(asset.file));
    return;
  }
  const found = isShellRoute(path, portalId);
  const html = readPageFile('app.html').replaceAll('{{PORTAL_ID}}', portalId);
  res.writeHead(found ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(method === 'HEAD' ? undefined : html);
}
