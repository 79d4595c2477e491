// The demo's records API: how a host passes assessment records between a staff member's page and a
// supervisor's, with nothing but files. A provider replaces this with its own HR system (README, "Supervisor
// review"); the contract is the same:
//
//   GET  /api/records          → 200 [{ id, status, person, framework, submittedAt, etag }]   (newest first)
//   GET  /api/records/:id      → 200 record, ETag: "<hash>"            | 404
//   PUT  /api/records/:id      → 201 created / 200 replaced, ETag        (body: an AssessmentRecord as JSON)
//        If-None-Match: *      create only: 412 when the record already exists
//        If-Match: "<etag>"    replace only what you read: 412 with the current record when someone saved since
//        (neither)             create only; replacing without If-Match is 428, so no save silently overwrites another
//   Errors are JSON { error: { code, message }, issues? }: 400 bad id or JSON, 413 body too big, 415 not JSON,
//   422 not a valid record (the engine's issues) or a signed-off record whose hash does not verify.
//
// Each record is one file, var/records/<id>.json (var/ is ignored by git). Writes go to a temporary file and
// are renamed over the old one, and each id's read-check-write runs alone, so two supervisors saving at once
// cannot both win: the second gets 412.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Ids are what a host's systems would use: letters, digits, dashes and underscores. No dots, so no `..`. */
export const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const MAX_RECORD_BYTES = 256 * 1024;
export const RECORDS_PREFIX = '/api/records';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A strong ETag from the stored bytes: equal bytes, equal tag, whoever wrote them. */
export const etagOf = (bytes) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

class HttpError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** Reads a request body up to `limit` bytes; past it, stops reading and fails with 413. */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, 'too_big', `a record is at most ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'too_big', `a record is at most ${limit} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The engine, loaded on first use (the demo server also serves pages before the engine is built). */
let engine;
async function loadEngine() {
  try {
    engine ??= await import('@levelfit/engine');
    return engine;
  } catch {
    throw new HttpError(503, 'unavailable', 'the engine is not built: run `npm run build:lib`');
  }
}

/**
 * A request handler for the records API storing files in `dir`. Returns a function `(req, res, headers)` that
 * answers and resolves true for a request under /api/records, and resolves false for anything else.
 */
