// The server every end-to-end suite here uses (test/e2e/run.mjs in Chromium, test/e2e/engines.mjs in every
// engine): the repository's static server with a strict CSP that also requires Trusted Types, the demo's staff
// and Supervisor pages with the violation listener injected, the e2e pages, and the demo's records API on a
// folder of its own.
//
// `?no-tt` on any page serves it under the same CSP without the Trusted Types directives, with
// no-trusted-types.js loaded first so the page runs as in a browser that has no Trusted Types at all
// (Safari before 26, Firefox before 147, both still on care workers' phones): the elements must then work
// with no policy and still cause no CSP violation.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_MOUNTS, createStaticServer } from '../../scripts/serve-demo.mjs';
import { createRecordsApi } from '../../scripts/records-api.mjs';

export const E2E_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html";
/** The same policy for a browser without Trusted Types. */
export const NO_TT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

export const DEMO_PATH = '/e2e/demo/';
export const SUPERVISOR_PATH = '/e2e/supervisor/';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = { [DEMO_PATH]: 'demo/index.html', [SUPERVISOR_PATH]: 'demo/supervisor.html' };
const LISTENER = '<script src="/test/e2e/pages/csp-listener.js"></script>';
const NO_TT = '<script src="/test/e2e/pages/no-trusted-types.js"></script>';

/** Starts the server on a free port; resolves with its origin, the records folder and close(). */
export async function startE2EServer() {
  const recordsDir = mkdtempSync(join(tmpdir(), 'levelfit-e2e-records-'));
  const handlers = Object.fromEntries(
    [E2E_CSP, NO_TT_CSP].map((csp) => [
      csp,
      createStaticServer({
        mounts: { ...DEMO_MOUNTS, '/data/quizzes/': 'data/quizzes/', '/test/e2e/pages/': 'test/e2e/pages/' },
        csp,
        records: createRecordsApi({ dir: recordsDir }),
      }).listeners('request')[0],
    ]),
  );
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const noTT = url.searchParams.has('no-tt');
    const csp = noTT ? NO_TT_CSP : E2E_CSP;
    const page = PAGES[url.pathname] ?? (noTT && /^\/test\/e2e\/pages\/[\w-]+\.html$/.test(url.pathname) ? url.pathname.slice(1) : null);
    if (req.method === 'GET' && page) {
      // The page as shipped, with the violation listener as the first script in <head> (and, for ?no-tt, the
      // script that takes Trusted Types away before it).
      let html = readFileSync(root + page, 'utf8');
      if (!html.includes(LISTENER)) html = html.replace('<head>', `<head>\n    ${LISTENER}`);
      if (noTT) html = html.replace('<head>', `<head>\n    ${NO_TT}`);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
      return res.end(html);
    }
    return handlers[csp](req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    recordsDir,
    close() {
      server.close();
      server.closeAllConnections?.();
      rmSync(recordsDir, { recursive: true, force: true });
    },
  };
}
