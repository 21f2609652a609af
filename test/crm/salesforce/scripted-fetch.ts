/** A fetch that answers from a script, in order, and records what it was asked (no network). */
export interface ScriptedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  redirect: RequestRedirect | undefined;
}

export type ScriptedAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | ((call: ScriptedCall) => Response | Promise<Response>)
  | Error;

export function scriptedFetch(answers: ScriptedAnswer[]): { fetch: typeof fetch; calls: ScriptedCall[]; left: () => number } {
  const calls: ScriptedCall[] = [];
  const queue = [...answers];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: ScriptedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: init?.body === undefined || init.body === null ? null : String(init.body),
      redirect: init?.redirect,
    };
    calls.push(call);
    const answer = queue.shift();
    if (!answer) throw new Error(`unscripted request: ${call.method} ${call.url}`);
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(call);
    const body = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers } });
  }) as typeof fetch;
  return { fetch: fetchFn, calls, left: () => queue.length };
}
