#!/usr/bin/env node
// End-to-end suite for the built embed bundle (dist/levelfit.min.js) in headless Debian Chromium through
// playwright-core, every page served with a strict CSP that also requires Trusted Types:
//
//   1. journey   – the demo page, keyboard only: answer, error summary on an incomplete step, reload and resume
//                  from the draft, check answers and a Change link, submit, <lf-level-fit> shows the engine's
//                  result, print view (media: print) hides the page's navigation and the form, shows the result.
//   2. hostile   – host CSS that would wreck a light-DOM widget must not reach the shadow DOM (labels visible,
//                  radios operable), and loading the bundle must not restyle the host page's own elements.
//   3. xss       – a corpus of payloads in every provider text field of a framework, every element and state.
//   4. a11y      – accessible names (CDP Accessibility tree), target sizes (WCAG 2.5.8), no horizontal scroll at
//                  320 px, visible focus under forced colours, a polite live region that says the draft is saved.
//   6. review    – staff submits a self-assessment to the demo's records API, a supervisor reviews it on the
//                  Supervisor page and signs it off, and both pages show the confirmed level; two supervisors
//                  signing one record at once: one is saved, the other gets 412, is told, and keeps its review.
//   7. shared    – one device, several people: with person-key the next person sees an empty form and the
//                  first person's answers come back to them; without it the restore notice offers "Not you?
//                  Start afresh", which empties the form and keeps the first person's draft aside; with
//                  shared-device the next person sees only "Are they yours?" (no answers) until they choose.
//   8. persona   – a care worker at Level 2 with some Level 3 skills: the result lists exactly the unmet Autonomous
//                  competences and "any N of these M" statements, shows no blended percentage (Advanced, with 6 of
//                  7 statements "Not yet", never looks more met than Enhanced), and page.pdf() of the print view
//                  has the name, date and framework version, and no page with fewer than 3 lines of text.
//   5. tabs      – one draft in two real tabs (one browser context, real `storage` events): answers to different
//                  questions merge; the same question answered differently asks the later saver and loses neither
//                  answer ("Keep mine" saves it); submitting in one tab does not remove a draft the other wrote since.
//
// Every page fails on any securitypolicyviolation (recorded by an external listener script), console error,
// uncaught error or failed request. Totals go to test/e2e/totals.json.  Run after `npm run build`:
//   npm run test:e2e            (E2E_ONLY=journey,xss to run some sections; CHROMIUM_PATH overrides the browser)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../support/chromium.mjs';
import { ratingsFor } from '../support/scenario-ratings.mjs';
import { DEMO_PATH, E2E_CSP, SUPERVISOR_PATH, startE2EServer } from './server.mjs';
import { PAYLOADS } from './pages/payloads.js';
import { DRAFT_DEBOUNCE_MS } from '../../packages/elements/lib/drafts/draft-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 30_000;
const started = Date.now();
const only = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',')) : null;

