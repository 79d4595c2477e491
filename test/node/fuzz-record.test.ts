/**
 * Fuzzing `parseRecord` / `safeParseRecord` (issue 10) like the framework parser: mutations of valid records
 * (submitted, in review with evidence, signed off, returned, migrated) with hostile values, hostile keys,
 * hostile evidence links and deleted keys, as objects and as JSON text, and fully random values and text.
 *
 * Properties, for every payload: `safeParseRecord` never throws; `parseRecord` throws only a `RecordError`; the
 * two agree; every issue has a code, a path into the input and a message; a success is frozen, round-trips
 * through JSON, holds no evidence link a browser would run, and with its framework gives a `confirmLevel`
 * whose items are the framework's; `verifyRecord` never throws and verifies only an unchanged signed record;
 * the caller's object is unchanged; `Object.prototype` is untouched. Seeds are fixed; totals go to
 * test/fuzz-totals.json.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  RecordError,
  confirmLevel,
  isSafeUrl,
  parseFramework,
  parseRecord,
  safeParseRecord,
  verifyRecord,
  type AssessmentRecord,
  type Framework,
} from '../../packages/engine/src/index.ts';
import { hostileText, hostileValue, isJsonSafe, materializeTree, toJsonText, HOSTILE_STRINGS, type HostileValue } from '../support/arbitraries.ts';
import { assertIssues, assertPathsInto } from '../support/fuzz-checks.ts';
import { runProperty, stopWatchdog, type CaseCounter } from '../support/fuzz-harness.ts';
import { makeFramework, ratingsFor } from '../support/factories.ts';
import { REVIEWER, asJson, reviewed, signedOff, submitted } from '../support/records.ts';
import { migrateRecord, returnRecord } from '../../packages/engine/src/index.ts';

after(stopWatchdog);

const fw: Framework = parseFramework(makeFramework());
const ratings = ratingsFor(fw, { meetLevels: ['foundation', 'practitioner'], indicatorShare: 1 }).ratings;
const evidence = [
  { kind: 'link', label: 'Certificate', date: '2026-11-30', ref: 'https://example.org/cert.pdf' },
  { kind: 'observation', label: 'Seen at a home visit', date: '2026-12-01' },
  { kind: 'document', label: 'Care plan audit', date: '2026-12-01', ref: 'Policy: audits, part 2' },
];
const inReview = reviewed(fw, ratings, {
  'work-safely': { agree: true, evidence: evidence as never },
  'mentor-others': { rating: 1, note: 'Not seen yet.' },
  'lead-change': { note: 'Ask next time.' },
});
const v2 = parseFramework(makeFramework({ version: '2.0', items: makeFramework().items.filter((i) => i.id !== 'lead-change') }));
const BASES = {
  submitted: asJson(submitted(fw, ratings, 'Practitioner Worker')),
  'in-review': asJson(inReview),
  'signed-off': asJson(await signedOff(fw, ratings, { 'mentor-others': { rating: 1, note: 'Not seen yet.', evidence: evidence as never } })),
  returned: asJson(returnRecord(inReview, { by: REVIEWER, reason: 'Please add your training.', at: '2026-12-02T10:00:00Z' })),
  migrated: asJson(migrateRecord(inReview, v2).record),
} as const;
type BaseName = keyof typeof BASES;

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000 javascript:alert(1)',
  ' javascript:alert(1)',
  'javascript: alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'blob:https://example.org/x',
  '//evil.example/x',
  'https:',
  'https://',
  'http://[::1',
  'https://example.org/ok',
  'mailto:someone@example.org',
  'urn:isbn:0451450523',
  'x:y',
] as const;

type Mutation =
  | { op: 'set'; at: number; value: HostileValue }
  | { op: 'delete'; at: number }
  | { op: 'add-key'; at: number; key: string; value: HostileValue }
  | { op: 'url'; at: number; url: string; kind: string };

interface RecordCase {
  base: BaseName;
  mutations: Mutation[];
}

/** Every path to a value in a JSON tree (the root excluded; not past the depth a record has), in a fixed order. */
function pathsOf(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (v: unknown, path: (string | number)[]) => {
    if (path.length) out.push(path);
    if (typeof v === 'object' && v !== null && path.length < 8) for (const [k, c] of Object.entries(v)) visit(c, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  visit(root, []);
  return out;
}
const PATHS = Object.fromEntries(Object.entries(BASES).map(([k, v]) => [k, pathsOf(v)])) as Record<BaseName, (string | number)[][]>;
const CONTAINERS = Object.fromEntries(
  Object.entries(BASES).map(([k, v]) => [k, [[], ...pathsOf(v)].filter((p) => { const x = get(v, p); return typeof x === 'object' && x !== null && !Array.isArray(x); })]),
) as Record<BaseName, (string | number)[][]>;

function get(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 10_000 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at, value: hostileValue(false) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('add-key' as const),
        at,
        key: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, 'learn-the-basics', 'no-such-item', 'agree', 'rating'), fc.string({ maxLength: 12 })),
        value: hostileValue(false),
      }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('url' as const), at, url: fc.oneof(fc.constantFrom(...HOSTILE_URLS), fc.webUrl(), fc.string({ maxLength: 40 })), kind: fc.constantFrom('link', 'document', 'quiz') }) },
  );
}

