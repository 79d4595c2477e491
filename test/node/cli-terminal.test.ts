/**
 * Output a terminal can trust (packages/engine/src/cli/terminal-text.ts and the commands that use it): control
 * characters from files are shown as escapes, a reader that closes the pipe early ends the program quietly,
 * "-" reads standard input, and a UTF-8 byte order mark does not make a JSON file invalid.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../packages/engine/src/cli/index.ts';
import { safeJson, visible } from '../../packages/engine/src/cli/terminal-text.ts';
import { parseFramework } from '../../packages/engine/src/index.ts';
import { ROOT, makeFramework, ratingsFor } from '../support/factories.ts';

const tinyJson = JSON.stringify(makeFramework());
const tiny = parseFramework(makeFramework());
const FOUNDATION = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 1 });
const ids = tiny.items.map((i) => i.id);
const ESC = '\u001b';
const cliPath = `${ROOT}packages/engine/src/cli/index.ts`;
/** Anything a terminal would act on: C0 (but the newline io adds), DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

async function cli(argv: string[], files: Record<string, string>) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (l) => void (out += `${l}\n`),
    err: (l) => void (err += `${l}\n`),
    readFile: (p) => {
      if (p in files) return files[p]!;
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('control characters are shown, never sent raw', () => {
  test('visible: newline, ESC, OSC, CSI (C1), bidi overrides become escapes; plain text is unchanged', () => {
    assert.equal(visible('Ann\nLee'), 'Ann\\nLee');
    assert.equal(visible(`${ESC}]0;pwned\u0007`), '\\x1b]0;pwned\\x07');
    assert.equal(visible('\u009b31m'), '\\x9b31m');
    assert.equal(visible('a\u202eb'), 'a\\u202eb');
    assert.equal(visible('Zoë Ó Sé — 100%'), 'Zoë Ó Sé — 100%');
    assert.equal(JSON.parse(safeJson(JSON.stringify('x\u009by\u2028'))), 'x\u009by\u2028');
    assert.doesNotMatch(safeJson(JSON.stringify('x\u009by')), RAW_CONTROL);
  });

  test('batch: a quoted CSV name with a line break is one person on one line; ESC sequences are escaped', async () => {
    const row = (name: string) => [name, ...ids.map((id) => String(FOUNDATION.ratings[id] ?? ''))].join(',');
    const csv = ['person,' + ids.join(','), row('"Ann\nLee"'), row(`"${ESC}]0;owned${ESC}\\ ${ESC}[2J"`), row('Kim')].join('\n');
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': csv, 'tiny.json': tinyJson });
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'Ann\\nLee: Foundation Level; 5 gap(s) to Practitioner Level');
    assert.equal(lines[1], '\\x1b]0;owned\\x1b\\ \\x1b[2J: Foundation Level; 5 gap(s) to Practitioner Level');
    assert.match(r.out, /^Summary: 3 people, 3 assessed, 0 invalid/m);
    assert.doesNotMatch(r.out, RAW_CONTROL);
  });

  test('batch --format ndjson: C1 controls and line separators are \\u escapes inside the JSON', async () => {
    const people = [{ person: 'A\u009b6n\u2028B', ratings: FOUNDATION.ratings }];
    const r = await cli(['batch', 'staff.json', '--framework', 'tiny.json', '--json'], { 'staff.json': JSON.stringify(people), 'tiny.json': tinyJson });
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /[\u0080-\u009f\u2028]/);
    assert.equal(JSON.parse(r.out.split('\n')[0]!).person, 'A\u009b6n\u2028B');
  });

  test('error messages: a hostile item id in responses and a hostile file name are escaped on standard error', async () => {
    const r = await cli(['assess', `me${ESC}[8m.json`, '--framework', 'tiny.json'], {
      [`me${ESC}[8m.json`]: JSON.stringify({ ratings: { [`${ESC}[31mx`]: 1 } }),
      'tiny.json': tinyJson,
    });
    assert.equal(r.code, 1);
    assert.ok(r.err.startsWith('me\\x1b[8m.json: ratings.\\x1b[31mx: no item in tiny has the id "\\x1b[31mx"'), r.err);
    assert.doesNotMatch(r.err, RAW_CONTROL);
  });

  test('assess: titles and explanations from a framework file are escaped', async () => {
    const fw = makeFramework();
    fw.title = `Tiny${ESC}]8;;http://evil${ESC}\\`;
    fw.levels[0]!.title = 'Found\u0007ation';
    const r = await cli(['assess', 'me.json', '--framework', 'fw.json'], { 'me.json': JSON.stringify(FOUNDATION), 'fw.json': JSON.stringify(fw) });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Framework: Tiny\\x1b\]8;;http:\/\/evil\\x1b\\ \(/m);
    assert.match(r.out, /^Best fit: Found\\x07ation$/m);
    assert.doesNotMatch(r.out, RAW_CONTROL);
  });

  test('validate: a file name with control characters is escaped', async () => {
    const r = await cli(['validate', `a\rb${ESC}.json`], { [`a\rb${ESC}.json`]: tinyJson });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'a\\rb\\x1b.json: valid (tiny: 3 levels, 18 items)\n');
  });
});

describe('byte order marks and standard input', () => {
  test('a JSON framework, responses or question bank file with a UTF-8 BOM is read as JSON', async () => {
    const r = await cli(['validate', 'fw.json'], { 'fw.json': `\uFEFF${tinyJson}` });
    assert.equal(r.code, 0, r.err);
    const a = await cli(['assess', 'me.json', '--framework', 'fw.json'], { 'me.json': `\uFEFF${JSON.stringify(FOUNDATION)}`, 'fw.json': `\uFEFF${tinyJson}` });
    assert.equal(a.code, 0, a.err);
  });

  const run = (args: string[], input: string) => spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], { cwd: ROOT, input, encoding: 'utf8' });

  test('"-" reads standard input: validate -, assess -, batch -', () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-stdin-'));
    writeFileSync(join(dir, 'tiny.json'), tinyJson);
    const v = run(['validate', '-'], `\uFEFF${tinyJson}`);
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout, '-: valid (tiny: 3 levels, 18 items)\n');
    const a = run(['assess', '-', '--framework', join(dir, 'tiny.json')], JSON.stringify(FOUNDATION));
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /^Best fit: Foundation Level$/m);
    const b = run(['batch', '-', '--framework', join(dir, 'tiny.json'), '--json'], `${JSON.stringify({ person: 'Ali', ratings: FOUNDATION.ratings })}\n`);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(JSON.parse(b.stdout.split('\n')[0]!).bestFit, 'foundation');
  });
});

describe('a closed pipe', () => {
  test('levelfit frameworks | head -1, and a long batch | head -1: exit quietly, no EPIPE trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-epipe-'));
    const csv = ['person,' + ids.join(',')];
    for (let n = 0; n < 20_000; n++) csv.push([`P${n}`, ...ids.map((id) => String(FOUNDATION.ratings[id] ?? ''))].join(','));
    writeFileSync(join(dir, 'staff.csv'), csv.join('\n'));
    writeFileSync(join(dir, 'tiny.json'), tinyJson);
    const bin = `${ROOT}packages/engine/bin/levelfit.js`;
    const programs = [`--import tsx ${JSON.stringify(cliPath)}`];
    if (existsSync(`${ROOT}packages/engine/lib/cli/index.js`)) programs.push(JSON.stringify(bin)); // the bin, once built
    for (const program of programs)
    for (const args of [['frameworks'], ['batch', join(dir, 'staff.csv'), '--framework', join(dir, 'tiny.json')]]) {
      const cmd = `${JSON.stringify(process.execPath)} ${program} ${args.map((a) => JSON.stringify(a)).join(' ')} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
      const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.stdout.split('\n').length, 2, r.stdout); // one line, then the end
      assert.equal(r.stderr.trim(), 'status=0', `${args[0]}: ${r.stderr}`);
    }
  });

});