for (const file of ['dist/levelfit.min.js', 'dist/levelfit.all.min.js', 'packages/engine/lib/index.js']) {
  if (!existsSync(root + file)) {
    console.error(`test:e2e: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { assess, frameworks, levelName } = await import('../../packages/engine/lib/index.js');
const FW = frameworks['clinical-homecare'];

// ---- server: the repository's static server with the strict CSP, the demo pages, the records API ----

const server = await startE2EServer();
const { origin, recordsDir } = server;

const browser = await launchChromium();

// ---- bookkeeping ----

const problems = [];
const totals = {
  csp: E2E_CSP,
  pages: 0,
  cases: 0,
  keyPresses: 0,
  payloads: PAYLOADS.length,
  payloadFields: 0,
  payloadCases: 0,
  payloadsRejectedBySchema: 0,
  hostileSiblingProperties: 0,
  axNodesChecked: 0,
  targetsChecked: 0,
  cspViolations: 0,
  consoleErrors: 0,
  pageErrors: 0,
  failedRequests: 0,
  pdfPages: 0,
  failures: 0,
  seconds: 0,
};
const check = (ok, message) => {
  totals.cases++;
  if (!ok) problems.push(message);
  return ok;
};

/** A fresh context and page that records console errors, page errors, failed requests and CSP violations. */
async function open(label, { viewport = { width: 1280, height: 900 }, storageState } = {}) {
  const context = await browser.newContext({ viewport, storageState });
  const page = await context.newPage();
  watch(page, label);
  return { context, page };
}

/** Records a page's console errors, page errors, failed requests and responses without the strict CSP. */
function watch(page, label) {
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && page.lfExpectedError?.test(msg.text())) {
      page.lfExpectedError = null; // the one error a control provoked on purpose
      return;
    }
    if (msg.type() === 'error') {
      totals.consoleErrors++;
      problems.push(`${label}: console error: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => {
    totals.pageErrors++;
    problems.push(`${label}: uncaught: ${err.message}`);
  });
  page.on('requestfailed', (req) => {
    totals.failedRequests++;
    problems.push(`${label}: request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() === 412 && page.lfExpect412) {
      page.lfExpect412 = false; // the conflict a test provoked on purpose
      return;
    }
    if (res.status() >= 400) {
      totals.failedRequests++;
      problems.push(`${label}: HTTP ${res.status()} for ${res.url()}`);
    } else if (new URL(res.url()).origin === origin && res.headers()['content-security-policy'] !== E2E_CSP) {
      problems.push(`${label}: ${res.url()} was served without the strict CSP header`);
    }
  });
}

/** Reads (and clears) the violations the page's listener recorded; call before every navigation. */
async function violations(page, label) {
  await page.waitForTimeout(100); // late reports are queued as tasks
  const list = await page.evaluate(() => {
    const v = window.__lfViolations ?? null;
    if (v) window.__lfViolations = [];
    return v;
  });
  if (list === null) return check(false, `${label}: the violation listener did not run`);
  totals.cspViolations += list.length;
  for (const v of list) problems.push(`${label}: CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} ${v.sample ?? ''} at ${v.source}:${v.line}`);
  return check(list.length === 0, `${label}: ${list.length} CSP violation(s)`);
}

async function goto(page, path) {
  totals.pages++;
  await page.goto(origin + path, { waitUntil: 'load' });
}

const TAGS = ['lf-self-assessment', 'lf-level-fit', 'lf-career-levels', 'lf-competence-matrix'];
async function rendered(page, tags = TAGS) {
  await page.waitForFunction(
    (list) =>
      list.every((t) => {
        const el = document.querySelector(t);
        return !el || (customElements.get(t) && el.shadowRoot && el.shadowRoot.childElementCount > 0);
      }),
    tags,
  );
  await page.evaluate(async () => {
    for (const el of document.querySelectorAll('lf-self-assessment, lf-level-fit, lf-career-levels, lf-competence-matrix')) await el.updateComplete;
  });
}

/** The focused element, through shadow roots. */
function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return { tag: 'body' };
    const host = a.getRootNode().host;
    return {
      tag: a.localName,
      type: a.getAttribute('type'),
      name: a.getAttribute('name'),
      value: 'value' in a ? String(a.value) : null,
      checked: a.checked === true,
      id: a.id,
      part: a.getAttribute('part') ?? '',
      cls: typeof a.className === 'string' ? a.className : '',
      href: a.getAttribute('href'),
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      host: host ? host.localName : null,
    };
  });
}

async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) {
    totals.keyPresses++;
    await page.keyboard.press(key);
  }
}

/** Presses Tab until `pred(active)` holds. */
async function tabUntil(page, pred, what, max = 150) {
  for (let i = 0; i < max; i++) {
    await press(page, 'Tab');
    const a = await deepActive(page);
    if (pred(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

const SA = 'lf-self-assessment';
const stepItems = (page) =>
  page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('fieldset[data-item]')].map((f) => f.dataset.item), SA);
const saText = (page, selector) =>
  page.evaluate(([tag, sel]) => document.querySelector(tag).shadowRoot.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? null, [SA, selector]);
const checkedValues = (page) =>
  page.evaluate(
    (tag) => Object.fromEntries([...document.querySelector(tag).shadowRoot.querySelectorAll('input[type=radio]:checked')].map((r) => [r.name, Number(r.value)])),
    SA,
  );

/** Index of a rating among the scale's radios (the radios are in scale order). */
const radioIndex = (value) => FW.scale.values.findIndex((v) => v.value === value);

/** With focus just before the step's first radio group, answers the step with the keyboard; ends on Continue. */
async function answerStepByKeyboard(page, ratings, label, { skip } = {}) {
  const ids = await stepItems(page);
  for (const [n, id] of ids.entries()) {
    await press(page, 'Tab');
    let a = await deepActive(page);
    // The offer about questions left out ("Answer them anyway") sits between the heading and the questions.
    if (n === 0 && /button-(answer-anyway|skip)/.test(a.part)) {
      await press(page, 'Tab');
      a = await deepActive(page);
    }
    if (!check(a.tag === 'input' && a.type === 'radio' && a.name === id, `${label}: Tab reached ${a.tag} ${a.name ?? a.text}, not the radios of ${id}`)) {
      throw new Error(`${label}: keyboard order broken at ${id}`);
    }
    if (id === skip) continue;
    await press(page, 'Space');
    await press(page, 'ArrowDown', radioIndex(ratings[id]));
  }
  await press(page, 'Tab');
  const a = await deepActive(page);
  check(a.part.includes('button-continue'), `${label}: after the last question Tab reached ${a.tag} "${a.text}", not Continue`);
  return ids;
}

/** Waits until focus (through shadow roots) is on a heading, as after each Continue (which first asks the engine what can be left out). */
async function headingFocused(page) {
  await page
    .waitForFunction(() => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a?.localName === 'h2';
    }, undefined, { timeout: 10_000 })
    .catch(() => undefined);
  return deepActive(page);
}

// ---- 1. the journey, keyboard only ----

async function journey() {
  const label = 'journey';
  const { context, page } = await open(label);
  const ratings = ratingsFor(FW, 'associate', true);
  await goto(page, DEMO_PATH);
  await rendered(page);
  await violations(page, `${label} load`);

  // The polite status line exists (empty) before anything is saved, so its later text is announced.
  const status = await page.evaluate((tag) => {
    const p = document.querySelector(tag).shadowRoot.querySelector('[part~="draft-status"]');
    return p && { role: p.getAttribute('role'), live: p.getAttribute('aria-live'), text: p.textContent.trim() };
  }, SA);
  check(status && (status.role === 'status' || status.live === 'polite') && status.text === '', `${label}: no empty polite status region at load: ${JSON.stringify(status)}`);

  // Role picker, by keyboard.
  await tabUntil(page, (a) => a.tag === 'select' && a.id === 'role', 'the role picker');
  await press(page, 'ArrowDown', 2);
  const role = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('#role').value, SA);
  check(role !== '', `${label}: ArrowDown on the role picker chose no role`);

  // Step 1 with the last question left out: Continue shows the error summary, focused.
  const step1 = await stepItems(page);
  const skipped = step1[step1.length - 1];
  await answerStepByKeyboard(page, ratings, `${label} step 1`, { skip: skipped });
  await press(page, 'Enter');
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.error-summary'), SA);
  let a = await deepActive(page);
  check(a.cls.includes('error-summary'), `${label}: the error summary was not focused (focus on ${a.tag}.${a.cls})`);
  const summary = await saText(page, '.error-summary');
  const skippedTitle = FW.items.find((i) => i.id === skipped).title;
  check(summary?.startsWith('There is a problem') && summary.includes(skippedTitle), `${label}: error summary text: ${summary}`);
  const inline = await saText(page, `#q-${skipped}-error`);
  check(inline?.includes('Error:'), `${label}: no inline error message on the unanswered question`);
  const alertRole = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.error-summary [role="alert"]') !== null, SA);
  check(alertRole, `${label}: the error summary has no role=alert`);

  // The summary's link moves focus to the unanswered question; answer it there.
  await press(page, 'Tab');
  a = await deepActive(page);
  check(a.tag === 'a' && a.href === `#q-${skipped}`, `${label}: Tab from the summary reached ${a.tag} ${a.href}`);
  await press(page, 'Enter');
  await page.waitForTimeout(50);
  a = await deepActive(page);
  check(a.tag === 'input' && a.name === skipped, `${label}: the summary link focused ${a.tag} ${a.name}, not ${skipped}`);
  await press(page, 'Space');
  await press(page, 'ArrowDown', radioIndex(ratings[skipped]));
  await page.waitForFunction((tag) => !document.querySelector(tag).shadowRoot.querySelector('.error-summary'), SA);

  // Autosave: the polite status says so.
  await page.waitForFunction((tag) => /saved/i.test(document.querySelector(tag).shadowRoot.querySelector('[part~="draft-status"]').textContent), SA, {
    timeout: 5000,
  });
  check(true, 'draft saved announced');
  const step1Answers = await checkedValues(page);
  check(
    step1.every((id) => step1Answers[id] === ratings[id]),
    `${label}: step 1 answers by keyboard differ: ${JSON.stringify(step1Answers)}`,
  );

  // Reload: the draft is restored (answers, role, step) with a notice.
  await violations(page, `${label} before reload`);
  await page.reload({ waitUntil: 'load' });
  totals.pages++;
  await rendered(page);
  const notice = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('[data-notice="restored"]')?.textContent.trim() ?? null, SA);
  check(notice?.includes('restored'), `${label}: no "restored" notice after reload`);
  const restored = await checkedValues(page);
  check(step1.every((id) => restored[id] === ratings[id]), `${label}: answers not restored: ${JSON.stringify(restored)}`);
  const restoredRole = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('#role').value, SA);
  check(restoredRole === role, `${label}: role not restored (${restoredRole} vs ${role})`);

  // Continue through every step by keyboard.
  await tabUntil(page, (x) => x.part.includes('button-continue'), 'Continue');
  await press(page, 'Enter');
  let asked = step1.length;
  for (let step = 1; step < 20; step++) {
    a = await headingFocused(page);
    if (a.text === 'Check your answers') break;
    check(a.tag === 'h2', `${label}: step ${step + 1} heading not focused (${a.tag} ${a.text})`);
    asked += (await answerStepByKeyboard(page, ratings, `${label} step ${step + 1}`)).length;
    await press(page, 'Enter');
  }
  a = await deepActive(page);
  check(a.tag === 'h2' && a.text === 'Check your answers', `${label}: did not reach "Check your answers" (focus on ${a.tag} ${a.text})`);

  // Check your answers: every question listed, with its answer or as skipped; change one through its Change link.
  const rows = await page.evaluate(
    (tag) =>
      [...document.querySelector(tag).shadowRoot.querySelectorAll('.summary-row[data-item]')].map((r) => [
        r.dataset.item,
        r.querySelector('dd').textContent.trim(),
        r.hasAttribute('data-skipped'),
      ]),
    SA,
  );
  const label0 = (v) => FW.scale.values.find((s) => s.value === v).label;
  check(rows.length === FW.items.length, `${label}: check page lists ${rows.length} questions, not ${FW.items.length}`);
  const answeredRows = rows.filter(([, , skipped]) => !skipped);
  check(answeredRows.every(([id, text]) => text === label0(ratings[id])), `${label}: check page shows wrong ratings`);
  check(rows.filter(([, , skipped]) => skipped).every(([, text]) => text.startsWith('Skipped')), `${label}: a skipped question is not marked "Skipped"`);
  // Questions that cannot change the result are left out: the journey is shorter, and the result the same.
  check(answeredRows.length === asked && asked < FW.items.length, `${label}: ${asked} questions asked of ${FW.items.length}; ${answeredRows.length} answered`);
  const given = Object.fromEntries(answeredRows.map(([id]) => [id, ratings[id]]));
  const [fromAll, fromAsked] = await Promise.all([assess(FW, { ratings }, { role }), assess(FW, { ratings: given }, { role })]);
  check(
    fromAll.bestFit === fromAsked.bestFit && fromAll.overlap?.to === fromAsked.overlap?.to,
    `${label}: leaving questions out changed the result (${fromAll.bestFit} → ${fromAsked.bestFit})`,
  );
  totals.journeyAsked = asked;
  const changeId = FW.items.slice(30).find((i) => Object.hasOwn(given, i.id)).id;
  // The answers are in one collapsible section per step: open each section reached (Enter on its summary)
  // until the Change link is reached, as a keyboard user would.
  for (let i = 0, found = false; !found; i++) {
    if (i > 200) throw new Error(`Tab never reached the Change link of ${changeId}`);
    await press(page, 'Tab');
    const x = await deepActive(page);
    if (x.tag === 'summary') await press(page, 'Enter');
    found = x.tag === 'a' && x.href === `#q-${changeId}`;
  }
  await press(page, 'Enter');
  await page.waitForTimeout(50);
  a = await deepActive(page);
  check(a.tag === 'input' && a.name === changeId && a.checked, `${label}: Change link focused ${a.tag} ${a.name}, not the checked radio of ${changeId}`);
  await press(page, 'ArrowDown');
  ratings[changeId] = (await checkedValues(page))[changeId];
  given[changeId] = ratings[changeId];
  await tabUntil(page, (x) => x.part.includes('button-continue'), 'Continue after Change');
  await press(page, 'Enter');
  a = await headingFocused(page);
  check(a.text === 'Check your answers', `${label}: Continue after a Change did not return to "Check your answers" (${a.tag} ${a.text})`);
  const changedRow = await page.evaluate(
    ([tag, id]) => document.querySelector(tag).shadowRoot.querySelector(`.summary-row[data-item="${id}"] dd`).textContent.trim(),
    [SA, changeId],
  );
  check(changedRow === label0(ratings[changeId]), `${label}: changed answer shows ${changedRow}`);

  // Submit by keyboard; <lf-level-fit> shows exactly what the engine says.
  await tabUntil(page, (x) => x.part.includes('button-submit'), 'Submit');
  await press(page, 'Enter');
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('[part~="confirmation"]'), SA);
  const expected = await assess(FW, { ratings: given }, { role });
  const shown = await page.evaluate(async () => {
    const fit = document.querySelector('lf-level-fit');
    await fit.updateComplete;
    return { result: JSON.parse(JSON.stringify(fit.result)), text: fit.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
  check(JSON.stringify(shown.result) === JSON.stringify(expected), `${label}: <lf-level-fit> result differs from assess()`);
  const bestTitle = expected.bestFit ? levelName(FW, expected.bestFit) : '';
  check(bestTitle !== '' && shown.text.includes(bestTitle), `${label}: <lf-level-fit> does not show the best fit ${bestTitle}`);
  const confirmation = await saText(page, '[part~="confirmation"]');
  // The confirmation names the level as a person reads it ("Level 2 – Associate"), from the framework's plain layer.
  const bestName = levelName(FW, expected.bestFit);
  check(confirmation?.includes(bestName), `${label}: confirmation does not name ${bestName}`);
  const draftLeft = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('levelfit:draft:')));
  check(draftLeft.length === 0, `${label}: draft still stored after submit: ${draftLeft}`);

  // On a phone (375 px) the result comes before the form; on a desktop it sits beside it.
  const layout = () =>
    page.evaluate(() => {
      const r = document.querySelector('.panel-result').getBoundingClientRect();
      const f = document.querySelector('.panel-form').getBoundingClientRect();
      return { resultTop: r.top, resultLeft: r.left, formTop: f.top, formLeft: f.left };
    });
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await layout();
  check(narrow.resultTop < narrow.formTop, `${label}: at 375 px the result is not above the form: ${JSON.stringify(narrow)}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await layout();
  check(wide.resultLeft > wide.formLeft && Math.abs(wide.resultTop - wide.formTop) < 5, `${label}: at 1280 px the result is not beside the form: ${JSON.stringify(wide)}`);

  // Print view: the page's print stylesheet hides navigation and the form; the result prints.
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const d = (sel) => {
      const el = document.querySelector(sel);
      return el ? getComputedStyle(el).display : 'missing';
    };
    const fit = document.querySelector('lf-level-fit');
    const r = fit.getBoundingClientRect();
    const sr = fit.shadowRoot;
    const visible = (sel) => {
      const el = sr.querySelector(sel);
      if (!el) return false;
      const b = el.getBoundingClientRect();
      return getComputedStyle(el).display !== 'none' && b.width > 0 && b.height > 0;
    };
    return {
      nav: d('.site-nav'),
      header: d('.site-header'),
      footer: d('.site-footer'),
      form: d('.panel-form'),
      breadcrumbs: d('.breadcrumbs'),
      fit: { w: r.width, h: r.height },
      summary: visible('[part~="summary"]'),
      chart: visible('[part~="chart"]'),
      printButton: visible('[part~="print-button"]'),
    };
  });
  check(
    [print.nav, print.header, print.footer, print.form, print.breadcrumbs].every((d) => d === 'none'),
    `${label}: print view still shows page chrome or the form: ${JSON.stringify(print)}`,
  );
  check(print.fit.w > 0 && print.fit.h > 0 && print.summary && print.chart, `${label}: print view hides the result: ${JSON.stringify(print)}`);
  check(!print.printButton, `${label}: print view shows the print button`);
  await page.emulateMedia({ media: 'screen' });
  await violations(page, `${label} end`);
  await context.close();
  console.log(`test:e2e: journey: ${asked} of ${FW.items.length} questions asked by keyboard, best fit ${expected.bestFit}, ${totals.keyPresses} key presses`);
}

// ---- 2. hostile host page ----

async function hostile() {
  for (const variant of ['hostile', 'plain']) {
    const label = `hostile(${variant})`;
    const { context, page } = await open(label);
    await goto(page, `/test/e2e/pages/hostile.html${variant === 'plain' ? '?plain' : ''}`);
    await page.waitForFunction(() => window.__lfE2E?.done === true);
    const report = await page.evaluate(() => window.__lfE2E);
    for (const f of report.failures) check(false, `${label}: ${f}`);
    totals.hostileSiblingProperties += report.properties;
    check(report.properties > 1000, `${label}: compared only ${report.properties} properties`);
    check(report.changed.length === 0, `${label}: loading the bundle restyled the host page: ${report.changed.slice(0, 8).join('; ')}`);
    await rendered(page);
    if (variant === 'hostile') {
      // The hostile sheet really applies to the host's own elements.
      const host = await page.evaluate(() => ({
        label: getComputedStyle(document.getElementById('host-label')).display,
        input: getComputedStyle(document.getElementById('host-input')).opacity,
        button: getComputedStyle(document.getElementById('host-button')).visibility,
      }));
      check(host.label === 'none' && host.input === '0' && host.button === 'hidden', `${label}: the hostile stylesheet did not apply: ${JSON.stringify(host)}`);
    }

    // Inside the shadow roots: the host's rules do not apply.
    const inside = await page.evaluate(() => {
      const out = [];
      const sr = document.querySelector('lf-self-assessment').shadowRoot;
      const look = (el, what) => {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return { what, display: cs.display, visibility: cs.visibility, opacity: cs.opacity, fontSize: parseFloat(cs.fontSize), color: cs.color, w: r.width, h: r.height };
      };
      for (const l of [...sr.querySelectorAll('label')].slice(0, 8)) out.push(look(l, `label "${l.textContent.trim()}"`));
      for (const l of [...sr.querySelectorAll('legend')].slice(0, 3)) out.push(look(l, 'legend'));
      for (const l of [...sr.querySelectorAll('input[type=radio]')].slice(0, 8)) out.push(look(l, `radio ${l.id}`));
      for (const l of sr.querySelectorAll('button, select, h2')) out.push(look(l, l.localName));
      const quiz = customElements.get('lf-quiz') && document.querySelector('lf-quiz').shadowRoot;
      if (quiz) {
        for (const l of [...quiz.querySelectorAll('label')].slice(0, 4)) out.push(look(l, `lf-quiz label "${l.textContent.trim().slice(0, 30)}"`));
        for (const l of [...quiz.querySelectorAll('input[type=radio], input[type=checkbox]')].slice(0, 4)) out.push(look(l, `radio lf-quiz ${l.id}`));
        for (const l of quiz.querySelectorAll('button, legend, h2')) out.push(look(l, `lf-quiz ${l.localName}`));
      }
      for (const tag of ['lf-level-fit', 'lf-career-levels', 'lf-competence-matrix']) {
        const r = document.querySelector(tag).shadowRoot;
        for (const el of [...r.querySelectorAll('h2, h3, p, li, th, td')].slice(0, 6)) if (!el.closest('.lf-visually-hidden') && !el.classList.contains('lf-visually-hidden')) out.push(look(el, `${tag} ${el.localName}`));
      }
      return out;
    });
    for (const s of inside) {
      totals.cases++;
      const ok =
        s.display !== 'none' && s.visibility === 'visible' && s.opacity === '1' && s.w > 0 && s.h > 0 && (s.what.startsWith('radio') || s.fontSize >= 12) && s.color !== 'rgba(0, 0, 0, 0)';
      if (!ok) problems.push(`${label}: ${s.what} is broken by host CSS: ${JSON.stringify(s)}`);
      if (s.what.startsWith('radio') && (s.w < 24 || s.h < 24)) problems.push(`${label}: ${s.what} is ${s.w}×${s.h}`);
    }

    // Radios are operable by pointer (through the label) and by keyboard.
    const labelLoc = page.locator('lf-self-assessment label[for^="q-"]').nth(2);
    await labelLoc.click();
    const checked = await page.evaluate(() => {
      const sr = document.querySelector('lf-self-assessment').shadowRoot;
      return [...sr.querySelectorAll('input[type=radio]:checked')].map((r) => r.id);
    });
    check(checked.length === 1, `${label}: clicking a label checked ${checked.length} radios`);
    await press(page, 'ArrowDown');
    const afterKey = await page.evaluate(() => [...document.querySelector('lf-self-assessment').shadowRoot.querySelectorAll('input[type=radio]:checked')].map((r) => r.id));
    check(afterKey.length === 1 && afterKey[0] !== checked[0], `${label}: ArrowDown did not move the choice (${checked} -> ${afterKey})`);
    await violations(page, label);
    await context.close();
    console.log(`test:e2e: ${label}: ${report.properties} host computed-style properties unchanged; ${inside.length} shadow elements intact`);
  }
}

// ---- 3. XSS corpus ----

async function xss() {
  const label = 'xss';
  const { context, page } = await open(label);
  await page.addInitScript(() => {
    // The canary is a plain property; a setter also catches `__xss = 1` that is later deleted.
    let value;
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get: () => value,
      set: (v) => {
        value = v;
        window.__xssHits = (window.__xssHits ?? 0) + 1;
      },
    });
  });
  await goto(page, '/test/e2e/pages/xss.html');
  await page.waitForFunction(() => window.__lfE2E?.done === true, null, { timeout: 120_000 });
  const report = await page.evaluate(() => ({ ...window.__lfE2E, hits: window.__xssHits ?? 0 }));
  for (const f of report.failures) check(false, `${label}: ${f}`);
  check(report.hits === 0 && report.failures.length === 0, `${label}: ${report.failures.length} failure(s), canary hits ${report.hits}`);
  check(report.payloads === PAYLOADS.length, `${label}: ran ${report.payloads} of ${PAYLOADS.length} payloads`);
  totals.payloadFields = report.fieldsPerPayload;
  totals.payloadCases = report.cases;
  totals.payloadsRejectedBySchema = report.rejected.length;
  totals.cases += report.cases;
  // Control: Trusted Types really are enforced on this page (an HTML sink given a string throws and reports).
  await violations(page, label);
  page.lfExpectedError = /TrustedHTML/;
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch (err) {
      return err.name;
    }
  });
  await page.waitForTimeout(100);
  const control = await page.evaluate(() => window.__lfViolations.splice(0));
  check(page.lfExpectedError === null, `${label}: the blocked HTML sink was not reported on the console`);
  check(
    sink === 'TypeError' && control.some((v) => v.effective === 'require-trusted-types-for'),
    `${label}: Trusted Types are not enforced (innerHTML: ${sink}; reports: ${JSON.stringify(control)})`,
  );
  for (const r of report.rejected) console.log(`test:e2e: xss: schema rejected ${JSON.stringify(r.payload)}: ${r.issues.slice(0, 3).join('; ')}`);
  await violations(page, label);
  await context.close();
  console.log(
    `test:e2e: xss: ${report.payloads} payloads × ${report.fieldsPerPayload} fields, ${report.cases} element states inspected, ${report.rejected.length} rejected by the schema (rendered as an inline error)`,
  );
}

// ---- 4. accessibility beyond axe ----

/** Drives the self-assessment on the current page to `state` (step, errors, check, confirmation) with clicks. */
async function driveTo(page, state) {
  await page.evaluate(async (target) => {
    const el = document.querySelector('lf-self-assessment');
    const sr = el.shadowRoot;
    const settle = async () => {
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    };
    const click = async (sel) => {
      const b = sr.querySelector(sel);
      if (!b) throw new Error(`driving to ${target}: no ${sel} on "${sr.querySelector('h2')?.textContent.replace(/\s+/g, ' ').trim()}"`);
      b.click();
      await settle();
    };
    if (target === 'step') return;
    if (target === 'errors') return click('[part~="button-continue"]');
    for (let i = 0; i < 20 && !sr.querySelector('[part~="button-submit"]'); i++) {
      for (const f of sr.querySelectorAll('fieldset[data-item]')) f.querySelectorAll('input[type=radio]')[2].click();
      await settle();
      await click('[part~="button-continue"]');
    }
    if (target === 'check') return;
    let detail = null;
    el.addEventListener('lf-submit', (e) => (detail = e.detail), { once: true });
    await click('[part~="button-submit"]');
    const fit = document.querySelector('lf-level-fit');
    if (fit && detail && !fit.result) {
      fit.result = detail.result;
      await fit.updateComplete;
    }
  }, state);
}

/** Every radio and radio group, button, link and select in the AX tree has a name. */
async function axNames(page, label) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const name = (n) => (n.name?.value ?? '').trim();
  let radios = 0;
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role?.value;
    if (!['radio', 'button', 'link', 'combobox', 'group', 'radiogroup'].includes(role)) continue;
    totals.axNodesChecked++;
    if (role === 'radio') {
      radios++;
      check(name(n) !== '', `${label}: a radio has no accessible name`);
      let p = byId.get(n.parentId);
      while (p && !['group', 'radiogroup'].includes(p.role?.value)) p = byId.get(p.parentId);
      check(p && name(p) !== '', `${label}: radio "${name(n)}" is not in a named group (fieldset/legend)`);
    } else if (role !== 'group') check(name(n) !== '', `${label}: a ${role} has no accessible name`);
  }
  return radios;
}

/** Radios, buttons, links and selects inside the elements are at least 24 × 24 CSS px (WCAG 2.5.8). */
async function targetSizes(page, label, tags = 'lf-self-assessment, lf-level-fit, lf-career-levels, lf-competence-matrix, lf-quiz') {
  const small = await page.evaluate((selector) => {
    const out = [];
    let count = 0;
    for (const host of document.querySelectorAll(selector)) {
      for (const el of host.shadowRoot.querySelectorAll('input[type=radio], button, a[href], select')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered (display: none)
        count++;
        if (r.width < 24 || r.height < 24) {
          out.push(`${host.localName} ${el.localName}${el.id ? '#' + el.id : ''} "${el.textContent.trim().slice(0, 30)}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
      }
    }
    return { count, out };
  }, tags);
  totals.targetsChecked += small.count;
  check(small.out.length === 0, `${label}: ${small.out.length} target(s) under 24×24: ${small.out.slice(0, 6).join('; ')}`);
}

