/**
 * `levelfit batch` as a stream (packages/engine/src/cli/batch.ts and its input and output files): results are
 * written before the input ends, a slow reader holds the batch back (backpressure), the output formats and
 * --out, and bad rows (CSV faults, JSON that is not JSON, a hostile person) reported with where they are while
 * the batch goes on. The files are streams made here, so each case states its input, exit code and output.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { main, type CliIo } from '../../packages/engine/src/cli/index.ts';
import { csvCell } from '../../packages/engine/src/cli/batch-output.ts';
import { parseFramework } from '../../packages/engine/src/index.ts';
import { makeFramework, ratingsFor } from '../support/factories.ts';

const tinyJson = JSON.stringify(makeFramework());
const tiny = parseFramework(makeFramework());
const FOUNDATION = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 1 });
const PRACTITIONER = ratingsFor(tiny, { meetLevels: ['foundation', 'practitioner'], indicatorShare: 1 });
const ids = tiny.items.map((i) => i.id);
const HEADER = ['person', ...ids].join(',');
const csvRow = (person: string, r: { ratings: Record<string, number | string> } = FOUNDATION) =>
  [person, ...ids.map((id) => (r.ratings[id] === undefined ? '' : String(r.ratings[id])))].join(',');

interface Run {
  code: number;
  out: string;
  err: string[];
}

/** Runs the CLI reading `input` (text or a stream) as the file named in argv, writing to memory. */
async function batch(argv: string[], input: string | Readable, extra: Partial<CliIo> = {}): Promise<Run> {
  let out = '';
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => void (out += `${l}\n`),
    err: (l) => void err.push(...l.split('\n')),
    readFile: (p) => {
      if (p === 'tiny.json') return tinyJson;
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
    openRead: () => (typeof input === 'string' ? Readable.from([Buffer.from(input)]) : input),
    openWrite: () =>
      new Writable({
        write(chunk, _enc, done) {
          out += String(chunk);
          done();
        },
      }),
    ...extra,
  };
  const code = await main(['batch', ...argv, '--framework', 'tiny.json'], io);
  return { code, out, err };
}

describe('levelfit batch streams', () => {
  test('the first results are written before the input has ended', async () => {
    let wrote = false;
    let resolveWrote!: () => void;
    const firstWrite = new Promise<void>((r) => (resolveWrote = r));
    async function* staff() {
      yield `${HEADER}\n`;
      for (let n = 0; n < 40; n++) yield `${csvRow(`P${n}`)}\n`;
      // the rest of the file comes only once some output has been written: a batch that read the whole file
      // first would wait here for ever (and the test would time out)
      await firstWrite;
      assert.ok(wrote);
      yield `${csvRow('Last', PRACTITIONER)}\n`;
    }
    const r = await batch(['staff.csv'], Readable.from(staff()), {
      openWrite: () =>
        new Writable({
          write(chunk, _enc, done) {
            if (String(chunk)) {
              wrote = true;
              resolveWrote();
            }
            done();
          },
        }),
    });
    assert.equal(r.code, 0, r.err.join('\n'));
  });

  test('a slow reader holds the batch back: rows read ahead of rows written stay bounded', { timeout: 60_000 }, async () => {
    const TOTAL = 20_000;
    let read = 0;
    let written = 0;
    let maxAhead = 0;
    async function* staff() {
      yield `${HEADER}\n`;
      for (let n = 0; n < TOTAL; n++) {
        read++;
        maxAhead = Math.max(maxAhead, read - written);
        yield `${csvRow(`P${n}`)}\n`;
      }
    }
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk, _enc, done) {
        written += String(chunk).split('\n').length - 1;
        setImmediate(done);
      },
    });
    const r = await batch(['staff.csv', '--format', 'ndjson'], Readable.from(staff()), { openWrite: () => slow });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(written, TOTAL + 1); // every person and the summary line
    // a batch that did not wait for the reader would read all 20,000 rows before the first write completes
    assert.ok(maxAhead < 5_000, `read ${maxAhead} rows ahead of the output`);
  });
});

