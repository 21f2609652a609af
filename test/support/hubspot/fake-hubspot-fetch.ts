/** A fake `fetch` for HubSpot tests: routes by method + path, records every request. */

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  startedAt: number;
  endedAt: number | null;
}

export type FakeRoute = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/**
 * A fake fetch: `routes` maps "METHOD /path" (no query) to a handler. Records every request with
 * a logical clock so tests can tell which requests were in flight at the same time.
 */
export function createFakeFetch(routes: Record<string, FakeRoute>, { delayMs = 5 }: { delayMs?: number } = {}) {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      startedAt: performance.now(),
      endedAt: null,
    };
    requests.push(recorded);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (init?.signal?.aborted) throw init.signal.reason;
      const route = routes[`${method} ${url.pathname}`] ?? routes[`${method} *`];
      if (!route) return jsonResponse({ status: 'error', message: `no fake route for ${method} ${url.pathname}`, category: 'OBJECT_NOT_FOUND' }, { status: 404 });
      return await route(recorded);
    } finally {
      inFlight--;
      recorded.endedAt = performance.now();
    }
  };
  return {
    fetch: fakeFetch,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    paths: () => requests.map((r) => `${r.method} ${r.url.pathname}`),
  };
}
