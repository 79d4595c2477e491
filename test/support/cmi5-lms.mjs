/**
 * A cmi5 LMS on loopback for tests: the part of an LMS an assignable unit talks to.
 *
 * - Statements go to a real LRS process: Learning Locker's `xapi-statements` service (npm), run with its
 *   in-memory models and storage. It checks every statement itself and answers 400 to one it rejects.
 * - `xapi-statements` has no State API or cmi5 token endpoint, so this process adds them: the one-time fetch
 *   URL (cmi5 section 8.2: a second POST gets an error), and an in-memory xAPI State resource (GET, PUT, POST,
 *   DELETE, keyed by activity, agent, registration and state id) that holds `LMS.LaunchData`. Both check the
 *   token the fetch URL gave, as an LMS does.
 * - Every statement that reaches the LRS is logged in order with what two validators say about it: Learning
 *   Locker's `xapi-validation` and levelfit's `validateStatements` (from the built engine, packages/engine/lib).
 * - CORS as an LRS on another origin answers it, so a page under test talks to it cross-origin.
 *
 * Test-only endpoints: `POST /_test/launch` (makes a launch: registration, LMS.LaunchData, the `launched`
 * statement; answers the launch query string), `GET /_test/log` (the log), `GET /_test/statements` (what the
 * LRS has stored for a registration, read back from it).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const xapiValidationModule = require('xapi-validation');
const xapiValidation = typeof xapiValidationModule === 'function' ? xapiValidationModule : xapiValidationModule.default;

export const AU_ACTIVITY_ID = 'https://lms.example.org/courses/care-basics/au/levelfit-quiz';
export const LEARNER = { objectType: 'Agent', name: 'Learner One', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };
const LRS_CREDENTIALS = `Basic ${Buffer.from('lms:lms-secret').toString('base64')}`;

/** Where the LRS's server is: it has its own install in test/lrs (scripts/install-lrs.mjs, `npm run test:lrs`). */
function lrsServer() {
  try {
    return createRequire(join(ROOT, 'test', 'lrs', 'package.json')).resolve('xapi-statements/dist/server.js');
  } catch {
    throw new Error('the test LRS is not installed: run `npm run test:lrs` (it installs xapi-statements into test/lrs)');
  }
}