const recordCase = (): fc.Arbitrary<RecordCase> =>
  fc.record({ base: fc.constantFrom(...(Object.keys(BASES) as BaseName[])), mutations: fc.array(mutationArb(), { minLength: 1, maxLength: 4 }) });

/** Applies mutations to a fresh copy of the base (mutations whose place is gone are skipped). */
function apply(c: RecordCase): unknown {
  const doc = { root: structuredClone(BASES[c.base]) as unknown };
  const paths = PATHS[c.base];
  const containers = CONTAINERS[c.base];
  for (const m of c.mutations) {
    const path = m.op === 'add-key' ? containers[m.at % containers.length]! : paths[m.at % paths.length]!;
    const full = ['root', ...path];
    const parent = get(doc, full.slice(0, -1)) as Record<string | number, unknown> | undefined;
    if (typeof parent !== 'object' || parent === null) continue;
    const last = full[full.length - 1]!;
    if (m.op === 'set') parent[last] = materializeTree(m.value);
    else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
    else if (m.op === 'add-key') {
      const target = get(doc, full) as Record<string, unknown>;
      if (typeof target === 'object' && target !== null) Object.defineProperty(target, m.key, { value: materializeTree(m.value), enumerable: true, writable: true, configurable: true });
    } else {
      // an evidence list somewhere in the record gets an entry with this reference
      const lists = pathsOf(doc.root).filter((p) => p[p.length - 1] === 'evidence' && Array.isArray(get(doc.root, p)));
      const list = lists.length ? (get(doc.root, lists[m.at % lists.length]!) as unknown[]) : undefined;
      list?.push({ kind: m.kind, label: 'Evidence', date: '2026-12-01', ref: m.url });
    }
  }
  return doc.root;
}

const DANGEROUS = /^(javascript|vbscript|data|file|blob):/i;
/** What a browser would take as the scheme (tabs and newlines removed, leading controls and spaces trimmed). */
const browserScheme = (ref: string) => ref.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');

function checkSuccess(r: AssessmentRecord, what: string): void {
  assert.ok(Object.isFrozen(r) && Object.isFrozen(r.self), `${what}: a parsed record is frozen`);
  const again = safeParseRecord(JSON.stringify(r));
  assert.ok(again.success, `${what}: a parsed record's JSON parses again`);
  assert.deepEqual(again.success && again.data, r, `${what}: and gives the same record`);
  const lists = [...Object.values(r.self.evidence ?? {}), ...Object.values(r.review?.items ?? {}).map((i) => i.evidence ?? [])];
  for (const e of lists.flat()) {
    if (e.kind === 'link') assert.ok(e.ref !== undefined && isSafeUrl(e.ref), `${what}: a link that parses is safe (${JSON.stringify(e.ref)})`);
    if (e.ref !== undefined) assert.ok(!DANGEROUS.test(browserScheme(e.ref)), `${what}: no reference that parses runs script (${JSON.stringify(e.ref)})`);
  }
  if (r.status === 'signed-off') assert.ok(r.signOff && r.review, `${what}: a signed-off record has its review and sign-off`);
  if (r.status === 'returned') assert.ok(r.returned, `${what}: a returned record says why`);
}

