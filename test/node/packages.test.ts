/**
 * The npm packages as a user gets them: both are packed (`npm pack`), installed from the tarballs into a fresh
 * project (dependencies come from the npm cache when it has them), and imported from Node ESM, from TypeScript
 * (tsc --noEmit resolves their types) and from a page in Chromium through an import map built from the
 * packages' exports maps with a browser's conditions. Each tarball has a README and LICENSE, and every source
 * map in it leads to sources that are in the tarball or inlined.
 * Needs `npm run build:lib` (which `npm test` runs first).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, posix } from 'node:path';
import { assess, frameworks } from '../../packages/engine/src/index.ts';
import { ROOT } from '../support/factories.ts';
import { launchChromium } from '../support/chromium.mjs';

const work = mkdtempSync(join(tmpdir(), 'lf-packages-'));
const project = join(work, 'consumer');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000, env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
let packed: { name: string; filename: string; files: { path: string }[] }[] = [];

// Everyone rated at the top of the scale: the answer the installed packages must reproduce.
const fw = frameworks['clinical-homecare'];
const top = fw.scale.values.at(-1)!.value;
const ratings = Object.fromEntries(fw.items.map((item) => [item.id, top]));

before(() => {
  for (const file of ['packages/engine/lib/index.js', 'packages/engine/dist/browser/index.js', 'packages/elements/lib/define.js']) {
    assert.ok(existsSync(join(ROOT, file)), `${file} is missing: run npm run build:lib first`);
  }
  packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work, '-w', '@levelfit/engine', '-w', '@levelfit/elements'], ROOT));
  mkdirSync(project);
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${join(work, p.filename)}`]));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { ...dependencies, lit: '^3.3.0' } }));
  npm(['install', '--prefer-offline', '--ignore-scripts', '--no-package-lock'], project);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('each tarball has a README, a LICENSE (MIT) and source maps whose sources it carries', () => {
  assert.deepEqual(packed.map((p) => p.name).sort(), ['@levelfit/elements', '@levelfit/engine']);
  for (const p of packed) {
    const files = new Set(p.files.map((f) => f.path));
    assert.ok(files.has('README.md') && files.has('LICENSE'), `${p.name}: README.md and LICENSE`);
    const installed = join(project, 'node_modules', p.name);
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /MIT License\s+Copyright \(c\) 2026 levelfit contributors/);
    const maps = [...files].filter((f) => f.endsWith('.map'));
    assert.ok(maps.length > 10, `${p.name} ships source maps`);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      sources.forEach((source, i) => {
        if (typeof sourcesContent?.[i] === 'string') return;
        const target = posix.normalize(posix.join(posix.dirname(map), source));
        assert.ok(files.has(target), `${p.name}/${map} points at ${source}, which is not in the tarball`);
      });
    }
  }
});

test('Node ESM: the installed engine, its /lms entry and the elements import and give the repository engine’s answer', async () => {
  const want = await assess(fw, { ratings });
  const script = `
    import { assess, frameworks } from '@levelfit/engine';
    import { toXapiStatements } from '@levelfit/engine/lms';
    const fw = frameworks['clinical-homecare'];
    const ratings = Object.fromEntries(fw.items.map((item) => [item.id, ${JSON.stringify(top)}]));
    const result = await assess(fw, { ratings });
    const elements = await import('@levelfit/elements');
    console.log(JSON.stringify({ result, lms: typeof toXapiStatements, element: typeof elements.LfSelfAssessment }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(out.result, JSON.parse(JSON.stringify(want)));
  assert.equal(out.lms, 'function');
  assert.equal(out.element, 'function');
});

test('TypeScript: the packages’ types resolve under NodeNext (and are real types, not any)', () => {
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }),
  );
  writeFileSync(
    join(project, 'check.ts'),
    `import { assess, frameworks, type LevelFit } from '@levelfit/engine';
import { toXapiStatements } from '@levelfit/engine/lms';
import { LfSelfAssessment } from '@levelfit/elements';
import '@levelfit/elements/define.js';
const result: LevelFit = await assess(frameworks['clinical-homecare'], { ratings: {} });
const best: string | null = result.bestFit;
// @ts-expect-error: bestFit is a level id or null, never a number
const wrong: number = result.bestFit;
const element: LfSelfAssessment = new LfSelfAssessment();
// @ts-expect-error: no such built-in framework
void frameworks['no-such-framework'];
export { best, wrong, element, toXapiStatements };
`,
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
});

/** An import map as a browser resolves the installed packages' exports (conditions browser, import, default). */
function importMap(): Record<string, string> {
  const imports: Record<string, string> = {};
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (!target || typeof target !== 'object') return undefined;
    for (const [condition, next] of Object.entries(target)) {
      if (['browser', 'import', 'default'].includes(condition)) {
        const found = pick(next);
        if (found) return found;
      }
    }
    return undefined;
  };
  const nm = join(project, 'node_modules');
  const names = readdirSync(nm).flatMap((n) => (n.startsWith('@') ? readdirSync(join(nm, n)).map((s) => `${n}/${s}`) : n.startsWith('.') ? [] : [n]));
  for (const name of names) {
    const pkg = JSON.parse(readFileSync(join(nm, name, 'package.json'), 'utf8')) as { exports?: Record<string, unknown>; module?: string; main?: string };
    const base = `/node_modules/${name}/`;
    const entries = pkg.exports && Object.keys(pkg.exports).every((k) => k.startsWith('.')) ? pkg.exports : { '.': pkg.exports ?? pkg.module ?? pkg.main ?? 'index.js' };
    for (const [subpath, target] of Object.entries(entries)) {
      const file = pick(target);
      if (!file || subpath.includes('*') || subpath.endsWith('/')) continue;
      imports[name + subpath.slice(1)] = base + file.replace(/^\.\//, '');
    }
    if (!pkg.exports) imports[`${name}/`] = base;
  }
  return imports;
}

