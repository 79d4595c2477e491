/**
 * `levelfit export --case` and `levelfit import --case` through the CLI's `main` with an in-memory file system,
 * and once as a program writing real files.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../packages/engine/src/cli/index.ts';
import { frameworks } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';

async function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const code = await main(argv, {
    out: (l: string) => void out.push(l),
    err: (l: string) => void err.push(l),
    readFile: (p: string) => {
      if (p in files) return files[p]!;
      return readFileSync(p.startsWith('/') ? p : `${ROOT}${p}`, 'utf8');
    },
    writeFile: (p: string, t: string) => void (written[p] = t),
  } as never);
  return { code, out, err, written };
}

describe('levelfit export --case / import --case', () => {
  test('export a built-in framework to stdout, import it back to the same framework', async () => {
    const exp = await cli(['export', '--case', '--framework', 'nos-managing-homecare-workers', '--base-uri', 'https://case.example.org/ims/case/v1p1']);
    assert.equal(exp.code, 0, exp.err.join('\n'));
    const pkg = JSON.parse(exp.out.join('\n'));
    assert.equal(pkg.CFDocument.title, frameworks['nos-managing-homecare-workers'].title);
    assert.match(pkg.CFItems[0].uri, /^https:\/\/case\.example\.org\/ims\/case\/v1p1\/CFItems\//);
    const imp = await cli(['import', '--case', 'pkg.json', '--out', 'fw.json'], { 'pkg.json': exp.out.join('\n') });
    assert.equal(imp.code, 0, imp.err.join('\n'));
    assert.deepEqual(imp.err, []);
    assert.deepEqual(JSON.parse(imp.written['fw.json']!), JSON.parse(JSON.stringify(frameworks['nos-managing-homecare-workers'])));
  });

  test('import of another tool\'s package: the framework, and one line per issue on stderr', async () => {
    const r = await cli(['import', '--case', 'test/fixtures/case/medication-standards.cfpackage.json']);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out.join('\n')).items.length, 7);
    assert.ok(r.err.some((l) => /CFItems\[9\]\.CFItemType: .*"Practice Statement".*\[unknown_item_type\]$/.test(l)), r.err.join('\n'));
    assert.ok(r.err.some((l) => /2 crosswalk links/.test(l)));
  });

  test('errors: no format, unknown framework, unreadable or invalid package', async () => {
    assert.equal((await cli(['export'])).code, 2);
    assert.match((await cli(['export'])).err[0]!, /needs a format: --case/);
    assert.equal((await cli(['export', '--case', '--framework', 'nope'])).code, 2);
    assert.equal((await cli(['import', '--case'])).code, 2);
    assert.equal((await cli(['import', '--case', 'missing.json'])).code, 2);
    const bad = await cli(['import', '--case', 'bad.json'], { 'bad.json': '{"CFDocument": {"title": "x"}}' });
    assert.equal(bad.code, 1);
    assert.match(bad.err[0]!, /^bad\.json: CFDocument\.identifier: .*\[invalid_package\]$/);
    const wrongLevels = await cli(['import', '--case', 'test/fixtures/case/medication-standards.cfpackage.json', '--levels', 'X1']);
    assert.equal(wrongLevels.code, 1);
    assert.match(wrongLevels.err[0]!, /\[invalid_levels\]$/);
  });

  test('as a program: --out writes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-case-'));
    const out = join(dir, 'pkg.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}packages/engine/src/cli/index.ts`, 'export', '--case', '--framework', 'clinical-homecare', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).CFDocument.caseVersion, '1.1');
  });
});
