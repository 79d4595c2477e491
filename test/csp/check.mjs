#!/usr/bin/env node
// CSP harness: serves the repository with `Content-Security-Policy: default-src 'self'`, opens the harness page
// (every element, every state, the bundle's engine checked against the unbundled one) and the demo page in
// Debian Chromium through playwright-core, and fails on any CSP violation, console error, page error or
// failed request.  Run after `npm run build`:  npm run test:csp
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../support/chromium.mjs';
import { ratingsFor } from '../support/scenario-ratings.mjs';
import { CSP, DEMO_MOUNTS, createStaticServer } from '../../scripts/serve-demo.mjs';
import { createRecordsApi } from '../../scripts/records-api.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 30_000;

for (const file of ['dist/levelfit.min.js', 'packages/engine/lib/index.js']) {
  if (!existsSync(root + file)) {
    console.error(`test:csp: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const { assess, frameworks } = await import('../../packages/engine/lib/index.js');


async function expectedScenarios() {
  const fw = frameworks['clinical-homecare'];
  const list = [
    ['none', null, false, undefined],
    ['supportive', 'supportive', false, { role: 'Health Care Assistant' }],
    ['supportive-overlap', 'supportive', true, undefined],
    ['associate-overlap', 'associate', true, undefined],
    ['autonomous', 'autonomous', false, { target: 'advanced' }],
    ['enhanced-overlap', 'enhanced', true, undefined],
    ['advanced', 'advanced', false, undefined],
  ];
  const scenarios = [];
  for (const [name, bestFit, overlap, options] of list) {
    const ratings = ratingsFor(fw, bestFit, overlap);
    scenarios.push({ name, ratings, options, result: await assess(fw, { ratings }, options) });
  }
  return { scenarios };
}

// The demo page keeps submissions through the demo's records API: served here as `npm start` serves it,
// on a folder of its own for this run.
const recordsDir = mkdtempSync(join(tmpdir(), 'levelfit-csp-records-'));
const server = createStaticServer({
  mounts: { ...DEMO_MOUNTS, '/test/csp/': 'test/csp/' },
  routes: { '/test/csp/expected.json': expectedScenarios },
  records: createRecordsApi({ dir: recordsDir }),
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

const problems = [];
async function visit(path, { harness }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const where = `${path}`;
  await page.addInitScript(() => {
    window.__lfViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__lfViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${where}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${where}: uncaught: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`${where}: request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${where}: HTTP ${res.status()} for ${res.url()}`);
    else if (new URL(res.url()).origin === origin && res.headers()['content-security-policy'] !== CSP) {
      problems.push(`${where}: ${res.url()} was served without the CSP header`);
    }
  });
  await page.goto(origin + path, { waitUntil: 'load' });
  let rendered = [];
  if (harness) {
    await page.waitForFunction(() => window.__lfCsp?.done === true, null, { timeout: TIMEOUT });
    const report = await page.evaluate(() => window.__lfCsp);
    for (const f of report.failures) problems.push(`${where}: ${f}`);
    rendered = report.rendered;
  } else {
    await page.waitForFunction(
      () =>
        ['lf-self-assessment', 'lf-level-fit', 'lf-career-levels', 'lf-competence-matrix'].every((t) => {
          const el = document.querySelector(t);
          return el && customElements.get(t) && el.shadowRoot && el.shadowRoot.childElementCount > 0;
        }),
      null,
      { timeout: TIMEOUT },
    );
    rendered = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('lf-')).map((e) => e.localName));
  }
  await page.waitForTimeout(200); // let late violation reports arrive
  const violations = await page.evaluate(() => window.__lfViolations);
  for (const v of violations) problems.push(`${where}: CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} ${v.sample ?? ''} at ${v.source}:${v.line}`);
  console.log(`test:csp: ${path} rendered ${rendered.length} element(s)/states: ${rendered.join(', ')}; ${violations.length} violation(s)`);
  await context.close();
}

let exitCode = 0;
try {
  await visit('/test/csp/', { harness: true });
  await visit('/', { harness: false });
} catch (err) {
  problems.push(`harness error: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await browser.close();
  server.close();
  rmSync(recordsDir, { recursive: true, force: true });
}
if (problems.length) {
  for (const p of problems) console.error(`test:csp: FAIL: ${p}`);
  exitCode = 1;
} else {
  console.log(`test:csp: OK: no CSP violations, console errors or failed requests under "${CSP}"`);
}
process.exit(exitCode);