test('Chromium: a page imports both packages through an import map, runs the engine and renders an element', async () => {
  const map = importMap();
  assert.equal(map['@levelfit/engine'], '/node_modules/@levelfit/engine/dist/browser/index.js', 'the browser condition picks the prebuilt ES modules');
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html><html lang="en"><head><title>import map</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports: map })}</script>
<script type="module">
  import { assess, frameworks } from '@levelfit/engine';
  import { toXapiStatements } from '@levelfit/engine/lms';
  import '@levelfit/elements/define.js';
  const fw = frameworks['clinical-homecare'];
  const ratings = Object.fromEntries(fw.items.map((item) => [item.id, ${JSON.stringify(top)}]));
  const result = await assess(fw, { ratings });
  const form = document.createElement('lf-self-assessment');
  form.setAttribute('storage', 'none');
  document.body.append(form);
  await form.updateComplete;
  window.__report = { result, lms: typeof toXapiStatements, radios: form.shadowRoot.querySelectorAll('input[type="radio"]').length };
</script></head><body></body></html>`,
  );
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
  const server: Server = createServer((req, res) => {
    const path = join(project, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    if (!path.startsWith(project) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (err: Error) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg: { type(): string; text(): string }) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
    page.on('response', (r: { status(): number; url(): string }) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    const { port } = server.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'radios' in ((window as unknown as { __report?: object }).__report ?? {}), null, { timeout: 30_000 }).catch(() => {});
    const report = await page.evaluate(() => (window as unknown as { __report?: { result: unknown; lms: string; radios: number } }).__report);
    assert.deepEqual(problems, []);
    assert.ok(report, 'the page ran');
    assert.deepEqual(report.result, JSON.parse(JSON.stringify(await assess(fw, { ratings }))));
    assert.equal(report.lms, 'function');
    assert.ok(report.radios > 0, '<lf-self-assessment> rendered its questions');
  } finally {
    await browser.close();
    server.close();
  }
});
