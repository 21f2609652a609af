/** Reads the sandbox CRM's API directly (as the test's source of truth), with its bearer token. */
export async function readJson(sandbox: { url: string }, path: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { Authorization: 'Bearer sandbox', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} -> ${response.status}: ${await response.text()}`);
  return response.json();
}