describe('levelfit batch --format and --out', () => {
  const staff = [HEADER, csvRow('Ali'), csvRow('Sam', { ratings: { ...FOUNDATION.ratings, [ids[0]!]: 9 } }), csvRow('Kim', PRACTITIONER)].join('\n');

  test('--format json: one JSON document with every person (bad ones with their issues) and the summary', async () => {
    const r = await batch(['staff.csv', '--format', 'json'], staff);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out);
    assert.deepEqual(
      doc.people.map((p: { person: string; at: string; bestFit?: string }) => [p.person, p.at, p.bestFit ?? null]),
      [
        ['Ali', 'staff.csv:2', 'foundation'],
        ['Sam', 'staff.csv:3', null],
        ['Kim', 'staff.csv:4', 'practitioner'],
      ],
    );
    assert.equal(doc.people[1].issues[0].code, 'rating_off_scale');
    assert.deepEqual(doc.summary, { people: 3, assessed: 2, invalid: 1, overlaps: 0, bestFit: { foundation: 1, practitioner: 1, expert: 0 }, noLevel: 0 });
  });

  test('--format json with no people at all is still one JSON document', async () => {
    const r = await batch(['staff.csv', '--format', 'json'], `${HEADER}\n`);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).people, []);
  });

  test('--format csv: a table (summary on standard error); formula-leading cells are escaped as OWASP asks', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', 'Quote "q", comma', 'Plain'];
    const text = [HEADER, ...hostile.map((n) => csvRow(`"${n.replaceAll('"', '""')}"`))].join('\n');
    const r = await batch(['staff.csv', '--format', 'csv'], text);
    assert.equal(r.code, 0, r.err.join('\n'));
    const table = parseCsv(r.out) as string[][];
    assert.deepEqual(table[0], ['person', 'at', 'status', 'bestFit', 'overlap', 'gapsTarget', 'gaps', 'issues']);
    assert.deepEqual(
      table.slice(1).map((row) => row[0]),
      ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTab", 'Quote "q", comma', 'Plain'],
    );
    assert.ok(table.slice(1).every((row) => row[2] === 'assessed' && row[3] === 'foundation'));
    // every cell is quoted, so no cell can start a formula after a separator either
    assert.ok(r.out.split('\r\n')[1]!.startsWith('"\'=HYPERLINK'));
    assert.match(r.err.join('\n'), /^Summary: 7 people, 7 assessed, 0 invalid/m);
  });

  test('csvCell: each formula trigger, including tab and carriage return, gets a leading quote', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) assert.equal(csvCell(`${c}x`), `"'${c}x"`);
    assert.equal(csvCell('a"b'), '"a""b"');
    assert.equal(csvCell(''), '""');
    assert.equal(csvCell('Ann'), '"Ann"');
  });

  test('--out FILE writes the results there; a folder that does not exist is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-out-'));
    const { defaultIo } = await import('../../packages/engine/src/cli/io.ts');
    const r = await batch(['staff.csv', '--format', 'ndjson', '--out', join(dir, 'results.ndjson')], staff, { openWrite: defaultIo.openWrite! });
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const lines = readFileSync(join(dir, 'results.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.equal(lines[3].summary.assessed, 2);
    const bad = await batch(['staff.csv', '--out', join(dir, 'no', 'such', 'dir.txt')], staff, { openWrite: defaultIo.openWrite! });
    assert.equal(bad.code, 2);
    assert.match(bad.err[0]!, /^levelfit: cannot write .*dir\.txt: ENOENT$/);
  });

  for (const [argv, message] of [
    [['--format', 'xml'], /--format must be one of text, json, ndjson, csv, not "xml"/],
    [['--json', '--format', 'csv'], /--json is --format ndjson/],
    [['--input', 'xlsx'], /--input must be one of csv, json, ndjson/],
  ] as const) {
    test(`${argv.join(' ')} → exit 2`, async () => {
      const r = await batch(['staff.csv', ...argv], staff);
      assert.equal(r.code, 2);
      assert.match(r.err[0]!, message);
    });
  }
});

