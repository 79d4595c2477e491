#!/usr/bin/env node
// Takes the README's pictures of the demo from the running demo, so they always show what `npm start` shows:
//
//   npm run screenshots        build the bundles, then run this
//   node scripts/screenshot-demo.mjs [outdir]   (default docs/; needs dist/ from `npm run build:bundles`)
//
// It starts the demo server (scripts/serve-demo.mjs, PORT=0 so any free port, records in a temporary folder),
// opens the page in Chromium (puppeteer-core; CHROMIUM_PATH or /usr/bin/chromium) at 1280 and 375 CSS px,
// and writes for each width:
//   demo-<width>-form.png     the page as a person first sees it;
//   demo-<width>-result.png   after answering every question as a care worker at Level 2 with some Level 3
//                             skills and submitting: the result beside the form (on a phone, above it).
// Then it stops the server it started. Exit code 1 on any failure, with the reason.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs'));
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

/** Starts `node scripts/serve-demo.mjs` on a free port; resolves with its URL and a stop function. */
function startDemo(recordsDir) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve-demo.mjs')], {
    env: { ...process.env, PORT: '0', RECORDS_DIR: recordsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((ready, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the demo server did not start in 20 s:\n${out}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/localhost:\d+\//.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        ready({ url, stop });
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the demo server exited (${code}):\n${out}`));
    });
  });
}

/**
 * In the page: answers every step of <lf-self-assessment> as the persona (Level 2 met, a third of Level 3)
 * and submits, by clicking its radios and buttons as a person would. The persona's ratings come from the
 * framework itself: "Competent" or above for everything up to Associate and one Autonomous competence,
 * "Not yet" / "Developing" for the rest, so the picture shows a best fit with an overlap and a gap list.
 */
async function answerAndSubmit(page) {
  await page.evaluate(async () => {
    const el = document.querySelector('lf-self-assessment');
    await el.updateComplete;
    const framework = el.resolvedFramework;
    const levels = framework.levels.map((l) => l.id);
    const associate = levels.indexOf('associate');
    const values = framework.scale.values.map((v) => v.value).sort((a, b) => a - b);
    const met = values.filter((v) => v >= framework.scale.met);
    const unmet = values.filter((v) => v < framework.scale.met);
    let autonomousCompetences = 0;
    let autonomousIndicators = 0;
    const ratings = {};
    framework.items.forEach((item, i) => {
      const lowest = Math.min(...item.levels.map((l) => levels.indexOf(l)));
      let yes = lowest <= associate;
      if (!yes && lowest === associate + 1) yes = item.kind === 'indicator' ? autonomousIndicators++ % 3 === 0 : autonomousCompetences++ === 0;
      ratings[item.id] = yes ? met[i % met.length] : unmet[i % unmet.length];
    });
    const root = el.shadowRoot;
    const press = async (part) => {
      root.querySelector(`button[part~="${part}"]`).click();
      await el.updateComplete;
    };
    for (let guard = 0; guard < 40 && !root.querySelector('button[part~="button-submit"]'); guard++) {
      for (const fieldset of root.querySelectorAll('fieldset[data-item]')) {
        const id = fieldset.dataset.item;
        (fieldset.querySelector(`input[value="${ratings[id]}"]`) ?? fieldset.querySelector('input[type="radio"]')).click();
      }
      await el.updateComplete;
      const skip = root.querySelector('button[part~="button-start"]');
      if (skip) await press('button-start');
      else await press('button-continue');
    }
    const submitted = new Promise((done) => el.addEventListener('lf-submit', done, { once: true }));
    await press('button-submit');
    await submitted;
    await document.querySelector('lf-level-fit').updateComplete;
    // The confirmation heading takes focus (for screen readers); a picture needs no focus ring.
    root.activeElement?.blur();
  });
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/levelfit.min.js'))) throw new Error('dist/levelfit.min.js is missing: run `npm run build:bundles` first (or `npm run screenshots`)');
  mkdirSync(OUT, { recursive: true });
  const records = mkdtempSync(join(tmpdir(), 'levelfit-screenshot-records-'));
  const demo = await startDemo(records);
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const written = [];
  try {
    for (const viewport of WIDTHS) {
      // A fresh context each time: no draft or kept result from the previous width.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(demo.url, { waitUntil: 'networkidle0' });
      await page.evaluate(() => Promise.all([...document.querySelectorAll('lf-self-assessment, lf-level-fit')].map((e) => e.updateComplete)));
      const form = join(OUT, `demo-${viewport.width}-form.png`);
      await page.screenshot({ path: form });
      written.push(form);

      await answerAndSubmit(page);
      // Scroll so the heading of the self-assessment panel is at the top: the result and the confirmation.
      await page.evaluate(() => document.getElementById('pdr-heading').scrollIntoView({ block: 'start' }));
      const result = join(OUT, `demo-${viewport.width}-result.png`);
      await page.screenshot({ path: result });
      written.push(result);
      if (problems.length) throw new Error(`the demo page reported errors at ${viewport.width} px:\n${problems.join('\n')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await demo.stop();
    rmSync(records, { recursive: true, force: true });
  }
  for (const file of written) console.log(`screenshot-demo: wrote ${file}`);
}

main().catch((err) => {
  console.error(`screenshot-demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
