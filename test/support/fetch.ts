/** Replaces `window.fetch` with a recorder that answers from `routes` (and falls through to the network). */
export interface FetchStub {
  calls: { url: string; init: RequestInit | undefined }[];
  restore(): void;
}

export function stubFetch(routes: Record<string, () => Response>): FetchStub {
  const original = window.fetch;
  const calls: FetchStub['calls'] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    const route = routes[url];
    return route ? Promise.resolve(route()) : original(input, init);
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
