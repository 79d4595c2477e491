/**
 * The bundle's static safety scan (scripts/bundle-scan.mjs, run by scripts/check-bundle.mjs in `npm run
 * build`): each forbidden construct is found, lit-html's own template sink is not, and an HTML sink from any
 * other module is. When a built bundle is present, it scans clean, and a copy with one construct injected
 * makes the scanner's command line exit 1.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
// @ts-expect-error: a plain .mjs build script without type declarations
import { FORBIDDEN, formatFindings, scanBundle } from '../../scripts/bundle-scan.mjs';
import { ROOT } from '../support/factories.ts';
import { runProperty, stopWatchdog } from '../support/fuzz-harness.ts';

after(stopWatchdog);

interface Finding {
  what: string;
  index: number;
  module?: string;
}
const scan = scanBundle as (text: string, modules?: { id: string; code: string }[]) => Finding[];

/** lit-html's template sink as terser writes it. */
const LIT_SINK = 'static createElement(e,t){const i=E.createElement("template");return i.innerHTML=e,i}';

const INJECTIONS: [string, string][] = [
  ['eval(', 'eval("alert(1)")'],
  ['eval(', 'x=eval ( s )'],
  ['window.eval / globalThis.eval', 'globalThis.eval(s)'],
  ['new Function', 'new Function("return this")'],
  ['Function(', 'Function("return this")()'],
  ['setTimeout/setInterval with a string', 'setTimeout("alert(1)",0)'],
  ['setTimeout/setInterval with a string', "setInterval('x()',5)"],
  ['setTimeout/setInterval with a string', 'setTimeout(`x()`,5)'],
  ['document.write', 'document.write("<b>")'],
  ['document.write', 'document.writeln(s)'],
  ['unsafeHTML', 'import{unsafeHTML as u}from"lit/directives/unsafe-html.js"'],
  ['innerHTML =', 'el.innerHTML=data'],
  ['innerHTML =', 'el.innerHTML += data'],
  ['outerHTML =', 'el.outerHTML=data'],
  ['insertAdjacentHTML', 'el.insertAdjacentHTML("beforeend",s)'],
  ['srcdoc', 'frame.srcdoc=s'],
  ['createContextualFragment', 'r.createContextualFragment(s)'],
];

const CLEAN = [
  LIT_SINK,
  'const evaluate=(a)=>a.evaluate(b);x.evaluator=1',
  'typeof f=="function"&&f(1);class Functionality{}',
  'if(x instanceof Function)y()',
  'setTimeout(()=>flush(),300);setTimeout(fn,0)',
  'const t=el.innerHTML;if(a.innerHTML===b)c()',
  'Function.prototype.call.bind(x)',
];

describe('bundle static scan', () => {
  test('every forbidden construct is found, alone and inside clean code', () => {
    for (const [what, code] of INJECTIONS) {
      const alone = scan(code);
      assert.ok(alone.some((f) => f.what === what), `${code} → ${what} (found: ${alone.map((f) => f.what).join(', ') || 'nothing'})`);
      const embedded = scan(`${CLEAN.join(';')};${code};${LIT_SINK}`);
      assert.ok(embedded.some((f) => f.what === what), `${code} inside clean code → ${what}`);
    }
  });

  test('clean code, lit-html’s template sink included, has no findings', () => {
    for (const code of CLEAN) assert.deepEqual(scan(code), [], code);
  });

  test('the forbidden list covers the constructs issue #5 names', () => {
    const names = (FORBIDDEN as [string, RegExp][]).map(([n]) => n);
    for (const n of ['eval(', 'new Function', 'Function(', 'setTimeout/setInterval with a string', 'innerHTML =', 'unsafeHTML', 'document.write']) {
      assert.ok(names.includes(n), n);
    }
  });

  test('an innerHTML assignment in a module other than lit-html is found through the module map', () => {
    const modules = [
      { id: 'node_modules/lit-html/lit-html.js', code: 'return i.innerHTML=e,i' },
      { id: 'packages/elements/lib/level-fit/level-fit.js', code: 'this.shadowRoot.innerHTML = html' },
    ];
    const found = scan(LIT_SINK, modules);
    assert.deepEqual(
      found.map((f) => [f.what, f.module]),
      [['innerHTML = outside lit-html', 'packages/elements/lib/level-fit/level-fit.js']],
    );
    assert.match(formatFindings(found)[0], /level-fit\.js/);
    assert.deepEqual(scan(LIT_SINK, modules.slice(0, 1)), []);
  });

  test('fuzz: a forbidden construct spliced anywhere into clean code is always found', async () => {
    await runProperty(
      'bundle-scan/spliced',
      fc.tuple(fc.array(fc.constantFrom(...CLEAN), { minLength: 1, maxLength: 6 }), fc.constantFrom(...INJECTIONS), fc.nat()),
      ([parts, [what, code], at], count) => {
        const text = parts.join(';');
        // splice at a statement boundary so the injection is not glued into an identifier
        const cuts = [0, ...[...text.matchAll(/;/g)].map((m) => m.index! + 1), text.length];
        const cut = cuts[at % cuts.length]!;
        const injected = `${text.slice(0, cut)};${code};${text.slice(cut)}`;
        count.payload(2);
        assert.deepEqual(count.time(() => scan(text)), [], 'clean code stays clean');
        assert.ok(count.time(() => scan(injected)).some((f) => f.what === what), `${what} found in ${injected}`);
      },
      { seed: 0x5eed31, numRuns: 300 },
    );
  });

  const bundle = join(ROOT, 'dist/levelfit.min.js');
  test('the built bundle scans clean; a copy with eval( injected fails the command line', { skip: !existsSync(bundle) && 'no dist/levelfit.min.js (run npm run build)' }, () => {
    const script = join(ROOT, 'scripts/bundle-scan.mjs');
    const text = readFileSync(bundle, 'utf8');
    const modulesFile = join(ROOT, 'dist/levelfit.min.modules.json');
    const modules = existsSync(modulesFile) ? (JSON.parse(readFileSync(modulesFile, 'utf8')) as { id: string; code: string }[]) : undefined;
    assert.deepEqual(scan(text, modules), [], 'dist/levelfit.min.js is clean');
    const dir = mkdtempSync(join(tmpdir(), 'lf-scan-'));
    try {
      const clean = join(dir, 'clean.js');
      const dirty = join(dir, 'dirty.js');
      writeFileSync(clean, text);
      writeFileSync(dirty, `${text}\n;window.__x=eval("1");`);
      execFileSync(process.execPath, [script, clean], { stdio: 'pipe' });
      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, [script, dirty], { stdio: 'pipe' });
      } catch (err) {
        status = (err as { status: number }).status;
        stderr = String((err as { stderr: Buffer }).stderr);
      }
      assert.equal(status, 1, 'the scanner exits 1 on the injected copy');
      assert.match(stderr, /contains `eval\(`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