async function a11y() {
  const STATES = ['step', 'errors', 'check', 'confirmation'];
  // long-words.html: provider text with a 300-character unbroken word in every element (a pasted link).
  for (const path of [DEMO_PATH, '/test/e2e/pages/element.html', '/test/e2e/pages/long-words.html']) {
    for (const width of [1280, 320]) {
      const label = `a11y ${path} @${width}px`;
      const { context, page } = await open(label, { viewport: { width, height: 800 } });
      await goto(page, path);
      await rendered(page);
      await page.evaluate(() => localStorage.clear());
      for (const state of STATES) {
        await driveTo(page, state);
        const where = `${label} [${state}]`;
        const radios = await axNames(page, where);
        if (state === 'step') check(radios >= 8, `${where}: only ${radios} radios in the AX tree`);
        await targetSizes(page, where);
        if (width === 320) {
          const sw = await page.evaluate(() => {
            const se = document.scrollingElement;
            const wide = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot && el.scrollWidth > el.clientWidth).map((el) => el.localName);
            return { sw: se.scrollWidth, cw: se.clientWidth, wide };
          });
          check(sw.sw <= sw.cw && sw.sw <= 320, `${where}: horizontal scroll (scrollWidth ${sw.sw} > ${sw.cw})`);
          check(sw.wide.length === 0, `${where}: wider than the page: ${sw.wide.join(', ')}`);
        }
      }
      await violations(page, label);
      await context.close();
    }
  }

  // <lf-quiz>, when the bundle has it: question pages, feedback, check answers, results.
  if (readFileSync(root + 'dist/levelfit.all.min.js', 'utf8').includes('"lf-quiz"')) {
    for (const width of [1280, 320]) {
      const label = `a11y quiz @${width}px`;
      const { context, page } = await open(label, { viewport: { width, height: 800 } });
      await goto(page, '/test/e2e/pages/quiz.html');
      await rendered(page, ['lf-quiz']);
      for (let i = 0; i < 40; i++) {
        const where = `${label} [page ${i}]`;
        const radios = await axNames(page, where);
        await targetSizes(page, where, 'lf-quiz');
        if (width === 320) {
          const sw = await page.evaluate(() => document.scrollingElement.scrollWidth);
          check(sw <= 320, `${where}: horizontal scroll (scrollWidth ${sw})`);
        }
        const step = await page.evaluate(async () => {
          const el = document.querySelector('lf-quiz');
          const sr = el.shadowRoot;
          const settle = async () => {
            await el.updateComplete;
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          };
          if (sr.querySelector('[part~="results"]')) return 'results';
          const submit = sr.querySelector('[part~="button-submit"]');
          if (submit) {
            submit.click();
            for (let w = 0; w < 100 && !sr.querySelector('[part~="results"]'); w++) await settle();
            return 'submitted';
          }
          const options = [...sr.querySelectorAll('input[type=radio], input[type=checkbox]')];
          if (options.length && !options.some((o) => o.checked)) options[0].click();
          await settle();
          const next = sr.querySelector('[part~="button-continue"]');
          if (!next) return 'stuck';
          next.click();
          await settle();
          return 'next';
        });
        if (i === 0) check(radios >= 2, `${where}: only ${radios} radios in the AX tree`);
        check(step !== 'stuck', `${where}: the quiz has neither Continue, Submit nor results`);
        if (step === 'results' || step === 'stuck') break;
      }
      await violations(page, label);
      await context.close();
    }
  }

  // Visible focus under forced colours, reached by keyboard in each state.
  const label = 'a11y forced-colors';
  const { context, page } = await open(label);
  await page.emulateMedia({ forcedColors: 'active' });
  await goto(page, '/test/e2e/pages/element.html');
  await rendered(page);
  const ring = async (what) => {
    const s = await page.evaluate(() => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      const cs = getComputedStyle(a);
      return { tag: a.localName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, forced: matchMedia('(forced-colors: active)').matches };
    });
    check(s.forced, `${label}: forced-colors emulation is not active`);
    if (process.env.E2E_DEBUG) console.log(what, JSON.stringify(s));
    check(
      s.style !== 'none' && s.width >= 2 && s.color !== 'rgba(0, 0, 0, 0)' && s.color !== 'transparent',
      `${label}: focused ${what} (${s.tag}) has no visible outline: ${JSON.stringify(s)}`,
    );
  };
  await tabUntil(page, (a) => a.tag === 'select', 'the role picker');
  await ring('select');
  await press(page, 'Tab');
  await ring('radio');
  await tabUntil(page, (a) => a.part.includes('button-continue'), 'Continue');
  await ring('Continue button');
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('lf-self-assessment').shadowRoot.querySelector('.error-summary'));
  await ring('error summary');
  await press(page, 'Tab');
  await ring('error summary link');
  await driveTo(page, 'check');
  // "Check your answers" is one collapsible section per step: open the first by keyboard, then reach its links.
  await tabUntil(page, (a) => a.tag === 'summary', 'a section of "Check your answers"');
  await ring('section summary');
  await press(page, 'Enter');
  await tabUntil(page, (a) => a.tag === 'a' && a.part.includes('change-link'), 'a Change link');
  await ring('Change link');
  await tabUntil(page, (a) => a.part.includes('button-submit'), 'Submit');
  await ring('Submit button');
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('lf-self-assessment').shadowRoot.querySelector('[part~="button-restart"]'));
  await page.evaluate(async () => {
    const fit = document.querySelector('lf-level-fit');
    fit.result = document.querySelector('lf-self-assessment').result;
    await fit.updateComplete;
  });
  await tabUntil(page, (a) => a.part.includes('button-restart'), 'Start again');
  await ring('restart button');
  await tabUntil(page, (a) => a.part.includes('print-button'), 'the print button');
  await ring('print button');
  await violations(page, label);
  await context.close();
}