async function checkRecord(input: unknown, root: unknown, c: RecordCase | undefined, what: string, count: CaseCounter): Promise<void> {
  count.payload();
  let safe: ReturnType<typeof safeParseRecord>;
  try {
    safe = count.time(() => safeParseRecord(input));
  } catch (err) {
    assert.fail(`${what}: safeParseRecord threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
  }
  let thrown: unknown;
  try {
    count.time(() => parseRecord(input));
  } catch (err) {
    thrown = err;
  }
  if (safe.success) {
    assert.equal(thrown, undefined, `${what}: parseRecord agrees (success)`);
    checkSuccess(safe.data, what);
  } else {
    assert.ok(thrown instanceof RecordError, `${what}: parseRecord throws only RecordError (got ${(thrown as Error)?.name})`);
    assertIssues(safe.issues, what);
    assert.equal(thrown.issues.length, safe.issues.length, `${what}: the thrown error lists the same issues`);
    if (root !== undefined) assertPathsInto(root, safe.issues, what);
  }
  const withFw = count.time(() => safeParseRecord(input, fw));
  if (!withFw.success) assertIssues(withFw.issues, `${what} (with framework)`);
  else {
    assert.ok(safe.success, `${what}: what parses with the framework parses without it`);
    const confirmed = await count.time(() => confirmLevel(fw, withFw.data));
    const ids = new Set(fw.items.map((i) => i.id));
    assert.ok(confirmed.unconfirmed.every((id) => ids.has(id)), `${what}: unconfirmed items are the framework's`);
    assert.ok(confirmed.differences.every((d) => ids.has(d.itemId)), `${what}: differences are the framework's items`);
    assert.ok(confirmed.confirmed.bestFit === null || fw.levels.some((l) => l.id === confirmed.confirmed.bestFit), `${what}: a confirmed level is a level`);
  }
  const verified = await count.time(() => verifyRecord(input));
  assert.ok(['verified', 'changed', 'unsigned', 'invalid', 'unverifiable'].includes(verified.status), `${what}: verifyRecord gives a status`);
  assert.equal(verified.status === 'invalid', !safe.success, `${what}: verifyRecord calls invalid what does not parse`);
  if (verified.status === 'verified') {
    // only an untouched signed record verifies: its signed parts equal the base's
    const base = BASES['signed-off'] as AssessmentRecord;
    const r = verified.record;
    assert.deepEqual([r.framework, r.person, r.self, r.review, r.signOff], [base.framework, base.person, base.self, base.review, base.signOff], `${what}: a verified record is as it was signed`);
  }
  void c;
}

function fingerprint(v: unknown): string {
  try {
    return toJsonText(v);
  } catch {
    return 'unprintable';
  }
}

describe('fuzz: parseRecord, safeParseRecord, verifyRecord, confirmLevel', () => {
  test('mutated valid records, as objects and as JSON text', async () => {
    let parsed = 0;
    await runProperty(
      'record/mutated',
      recordCase(),
      async (c, count) => {
        const obj = apply(c);
        const before = fingerprint(obj);
        const what = `${c.base} + ${c.mutations.map((m) => m.op).join(', ')}`;
        await checkRecord(obj, obj, c, `${what} (object)`, count);
        if (safeParseRecord(obj).success) parsed++;
        assert.equal(fingerprint(obj), before, `${what}: parsing leaves the caller's object unchanged`);
        if (isJsonSafe(c.mutations.map((m) => ('value' in m ? m.value : null)))) {
          const text = toJsonText(obj);
          await checkRecord(text, undefined, c, `${what} (text)`, count);
        }
      },
      {
        seed: 0x5eed40,
        numRuns: 400,
        examples: HOSTILE_URLS.slice(0, 10).map((url): [RecordCase] => [{ base: 'in-review', mutations: [{ op: 'url', at: 0, url, kind: 'link' }] }]),
      },
    );
    assert.ok(parsed > 40, `enough mutated records parse to exercise the checks past the schema (${parsed})`);
  });

  test('random JSON values, random JS values and random text', async () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true, withSparseArray: true, maxDepth: 4 });
    await runProperty(
      'record/random',
      fc.oneof(fc.jsonValue(), anything, hostileText(), fc.record({ format: fc.constant(1), framework: fc.jsonValue(), person: fc.jsonValue(), status: fc.string(), self: fc.jsonValue() })),
      async (value, count) => checkRecord(value, typeof value === 'string' ? undefined : value, undefined, 'random value', count),
      { seed: 0x5eed41, numRuns: 400 },
    );
  });
});
