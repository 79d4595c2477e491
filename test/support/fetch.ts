/** Replaces `window.fetch` with a recorder that answers from `routes` (and falls through to the network). */
export interface FetchStub {
  calls: { url: string; init: RequestInit | undefined }[];
  restore(): void;
}

export function stubFetch(routes: Record<string, (init?: RequestInit) => Response | Promise<Response>>): FetchStub {
  const original = window.fetch;
  const calls: FetchStub['calls'] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    const route = routes[url];
    return route ? Promise.resolve(route(init)) : original(input, init);
  };
  return {
    calls,
    restore() {
      window.fetch = original;
    },
  };
}

export const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server that never answers: the request settles only when it is aborted. */
export const neverAnswers = (init?: RequestInit): Promise<Response> =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError'))));