// ---- 5. one draft in two real tabs ----

/**
 * Two tabs (pages of one browser context: one localStorage, real `storage` events) on one page whose
 * <lf-self-assessment> saves to local storage under one assessment key. test/browser/drafts-tabs.test.ts
 * covers the same rules with two elements on one page and synthetic events; here the browser delivers them.
 * A tab's save is made to land before the other tab's pending save by reloading it (pagehide flushes at once),
 * so the order of the two writes does not depend on timer races.
 */
async function tabs() {
  const label = 'tabs';
  const PATH = '/test/e2e/pages/tabs.html';
  const KEY = 'levelfit:draft:clinical-homecare:e2e-tabs';
  const { context, page: a } = await open(`${label} A`);
  const b = await context.newPage();
  watch(b, `${label} B`);
  const V = FW.scale.values.map((v) => v.value);
  const title = (id) => FW.items.find((i) => i.id === id).title;

  /** The shared draft and its set-aside copies, as this tab's localStorage has them. */
  const stored = (page) =>
    page.evaluate((key) => {
      const raw = localStorage.getItem(key);
      const asides = Object.keys(localStorage)
        .filter((k) => k.startsWith(`${key}:set-aside:`))
        .map((k) => ({ key: k, draft: JSON.parse(localStorage.getItem(k)) }));
      return { raw, draft: raw === null ? null : JSON.parse(raw), asides };
    }, KEY);
  /** Polls this tab's view of storage until `pred(draft, asides)` holds; false (and a failed check) after 5 s. */
  const waitStored = async (page, pred, what) => {
    for (const until = Date.now() + 5000; Date.now() < until; await page.waitForTimeout(20)) {
      const { draft, asides } = await stored(page);
      if (pred(draft, asides.map((x) => x.draft))) return true;
    }
    return check(false, `${label}: timed out waiting for ${what}: ${(await stored(page)).raw}`);
  };
  /** Waits until this tab's radios show `want` ({ itemId: rating }); false (and a failed check) on timeout. */
  const waitChecked = (page, want, what) =>
    page
      .waitForFunction(
        ([tag, w]) => {
          const sr = document.querySelector(tag).shadowRoot;
          return Object.entries(w).every(([id, v]) => sr.querySelector(`input[name="${id}"]:checked`)?.value === String(v));
        },
        [SA, want],
        { timeout: 5000 },
      )
      .then(
        () => true,
        async () => check(false, `${label}: ${what}: radios show ${JSON.stringify(await checkedValues(page))}, not ${JSON.stringify(want)}`),
      );
  const notice = (page, code) =>
    page.evaluate(
      ([tag, c]) => {
        const n = document.querySelector(tag).shadowRoot.querySelector(`[part~="notices"] [data-notice="${c}"]`);
        if (!n) return null;
        return {
          text: n.textContent.replace(/\s+/g, ' ').trim(),
          buttons: [...n.querySelectorAll('button')].map((x) => ({ part: x.getAttribute('part'), text: x.textContent.replace(/\s+/g, ' ').trim() })),
        };
      },
      [SA, code],
    );
  const responses = (page) => page.evaluate((tag) => document.querySelector(tag).responses.ratings, SA);
  const pick = (page, id, value) => page.locator(`${SA} input[type="radio"][name="${id}"][value="${value}"]`).click();
  const reload = async (page, tab) => {
    await violations(page, `${label} ${tab} before reload`);
    await page.reload({ waitUntil: 'load' });
    totals.pages++;
    await rendered(page, [SA]);
  };

  // Both tabs' debounced draft saves are held while the test answers in them, so both have unsaved answers
  // at once; A's reload (pagehide saves at once) then always writes first and B's save follows on release,
  // however loaded the machine is: the order of the writes is the test's, not a timer race. A held save
  // that the debouncer cancels is dropped, as a cleared timer would be.
  const holdable = (debounce) => {
    const setTimeoutOf = window.setTimeout.bind(window);
    const clearTimeoutOf = window.clearTimeout.bind(window);
    const held = new Map();
    let next = -1;
    window.__holdSaves = false;
    window.__releaseSaves = () => {
      window.__holdSaves = false;
      for (const [id, run] of held) {
        held.delete(id);
        setTimeoutOf(run, 0);
      }
    };
    window.setTimeout = (fn, ms, ...rest) => {
      if (!(window.__holdSaves && ms === debounce)) return setTimeoutOf(fn, ms, ...rest);
      const id = next--;
      held.set(id, () => fn(...rest));
      return id;
    };
    window.clearTimeout = (id) => (held.delete(id) ? undefined : clearTimeoutOf(id));
  };
  for (const page of [a, b]) await page.addInitScript(holdable, DRAFT_DEBOUNCE_MS);
  const hold = () => Promise.all([a, b].map((page) => page.evaluate(() => (window.__holdSaves = true))));
  const releaseB = () => b.evaluate(() => window.__releaseSaves());
  for (const page of [a, b]) {
    await goto(page, PATH);
    await rendered(page, [SA]);
  }
  check((await stored(a)).raw === null, `${label}: a fresh context already holds a draft`);
  const [q1, q2, q3] = await stepItems(a);

  // (1) Different questions: B answers q2 (its save waits for the debounce); A answers q1 and is reloaded, so
  // A's save lands first. B takes q1 in from the storage event and keeps q2; both end with the union.
  await hold();
  await pick(b, q2, V[1]);
  await pick(a, q1, V[2]);
  await reload(a, 'A');
  await releaseB();
  const union = { [q1]: V[2], [q2]: V[1] };
  await waitChecked(b, union, 'B after A saved q1');
  const merged = await notice(b, 'merged');
  check(merged?.text.includes('1 answer you gave in another tab or window has been added here.'), `${label}: B has no "added here" notice: ${JSON.stringify(merged)}`);
  check((await notice(b, 'conflict')) === null, `${label}: different questions made a conflict in B`);
  await waitStored(a, (d) => d && Object.keys(d.responses.ratings).length === 2, 'the union to be saved');
  let s = await stored(a);
  const isUnion = (r) => r && Object.keys(r).length === 2 && r[q1] === V[2] && r[q2] === V[1];
  check(isUnion(s.draft?.responses.ratings), `${label}: stored draft is not the union: ${s.raw}`);
  check(s.draft?.revision === 2 && s.asides.length === 0, `${label}: after two saves: revision ${s.draft?.revision}, ${s.asides.length} set-aside copies`);
  await waitChecked(a, union, 'A (reloaded) after B saved the union');
  check((await notice(a, 'conflict')) === null, `${label}: a conflict in A over different questions`);
  for (const [page, tab] of [[b, 'B'], [a, 'A']]) {
    await reload(page, tab);
    const restored = await checkedValues(page);
    check(isUnion(restored), `${label}: ${tab} reloaded shows ${JSON.stringify(restored)}, not the union`);
    check((await notice(page, 'restored')) !== null, `${label}: ${tab} reloaded without the "restored" notice`);
  }

  // (2) The same question, differently: A's save lands first; B, the later saver, is asked and writes nothing
  // to the shared key meanwhile, but keeps its answer in a set-aside copy. "Keep mine" then saves B's.
  await hold();
  await pick(a, q3, V[3]);
  await pick(b, q3, V[0]);
  await reload(a, 'A');
  await releaseB();
  await b.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('[data-notice="conflict"]'), SA, { timeout: 5000 }).catch(() => null);
  const conflict = await notice(b, 'conflict');
  check(
    conflict?.text.includes('Your answers were also changed in another tab or window') && conflict.text.includes(`1 answer is different there: “${title(q3)}”.`),
    `${label}: B's conflict notice: ${JSON.stringify(conflict)}`,
  );
  const parts = Object.fromEntries((conflict?.buttons ?? []).map((x) => [x.part, x.text]));
  check(
    parts['button button-use-theirs'] === 'Use the other tab’s answers' && parts['button button-keep-mine'] === 'Keep mine' && conflict.buttons.length === 2,
    `${label}: B's conflict choices: ${JSON.stringify(conflict?.buttons)}`,
  );
  check((await checkedValues(b))[q3] === V[0], `${label}: B lost its own answer to ${q3} in the conflict`);
  check((await notice(a, 'conflict')) === null, `${label}: A, the first to save, also shows a conflict`);
  await waitStored(b, (d, asides) => asides.length === 1, 'B to keep its answers aside');
  s = await stored(b);
  check(s.draft?.responses.ratings[q3] === V[3], `${label}: the shared draft does not hold A's ${q3}=${V[3]}: ${s.raw}`);
  check(
    s.asides.length === 1 && s.asides[0].draft.responses.ratings[q3] === V[0] && s.asides[0].draft.responses.ratings[q1] === V[2],
    `${label}: B's answer ${q3}=${V[0]} is not in a set-aside copy: ${JSON.stringify(s.asides)}`,
  );
  const revisionBefore = s.draft?.revision;
  await b.locator(`${SA} [part~="button-keep-mine"]`).click();
  await waitStored(b, (d, asides) => d && asides.length === 0, 'the set-aside copy to go after "Keep mine"');
  s = await stored(b);
  check(
    s.draft?.responses.ratings[q3] === V[0] && s.draft.revision === revisionBefore + 1 && s.draft.responses.ratings[q1] === V[2] && s.draft.responses.ratings[q2] === V[1],
    `${label}: after "Keep mine" the draft is ${s.raw}`,
  );
  check((await notice(b, 'conflict')) === null, `${label}: the conflict notice stayed after "Keep mine"`);
  await waitChecked(a, { [q1]: V[2], [q2]: V[1], [q3]: V[0] }, 'A after B kept its answer');

  // (3) A answers the rest and submits: the draft goes. B keeps its answers, changes one and saves; A, on its
  // confirmation page, then starts again, which must not remove the draft B wrote since.
  await a.evaluate(async (tag) => {
    const el = document.querySelector(tag);
    const sr = el.shadowRoot;
    const settle = async () => {
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    };
    for (let i = 0; i < 20 && !sr.querySelector('[part~="button-submit"]'); i++) {
      for (const f of sr.querySelectorAll('fieldset[data-item]')) if (!f.querySelector('input:checked')) f.querySelectorAll('input[type=radio]')[2].click();
      await settle();
      sr.querySelector('[part~="button-continue"]').click();
      await settle();
    }
  }, SA);
  const all = await responses(a);
  check(Object.keys(all).length === FW.items.length && all[q3] === V[0], `${label}: A answered ${Object.keys(all).length} of ${FW.items.length}`);
  const n = FW.items.length;
  await waitStored(a, (d) => d && Object.keys(d.responses.ratings).length === n, 'A to save every answer');
  await b.waitForFunction(([tag, k]) => Object.keys(document.querySelector(tag).responses.ratings).length === k, [SA, n], { timeout: 5000 }).catch(() => null);
  check(JSON.stringify(await responses(b)) === JSON.stringify(await responses(a)), `${label}: B did not take in A's answers before A submitted`);
  await a.locator(`${SA} [part~="button-submit"]`).click();
  await a.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('[part~="confirmation"]'), SA);
  s = await stored(a);
  check(s.raw === null && s.asides.length === 0, `${label}: the draft is still stored after A submitted: ${s.raw}`);
  await waitStored(b, (d) => d === null, 'B to see the draft removed');
  const bKept = await responses(b);
  check(Object.keys(bKept).length === n, `${label}: A's submission wiped B's form (${Object.keys(bKept).length} answers left)`);
  const changed = V.find((v) => v !== bKept[q2]);
  await pick(b, q2, changed);
  await waitStored(b, (d) => d && d.responses.ratings[q2] === changed, 'B to save after A submitted');
  const bDraft = (await stored(b)).raw;
  check(Object.keys(JSON.parse(bDraft).responses.ratings).length === n, `${label}: B's new draft does not hold all its answers`);
  await a.locator(`${SA} [part~="button-restart"]`).click();
  await a.locator(`${SA} [part~="button-restart-confirm"]`).click(); // "Start again?" asks first
  await a.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('[part~="step"]'), SA);
  check((await stored(a)).raw === bDraft, `${label}: A starting again removed or changed the draft B wrote after A submitted`);
  await a.waitForTimeout(DRAFT_DEBOUNCE_MS + 200); // any save A had scheduled would have run by now
  check((await stored(a)).raw === bDraft, `${label}: A wrote over B's draft after starting again`);
  await reload(a, 'A');
  const aRestored = await checkedValues(a);
  check(aRestored[q2] === changed && (await notice(a, 'restored')) !== null, `${label}: reloaded A does not restore B's draft (${q2}: ${aRestored[q2]})`);

  await violations(a, `${label} A end`);
  await violations(b, `${label} B end`);
  await context.close();
  console.log(`test:e2e: tabs: merge (${q1}, ${q2}), conflict on ${q3} kept by B, submit in A kept B's later draft (${n} answers)`);
}

