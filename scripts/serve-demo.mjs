#!/usr/bin/env node
// Serves the demo intranet page (demo/index.html) and the embed bundle (dist/) the way a provider would:
// static files only, with `Content-Security-Policy: default-src 'self'`, so any inline script or style, eval
// or third-party request shows up as a violation in the browser console. The one dynamic part is the records
// API (scripts/records-api.mjs): assessment records kept as files in var/records/ for the Supervisor view.
//
//   npm start                 build, then serve on http://localhost:8000
//   PORT=8080 npm start       the same on another port (PORT=0: any free port)
//
// `createStaticServer` is reused by the CSP harness (test/csp/check.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecordsApi } from './records-api.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CSP = "default-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** URL prefixes mapped to folders of the repository; `/` is `demo/index.html`. */
export const DEMO_MOUNTS = {
  '/demo/': 'demo/',
  '/dist/': 'dist/',
  '/data/frameworks/': 'data/frameworks/',
};

/** Where the demo keeps assessment records (ignored by git). */
export const RECORDS_DIR = join(ROOT, 'var', 'records');

/**
 * A static file server for `mounts` (URL prefix → folder under the repository root). Every response carries
 * the CSP header; nothing outside the mounted folders is ever served. `routes` adds dynamic JSON answers;
 * `records` is a records API handler (`createRecordsApi`), or null for none.
 */
export function createStaticServer({ mounts = DEMO_MOUNTS, index = 'demo/index.html', routes = {}, csp = CSP, records = null } = {}) {
  return createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (records && (await records(req, res, headers))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request\n');
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204, headers); // no icon; answering stops the browser logging a 404
      return res.end();
    }
    if (routes[pathname]) {
      try {
        return send(200, JSON.stringify(await routes[pathname]()), TYPES['.json']);
      } catch (err) {
        return send(500, `${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    let file;
    if (pathname === '/' || pathname === '/index.html') file = join(ROOT, index);
    else {
      const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
      if (!prefix) return send(404, 'Not found\n');
      const base = join(ROOT, mounts[prefix]);
      let rest = pathname.slice(prefix.length);
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      file = normalize(join(base, rest));
      if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return send(404, 'Not found\n');
    }
    try {
      if (!(await stat(file)).isFile()) return send(404, 'Not found\n');
      const body = await readFile(file);
      return send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      return send(404, 'Not found\n');
    }
  });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1]);
if (isMain) {
  const port = Number(process.env.PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve-demo: PORT must be a port number (0-65535), not "${process.env.PORT}"`);
    process.exit(1);
  }
  const server = createStaticServer({ records: createRecordsApi({ dir: process.env.RECORDS_DIR ?? RECORDS_DIR }) });
  server.on('error', (err) => {
    console.error(`serve-demo: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, () => {
    const { port: actual } = server.address();
    console.log(`levelfit demo: http://localhost:${actual}/  (Content-Security-Policy: ${CSP}; records in ${process.env.RECORDS_DIR ?? RECORDS_DIR}; Ctrl+C to stop)`);
  });
}