/** Starts `xapi-statements` on a free loopback port; resolves when it listens. */
async function startLrs() {
  const storage = mkdtempSync(join(tmpdir(), 'levelfit-lrs-'));
  const port = await freePort();
  const child = spawn(process.execPath, [lrsServer()], {
    cwd: storage,
    env: {
      ...process.env,
      EXPRESS_PORT: String(port),
      // in-memory models and storage; the test auth (every request is the same client); no Redis events
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      FS_LOCAL_STORAGE_DIR: storage,
      EXPRESS_MORGAN_DIRECTORY: join(storage, 'accessLogs'),
      WINSTON_CONSOLE_LEVEL: 'warn',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}/xAPI`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`xapi-statements exited (${child.exitCode}): ${output.slice(-500)}`);
    try {
      const res = await fetch(`${base}/about`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`xapi-statements did not start: ${output.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    about: await (await fetch(`${base}/about`)).json(),
    stop() {
      child.kill();
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Agents compare by their one identifier, whatever else (name, objectType) the JSON carries. */
const agentKey = (text) => {
  try {
    const a = JSON.parse(text);
    return JSON.stringify(a.account ? { account: { homePage: a.account.homePage, name: a.account.name } } : { mbox: a.mbox, mbox_sha1sum: a.mbox_sha1sum, openid: a.openid });
  } catch {
    return null;
  }
};

/**
 * Starts the LMS (and its LRS). `await lms.close()` stops both.
 * @returns {Promise<{base: string, lrs: string, launch: (o?: object) => Promise<{query: string, registration: string, sessionId: string}>, log: object[], state: Map<string, string>, fetchCalls: number, stored: (registration: string) => Promise<object[]>, close: () => Promise<void>}>}
 */
export async function startCmi5Lms() {
  const lrs = await startLrs();
  const { validateStatements } = await import(pathToFileURL(join(ROOT, 'packages/engine/lib/lms/index.js')).href);
  const tokens = new Map(); // fetch id -> token (or null once used)
  const valid = new Set(); // tokens handed out
  const state = new Map(); // activityId|agent|registration|stateId -> JSON text
  const log = [];
  let fetchCalls = 0;
  let base = '';

  const stateKey = (q) => [q.get('activityId'), agentKey(q.get('agent') ?? ''), q.get('registration') ?? '', q.get('stateId')].join('|');

  async function lrsRequest(method, path, body) {
    const res = await fetch(`${lrs.base}${path}`, {
      method,
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_CREDENTIALS, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    });
    return { status: res.status, text: await res.text() };
  }

  async function launch({ launchMode = 'Normal', masteryScore, moveOn = 'CompletedOrPassed', returnURL = 'https://lms.example.org/courses/care-basics', registration = randomUUID(), actor = LEARNER, activityId = AU_ACTIVITY_ID } = {}) {
    const sessionId = randomUUID();
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lms.example.org/courses/care-basics/au/levelfit-quiz/publisher' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId },
    };
    const launchData = { contextTemplate, launchMode, moveOn, returnURL, launchMethod: 'AnyWindow' };
    if (masteryScore !== undefined) launchData.masteryScore = masteryScore;
    const agent = JSON.stringify(actor);
    state.set([activityId, agentKey(agent), registration, 'LMS.LaunchData'].join('|'), JSON.stringify(launchData));
    // The LMS's own `launched` statement comes before the AU's first (cmi5 9.3.1).
    const launched = {
      id: randomUUID(),
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: activityId },
      context: { ...structuredClone(contextTemplate), registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] } },
      result: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': moveOn } },
      timestamp: new Date().toISOString(),
    };
    const sent = await lrsRequest('POST', '/statements', JSON.stringify(launched));
    if (sent.status !== 200) throw new Error(`the LRS refused the launched statement: ${sent.status} ${sent.text}`);
    const fetchId = randomUUID();
    tokens.set(fetchId, Buffer.from(`au-${fetchId}:${randomUUID()}`).toString('base64'));
    const query = new URLSearchParams({ endpoint: `${base}/xapi/`, fetch: `${base}/fetch/${fetchId}`, actor: agent, registration, activityId });
    return { query: `?${query.toString()}`, registration, sessionId };
  }

  async function stored(registration) {
    const res = await lrsRequest('GET', `/statements?registration=${encodeURIComponent(registration)}&ascending=true&limit=500`);
    return JSON.parse(res.text).statements;
  }

  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Expose-Headers': 'X-Experience-API-Version, ETag',
  };
  const send = (res, status, body, type = 'application/json') => {
    res.writeHead(status, { ...cors, 'X-Experience-API-Version': '1.0.3', ...(body === undefined ? {} : { 'Content-Type': type }) });
    res.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, base);
      if (req.method === 'OPTIONS') return send(res, 204);
      if (url.pathname === '/_test/launch' && req.method === 'POST') return send(res, 200, await launch(JSON.parse((await readBody(req)) || '{}')));
      if (url.pathname === '/_test/log') return send(res, 200, { log, fetchCalls });
      if (url.pathname === '/_test/statements') return send(res, 200, await stored(url.searchParams.get('registration') ?? ''));

      const fetchMatch = /^\/fetch\/([\w-]+)$/.exec(url.pathname);
      if (fetchMatch) {
        fetchCalls++;
        if (req.method !== 'POST') return send(res, 405, { 'error-code': '3', 'error-text': 'POST only' });
        const token = tokens.get(fetchMatch[1]);
        if (token === undefined) return send(res, 200, { 'error-code': '3', 'error-text': 'unknown launch' });
        if (token === null) return send(res, 200, { 'error-code': '1', 'error-text': 'the fetch URL was already used' });
        tokens.set(fetchMatch[1], null);
        valid.add(token);
        return send(res, 200, { 'auth-token': token });
      }

      if (!url.pathname.startsWith('/xapi/')) return send(res, 404, { error: 'not found' });
      if (req.headers['x-experience-api-version'] !== '1.0.3') return send(res, 400, { error: 'X-Experience-API-Version 1.0.3 required' });
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Basic ') || !valid.has(auth.slice(6))) return send(res, 401, { error: 'unknown token' });

      if (url.pathname === '/xapi/activities/state') {
        const q = url.searchParams;
        if (!q.get('activityId') || !q.get('agent') || !q.get('stateId') || agentKey(q.get('agent')) === null) return send(res, 400, { error: 'activityId, agent and stateId are required' });
        const key = stateKey(q);
        if (req.method === 'GET') return state.has(key) ? send(res, 200, state.get(key)) : send(res, 404, { error: 'no such state' });
        if (req.method === 'PUT' || req.method === 'POST') {
          const body = await readBody(req);
          try {
            JSON.parse(body);
          } catch {
            return send(res, 400, { error: 'state documents here are JSON' });
          }
          // POST merges JSON objects (xAPI Communication 2.2); PUT replaces
          if (req.method === 'POST' && state.has(key)) state.set(key, JSON.stringify({ ...JSON.parse(state.get(key)), ...JSON.parse(body) }));
          else state.set(key, body);
          return send(res, 204);
        }
        if (req.method === 'DELETE') {
          state.delete(key);
          return send(res, 204);
        }
        return send(res, 405, { error: 'method' });
      }

      if (url.pathname === '/xapi/statements' && (req.method === 'POST' || req.method === 'PUT')) {
        const body = await readBody(req);
        const forwarded = await lrsRequest(req.method, `/statements${url.search}`, body);
        if (forwarded.status === 200 || forwarded.status === 204) {
          let statements = JSON.parse(body);
          if (!Array.isArray(statements)) statements = [statements];
          for (const statement of statements)
            log.push({ statement, xapiValidation: xapiValidation(statement), levelfit: validateStatements([statement]) });
        }
        return send(res, forwarded.status, forwarded.text);
      }
      if (url.pathname === '/xapi/statements' && req.method === 'GET') {
        const forwarded = await lrsRequest('GET', `/statements${url.search}`);
        return send(res, forwarded.status, forwarded.text);
      }
      return send(res, 404, { error: 'not found' });
    } catch (e) {
      send(res, 500, { error: String(e?.stack ?? e) });
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;

  return {
    base,
    lrs: lrs.base,
    lrsAbout: lrs.about,
    launch,
    log,
    state,
    get fetchCalls() {
      return fetchCalls;
    },
    stored,
    async close() {
      await new Promise((r) => server.close(r));
      lrs.stop();
    },
  };
}