// ---- 6. supervisor review through the records API ----

/** Answers every step of the staff page's self-assessment with the scale's `met` value and submits. */
async function submitSelfAssessment(page) {
  await page.evaluate(async () => {
    const el = document.querySelector('lf-self-assessment');
    for (let guard = 0; guard < 60; guard++) {
      await el.updateComplete;
      const root = el.shadowRoot;
      const next = root.querySelector('button[part~="button-continue"]');
      if (!next) break;
      const names = [...new Set([...root.querySelectorAll('input[type="radio"]')].map((r) => r.name))];
      for (const n of names) root.querySelector(`input[name="${n}"][value="2"]`)?.click();
      next.click();
    }
    await el.updateComplete;
    el.shadowRoot.querySelector('button[part~="button-submit"]').click();
  });
}

/** Opens a person's record on the Supervisor page, agrees with every rating, lowers `lower`, and gets to the declaration. */
async function reviewToSignOff(page, personId, lower) {
  await page.waitForSelector(`button[data-record="${personId}"]`);
  await page.click(`button[data-record="${personId}"]`);
  await page.waitForFunction(() => document.querySelector('lf-review')?.shadowRoot?.querySelector('[part~="item"]'));
  await page.evaluate(async (lowerId) => {
    const el = document.querySelector('lf-review');
    const click = async (sel) => {
      el.shadowRoot.querySelector(sel).click();
      await el.updateComplete;
    };
    if (lowerId) await click(`#d-${lowerId}-1`);
    await click('button[part~="button-agree-all"]');
    await click('button[part~="button-confirm-agree-all"]');
    await click('button[part~="button-continue"]');
    await click('#declaration');
  }, lower);
}

