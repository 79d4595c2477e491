/**
 * Which evidence references may become links. A record travels between systems and is rendered by elements a
 * host embeds, so a `ref` of `javascript:alert(1)` must never reach an `href`.
 */
import { SAFE_URL_SCHEMES } from './schema.js';

const safeSchemes: ReadonlySet<string> = new Set(SAFE_URL_SCHEMES);

/**
 * Browsers ignore ASCII tabs and newlines anywhere in a URL and leading control characters and spaces, so
 * `java\tscript:` and ` javascript:` run script: compare what a browser would read.
 */
function asBrowserReads(ref: string): string {
  // eslint-disable-next-line no-control-regex
  return ref.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/** The scheme a browser would see (`https`, `javascript`), lower-case, or null for a reference with none. */
export function urlScheme(ref: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(asBrowserReads(ref));
  return m ? m[1]!.toLowerCase() : null;
}

/** True when `ref` is an absolute URL with a scheme an evidence link may use (http, https, mailto, tel, urn). */
export function isSafeUrl(ref: string): boolean {
  const scheme = urlScheme(ref);
  if (scheme === null || !safeSchemes.has(scheme)) return false;
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(asBrowserReads(ref)).host !== '';
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Why `ref` cannot stand as an evidence reference, or null. A `link` must be a safe URL; any other kind may be
 * plain text (a document number, a quiz id) but, where it starts with a scheme, only a safe one.
 */
export function refProblem(ref: string, isLink: boolean): string | null {
  const scheme = urlScheme(ref);
  if (isLink) {
    if (isSafeUrl(ref)) return null;
    const allowed = 'https://, http://, mailto: or tel:';
    return scheme === null || safeSchemes.has(scheme) ? `a link must be a full address starting ${allowed}` : `"${scheme}:" links are not allowed: a link starts ${allowed}`;
  }
  // "Policy: medication" is text, not a URL: only a known-dangerous or unsupported scheme followed by no space is refused
  if (scheme === null || safeSchemes.has(scheme)) return null;
  const rest = asBrowserReads(ref).slice(scheme.length + 1);
  if (/^\s/.test(rest) && !DANGEROUS.has(scheme)) return null;
  return `"${scheme}:" references are not allowed: use ${SAFE_URL_SCHEMES.map((s) => `${s}:`).join(', ')} or plain text`;
}

const DANGEROUS: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'file', 'blob', 'filesystem']);