export function createRecordsApi({ dir, maxBytes = MAX_RECORD_BYTES } = {}) {
  if (!dir) throw new Error('createRecordsApi: give the folder to keep records in');
  /** One promise chain per id: each read-check-write waits for the one before it. */
  const queues = new Map();
  const exclusive = (id, task) => {
    const before = queues.get(id) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(id, settled);
    settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return run;
  };
  const fileOf = (id) => join(dir, `${id}.json`);
  const current = async (id) => {
    try {
      const bytes = await readFile(fileOf(id));
      return { bytes, etag: etagOf(bytes) };
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };

  async function list() {
    let names = [];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json') && RECORD_ID.test(n.slice(0, -5)));
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    const out = [];
    for (const name of names) {
      const id = name.slice(0, -5);
      const found = await current(id);
      if (!found) continue;
      try {
        const r = JSON.parse(found.bytes.toString('utf8'));
        out.push({ id, status: r.status, person: r.person, framework: r.framework, submittedAt: r.self?.submittedAt, etag: found.etag });
      } catch {
        // a file someone broke by hand: listed by id so it can still be found and replaced
        out.push({ id, status: null, etag: found.etag });
      }
    }
    return out.sort((a, b) => String(b.submittedAt ?? '').localeCompare(String(a.submittedAt ?? '')));
  }

  async function put(id, req) {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      req.resume();
      throw new HttpError(415, 'unsupported_type', 'send the record as application/json');
    }
    const body = await readBody(req, maxBytes);
    let data;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new HttpError(400, 'invalid_json', `not valid JSON: ${err.message}`);
    }
    const { safeParseRecord, verifyRecord, frameworks, isBuiltinFrameworkId } = await loadEngine();
    const fwId = data?.framework?.id;
    const fw = isBuiltinFrameworkId(fwId) && frameworks[fwId].version === data?.framework?.version ? frameworks[fwId] : undefined;
    const parsed = safeParseRecord(data, fw);
    if (!parsed.success) throw new HttpError(422, 'invalid_record', 'this is not a valid assessment record', { issues: parsed.issues });
    if (parsed.data.status === 'signed-off') {
      const v = await verifyRecord(parsed.data);
      if (v.status === 'changed') throw new HttpError(422, 'hash_mismatch', 'the record has changed since it was signed off', { issues: v.issues });
    }
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    return exclusive(id, async () => {
      const now = await current(id);
      if (ifNoneMatch === '*' && now) {
        throw new HttpError(412, 'exists', 'a record with this id exists already', { etag: now.etag, record: JSON.parse(now.bytes.toString('utf8')) });
      }
      if (ifMatch !== undefined) {
        const tags = ifMatch.split(',').map((t) => t.trim());
        if (!now || !(tags.includes(now.etag) || tags.includes('*'))) {
          throw new HttpError(412, 'conflict', now ? 'someone else saved this record since you opened it' : 'this record does not exist', {
            etag: now?.etag ?? null,
            record: now ? JSON.parse(now.bytes.toString('utf8')) : null,
          });
        }
      } else if (now && ifNoneMatch !== '*') {
        throw new HttpError(428, 'precondition_required', 'send If-Match with the ETag you read, so no one else\'s save is overwritten');
      }
      const bytes = Buffer.from(`${JSON.stringify(parsed.data, null, 2)}\n`);
      await mkdir(dir, { recursive: true });
      const tmp = `${fileOf(id)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, fileOf(id));
      return { status: now ? 200 : 201, bytes, etag: etagOf(bytes) };
    });
  }

  return async function handle(req, res, headers = {}) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== RECORDS_PREFIX && !url.pathname.startsWith(`${RECORDS_PREFIX}/`)) return false;
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const fail = (err) => {
      if (err instanceof HttpError) {
        const { issues, ...rest } = err.extra;
        const body = { error: { code: err.code, message: err.message, ...rest } };
        if (issues) body.issues = issues;
        return send(err.status, JSON.stringify(body), rest.etag ? { ETag: rest.etag } : {});
      }
      return send(500, JSON.stringify({ error: { code: 'server_error', message: 'the record could not be saved or read' } }));
    };
    try {
      if (url.pathname === RECORDS_PREFIX || url.pathname === `${RECORDS_PREFIX}/`) {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'GET the list of records');
        send(200, JSON.stringify(await list()));
        return true;
      }
      // the raw path, undecoded: an encoded slash or dot never becomes part of a file name
      const id = url.pathname.slice(RECORDS_PREFIX.length + 1);
      if (!RECORD_ID.test(id)) throw new HttpError(400, 'invalid_id', 'a record id is 1 to 64 letters, digits, dashes or underscores');
      if (req.method === 'GET' || req.method === 'HEAD') {
        const found = await current(id);
        if (!found) throw new HttpError(404, 'not_found', 'there is no record with this id');
        if (req.headers['if-none-match'] === found.etag) {
          res.writeHead(304, { ...headers, ETag: found.etag });
          res.end();
          return true;
        }
        send(200, found.bytes, { ETag: found.etag });
        return true;
      }
      if (req.method === 'PUT') {
        const saved = await put(id, req);
        send(saved.status, saved.bytes, { ETag: saved.etag });
        return true;
      }
      res.setHeader('Allow', 'GET, HEAD, PUT');
      throw new HttpError(405, 'method_not_allowed', 'use GET or PUT');
    } catch (err) {
      if (!(err instanceof HttpError)) console.error(`records API: ${err?.stack ?? err}`);
      fail(err);
      return true;
    }
  };
}
