/**
 * The demo server's records API (scripts/records-api.mjs): records as files, ETag / If-Match optimistic
 * concurrency (412 on conflict, 428 without a precondition), ids that cannot leave the folder, bodies checked
 * for size, type and validity (the engine's issues). Needs the built engine (`npm run build:lib`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { frameworks, type AssessmentRecord } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';
import { asJson, reviewed, signedOff, submitted } from '../support/records.ts';

const built = existsSync(`${ROOT}packages/engine/lib/index.js`);
// @ts-expect-error: a plain .mjs module without types
const { createStaticServer } = (await import('../../scripts/serve-demo.mjs')) as { createStaticServer: (o: object) => Server };
// @ts-expect-error: a plain .mjs module without types
const { createRecordsApi, MAX_RECORD_BYTES } = (await import('../../scripts/records-api.mjs')) as { createRecordsApi: (o: object) => unknown; MAX_RECORD_BYTES: number };

const fw = frameworks['clinical-homecare'];
const ratings = Object.fromEntries(fw.items.slice(0, 12).map((i) => [i.id, 2]));
let dir: string;
let server: Server;
let base: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'levelfit-records-'));
  server = createStaticServer({ records: createRecordsApi({ dir }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const json = { 'Content-Type': 'application/json' };
const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/${id}`, { method: 'PUT', headers: { ...json, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** A raw request (fetch normalises `..` and refuses some paths; a hostile client does not). */
function raw(path: string, method = 'GET'): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('records API', { skip: !built && 'packages/engine/lib is not built' }, () => {
  test('create, read, replace with If-Match; without a precondition a replace is refused', async () => {
    const record = submitted(fw, ratings);
    assert.deepEqual(await (await fetch(base)).json(), []);
    const created = await put('sam-0042', record);
    assert.equal(created.status, 201);
    const etag = created.headers.get('etag')!;
    assert.match(etag, /^"[A-Za-z0-9_-]{32}"$/);
    assert.deepEqual(await created.json(), asJson(record));
    const got = await fetch(`${base}/sam-0042`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('etag'), etag);
    assert.equal(got.headers.get('content-security-policy'), "default-src 'self'");
    assert.deepEqual(await got.json(), asJson(record));
    assert.equal((await fetch(`${base}/sam-0042`, { headers: { 'If-None-Match': etag } })).status, 304);
    assert.deepEqual(files(), ['sam-0042.json']);

    const inReview = reviewed(fw, ratings, { [fw.items[0]!.id]: { agree: true } });
    const blind = await put('sam-0042', inReview);
    assert.equal(blind.status, 428);
    assert.equal(((await blind.json()) as { error: { code: string } }).error.code, 'precondition_required');
    const replaced = await put('sam-0042', inReview, { 'If-Match': etag });
    assert.equal(replaced.status, 200);
    assert.notEqual(replaced.headers.get('etag'), etag);
    assert.equal(((await (await fetch(`${base}/sam-0042`)).json()) as AssessmentRecord).status, 'in-review');

    const list = (await (await fetch(base)).json()) as { id: string; status: string; person: unknown }[];
    assert.deepEqual(list.map((r) => [r.id, r.status]), [['sam-0042', 'in-review']]);
    assert.equal((await fetch(`${base}/nobody`)).status, 404);
  });

  test('a save made from a stale read gets 412 with the current record; nothing is overwritten', async () => {
    const first = await put('stale-1', submitted(fw, ratings));
    const etag = first.headers.get('etag')!;
    const a = await put('stale-1', reviewed(fw, ratings, { [fw.items[0]!.id]: { agree: true } }), { 'If-Match': etag });
    assert.equal(a.status, 200);
    const onDisk = readFileSync(join(dir, 'stale-1.json'), 'utf8');
    const b = await put('stale-1', reviewed(fw, ratings, { [fw.items[1]!.id]: { rating: 0 } }), { 'If-Match': etag });
    assert.equal(b.status, 412);
    const body = (await b.json()) as { error: { code: string; etag: string; record: AssessmentRecord } };
    assert.equal(body.error.code, 'conflict');
    assert.equal(body.error.etag, a.headers.get('etag'));
    assert.equal(b.headers.get('etag'), a.headers.get('etag'));
    assert.deepEqual(Object.keys(body.error.record.review!.items), [fw.items[0]!.id]);
    assert.equal(readFileSync(join(dir, 'stale-1.json'), 'utf8'), onDisk);
    // If-None-Match: * only creates; If-Match on a missing record fails
    assert.equal((await put('stale-1', submitted(fw, ratings), { 'If-None-Match': '*' })).status, 412);
    assert.equal((await put('never-made', submitted(fw, ratings), { 'If-Match': etag })).status, 412);
    assert.ok(!existsSync(join(dir, 'never-made.json')));
  });

  test('two supervisors signing at once: exactly one wins, the other gets 412, the winner is what is stored', async () => {
    const first = await put('race', reviewed(fw, ratings, {}));
    const etag = first.headers.get('etag')!;
    const [x, y] = await Promise.all([signedOff(fw, ratings), signedOff(fw, ratings, { [fw.items[0]!.id]: { rating: 1, note: 'Second supervisor' } })]);
    for (let round = 0; round < 5; round++) {
      const now = (await fetch(`${base}/race`)).headers.get('etag')!;
      if (round === 0) assert.equal(now, etag);
      const r = round === 0 ? [x, y] : [reviewed(fw, ratings, { [fw.items[2]!.id]: { agree: true } }), reviewed(fw, ratings, { [fw.items[3]!.id]: { agree: true } })];
      const results = await Promise.all(r.map((rec) => put('race', rec, { 'If-Match': now })));
      const statuses = results.map((res) => res.status).sort();
      assert.deepEqual(statuses, [200, 412], `round ${round}`);
      const winner = results.findIndex((res) => res.status === 200);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'race.json'), 'utf8')), asJson(r[winner]));
      if (round === 0) break; // a signed-off record cannot be reviewed again; one round is the sign-off race
    }
  });

  test('ids cannot leave the folder', async () => {
    for (const path of ['/api/records/..%2F..%2Fpackage.json', '/api/records/a.b', '/api/records/a%2Fb', '/api/records/%00', `/api/records/${'a'.repeat(65)}`, '/api/records/a/b']) {
      assert.equal(await raw(path), 400, path);
      assert.equal(await raw(path, 'PUT'), 400, `PUT ${path}`);
    }
    // a path the URL parser folds (/api/records/../../package.json → /package.json) never reaches the API
    for (const path of ['/api/records/../../package.json', '/api/records/..', '/api/records/%2e%2e/%2e%2e/package.json']) assert.equal(await raw(path), 404, path);
    assert.equal(await raw('/api/records/x', 'DELETE'), 405);
    assert.equal(await raw('/api/records', 'PUT'), 405);
  });

  test('bodies: too big, not JSON, not a record, a link that runs script, a rating off the scale, a tampered sign-off', async () => {
    const before = files();
    assert.equal((await put('big', `{"x":"${'a'.repeat(MAX_RECORD_BYTES)}"}`)).status, 413);
    // streamed without a Content-Length, the cap still holds
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('a'.repeat(64 * 1024)));
        c.close();
      },
    });
    const chunked = await fetch(`${base}/big`, { method: 'PUT', headers: json, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal((await fetch(`${base}/x`, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status, 415);
    assert.equal((await put('x', '{"format":')).status, 400);

    const bad = asJson(reviewed(fw, ratings, {})) as Record<string, any>;
    bad.review.items[fw.items[0]!.id] = { agree: true, evidence: [{ kind: 'link', label: 'Click', date: '2026-12-01', ref: 'javascript:alert(1)' }] };
    bad.review.items[fw.items[1]!.id] = { rating: 7 };
    const refused = await put('x', bad);
    assert.equal(refused.status, 422);
    const { issues } = (await refused.json()) as { issues: { code: string; path: unknown[] }[] };
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['unsafe_url', ['review', 'items', fw.items[0]!.id, 'evidence', 0, 'ref']],
        ['rating_off_scale', ['review', 'items', fw.items[1]!.id, 'rating']],
      ],
    );
    const tampered = asJson(await signedOff(fw, ratings)) as Record<string, any>;
    tampered.self.ratings[fw.items[0]!.id] = 3;
    const t = await put('x', tampered);
    assert.equal(t.status, 422);
    assert.equal(((await t.json()) as { error: { code: string } }).error.code, 'hash_mismatch');
    assert.deepEqual(files(), before, 'nothing refused was written');
  });
});
