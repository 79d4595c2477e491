#!/usr/bin/env node
// The end-to-end journeys care workers and supervisors take, in every engine they use: Chromium (Android
// phones, Edge, Chrome), Firefox ESR (desktops) and WebKitGTK (the engine of Safari, so of every iPhone).
// Written once against the small driver interface of test/support/engines/ (puppeteer-core for Chromium and
// Firefox through WebDriver BiDi, selenium-webdriver for WebKit), served by test/e2e/server.mjs under a strict
// CSP that requires Trusted Types:
//
//   self-assessment – keyboard only: role picker, answers, the error summary and its link, autosave; reload
//                     and resume from the draft; the next step by keyboard, the rest by pointer; Submit by
//                     keyboard; <lf-level-fit> shows exactly what the engine says; the draft is gone.
//   review          – the Supervisor page opens the staff member's record, agrees, lowers one rating, signs off;
//                     the record is stored, verifies, and the staff page shows the confirmed level.
//   quiz            – the first question by keyboard, the rest by pointer, Submit; the score the element
//                     reports is the engine's for the same answers, and the result says pass or fail to match.
//   trusted-types   – where the engine has Trusted Types they are enforced (a string into an HTML sink throws);
//                     and with Trusted Types taken away (`?no-tt`, as in an older Safari or Firefox) the
//                     self-assessment still runs to a result with no CSP violation: the fallback path.
//   reflow          – provider text with a 300-character unbroken word (a pasted link) in every element, in a
//                     320 px viewport, every state: nothing scrolls sideways.
//
// Every page fails on any securitypolicyviolation or uncaught error (recorded by csp-listener.js, loaded first).
// An engine that cannot start fails the run with what to install; it is never skipped.
//   npm run test:engines      (E2E_ENGINES=firefox,webkit for some engines; E2E_ONLY=quiz for some journeys)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, launchEngine, waitFor } from '../support/engines/index.mjs';
import { ratingsFor } from '../support/scenario-ratings.mjs';
import { DEMO_PATH, SUPERVISOR_PATH, startE2EServer } from './server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const engines = (process.env.E2E_ENGINES ?? ENGINES.join(',')).split(',').filter(Boolean);
const only = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',')) : null;
for (const name of engines) {
  if (!ENGINES.includes(name)) {
    console.error(`test:engines: unknown engine "${name}" in E2E_ENGINES (expected ${ENGINES.join(', ')})`);
    process.exit(2);
  }
}
for (const file of ['dist/levelfit.min.js', 'dist/levelfit.all.min.js', 'packages/engine/lib/index.js']) {
  if (!existsSync(root + file)) {
    console.error(`test:engines: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { assess, createRecord, frameworks, levelName, scoreQuiz, verifyRecord } = await import('../../packages/engine/lib/index.js');
const FW = frameworks['clinical-homecare'];
const BANK = JSON.parse(readFileSync(root + 'data/quizzes/clinical-homecare-core.json', 'utf8'));

const problems = [];
const totals = { engines: {}, checks: 0, keyPresses: 0 };
/** One engine's run: where its checks are counted and its problems labelled. */
function runOf(engine) {
  const run = { engine: engine.name, version: engine.version, checks: 0, trustedTypes: null, seconds: 0 };
  run.check = (ok, message) => {
    run.checks++;
    totals.checks++;
    if (!ok) problems.push(`${engine.name}: ${message}`);
    return ok;
  };
  return run;
}

// ---- page helpers (every engine) ----

const SA = 'lf-self-assessment';

/** Waits until every element of `tags` on the page is defined and rendered, then for their updates. */
async function rendered(page, tags) {
  await waitFor(
    page,
    (list) => list.every((t) => customElements.get(t) && document.querySelector(t)?.shadowRoot?.childElementCount > 0),
    tags,
    { what: `${tags.join(', ')} to render` },
  );
  await page.evaluate(async (list) => {
    for (const t of list) await document.querySelector(t).updateComplete;
  }, tags);
}

/** Reads and clears the CSP violations and uncaught errors the page recorded; each one is a failure. */
async function clean(run, page, label) {
  const seen = await page.evaluate(() => {
    if (!window.__lfViolations) return null;
    const v = window.__lfViolations.splice(0);
    const e = window.__lfErrors.splice(0);
    return { violations: v, errors: e };
  });
  if (!run.check(seen !== null, `${label}: the violation listener did not run`)) return;
  for (const v of seen.violations) run.check(false, `${label}: CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} ${v.sample ?? ''} at ${v.source}:${v.line}`);
  for (const e of [...seen.errors, ...page.errors()]) run.check(false, `${label}: uncaught: ${e}`);
  run.check(true, `${label}: clean`);
}

/** The focused element, through shadow roots. */
const deepActive = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return { tag: 'body', part: '', cls: '', text: '' };
    return {
      tag: a.localName,
      type: a.getAttribute('type'),
      name: a.getAttribute('name'),
      id: a.id,
      checked: a.checked === true,
      part: a.getAttribute('part') ?? '',
      cls: typeof a.className === 'string' ? a.className : '',
      href: a.getAttribute('href'),
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
    };
  });

async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) {
    totals.keyPresses++;
    await page.press(key);
  }
}

/** Presses Tab until `pred(focused)` holds. */
async function tabUntil(page, pred, what, max = 120) {
  for (let i = 0; i < max; i++) {
    await press(page, 'Tab');
    const a = await deepActive(page);
    if (pred(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

const stepItems = (page) => page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('fieldset[data-item]')].map((f) => f.dataset.item), SA);
const checkedValues = (page) =>
  page.evaluate((tag) => Object.fromEntries([...document.querySelector(tag).shadowRoot.querySelectorAll('input[type=radio]:checked')].map((r) => [r.name, Number(r.value)])), SA);
const saText = (page, selector) =>
  page.evaluate(([tag, sel]) => document.querySelector(tag).shadowRoot.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? null, [SA, selector]);
const radioIndex = (value) => FW.scale.values.findIndex((v) => v.value === value);

/** With focus just before the step's first question, answers the step by keyboard; ends on Continue. */
async function answerStepByKeyboard(run, page, ratings, label, { skip } = {}) {
  const ids = await stepItems(page);
  for (const [n, id] of ids.entries()) {
    await press(page, 'Tab');
    let a = await deepActive(page);
    // The offer about questions left out ("Answer them anyway") sits between the heading and the questions.
    if (n === 0 && /button-(answer-anyway|skip)/.test(a.part)) {
      await press(page, 'Tab');
      a = await deepActive(page);
    }
    if (!run.check(a.tag === 'input' && a.type === 'radio' && a.name === id, `${label}: Tab reached ${a.tag} ${a.name ?? a.text}, not the radios of ${id}`)) {
      throw new Error(`${label}: keyboard order broken at ${id}`);
    }
    if (id === skip) continue;
    await press(page, 'Space');
    await press(page, 'ArrowDown', radioIndex(ratings[id]));
  }
  await press(page, 'Tab');
  const a = await deepActive(page);
  run.check(a.part.includes('button-continue'), `${label}: after the last question Tab reached ${a.tag} "${a.text}", not Continue`);
  return ids;
}

/** Answers every remaining step with `ratings` by pointer (clicks in the page) until "Check your answers". */
const answerRestByPointer = (page, ratings) =>
  page.evaluate(
    async ([tag, want]) => {
      const el = document.querySelector(tag);
      const sr = el.shadowRoot;
      for (let i = 0; i < 30 && !sr.querySelector('[part~="button-submit"]'); i++) {
        for (const f of sr.querySelectorAll('fieldset[data-item]')) f.querySelector(`input[type=radio][value="${want[f.dataset.item]}"]`).click();
        await el.updateComplete;
        sr.querySelector('[part~="button-continue"]').click();
        await el.updateComplete;
      }
      return sr.querySelector('h2')?.textContent.trim() ?? null;
    },
    [SA, ratings],
  );

// ---- journeys ----

/** Self-assessment by keyboard, reload and resume, submit; <lf-level-fit> shows the engine's result. */
async function selfAssessment(run, page, origin) {
  const label = 'self-assessment';
  const ratings = ratingsFor(FW, 'associate', true);
  await page.goto(origin + DEMO_PATH);
  await rendered(page, [SA, 'lf-level-fit']);
  await clean(run, page, `${label} load`);

  // Role picker, by keyboard.
  await tabUntil(page, (a) => a.tag === 'select' && a.id === 'role', 'the role picker');
  await press(page, 'ArrowDown', 2);
  const role = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('#role').value, SA);
  run.check(role !== '', `${label}: ArrowDown on the role picker chose no role`);

  // Step 1 with its last question left out: Continue shows the error summary, focused; its link goes to the question.
  const step1 = await stepItems(page);
  const skipped = step1.at(-1);
  await answerStepByKeyboard(run, page, ratings, `${label} step 1`, { skip: skipped });
  await press(page, 'Enter');
  await waitFor(page, (tag) => document.querySelector(tag).shadowRoot.querySelector('.error-summary') !== null, SA, { what: 'the error summary' });
  let a = await deepActive(page);
  run.check(a.cls.includes('error-summary'), `${label}: the error summary was not focused (focus on ${a.tag}.${a.cls})`);
  const summary = await saText(page, '.error-summary');
  run.check(summary?.startsWith('There is a problem') && summary.includes(FW.items.find((i) => i.id === skipped).title), `${label}: error summary: ${summary}`);
  await press(page, 'Tab');
  a = await deepActive(page);
  run.check(a.tag === 'a' && a.href === `#q-${skipped}`, `${label}: Tab from the summary reached ${a.tag} ${a.href}`);
  await press(page, 'Enter');
  a = await waitFor(
    page,
    (name) => {
      let x = document.activeElement;
      while (x && x.shadowRoot && x.shadowRoot.activeElement) x = x.shadowRoot.activeElement;
      return x && x.localName === 'input' && x.name === name ? { name } : null;
    },
    skipped,
    { timeout: 3000, what: `the summary link to focus ${skipped}` },
  ).catch(() => null);
  run.check(a !== null, `${label}: the summary link did not focus the radios of ${skipped}`);
  await press(page, 'Space');
  await press(page, 'ArrowDown', radioIndex(ratings[skipped]));
  await waitFor(page, (tag) => !document.querySelector(tag).shadowRoot.querySelector('.error-summary'), SA, { what: 'the error summary to go' });

  // Autosave, said in the polite status line.
  await waitFor(page, (tag) => /saved/i.test(document.querySelector(tag).shadowRoot.querySelector('[part~="draft-status"]').textContent), SA, {
    what: '"saved" in the status line',
  });
  const answered = await checkedValues(page);
  run.check(
    step1.every((id) => answered[id] === ratings[id]),
    `${label}: step 1 answers by keyboard differ: ${JSON.stringify(answered)}`,
  );

  // Reload: answers, role and step come back from the draft, with a notice.
  await clean(run, page, `${label} before reload`);
  await page.reload();
  await rendered(page, [SA, 'lf-level-fit']);
  const notice = await saText(page, '[data-notice="restored"]');
  run.check(notice?.includes('restored'), `${label}: no "restored" notice after reload`);
  const restored = await checkedValues(page);
  run.check(step1.every((id) => restored[id] === ratings[id]), `${label}: answers not restored: ${JSON.stringify(restored)}`);
  const restoredRole = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('#role').value, SA);
  run.check(restoredRole === role, `${label}: role not restored (${restoredRole} vs ${role})`);

  // Continue by keyboard; step 2 by keyboard too, then the rest by pointer.
  await tabUntil(page, (x) => x.part.includes('button-continue'), 'Continue');
  await press(page, 'Enter');
  a = await waitFor(
    page,
    () => {
      let x = document.activeElement;
      while (x && x.shadowRoot && x.shadowRoot.activeElement) x = x.shadowRoot.activeElement;
      return x && x.localName === 'h2' ? x.textContent.replace(/\s+/g, ' ').trim() : null;
    },
    null,
    { timeout: 3000, what: 'the step 2 heading to take focus' },
  ).catch(() => null);
  run.check(a !== null, `${label}: step 2's heading was not focused`);
  await answerStepByKeyboard(run, page, ratings, `${label} step 2`);
  await press(page, 'Enter');
  const heading = await answerRestByPointer(page, ratings);
  run.check(heading === 'Check your answers', `${label}: did not reach "Check your answers" (${heading})`);
  const rows = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.summary-row[data-item]').length, SA);
  run.check(rows === FW.items.length, `${label}: "Check your answers" lists ${rows} answers, not ${FW.items.length}`);

  // Submit by keyboard: the result is the engine's.
  await tabUntil(page, (x) => x.part.includes('button-submit'), 'Submit');
  await press(page, 'Enter');
  await waitFor(page, (tag) => document.querySelector(tag).shadowRoot.querySelector('[part~="confirmation"]') !== null, SA, { what: 'the confirmation' });
  const shown = await page.evaluate(async (tag) => {
    const fit = document.querySelector('lf-level-fit');
    await fit.updateComplete;
    const responses = document.querySelector(tag).lastSubmission?.responses ?? null;
    return { result: JSON.stringify(fit.result), text: fit.shadowRoot.textContent.replace(/\s+/g, ' '), responses };
  }, SA);
  // The form left out the questions that could not change the result: the result is the engine's for the answers
  // given, and the same best fit and overlap as answering every question.
  const expected = await assess(FW, shown.responses ?? { ratings: {} }, { role });
  const full = await assess(FW, { ratings }, { role });
  run.check(shown.result === JSON.stringify(expected), `${label}: <lf-level-fit> result differs from assess()`);
  run.check(
    expected.bestFit === full.bestFit && JSON.stringify(expected.overlap) === JSON.stringify(full.overlap),
    `${label}: leaving questions out changed the result (${expected.bestFit} vs ${full.bestFit})`,
  );
  const best = levelName(FW, expected.bestFit);
  run.check(shown.text.includes(best), `${label}: <lf-level-fit> does not show the best fit ${best}: ${shown.text.slice(0, 300)}`);
  const confirmation = await saText(page, '[part~="confirmation"]');
  run.check(confirmation?.includes(best), `${label}: the confirmation does not name ${best}`);
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('levelfit:draft:')));
  run.check(drafts.length === 0, `${label}: draft still stored after submit: ${drafts}`);
  await waitFor(page, () => /with your supervisor/.test(document.getElementById('review-status').textContent), null, { what: 'the record to reach the records API' });
  await clean(run, page, `${label} submitted`);
  return `best fit ${expected.bestFit}, role ${role}`;
}

