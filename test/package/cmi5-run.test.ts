/**
 * The cmi5 course package of `levelfit package --cmi5`, unpacked and launched in Debian Chromium the way a cmi5
 * LMS launches an AU: the LMS (test/support/cmi5-lms.mjs, whose LRS is Learning Locker's xapi-statements)
 * makes a registration, writes LMS.LaunchData from the package's cmi5.xml (the AU id, moveOn, masteryScore)
 * and opens the AU's url with the launch parameters in its own window. The learner answers every question and
 * submits; the LRS must hold initialized first, the answers, completed and passed / failed judged against the
 * masteryScore, terminated last, each statement valid to xapi-validation and validateStatements. The page runs
 * under its own CSP (connect-src allows the LRS origin given to `--lrs-origin`): any violation, console error or
 * failed request fails. "Return to your learning system" goes to the launch data's returnURL.
 *
 * Needs `npm run build` (the bundles). Run: npm run test:package
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { quizzes, scoreQuiz, type QuizAnswers } from '../../packages/engine/src/index.ts';
import { CMI5, type XapiStatement } from '../../packages/engine/src/lms/index.ts';
import { launchChromium } from '../support/chromium.mjs';
import { startCmi5Lms, type Cmi5Lms } from '../support/cmi5-lms.mjs';
import { runPackage, unzip } from '../support/course-package.ts';
import { ROOT } from '../support/factories.ts';

const missing = !existsSync(join(ROOT, 'dist/levelfit.all.min.js')) && 'no dist/ bundles (run npm run build)';
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8' };
const RETURN_URL = 'https://lms.example.org/courses/care-basics';

let server: Server;
let origin = '';
let browser: Browser;
let lms: Cmi5Lms;
let course = new Map<string, Buffer>();

before(async () => {
  if (missing) return;
  lms = await startCmi5Lms();
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = path.startsWith('/course/') ? course.get(path.slice('/course/'.length)) : undefined;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.split('.').pop()!] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(file);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  await lms?.close();
});

/** What cmi5.xml says about its one AU. */
function auOf(xml: string): { id: string; url: string; moveOn: string; masteryScore: number } {
  const au = /<au\b([^>]*)>([\s\S]*?)<\/au>/.exec(xml);
  assert.ok(au, 'cmi5.xml has an au');
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(au[1]!)?.[1] ?? '';
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { id: unescape(attr('id')), url: unescape(/<url>([^<]*)<\/url>/.exec(au[2]!)![1]!), moveOn: attr('moveOn'), masteryScore: Number(attr('masteryScore')) };
}

