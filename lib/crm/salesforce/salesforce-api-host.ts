/*
 * An org's API host from any of its hosts. With enhanced domains (enforced since Winter '24) the
 * Lightning UI is `acme.lightning.force.com` and the API `acme.my.salesforce.com`; sandboxes
 * (`acme--sbx.sandbox.…`) and partitioned orgs (`x.develop.…`, `.scratch.`, `.demo.`, `.patch.`,
 * `.trailblaze.`, `.free.`) keep their partition. Baton always calls the API host: a call to the
 * Lightning host is redirected, and the redirect drops the Authorization header. Pure regular
 * expressions: the content script names a page's account with this.
 */

const ORG_HOST = /^([a-z0-9][a-z0-9-]*)(\.(?:sandbox|develop|scratch|demo|patch|trailblaze|free))?\.(?:lightning\.force|my\.salesforce)\.com$/;

/** `acme--sbx.sandbox.lightning.force.com` → `acme--sbx.sandbox.my.salesforce.com`; null: not an org's host. */
export function salesforceApiHost(host: string): string | null {
  const m = ORG_HOST.exec(host.toLowerCase());
  return m ? `${m[1]}${m[2] ?? ''}.my.salesforce.com` : null;
}