describe('levelfit batch: one bad row does not stop the batch', () => {
  test('a stray quote on line 1002 of a CSV: that row is reported with its line and the other 1,000 are assessed', async () => {
    const lines = [HEADER];
    for (let n = 2; n <= 1001; n++) lines.push(csvRow(`P${n}`));
    lines.push(csvRow('O"Brien')); // line 1002: a quote inside an unquoted cell
    lines.push(csvRow('After', PRACTITIONER));
    const r = await batch(['staff.csv', '--format', 'ndjson'], lines.join('\n'));
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, /^staff\.csv:1002 \(line 1002\): \(root\): not valid CSV: Invalid Opening Quote: .*\[invalid_value\]$/);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.at(-2).person, 'After');
    assert.equal(out.at(-2).bestFit, 'practitioner');
    assert.deepEqual(out.at(-1).summary, { people: 1002, assessed: 1001, invalid: 1, overlaps: 0, bestFit: { foundation: 1000, practitioner: 1, expert: 0 }, noLevel: 0 });
  });

  test('CSV faults of several kinds each cost one row, in line order, with the summary counting good and bad', async () => {
    const text = [HEADER, csvRow('Ali'), `"Sam"x,${csvRow('').slice(1)}`, csvRow('Kim', PRACTITIONER), 'Jo,2', csvRow('Bo')].join('\n');
    const r = await batch(['staff.csv'], text);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.err.map((l) => l.replace(/: \(root\): .*/, '')),
      ['staff.csv:3 (line 3)', 'staff.csv:5 (Jo)'],
    );
    assert.match(r.err[0]!, /Invalid Closing Quote/);
    assert.deepEqual(r.out.split('\n').slice(0, 3), ['Ali: Foundation Level; 5 gap(s) to Practitioner Level', 'Kim: Practitioner Level; 6 gap(s) to Expert Level', 'Bo: Foundation Level; 5 gap(s) to Practitioner Level']);
    assert.match(r.out, /^Summary: 5 people, 3 assessed, 2 invalid/m);
  });

  test('NDJSON: a line that is not JSON is reported as FILE:LINE and the next lines are assessed', async () => {
    const text = [
      JSON.stringify({ person: 'Ali', ratings: FOUNDATION.ratings }),
      '',
      '{"person": "Sam", ratings: {}}',
      JSON.stringify({ person: 'Kim', ratings: PRACTITIONER.ratings }),
    ].join('\n');
    const r = await batch(['staff.ndjson'], text);
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, /^staff\.ndjson:3 \(#2\): \(root\): not valid JSON: .*\[invalid_json\]$/);
    assert.match(r.out, /^Ali: Foundation Level/m);
    assert.match(r.out, /^Kim: Practitioner Level/m);
    assert.match(r.out, /^Summary: 3 people, 2 assessed, 1 invalid/m);
  });

  test('a JSON array read in small pieces (split inside strings and escapes): bad elements reported by index', async () => {
    const text = `\uFEFF[ ${JSON.stringify({ person: 'A\\"li ]}', ratings: FOUNDATION.ratings })},\n {"person": "Sam", "ratings": {},},\n 42,\n ${JSON.stringify({ name: 'Kim', ratings: PRACTITIONER.ratings })} ]\n`;
    const pieces = Readable.from(text.match(/[^]{1,7}/g)!.map((s) => Buffer.from(s)));
    const r = await batch(['staff.json'], pieces);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.err.map((l) => l.replace(/: \(root\): .*/, '')),
      ['staff.json[1] (#2)', 'staff.json[2] (#3)'],
    );
    assert.match(r.out, /^A\\"li \]}: Foundation Level/m);
    assert.match(r.out, /^Kim: Practitioner Level/m);
  });

  test('{"people": [...]} among other keys; arrays under other keys are not people', async () => {
    const text = JSON.stringify({ exported: ['x', 'y'], people: [{ person: 'Ali', ratings: FOUNDATION.ratings }], note: [1] });
    const r = await batch(['staff.json', '--format', 'ndjson'], text);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l).person ?? 'summary'), ['Ali', 'summary']);
  });

  test('JSON broken part-way: the people before the fault are written, then the file\'s problem, exit 1', async () => {
    const text = `[${JSON.stringify({ person: 'Ali', ratings: FOUNDATION.ratings })},\n{"person": "Sam", "ratings": {]}]`;
    const r = await batch(['staff.json'], text);
    assert.equal(r.code, 1);
    assert.match(r.out, /^Ali: Foundation Level/m);
    assert.deepEqual(r.err, ['staff.json: (root): not valid JSON at line 2: "]" does not close the bracket before it [invalid_json]']);
  });

  test('JSON that is not a list of people, or ends too soon', async () => {
    for (const [text, message] of [
      ['{"staff": []}', 'expected an array of people (or {"people": [...]})'],
      ['42', 'expected an array of people (or {"people": [...]})'],
      ['[{"person": "A", "ratings": {}}', 'not valid JSON at line 1: the file ends before the JSON does'],
      ['[] []', 'not valid JSON at line 1: there is more text after the end of the JSON'],
    ]) {
      const r = await batch(['staff.json'], text!);
      assert.equal(r.code, 1, text);
      assert.equal(r.err.at(-1)?.replace(/ \[[a-z_]+\]$/, ''), `staff.json: (root): ${message}`, text);
    }
  });

  test('one person longer than the limit is reported as too big, and the next is read', async () => {
    const huge = JSON.stringify({ person: 'Big', ratings: {}, note: 'x'.repeat(1_100_000) });
    const text = `[${huge},${JSON.stringify({ person: 'Ali', ratings: FOUNDATION.ratings })}]`;
    const r = await batch(['staff.json'], text);
    assert.equal(r.code, 1);
    assert.match(r.err[0]!, /^staff\.json\[0\] \(#1\): \(root\): this person is \d+ characters long; the most is 1000000 \[too_big\]$/);
    assert.match(r.out, /^Ali: Foundation Level/m);
  });

  test('standard input ("-"): the format is read from the first bytes', async () => {
    const ndjson = `${JSON.stringify({ person: 'Ali', ratings: FOUNDATION.ratings })}\n`;
    const json = `[${JSON.stringify({ person: 'Kim', ratings: PRACTITIONER.ratings })}]`;
    const csv = `${HEADER}\n${csvRow('Bo')}\n`;
    for (const [text, first] of [
      [ndjson, 'Ali: Foundation Level'],
      [json, 'Kim: Practitioner Level'],
      [csv, 'Bo: Foundation Level'],
    ]) {
      const r = await batch(['-'], Readable.from([Buffer.from(text!.slice(0, 3)), Buffer.from(text!.slice(3))]));
      assert.equal(r.code, 0, r.err.join('\n'));
      assert.ok(r.out.startsWith(first!), r.out);
    }
  });
});