const signOff = (page) => page.evaluate(() => document.querySelector('lf-review').shadowRoot.querySelector('button[part~="button-sign-off"]').click());

async function review() {
  const label = 'review';
  const staff = await open(`${label} staff`);
  await goto(staff.page, DEMO_PATH);
  await rendered(staff.page);
  await submitSelfAssessment(staff.page);
  await staff.page.waitForFunction(() => /with your supervisor/.test(document.getElementById('review-status').textContent));
  await violations(staff.page, `${label} staff submitted`);

  const sup = await open(`${label} supervisor`);
  await goto(sup.page, SUPERVISOR_PATH);
  const lower = FW.items[0].id;
  await reviewToSignOff(sup.page, 'sam-patel', lower);
  await signOff(sup.page);
  await sup.page.waitForFunction(() => document.getElementById('save-status').textContent === 'Signed off and saved.');
  const supSees = await sup.page.evaluate(async () => {
    const el = document.getElementById('outcome');
    await el.updateComplete;
    return { hidden: el.hidden, text: el.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
  check(!supSees.hidden && /Confirmed level/.test(supSees.text) && /Self-assessed level/.test(supSees.text), `${label}: the supervisor does not see the confirmed level`);
  const stored = JSON.parse(readFileSync(join(recordsDir, 'sam-patel.json'), 'utf8'));
  check(stored.status === 'signed-off' && stored.review.items[lower]?.rating === 1, `${label}: the stored record is not the signed-off review`);
  const { verifyRecord } = await import('../../packages/engine/lib/index.js');
  check((await verifyRecord(stored)).status === 'verified', `${label}: the stored record does not verify`);
  await violations(sup.page, `${label} supervisor signed off`);

  // the member of staff comes back to the page: the confirmed level is there
  await goto(staff.page, DEMO_PATH);
  await rendered(staff.page);
  await staff.page.waitForFunction(() => !document.getElementById('confirmed').hidden);
  const staffSees = await staff.page.evaluate(async () => {
    const el = document.getElementById('confirmed');
    await el.updateComplete;
    return { status: document.getElementById('review-status').textContent, text: el.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
  check(/signed off your review/.test(staffSees.status) && /Confirmed level/.test(staffSees.text), `${label}: the member of staff does not see the confirmed level: ${staffSees.status}`);
  await violations(staff.page, `${label} staff sees the confirmed level`);
  await staff.context.close();
  await sup.context.close();

  // Two supervisors sign one record off at once: one is saved, the other is told (412) and loses nothing.
  const { createRecord } = await import('../../packages/engine/lib/index.js');
  const ratings = Object.fromEntries(FW.items.map((i) => [i.id, FW.scale.met]));
  const lee = createRecord({ framework: FW, person: { id: 'lee-carter', name: 'Lee Carter' }, ratings });
  const put = await fetch(`${origin}/api/records/lee-carter`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' }, body: JSON.stringify(lee) });
  check(put.status === 201, `${label}: could not create the second record (${put.status})`);
  const a = await open(`${label} supervisor A`);
  const b = await open(`${label} supervisor B`);
  for (const s of [a, b]) {
    await goto(s.page, SUPERVISOR_PATH);
    s.page.lfExpect412 = true;
    s.page.lfExpectedError = /412/;
  }
  await reviewToSignOff(a.page, 'lee-carter', FW.items[1].id);
  await reviewToSignOff(b.page, 'lee-carter', FW.items[2].id);
  await Promise.all([signOff(a.page), signOff(b.page)]);
  const outcomeOf = (page) =>
    page.waitForFunction(() => {
      const saved = document.getElementById('save-status').textContent === 'Signed off and saved.';
      const summary = document.querySelector('lf-review').shadowRoot.querySelector('[part="error-summary"]');
      return saved ? 'saved' : summary ? summary.textContent.replace(/\s+/g, ' ').trim() : false;
    }).then((h) => h.jsonValue());
  const [ra, rb] = await Promise.all([outcomeOf(a.page), outcomeOf(b.page)]);
  const winner = ra === 'saved' ? a : b;
  const loser = ra === 'saved' ? b : a;
  const told = ra === 'saved' ? rb : ra;
  check([ra, rb].filter((r) => r === 'saved').length === 1, `${label}: exactly one sign-off is saved (${ra} / ${rb})`);
  check(/saved this record after you opened it/.test(told), `${label}: the second supervisor is not told about the conflict: ${told}`);
  const kept = await loser.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('levelfit:draft:review:lee-carter@'));
    return key ? Object.keys(JSON.parse(localStorage.getItem(key)).items).length : 0;
  });
  check(kept === FW.items.length, `${label}: the second supervisor's review is not kept on the device (${kept} of ${FW.items.length} items)`);
  const final = JSON.parse(readFileSync(join(recordsDir, 'lee-carter.json'), 'utf8'));
  const winnerLowered = winner === a ? FW.items[1].id : FW.items[2].id;
  check(final.status === 'signed-off' && final.review.items[winnerLowered]?.rating === 1, `${label}: the stored record is not the winner's sign-off`);
  for (const s of [a, b]) await violations(s.page, `${label} two supervisors`);
  await a.context.close();
  await b.context.close();
  console.log(`test:e2e: review: staff submitted, supervisor signed off, both see the confirmed level; two supervisors: one saved, one told (412) with ${kept} items kept`);
}

// ---- 8. the persona's result, and its print ----

/** Level 2 (Associate) in full, 3 of the 7 competences Autonomous adds, 3 of its statements, and "Not yet" to 6 of 7 Advanced statements. */
function personaRatings() {
  const ratings = ratingsFor(FW, 'associate', true);
  const of = (level, kind) => FW.items.filter((i) => i.levels.includes(level) && (kind === 'indicator' ? i.kind === 'indicator' : i.kind !== 'indicator'));
  const below = new Set(of('associate', 'core').map((i) => i.id));
  of('autonomous', 'core')
    .filter((i) => !below.has(i.id))
    .forEach((i, k) => (ratings[i.id] = k < 3 ? 2 : k % 2));
  of('autonomous', 'indicator').forEach((i, k) => (ratings[i.id] = k < 3 ? 3 : 1));
  const advanced = of('advanced', 'indicator').filter((i) => !i.levels.includes('autonomous'));
  advanced.forEach((i, k) => (ratings[i.id] = k === 0 ? 2 : 0));
  return ratings;
}

/** The text of each page of a PDF, as lines (text runs that share a baseline). */
async function pdfPages(bytes) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const lines = new Map();
    for (const item of content.items) {
      if (!item.str?.trim()) continue;
      const y = Math.round(item.transform[5]);
      lines.set(y, `${lines.get(y) ?? ''}${item.str}`);
    }
    pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, t]) => t.replace(/\s+/g, ' ').trim()));
  }
  await doc.destroy();
  return pages;
}