/** A page that records CSP violations, console errors, page errors and failed requests. */
async function newPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript('window.__name = (f) => f;'); // tsx's keepNames wraps evaluate() callbacks in __name()
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // The one expected 404: the AU reads its own state document, which a first launch does not have yet (the
  // State API answers 404 for a document never written; Chromium logs that as a console error too).
  const noStateYet = (url: string, status: number) => status === 404 && new URL(url).pathname === '/xapi/activities/state' && new URL(url).searchParams.get('stateId') === 'levelfit';
  page.on('console', (m) => m.type() === 'error' && !(/status of 404/.test(m.text()) && noStateYet(m.location().url, 404)) && problems.push(`console error: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && !noStateYet(r.url(), r.status()) && problems.push(`HTTP ${r.status()} for ${r.url()}`));
  return { page, problems, close: () => context.close() };
}

/** Answers every question as planned (selecting, then Continue past any feedback) and submits. */
async function play(page: Page, answers: QuizAnswers): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const step = await page.evaluate(async (answers) => {
      const el = document.querySelector('lf-quiz') as HTMLElement & { updateComplete: Promise<unknown> };
      const sr = el.shadowRoot!;
      const settle = async () => {
        await el.updateComplete;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      };
      await settle();
      if (sr.querySelector('[part~="results"]')) return 'results';
      const submit = sr.querySelector<HTMLButtonElement>('[part~="button-submit"]');
      if (submit) {
        submit.click();
        for (let w = 0; w < 200 && !sr.querySelector('[part~="results"]'); w++) await settle();
        return 'submitted';
      }
      const inputs = [...sr.querySelectorAll<HTMLInputElement>('fieldset input')];
      if (!inputs.length) return `stuck: ${sr.textContent?.slice(0, 200)}`;
      if (!inputs.some((x) => x.disabled || x.checked)) for (const input of inputs) if ((answers[input.name] ?? []).includes(input.value) !== input.checked) input.click();
      await settle();
      sr.querySelector<HTMLButtonElement>('[part~="button-continue"]')!.click();
      await settle();
      return 'next';
    }, answers);
    if (step.startsWith('stuck')) throw new Error(step);
    if (step === 'results') return;
  }
  throw new Error('the quiz did not finish in 200 steps');
}

const verb = (s: XapiStatement) => s.verb.id.split('/').pop()!;

describe('the cmi5 course package in Chromium against a cmi5 LMS with a real LRS', { skip: missing }, () => {
  test('launch URL → initialized → answers → completed and passed / failed against masteryScore → terminated', async () => {
    const run = await runPackage(['--cmi5', '--bank', 'clinical-homecare-core', '--lrs-origin', lms.base]);
    assert.equal(run.code, 0, run.err.join('\n'));
    course = await unzip(run.zip!);
    const au = auOf(course.get('cmi5.xml')!.toString('utf8'));
    const bank = quizzes['clinical-homecare-core'];
    // All right but two: 21 of 23 is about 0.91, over the AU's masteryScore (the bank's pass mark, 0.8).
    const answers: Record<string, string[]> = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    for (const q of bank.questions.filter((q) => q.type === 'single').slice(0, 2)) answers[q.id] = [q.options.find((o) => !o.correct)!.id];
    const expected = await scoreQuiz(bank, answers);

    const { query, registration, sessionId } = await lms.launch({ activityId: au.id, moveOn: au.moveOn, masteryScore: au.masteryScore, returnURL: RETURN_URL });
    const { page, problems, close } = await newPage();
    try {
      await page.route(`${RETURN_URL}**`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>LMS</title><p>Back in the LMS</p>' }));
      await page.goto(`${origin}/course/${au.url}${au.url.includes('?') ? `&${query.slice(1)}` : query}`);
      await page.waitForFunction(() => !!document.querySelector('lf-quiz')?.shadowRoot?.querySelector('fieldset'));
      await page.waitForFunction(() => document.querySelector('lf-quiz')?.getAttribute('lms') === 'cmi5');
      await play(page, answers);
      // The report and terminated are on their way when the results show: wait for the LRS to have them.
      for (let i = 0; i < 100 && !lms.log.some((e) => e.statement.context?.registration === registration && verb(e.statement) === 'terminated'); i++) await page.waitForTimeout(50);
      const log = lms.log.filter((e) => e.statement.context?.registration === registration);
      const verbs = log.map((e) => verb(e.statement));
      const judged = expected.score.scaled >= au.masteryScore ? 'passed' : 'failed';
      assert.equal(verbs[0], 'initialized');
      assert.equal(verbs.at(-1), 'terminated');
      assert.equal(verbs.filter((v) => v === 'answered').length, bank.questions.length);
      assert.deepEqual(verbs.filter((v) => ['completed', 'passed', 'failed'].includes(v)), ['completed', judged]);
      const verdict = log.find((e) => verb(e.statement) === judged)!.statement;
      assert.equal(verdict.object.id, au.id);
      assert.equal(verdict.result?.score?.scaled, Math.round(expected.score.scaled * 1e7) / 1e7);
      assert.equal(verdict.context?.extensions?.[CMI5.masteryScoreExtension], au.masteryScore);
      for (const e of log) {
        assert.equal(e.statement.context?.extensions?.[CMI5.sessionIdExtension], sessionId, `${verb(e.statement)} has the session id`);
        assert.deepEqual(e.xapiValidation, [], `xapi-validation on ${verb(e.statement)}`);
        assert.deepEqual(e.levelfit, [], `validateStatements on ${verb(e.statement)}`);
      }
      const stored = new Set((await lms.stored(registration)).map((s) => s.id));
      for (const e of log) assert.ok(stored.has(e.statement.id!), `the LRS stored ${verb(e.statement)}`);

      // The way back to the LMS.
      const exit = page.locator('#lms-exit');
      assert.equal(await exit.isVisible(), true);
      await Promise.all([page.waitForURL(`${RETURN_URL}**`), exit.click()]);
      assert.deepEqual(problems, []);
      assert.equal(lms.log.filter((e) => e.statement.context?.registration === registration).length, log.length, 'nothing sent after terminated');
    } finally {
      await close();
    }
  });

  test('a Browse launch of the package sends initialized and terminated only', async () => {
    const run = await runPackage(['--cmi5', '--bank', 'clinical-homecare-core', '--lrs-origin', lms.base]);
    course = await unzip(run.zip!);
    const au = auOf(course.get('cmi5.xml')!.toString('utf8'));
    const bank = quizzes['clinical-homecare-core'];
    const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    const { query, registration } = await lms.launch({ activityId: au.id, launchMode: 'Browse', returnURL: RETURN_URL });
    const { page, problems, close } = await newPage();
    try {
      await page.goto(`${origin}/course/${au.url}${query}`);
      await page.waitForFunction(() => document.querySelector('lf-quiz')?.getAttribute('lms') === 'cmi5');
      await play(page, answers);
      for (let i = 0; i < 100 && !lms.log.some((e) => e.statement.context?.registration === registration && verb(e.statement) === 'terminated'); i++) await page.waitForTimeout(50);
      assert.deepEqual(lms.log.filter((e) => e.statement.context?.registration === registration).map((e) => verb(e.statement)), ['initialized', 'terminated']);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