/** The supervisor reviews and signs off; the record verifies and the staff page shows the confirmed level. */
async function review(run, page, origin, recordsDir) {
  const label = 'review';
  // The staff member's submission: the self-assessment journey's when it ran, else made here.
  const ratings = Object.fromEntries(FW.items.map((i) => [i.id, FW.scale.met]));
  const record = createRecord({ framework: FW, person: { id: 'sam-patel', name: 'Sam Patel' }, ratings });
  const put = await fetch(`${origin}/api/records/sam-patel`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' }, body: JSON.stringify(record) });
  run.check(put.status === 201 || put.status === 412, `${label}: could not store the staff member's record (${put.status})`);

  await page.goto(origin + SUPERVISOR_PATH);
  await waitFor(page, () => document.querySelector('button[data-record="sam-patel"]') !== null, null, { what: "Sam Patel's record in the list" });
  await page.evaluate(() => document.querySelector('button[data-record="sam-patel"]').click());
  await waitFor(page, () => document.querySelector('lf-review')?.shadowRoot?.querySelector('[part~="item"]') !== null, null, { what: 'the review to open' });
  const lower = FW.items[0].id;
  await page.evaluate(async (lowerId) => {
    const el = document.querySelector('lf-review');
    const click = async (sel) => {
      el.shadowRoot.querySelector(sel).click();
      await el.updateComplete;
    };
    await click(`#d-${lowerId}-1`);
    await click('button[part~="button-agree-all"]');
    await click('button[part~="button-confirm-agree-all"]');
    await click('button[part~="button-continue"]');
    await click('#declaration');
    await click('button[part~="button-sign-off"]');
  }, lower);
  await waitFor(page, () => document.getElementById('save-status').textContent === 'Signed off and saved.', null, { what: '"Signed off and saved."' });
  const supSees = await page.evaluate(async () => {
    const el = document.getElementById('outcome');
    await el.updateComplete;
    return { hidden: el.hidden, text: el.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
  run.check(!supSees.hidden && /Confirmed level/.test(supSees.text) && /Self-assessed level/.test(supSees.text), `${label}: the supervisor does not see the confirmed level`);
  const stored = JSON.parse(readFileSync(join(recordsDir, 'sam-patel.json'), 'utf8'));
  run.check(stored.status === 'signed-off' && stored.review.items[lower]?.rating === 1, `${label}: the stored record is not the signed-off review`);
  run.check((await verifyRecord(stored)).status === 'verified', `${label}: the stored record does not verify`);
  await clean(run, page, `${label} signed off`);

  await page.goto(origin + DEMO_PATH);
  await rendered(page, [SA]);
  await waitFor(page, () => !document.getElementById('confirmed').hidden, null, { what: 'the confirmed level on the staff page' });
  const staffSees = await page.evaluate(async () => {
    const el = document.getElementById('confirmed');
    await el.updateComplete;
    return { status: document.getElementById('review-status').textContent, text: el.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
  run.check(/signed off your review/.test(staffSees.status) && /Confirmed level/.test(staffSees.text), `${label}: the staff page does not show the confirmed level: ${staffSees.status}`);
  await clean(run, page, `${label} staff page`);
  return 'signed off, verified, shown to staff';
}

/** The quiz: first question by keyboard, the rest by pointer; the element's score is the engine's. */
async function quiz(run, page, origin) {
  const label = 'quiz';
  await page.goto(`${origin}/test/e2e/pages/quiz.html`);
  await rendered(page, ['lf-quiz']);
  await page.evaluate(() => document.addEventListener('lf-quiz-submit', (e) => (window.__quizSubmit = JSON.parse(JSON.stringify(e.detail)))));
  await clean(run, page, `${label} load`);

  // The first question by keyboard: the first option, then Continue (or Check answer) until the next question.
  const first = await tabUntil(page, (a) => a.tag === 'input' && (a.type === 'radio' || a.type === 'checkbox'), 'the first option');
  await press(page, 'Space');
  const picked = await page.evaluate(() => [...document.querySelector('lf-quiz').shadowRoot.querySelectorAll('input:checked')].map((i) => i.value));
  run.check(picked.length === 1, `${label}: Space on ${first.type} ${first.id} checked ${picked.length} options`);
  const progress = () => page.evaluate(() => document.querySelector('lf-quiz').shadowRoot.querySelector('[part~="progress"]')?.textContent.trim() ?? null);
  const before = await progress();
  for (let i = 0; i < 3 && (await progress()) === before; i++) {
    await tabUntil(page, (a) => a.part.includes('button-continue'), 'Continue');
    await press(page, 'Enter');
    await page.evaluate(() => document.querySelector('lf-quiz').updateComplete);
  }
  run.check((await progress()) !== before, `${label}: Enter on Continue did not move past "${before}"`);

  // The rest by pointer: the first option of each question, then Submit.
  const outcome = await page.evaluate(async () => {
    const el = document.querySelector('lf-quiz');
    const sr = el.shadowRoot;
    for (let i = 0; i < 120 && !sr.querySelector('[part~="button-submit"]'); i++) {
      const options = [...sr.querySelectorAll('input[type=radio], input[type=checkbox]')];
      if (options.length && !options.some((o) => o.checked)) options[0].click();
      await el.updateComplete;
      sr.querySelector('[part~="button-continue"]').click();
      await el.updateComplete;
    }
    sr.querySelector('[part~="button-submit"]').click();
    for (let i = 0; i < 200 && !sr.querySelector('[part~="results"]'); i++) await new Promise((r) => setTimeout(r, 25));
    return sr.querySelector('[part~="results"] h2')?.textContent.trim() ?? null;
  });
  const detail = await page.evaluate(() => window.__quizSubmit ?? null);
  if (!run.check(detail !== null && outcome !== null, `${label}: no result after Submit (${outcome})`)) return 'no result';
  const expected = await scoreQuiz(BANK, detail.answers, { mode: 'practice', seed: detail.score.seed });
  const same = ['raw', 'max', 'scaled'].every((k) => detail.score.score[k] === expected.score[k]);
  run.check(
    same && detail.score.passed === expected.passed,
    `${label}: the element scored ${JSON.stringify(detail.score.score)}, the engine ${JSON.stringify(expected.score)}`,
  );
  run.check(outcome === (expected.passed ? 'You passed' : 'You did not pass this time'), `${label}: the result says "${outcome}" for passed=${expected.passed}`);
  await clean(run, page, `${label} results`);
  return `${expected.score.raw}/${expected.score.max}, ${expected.passed ? 'passed' : 'not passed'}`;
}

/** Trusted Types enforced where the engine has them; without them, the self-assessment runs clean to a result. */
async function trustedTypes(run, page, origin) {
  const label = 'trusted-types';
  await page.goto(`${origin}/test/e2e/pages/element.html`);
  await rendered(page, [SA, 'lf-level-fit']);
  await clean(run, page, `${label} strict`);
  const control = await page.evaluate(async () => {
    if (!('trustedTypes' in window)) return { present: false };
    let sink;
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      sink = 'allowed';
    } catch (err) {
      sink = err.name;
    }
    await new Promise((r) => setTimeout(r, 100)); // the report is queued as a task
    const reports = window.__lfViolations.splice(0).map((v) => v.effective);
    return { present: true, sink, reports };
  });
  // Firefox also reports the blocked assignment as a page error, though the control caught it.
  const reported = page.errors().filter((e) => !/require-trusted-types-for/.test(e));
  for (const e of reported) run.check(false, `${label}: uncaught: ${e}`);
  run.trustedTypes = control.present;
  if (control.present) {
    run.check(
      control.sink === 'TypeError' && control.reports.includes('require-trusted-types-for'),
      `${label}: Trusted Types exist but are not enforced (innerHTML: ${control.sink}; reports: ${control.reports})`,
    );
  }

  // The fallback: no Trusted Types at all, the same CSP otherwise; every state to the result.
  await page.goto(`${origin}/test/e2e/pages/element.html?no-tt`);
  await rendered(page, [SA, 'lf-level-fit']);
  run.check(await page.evaluate(() => window.__lfNoTrustedTypes === true && !('trustedTypes' in window)), `${label}: Trusted Types could not be taken away`);
  await page.evaluate(() => localStorage.clear());
  const ratings = ratingsFor(FW, 'associate', true);
  await page.evaluate(async (tag) => {
    const el = document.querySelector(tag);
    el.shadowRoot.querySelector('[part~="button-continue"]').click(); // the error summary, on an empty step
    await el.updateComplete;
  }, SA);
  run.check((await saText(page, '.error-summary'))?.startsWith('There is a problem'), `${label}: no error summary without Trusted Types`);
  const heading = await answerRestByPointer(page, ratings);
  run.check(heading === 'Check your answers', `${label}: did not reach "Check your answers" without Trusted Types (${heading})`);
  const result = await page.evaluate(async (tag) => {
    const el = document.querySelector(tag);
    let detail = null;
    el.addEventListener('lf-submit', (e) => (detail = e.detail), { once: true });
    el.shadowRoot.querySelector('[part~="button-submit"]').click();
    for (let i = 0; i < 200 && !detail; i++) await new Promise((r) => setTimeout(r, 25));
    const fit = document.querySelector('lf-level-fit');
    fit.result = detail.result;
    await fit.updateComplete;
    return { bestFit: detail.result.bestFit, shown: fit.shadowRoot.textContent.replace(/\s+/g, ' ').length };
  }, SA);
  const expected = await assess(FW, { ratings });
  run.check(result.bestFit === expected.bestFit && result.shown > 100, `${label}: without Trusted Types the result is ${JSON.stringify(result)}, not ${expected.bestFit}`);
  await clean(run, page, `${label} without Trusted Types`);
  return `${control.present ? 'present and enforced' : 'absent'}; fallback ran clean to ${expected.bestFit}`;
}

/**
 * Reflow: every element holding provider text with a 300-character unbroken word (long-words.html) in a
 * 320 px viewport (an iframe, the same in every engine), through every state: the self-assessment's steps,
 * error summary, "Check your answers" and confirmation with the result, each quiz page, its feedback and
 * results, and the review. Nothing may scroll sideways, in the page or in any element.
 */
async function reflow(run, page, origin) {
  const label = 'reflow';
  await page.goto(`${origin}/test/e2e/pages/reflow-frame.html`);
  const TAGS = ['lf-self-assessment', 'lf-level-fit', 'lf-competence-matrix', 'lf-career-levels', 'lf-quiz', 'lf-review'];
  await waitFor(
    page,
    (tags) => {
      const w = document.querySelector('iframe').contentWindow;
      return w.__lfLongWords?.ready === true && tags.every((t) => w.customElements.get(t) && w.document.querySelector(t).shadowRoot?.childElementCount > 0);
    },
    TAGS,
    { what: 'the long-words page to render' },
  );
  const states = await page.evaluate(async (tags) => {
    const w = document.querySelector('iframe').contentWindow;
    const d = w.document;
    // No animation frame: WebKit under Xvfb throttles them, and reading a box lays the page out anyway.
    const settle = async () => {
      for (const t of tags) await d.querySelector(t).updateComplete;
      await new Promise((r) => w.setTimeout(r, 0));
    };
    const out = [];
    /** The page's and each element's sideways overflow, with the widest parts that cause it. */
    const measure = async (state, only = tags) => {
      await settle();
      const se = d.scrollingElement;
      const over = [];
      const name = (el) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
      for (const t of only) {
        const host = d.querySelector(t);
        const limit = host.getBoundingClientRect().right + 0.5;
        const wide = [];
        const all = [...host.shadowRoot.querySelectorAll('*')];
        const scrollers = all.filter((el) => /auto|scroll|hidden/.test(w.getComputedStyle(el).overflowX));
        for (const el of all) {
          if (!el.getClientRects().length) continue;
          const r = el.getBoundingClientRect();
          // A wide table may scroll inside its own region (the competence matrix does; WCAG 1.4.10 allows
          // it for two-dimensional content), but no text in it may be wider than that region.
          const scroller = scrollers.findLast((x) => x !== el && x.contains(el));
          if (scroller) {
            if (!/^(table|thead|tbody|tfoot|tr|colgroup|col)$/.test(el.localName) && r.width > scroller.clientWidth + 0.5) wide.push(`${name(el)} ${Math.round(r.width)} px wide in a ${scroller.clientWidth} px region`);
          } else if (r.right > limit) wide.push(`${name(el)} to ${Math.round(r.right)} px`);
        }
        if (host.scrollWidth > host.clientWidth || wide.length) over.push(`${t} (${host.scrollWidth} > ${host.clientWidth}): ${wide.slice(-3).join(', ')}`);
      }
      out.push({ state, page: `${se.scrollWidth} > ${se.clientWidth}`, scrolls: se.scrollWidth > se.clientWidth, over });
    };
    const sa = d.querySelector('lf-self-assessment');
    const click = async (root, sel) => {
      root.shadowRoot.querySelector(sel)?.click();
      await settle();
    };
    await measure('first step'); // every element; then each state measures the elements it changes
    const form = ['lf-self-assessment', 'lf-level-fit'];
    await click(sa, '[part~="button-continue"]');
    await measure('error summary', form);
    for (let i = 0; i < 30 && !sa.shadowRoot.querySelector('[part~="button-submit"]'); i++) {
      for (const f of sa.shadowRoot.querySelectorAll('fieldset[data-item]')) f.querySelectorAll('input[type=radio]')[2].click();
      await click(sa, '[part~="button-continue"]');
    }
    for (const s of sa.shadowRoot.querySelectorAll('details')) s.open = true;
    await measure('check your answers, every section open', form);
    await click(sa, '[part~="button-submit"]');
    for (let i = 0; i < 100 && !d.querySelector('lf-level-fit').result; i++) await new Promise((r) => w.setTimeout(r, 20));
    await measure('confirmation and result', form);

    const quiz = d.querySelector('lf-quiz');
    const shapes = new Set();
    for (let i = 0; i < 120 && !quiz.shadowRoot.querySelector('[part~="results"]'); i++) {
      const sr = quiz.shadowRoot;
      if (sr.querySelector('[part~="button-submit"]')) {
        await measure('quiz: check your answers', ['lf-quiz']);
        await click(quiz, '[part~="button-submit"]');
        for (let k = 0; k < 100 && !sr.querySelector('[part~="results"]'); k++) await new Promise((r) => w.setTimeout(r, 20));
        break;
      }
      const options = [...sr.querySelectorAll('input[type=radio], input[type=checkbox]')];
      if (options.length && !options.some((o) => o.checked)) options[0].click();
      // Each kind of page once (every question holds the long word): radios or checkboxes, with or without a
      // scenario, before and after feedback.
      const shape = ['[part~="scenario"]', '.options--checkboxes', '[part~="feedback"]'].map((sel) => (sr.querySelector(sel) ? 1 : 0)).join('');
      if (!shapes.has(shape)) {
        shapes.add(shape);
        await measure(`quiz: ${sr.querySelector('[part~="progress"]')?.textContent.trim() ?? 'page'}${shape.endsWith('1') ? ' with feedback' : ''}`, ['lf-quiz']);
      }
      await click(quiz, '[part~="button-continue"]');
    }
    for (const s of quiz.shadowRoot.querySelectorAll('details')) s.open = true;
    await measure('quiz: results', ['lf-quiz']);

    const review = d.querySelector('lf-review');
    await measure('review: items', ['lf-review']);
    await click(review, 'button[part~="button-agree-all"]');
    await click(review, 'button[part~="button-confirm-agree-all"]');
    await click(review, 'button[part~="button-continue"]');
    await measure('review: declaration', ['lf-review']);
    return out;
  }, TAGS);
  // One failure per distinct overflow, naming every state it was seen in.
  const seen = new Map();
  for (const s of states) {
    run.check(true, `${label} [${s.state}] measured`);
    if (!s.scrolls && s.over.length === 0) continue;
    const what = `page ${s.page}${s.over.length ? `; ${s.over.join('; ')}` : ''}`;
    seen.set(what, [...(seen.get(what) ?? []), s.state]);
  }
  for (const [what, where] of seen) run.check(false, `${label}: scrolls sideways at 320 px in ${where.length} state(s) (${where.slice(0, 3).join(', ')}${where.length > 3 ? ', …' : ''}): ${what}`);
  run.check(states.length >= 10 && states.some((s) => s.state === 'quiz: results') && states.some((s) => s.state.endsWith('with feedback')), `${label}: only ${states.length} states measured`);
  const frameSeen = await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    return { violations: w.__lfViolations.splice(0), errors: w.__lfErrors.splice(0) };
  });
  for (const v of frameSeen.violations) run.check(false, `${label}: CSP violation in the frame: ${v.directive} blocked ${v.blocked || '(inline)'}`);
  for (const e of frameSeen.errors) run.check(false, `${label}: uncaught in the frame: ${e}`);
  await clean(run, page, label);
  return `${states.length} states at 320 px, ${states.filter((s) => s.scrolls || s.over.length).length} scroll sideways`;
}

const JOURNEYS = { 'self-assessment': selfAssessment, review, quiz, 'trusted-types': trustedTypes, reflow };

// ---- run: each engine with its own server and records, its journeys in turn ----

let failedToStart = 0;
async function runEngine(name) {
  const t0 = Date.now();
  const server = await startE2EServer();
  let engine;
  try {
    engine = await launchEngine(name);
  } catch (err) {
    failedToStart++;
    problems.push(err.message);
    console.error(`test:engines: ${err.message}`);
    server.close();
    return;
  }
  const run = runOf(engine);
  run.launchSeconds = Math.round((Date.now() - t0) / 100) / 10;
  totals.engines[name] = run;
  try {
    for (const [journey, fn] of Object.entries(JOURNEYS)) {
      if (only && !only.has(journey)) continue;
      const t = Date.now();
      const page = await engine.open({ width: 1280, height: 900 });
      let said;
      try {
        said = await fn(run, page, server.origin, server.recordsDir);
      } catch (err) {
        problems.push(`${name}: ${journey}: ${err instanceof Error ? err.stack : String(err)}`);
        said = 'FAILED';
      } finally {
        await page.close().catch(() => {});
      }
      console.log(`test:engines: ${name}: ${journey}: ${said} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await engine.close();
    server.close();
  }
  run.seconds = Math.round((Date.now() - t0) / 100) / 10;
  console.log(`test:engines: ${name} (${run.version}): ${run.checks} checks, Trusted Types ${run.trustedTypes === null ? 'not checked' : run.trustedTypes ? 'present' : 'absent'}, ${run.seconds} s (${run.launchSeconds} s to start)`);
}
// One engine after another: side by side they took longer on two busy cores, and keyboard timing got looser.
for (const name of engines) await runEngine(name);

const seconds = Math.round((Date.now() - started) / 100) / 10;
console.log(`test:engines: ${engines.length} engines, ${totals.checks} checks, ${totals.keyPresses} key presses, ${problems.length} failures, ${seconds} s`);
if (problems.length) {
  for (const p of problems) console.error(`test:engines: FAIL: ${p}`);
  if (failedToStart) console.error(`test:engines: ${failedToStart} engine(s) could not start: the run fails rather than skip them.`);
  process.exit(1);
}
console.log('test:engines: OK');
process.exit(0);