async function persona() {
  const label = 'persona';
  const { context, page } = await open(label);
  const ratings = personaRatings();
  const expected = await assess(FW, { ratings });
  check(expected.bestFit === 'associate' && expected.overlap?.to === 'autonomous', `${label}: best fit ${expected.bestFit}, overlap ${expected.overlap?.to}`);
  await goto(page, DEMO_PATH);
  await rendered(page);
  // the result pane as a submit leaves it (the journey drives the form itself)
  await page.evaluate(async (r) => {
    const el = document.querySelector('#level-fit');
    el.result = r;
    await el.updateComplete;
  }, expected);
  const shown = await page.evaluate(() => {
    const sr = document.querySelector('#level-fit').shadowRoot;
    const t = (n) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      text: t(sr),
      heading: t(sr.querySelector('#gaps-heading')),
      competences: [...sr.querySelectorAll('[part~="gap-table"] tbody th')].map((th) => t(th).replace(/, [^,]+$/, '')),
      statements: [...sr.querySelectorAll('[part~="gap-statements"] tbody th')].map((th) => t(th).replace(/, [^,]+$/, '')),
      plan: [...sr.querySelectorAll('[part~="gaps"] h4')].map(t),
      rows: Object.fromEntries([...sr.querySelectorAll('[part~="chart-row"]')].map((r) => [t(r.querySelector('.level-name')), { status: t(r.querySelector('.status')), figure: t(r.querySelector('[part~="figure"]')) }])),
      explanations: sr.querySelectorAll('[part~="explanation"]').length,
    };
  });
  // expected from the data and the persona's answers, not from the engine: Autonomous competences rated below "met"
  const met = (id) => (ratings[id] ?? 0) >= FW.scale.met;
  const autonomous = FW.items.filter((i) => i.levels.includes('autonomous'));
  const unmetCompetences = autonomous.filter((i) => i.kind !== 'indicator' && !met(i.id)).map((i) => i.title);
  const indicators = autonomous.filter((i) => i.kind === 'indicator' && (!i.optional || met(i.id)));
  const unmetStatements = indicators.filter((i) => !met(i.id)).map((i) => i.title);
  const need = Math.ceil(0.75 * indicators.length) - indicators.filter((i) => met(i.id)).length;
  check(shown.heading === `To reach ${levelName(FW, 'autonomous')}`, `${label}: plan heading "${shown.heading}"`);
  check(
    JSON.stringify([...shown.competences].sort()) === JSON.stringify([...unmetCompetences].sort()) && unmetCompetences.length === 4,
    `${label}: competences listed ${JSON.stringify(shown.competences)}, unmet ${JSON.stringify(unmetCompetences)}`,
  );
  check(JSON.stringify([...shown.statements].sort()) === JSON.stringify([...unmetStatements].sort()), `${label}: statements listed ${JSON.stringify(shown.statements)}`);
  check(
    shown.plan.join(' | ') === `You need these ${unmetCompetences.length} competences | You need any ${need} of these ${unmetStatements.length} statements`,
    `${label}: plan headings ${JSON.stringify(shown.plan)} (need ${need})`,
  );
  check(!/\d\s?%/.test(shown.text), `${label}: a percentage is shown`);
  check(shown.explanations === 1, `${label}: ${shown.explanations} explanations`);
  const enhanced = shown.rows[levelName(FW, 'enhanced')];
  const advanced = shown.rows[levelName(FW, 'advanced')];
  const advStatements = FW.items.filter((i) => i.levels.includes('advanced') && i.kind === 'indicator' && !i.optional);
  check(
    advanced?.status === 'Not attained' && new RegExp(`· 1 of ${advStatements.length} statements, \\d+ needed$`).test(advanced.figure),
    `${label}: Advanced shows ${JSON.stringify(advanced)}`,
  );
  // competences are shown against competences, statements against statements: Advanced asks for the
  // competences Enhanced does and more, so it never shows more of them met; no one figure mixes the two
  const competences = (f) => f.match(/^(\d+) of (\d+) competences/)?.slice(1).map(Number) ?? [NaN, NaN];
  const [em, er] = competences(enhanced?.figure ?? '');
  const [am, ar] = competences(advanced?.figure ?? '');
  check(am / ar <= em / er, `${label}: Advanced (${advanced?.figure}) shows more competences met than Enhanced (${enhanced?.figure})`);

  // The print view as a PDF: name, date, version; no page with fewer than 3 lines of text.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const pages = await pdfPages(pdf);
  const all = pages.flat().join('\n');
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  check(all.includes('Sam Patel'), `${label}: the PDF does not name the person`);
  check(all.includes(today), `${label}: the PDF has no date (${today})`);
  check(all.includes(`version ${FW.version}`) && all.includes(FW.title), `${label}: the PDF has no framework title and version`);
  check(all.includes('Notes from the review meeting'), `${label}: the PDF has no notes box`);
  pages.forEach((lines, n) => check(lines.length >= 3, `${label}: PDF page ${n + 1} of ${pages.length} has ${lines.length} line(s) of text: ${JSON.stringify(lines)}`));
  totals.pdfPages = pages.length;
  await violations(page, `${label} end`);
  await context.close();
  console.log(`test:e2e: persona: ${unmetCompetences.length} competences and any ${need} of ${unmetStatements.length} statements to ${levelName(FW, 'autonomous')}; PDF ${pages.length} pages`);
}

