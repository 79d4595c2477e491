/**
 * What a newcomer reads first and runs first: the README's Node version is the one every installed
 * dependency accepts, `npm start` serves on `PORT` and does not print the bundle budget alarm (that stays in
 * `npm run build` / `check:bundle`), "Embed it" says to copy the bundle, and the demo pictures it shows exist
 * at the widths it names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minVersion, satisfies } from 'semver';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string }; scripts: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; version?: string }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('every locked dependency accepts the lowest Node the project states (no EBADENGINE from npm ci)', () => {
  const range = pkg.engines?.node;
  assert.ok(range, 'package.json states engines.node');
  const lowest = minVersion(range)!.version;
  const refused = Object.entries(lock.packages)
    // npm skips an optional package whose engines refuse this Node, silently (rollup's optional lzma binding).
    .filter(([, p]) => !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
    .filter(([, p]) => !satisfies(lowest, (p.engines as { node: string }).node, { includePrerelease: true }))
    .map(([path, p]) => `${path}@${p.version} wants node ${(p.engines as { node: string }).node}`);
  assert.deepEqual(refused, [], `on Node ${lowest}`);
});

test('the README states that Node version', () => {
  const { major, minor } = minVersion(pkg.engines!.node!)!;
  assert.match(readme, new RegExp(`Node\\.js ${major}\\.${minor} or later`));
});

/** The commands a script runs, with `npm run x` expanded. */
function expand(script: string, seen = new Set<string>()): string {
  assert.ok(!seen.has(script), `script loop at ${script}`);
  const body = pkg.scripts[script];
  assert.ok(body !== undefined, `no script ${script}`);
  return body.replace(/npm run ([\w:-]+)/g, (_, name: string) => expand(name, new Set([...seen, script])));
}

test('npm start builds without the bundle budget check; npm run build and check:bundle keep it', () => {
  assert.doesNotMatch(expand('start'), /check-bundle/);
  assert.match(expand('build'), /check-bundle/);
  assert.match(expand('check:bundle'), /check-bundle/);
  const checker = readFileSync(join(ROOT, 'scripts/check-bundle.mjs'), 'utf8');
  assert.match(checker, /OVER BUDGET/, 'the alarm lives in check-bundle');
  const started = [expand('start'), ...['build:lib', 'build:bundles', 'gen:data', 'analyze'].map((s) => expand(s))].join('\n');
  assert.doesNotMatch(started, /OVER BUDGET/);
});

test('"Embed it" says to copy the bundle, and npm start takes PORT', async () => {
  const embed = readme.slice(readme.indexOf('## Embed it'), readme.indexOf('\n## ', readme.indexOf('## Embed it') + 3));
  assert.match(embed, /\bcp\b[^\n]*dist\/levelfit\.min\.js/, 'a cp of dist/levelfit.min.js');
  assert.match(readme, /PORT=\d+ npm start/);
  // The demo server really listens on PORT (0: any free port) and says where.
  const records = mkdtempSync(join(tmpdir(), 'levelfit-newcomer-'));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve-demo.mjs')], { env: { ...process.env, PORT: '0', RECORDS_DIR: records } });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`serve-demo exited ${code}: ${out}`)));
    });
    assert.match(line, /http:\/\/localhost:\d+\//);
    assert.doesNotMatch(line, /localhost:8000\//, 'PORT=0 picked a free port, not the default');
  } finally {
    child.kill('SIGTERM');
    rmSync(records, { recursive: true, force: true });
  }
});

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('the README shows the demo screenshots, taken at 1280 and 375 px', () => {
  const shown = [...readme.matchAll(/\((docs\/demo-[\w-]+\.png)\)/g)].map((m) => m[1]!);
  for (const width of [1280, 375]) {
    for (const state of ['form', 'result']) {
      const file = `docs/demo-${width}-${state}.png`;
      assert.ok(shown.includes(file), `README links ${file}`);
      assert.equal(pngSize(join(ROOT, file)).width, width, file);
    }
  }
});
