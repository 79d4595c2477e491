/**
 * An optional LRS sender. It makes exactly one request, `POST ${endpoint}/statements`, and only when embedder
 * code calls it with an endpoint and credentials the embedder configured: nothing in levelfit calls it, and it
 * sends nothing else (no telemetry). It never throws: the result is `{ok: true, ids}` or `{ok: false, issue}`.
 */
import type { LmsIssue } from './types.js';
import { utf8 } from './uuid.js';
import { isIri, validateStatements } from './xapi-validate.js';

/** The slice of the Fetch API the sender uses (the platform's `fetch` fits; tests pass a stub). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: unknown; keepalive?: boolean },
) => Promise<{ ok: boolean; status: number; statusText?: string; text(): Promise<string> }>;

export type LrsAuth =
  /** HTTP Basic (the LRS's key and secret). */
  | { username: string; password: string }
  /** A bearer token (OAuth 2 or a launch token). */
  | { token: string }
  /** A ready Authorization header value, e.g. the `auth` a cmi5 or xAPI launch passed in (`Basic …`). */
  | string;

export interface LrsConfig {
  /** The LRS endpoint, e.g. `https://lrs.example.org/xapi/` (`statements` is appended). */
  endpoint: string;
  auth: LrsAuth;
  /** Default: the platform's `fetch`. */
  fetch?: FetchLike;
  /** The xAPI version header (levelfit writes 1.0.3 statements). */
  version?: '1.0.3';
  /** Passed to fetch, so the embedder can abort or time out the request. */
  signal?: unknown;
  /** Let the request outlive the page (fetch's `keepalive`), for a last statement sent as the page is hidden. */
  keepalive?: boolean;
  /** Check the statements with `validateStatements` first and send nothing when they break a rule (default true). */
  validate?: boolean;
}

export type LrsResult = { ok: true; ids: string[] } | { ok: false; issue: LmsIssue; issues?: LmsIssue[]; status?: number };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of a string (Basic credentials may hold any character). */
export function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** The Authorization header value for an `LrsAuth`. */
export function authorizationHeader(auth: LrsAuth): string {
  if (typeof auth === 'string') return auth;
  if ('token' in auth) return `Bearer ${auth.token}`;
  return `Basic ${base64(`${auth.username}:${auth.password}`)}`;
}

const fail = (code: LmsIssue['code'], message: string, extra: { status?: number; issues?: LmsIssue[] } = {}): LrsResult => ({
  ok: false,
  issue: { code, path: ['statements'], message },
  ...extra,
});

/** POST statements to an LRS's Statement Resource. Resolves (never rejects) with the stored ids or one issue. */
export async function sendStatements(statements: readonly unknown[], config: LrsConfig): Promise<LrsResult> {
  try {
    if (!config || typeof config.endpoint !== 'string' || !/^https?:\/\/[^\s/]/i.test(config.endpoint) || !isIri(config.endpoint))
      return { ok: false, issue: { code: 'invalid_config', path: ['endpoint'], message: 'endpoint must be an absolute http(s) URL' } };
    const auth = config.auth;
    const authOk =
      typeof auth === 'string'
        ? auth.length > 0
        : !!auth && (('token' in auth && typeof auth.token === 'string') || ('username' in auth && typeof auth.username === 'string' && typeof auth.password === 'string'));
    if (!authOk) return { ok: false, issue: { code: 'invalid_config', path: ['auth'], message: 'auth must be {username, password}, {token} or an Authorization header value' } };
    if (config.version !== undefined && config.version !== '1.0.3')
      return { ok: false, issue: { code: 'invalid_config', path: ['version'], message: `levelfit sends xAPI 1.0.3 statements, not ${String(config.version)}` } };
    if (!Array.isArray(statements)) return fail('invalid_type', 'statements must be an array');
    if (statements.length === 0) return { ok: true, ids: [] };
    if (config.validate !== false) {
      const issues = validateStatements(statements);
      if (issues.length) return { ok: false, issue: issues[0]!, issues };
    }
    const doFetch: FetchLike | undefined =
      config.fetch ?? (typeof (globalThis as { fetch?: unknown }).fetch === 'function' ? (url, init) => (globalThis as unknown as { fetch: FetchLike }).fetch(url, init) : undefined);
    if (!doFetch) return fail('lrs_unavailable', 'no fetch: pass config.fetch on a platform without one');

    const url = `${config.endpoint.replace(/\/+$/, '')}/statements`;
    const init: Parameters<FetchLike>[1] = {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Experience-API-Version': config.version ?? '1.0.3',
        Authorization: authorizationHeader(auth),
      },
      body: JSON.stringify(statements),
    };
    if (config.signal !== undefined) init.signal = config.signal;
    if (config.keepalive) init.keepalive = true;

    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await doFetch(url, init);
    } catch (e) {
      return fail('lrs_network_error', `the LRS could not be reached: ${e instanceof Error ? e.message : String(e)}`);
    }
    let text = '';
    try {
      text = await response.text();
    } catch {
      text = '';
    }
    if (!response.ok) {
      const detail = text.trim().slice(0, 300);
      const why =
        response.status === 401 || response.status === 403
          ? ' (check the credentials)'
          : response.status === 409
            ? ' (a statement id is already stored with different content)'
            : response.status === 400
              ? ' (the LRS rejected a statement)'
              : response.status >= 500
                ? ' (the LRS failed; try again later)'
                : '';
      return fail('lrs_http_error', `the LRS answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${why}${detail ? `: ${detail}` : ''}`, {
        status: response.status,
      });
    }
    let ids: unknown;
    try {
      ids = JSON.parse(text);
    } catch {
      ids = undefined;
    }
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return { ok: true, ids };
    // 200 must carry the ids (Communication 2.1.2); an LRS that answers otherwise still stored them, under the ids we sent.
    const sent = statements.map((s) => (typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined));
    if (sent.every((id): id is string => typeof id === 'string')) return { ok: true, ids: sent };
    return fail('lrs_invalid_response', `the LRS answered ${response.status} without the statement ids`, { status: response.status });
  } catch (e) {
    return fail('lrs_network_error', `sending failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