// ---- 7. one device, several people ----

async function shared() {
  const label = 'shared';
  const { context, page } = await open(label); // one context: one device's storage
  const path = (person) => `/test/e2e/pages/shared.html${person ? `?person=${person}` : ''}`;
  const load = async (person) => {
    await goto(page, path(person));
    await rendered(page, [SA]);
  };
  const noticeOf = (code) => saText(page, `[data-notice="${code}"]`);
  /** Answers the first question by keyboard (Tab to its first radio, then down to the rating) and waits for the save. */
  const answerFirst = async (rating) => {
    await tabUntil(page, (a) => a.tag === 'input' && a.type === 'radio', 'the first question');
    await press(page, 'Space');
    await press(page, 'ArrowDown', radioIndex(rating));
    await page.waitForFunction((tag) => /saved/i.test(document.querySelector(tag).shadowRoot.querySelector('[part~="draft-status"]').textContent), SA, {
      timeout: DRAFT_DEBOUNCE_MS + 5000,
    });
  };
  const first = FW.items[0].id;
  const top = FW.scale.values.at(-1).value;
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('levelfit:')).sort());

  // With person-key: Ann answers; Ben, next on the tablet, sees none of it; Ann gets hers back.
  await load('ann');
  await answerFirst(top);
  await violations(page, `${label} ann`);
  await load('ben');
  check(Object.keys(await checkedValues(page)).length === 0, `${label}: Ben sees answers on an empty form: ${JSON.stringify(await checkedValues(page))}`);
  check((await noticeOf('restored')) === null, `${label}: Ben is shown a restored notice`);
  await violations(page, `${label} ben`);
  await load('ann');
  check((await checkedValues(page))[first] === top, `${label}: Ann's answer did not come back to her`);
  check(/restored the answers you saved/.test((await noticeOf('restored')) ?? ''), `${label}: Ann's restored notice is not hers: ${await noticeOf('restored')}`);
  check(
    JSON.stringify(await keys()) === JSON.stringify(['levelfit:draft:clinical-homecare:e2e-shared:person:ann']),
    `${label}: unexpected keys with person-key: ${JSON.stringify(await keys())}`,
  );
  await violations(page, `${label} ann again`);

  // Without person-key: someone answers; the next person is told and starts afresh by keyboard.
  await load(null);
  await answerFirst(top);
  const raw = await page.evaluate(() => localStorage.getItem('levelfit:draft:clinical-homecare:e2e-shared'));
  await violations(page, `${label} no person`);
  await load(null);
  const notice = (await noticeOf('restored')) ?? '';
  check(/saved on this device on .* If they are not yours, start afresh\./.test(notice), `${label}: the notice does not say whose answers these may be: ${notice}`);
  await tabUntil(page, (a) => a.part.includes('button-start-afresh'), '"Not you? Start afresh"');
  await press(page, 'Enter');
  await page.waitForFunction((tag) => !document.querySelector(tag).shadowRoot.querySelector('[data-notice="restored"]'), SA);
  check(Object.keys(await checkedValues(page)).length === 0, `${label}: the form is not empty after "Not you? Start afresh"`);
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('levelfit:draft:clinical-homecare:e2e-shared:set-aside:'))
      .map((k) => localStorage.getItem(k)),
  );
  check(aside.length === 1 && aside[0] === raw, `${label}: the first person's draft is not kept aside byte for byte (${aside.length} copies)`);
  await load(null);
  check((await noticeOf('restored')) === null && Object.keys(await checkedValues(page)).length === 0, `${label}: a reload brings the set-aside answers back`);
  await violations(page, `${label} no person end`);

  // shared-device, no person-key: person 2 never sees person 1's answers without choosing to.
  const sharedPath = '/test/e2e/pages/shared.html?shared-device';
  const loadShared = async () => {
    await goto(page, sharedPath);
    await rendered(page, [SA]);
  };
  /** Everything person 2 could see or reach: the question's text, and no radio, checked or not. */
  const shown = () =>
    page.evaluate((tag) => {
      const root = document.querySelector(tag).shadowRoot;
      return { question: root.querySelector('#lf-shared-question')?.textContent.replace(/\s+/g, ' ').trim() ?? null, radios: root.querySelectorAll('input').length };
    }, SA);
  await loadShared();
  await answerFirst(top);
  const rawShared = await page.evaluate(() => localStorage.getItem('levelfit:draft:clinical-homecare:e2e-shared'));
  for (const when of ['person 2 arrives', 'a reload before choosing']) {
    await loadShared();
    const s = await shown();
    check(/^Answers were saved on this device on .+\. Are they yours\?$/.test(s.question ?? ''), `${label}: ${when}: no "Are they yours?" question: ${s.question}`);
    check(s.radios === 0, `${label}: ${when}: ${s.radios} inputs shown before the choice`);
    check((await noticeOf('restored')) === null, `${label}: ${when}: a restored notice is shown before the choice`);
    await violations(page, `${label} shared-device ${when}`);
  }
  await tabUntil(page, (a) => a.part.includes('button-start-afresh'), '"No, start afresh"');
  await press(page, 'Enter');
  await page.waitForFunction((tag) => !document.querySelector(tag).shadowRoot.querySelector('#lf-shared-question'), SA);
  check(Object.keys(await checkedValues(page)).length === 0, `${label}: the form is not empty after "No, start afresh"`);
  const asideShared = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('levelfit:draft:clinical-homecare:e2e-shared:set-aside:'))
      .map((k) => localStorage.getItem(k)),
  );
  check(asideShared.includes(rawShared), `${label}: "No, start afresh" did not keep person 1's draft aside byte for byte`);
  // Person 1 answers again; after a reload "Yes, carry on with them" brings the answer back.
  await answerFirst(top);
  await loadShared();
  await tabUntil(page, (a) => a.part.includes('button-claim'), '"Yes, carry on with them"');
  await press(page, 'Enter');
  await page.waitForFunction((tag) => !document.querySelector(tag).shadowRoot.querySelector('#lf-shared-question'), SA);
  check((await checkedValues(page))[first] === top, `${label}: "Yes, carry on with them" did not restore the answer`);
  await violations(page, `${label} end`);
  await context.close();
  console.log(`test:e2e: shared: person-key keeps two people apart; "Not you? Start afresh" kept the draft aside and started empty; shared-device asked before showing any answer`);
}

// ---- run ----

async function section(name, fn) {
  if (only && !only.has(name)) return;
  const t = Date.now();
  try {
    await fn();
  } catch (err) {
    problems.push(`${name}: ${err instanceof Error ? err.stack : String(err)}`);
  }
  console.log(`test:e2e: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

let exitCode = 0;
try {
  // The corpus page runs on its own (no keyboard, no focus) beside the keyboard-driven sections.
  await Promise.all([
    section('xss', xss),
    (async () => {
      await section('journey', journey);
      await section('hostile', hostile);
      await section('a11y', a11y);
      await section('tabs', tabs);
      await section('review', review);
      await section('shared', shared);
      await section('persona', persona);
    })(),
  ]);
} finally {
  await browser.close();
  server.close();
}
totals.failures = problems.length;
totals.seconds = Math.round((Date.now() - started) / 100) / 10;
console.log(
  `test:e2e: totals: ${totals.pages} pages, ${totals.cases} checks, ${totals.keyPresses} key presses, ${totals.payloads} payloads × ${totals.payloadFields} fields ` +
    `(${totals.payloadCases} element states), ${totals.hostileSiblingProperties} host style properties compared, ${totals.axNodesChecked} AX nodes, ` +
    `${totals.targetsChecked} targets; ${totals.cspViolations} CSP violations, ${totals.consoleErrors} console errors, ${totals.pageErrors} page errors, ` +
    `${totals.failedRequests} failed requests, ${totals.failures} failures, ${totals.seconds} s`,
);
if (!only) {
  // For the README: stable across runs (no timings), so the file only changes when the suite does.
  const { seconds, ...stable } = totals;
  void seconds;
  writeFileSync(new URL('./totals.json', import.meta.url), `${JSON.stringify(stable, null, 2)}\n`);
}
if (problems.length) {
  for (const p of problems) console.error(`test:e2e: FAIL: ${p}`);
  exitCode = 1;
} else {
  console.log(`test:e2e: OK under "${E2E_CSP}"`);
}
process.exit(exitCode);
