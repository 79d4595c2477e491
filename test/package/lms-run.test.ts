/**
 * The course packages of `levelfit package`, unpacked and run in Debian Chromium (playwright-core) the way an LMS
 * runs them: an LMS page holds scorm-again's `Scorm12API` as `window.API` or `Scorm2004API` as `window.API_1484_11`
 * and opens the package's index.html in an iframe. The learner answers every question (one wrongly, one partly
 * right), submits, and the test reads what the LMS received (scorm-again's commits) against the engine's
 * `scoreQuiz` for the same answers: launch → answer → report → terminate. The cmi5 package is launched by the
 * loopback LMS of test/support/cmi5-lms.mjs, whose LRS is Learning Locker's xapi-statements, and every statement
 * it stores is checked by xapi-validation and validateStatements. Also: a learner who leaves mid-quiz
 * resumes where they were, and the page without an LMS says the result will not be recorded. The course page
 * runs under its own CSP meta (with Trusted Types): any violation, console error or failed request fails.
 *
 * Needs `npm run build` (the bundles). Run: npm run test:package
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers } from '../../packages/engine/src/index.ts';
import { formatReal } from '../../packages/engine/src/lms/interaction.ts';
import { launchChromium } from '../support/chromium.mjs';
import { runPackage, unzip } from '../support/course-package.ts';
import { startCmi5Lms } from '../support/cmi5-lms.mjs';
import { ROOT } from '../support/factories.ts';

const missing = !existsSync(join(ROOT, 'dist/levelfit.all.min.js')) && 'no dist/ bundles (run npm run build)';
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8' };

/** The LMS side: a page with scorm-again and nothing else (no CSP of its own: the LMS is not under test). */
const PLAYER = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><script src="/lms/scorm-again.min.js"></script></head><body><h1>LMS</h1></body></html>';

type Flat = Record<string, string>;

/** Answers for every question: right, except one single-answer question wrong and one multiple partly right. */
function plan(bank: QuestionBank): { answers: QuizAnswers; wrong: string; partial: string } {
  const right = (q: QuestionBank['questions'][number]) => q.options.filter((o) => o.correct).map((o) => o.id);
  const answers: Record<string, string[]> = Object.fromEntries(bank.questions.map((q) => [q.id, right(q)]));
  const wrong = bank.questions.find((q) => q.type === 'single')!;
  answers[wrong.id] = [wrong.options.find((o) => !o.correct)!.id];
  const partial = bank.questions.find((q) => q.type === 'multiple' && right(q).length >= 2)!;
  answers[partial.id] = right(partial).slice(0, 1);
  return { answers, wrong: wrong.id, partial: partial.id };
}

let server: Server;
let origin = '';
let browser: Browser;
/** The unpacked course served at /course/, swapped per test. */
let course = new Map<string, Buffer>();

before(async () => {
  if (missing) return;
  const scormAgain = readFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js'));
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (body: Buffer | string, type: string) => {
      res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/favicon.ico') return void res.writeHead(204).end(); // the browser asks; neither page has one
    if (path === '/lms/player.html') return send(PLAYER, TYPES['html']!);
    if (path === '/lms/scorm-again.min.js') return send(scormAgain, TYPES['js']!);
    const file = path.startsWith('/course/') ? course.get(path.slice('/course/'.length)) : undefined;
    if (file) return send(file, TYPES[path.split('.').pop()!] ?? 'application/octet-stream');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
});

async function unpack(args: string[]) {
  const run = await runPackage(args);
  assert.equal(run.code, 0, run.err.join('\n'));
  course = await unzip(run.zip!);
}

/** A page that records CSP violations in every frame, console errors, page errors and failed requests. */
async function newPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; problems: () => Promise<string[]>; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const checks: Promise<void>[] = [];
  // tsx compiles this file with esbuild's keepNames, which wraps functions inside evaluate() callbacks in
  // __name(): give every frame a no-op one (the test's own scripts need it; the course never calls it).
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    const failed = `request failed: ${r.url()} (${r.failure()?.errorText})`;
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') return void problems.push(failed);
    // Chromium's DevTools now and then reports a fetch the page has read in full as aborted (the course's
    // bank.json, 200 and every byte in the page's own Resource Timing). Trust the page's record for those.
    checks.push(
      r
        .frame()
        .waitForFunction((url) => performance.getEntriesByName(url).some((e) => (e as PerformanceResourceTiming).responseStatus === 200 && (e as PerformanceResourceTiming).encodedBodySize > 0), r.url(), { timeout: 2000 })
        .then(
          () => undefined,
          () => void problems.push(failed),
        ),
    );
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url()}`));
  return { page, problems: async () => (await Promise.all(checks), problems), close: () => context.close() };
}

/** The LMS page with a scorm-again API (SCORM 1.2 `API` or 2004 `API_1484_11`), optionally loaded with earlier data. */
async function lms(page: Page, version: '1.2' | '2004', saved: Flat | null = null): Promise<Frame> {
  await page.goto(`${origin}/lms/player.html`);
  await page.evaluate(
    ({ version, saved }) => {
      const w = window as unknown as Record<string, any>;
      w.commits = [];
      const settings = {
        logLevel: 5,
        autocommit: false,
        lmsCommitUrl: 'https://lms.invalid/commit',
        dataCommitFormat: 'flattened',
        httpService: {
          processHttpRequest: (_url: string, params: unknown) => {
            w.commits.push(JSON.parse(JSON.stringify(params)));
            return { result: true, errorCode: 0 };
          },
          updateSettings() {},
        },
      };
      const api = version === '1.2' ? new w.Scorm12API(settings) : new w.Scorm2004API(settings);
      if (saved) api.loadFromFlattenedJSON(saved);
      w[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      const frame = document.createElement('iframe');
      frame.name = 'sco';
      frame.title = 'Course';
      frame.style.cssText = 'width: 100%; height: 900px; border: 0';
      frame.src = '/course/index.html';
      document.body.append(frame);
    },
    { version, saved },
  );
  const frame = await frameNamed(page, 'sco');
  await frame.waitForFunction(() => !!document.querySelector('lf-quiz')?.shadowRoot?.querySelector('fieldset, [part~="error"]'));
  return frame;
}

async function frameNamed(page: Page, name: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frame({ name });
    if (frame && frame.url().endsWith('/course/index.html')) {
      await frame.waitForLoadState('load');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame "${name}"`);
}

/**
 * Plays the quiz in the frame: on each question page selects the planned options, checks the answer and
 * continues; submits on "Check your answers". Stops after `stopAfter` answered questions, when given. Returns
 * the question ids in the order they were answered.
 */
async function play(frame: Frame, answers: QuizAnswers, stopAfter = Infinity): Promise<string[]> {
  const answered: string[] = [];
  for (let i = 0; i < 200; i++) {
    const step = await frame.evaluate(
      async ({ answers, stop }) => {
        const el = document.querySelector('lf-quiz') as HTMLElement & { updateComplete: Promise<unknown> };
        const sr = el.shadowRoot!;
        const settle = async () => {
          await el.updateComplete;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        };
        await settle();
        if (sr.querySelector('[part~="results"]')) return { kind: 'results' };
        const submit = sr.querySelector<HTMLButtonElement>('[part~="button-submit"]');
        if (submit) {
          submit.click();
          for (let w = 0; w < 200 && !sr.querySelector('[part~="results"]'); w++) await settle();
          return { kind: 'submitted' };
        }
        const inputs = [...sr.querySelectorAll<HTMLInputElement>('fieldset input')];
        if (!inputs.length) return { kind: 'stuck', text: sr.textContent?.slice(0, 300) };
        const id = inputs[0]!.name;
        const wanted = answers[id] ?? [];
        const next = () => sr.querySelector<HTMLButtonElement>('[part~="button-continue"]');
        if (inputs.some((x) => x.disabled) || inputs.some((x) => x.checked)) {
          // checked already (feedback showing): go on
          next()!.click();
          await settle();
          return { kind: 'continued', id };
        }
        if (stop) return { kind: 'stopped', id };
        for (const input of inputs) if (wanted.includes(input.value) !== input.checked) input.click();
        await settle();
        next()!.click(); // Check answer
        await settle();
        return { kind: 'answered', id };
      },
      { answers, stop: answered.length >= stopAfter },
    );
    // a page that renders late can show the same question twice: count each question once
    if (step.kind === 'answered' && !answered.includes(step.id!)) answered.push(step.id!);
    if (step.kind === 'stuck') throw new Error(`the quiz is stuck: ${step.text}`);
    if (step.kind === 'results' || step.kind === 'stopped') return answered;
  }
  throw new Error('the quiz did not finish in 200 steps');
}

const lastCommit = async (page: Page): Promise<Flat> => page.evaluate(() => (window as unknown as { commits: Flat[] }).commits.at(-1)!);
const status = (frame: Frame) => frame.evaluate(() => document.getElementById('lms-status')!.textContent ?? '');

/** The interactions in a flattened commit, by question id. */
function interactions(data: Flat): Map<string, Flat> {
  const rows = new Map<string, Flat>();
  for (const [key, value] of Object.entries(data)) {
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (!m) continue;
    const row = rows.get(m[1]!) ?? {};
    row[m[2]!] = value;
    rows.set(m[1]!, row);
  }
  return new Map([...rows.values()].map((r) => [r['id']!, r]));
}

describe('course packages in Chromium under an LMS', { skip: missing }, () => {
  test('SCORM 2004: launch → answer → report → terminate, and the LMS has the engine\'s score', async () => {
    await unpack(['--scorm2004', '--bank', 'clinical-homecare-core']);
    const bank = quizzes['clinical-homecare-core'];
    const { answers, wrong, partial } = plan(bank);
    const { page, problems, close } = await newPage();
    try {
      const frame = await lms(page, '2004');
      assert.equal(await status(frame), '', 'no message: the LMS was found');
      assert.equal(await frame.evaluate(() => document.querySelector('lf-quiz')!.getAttribute('lms')), 'scorm');
      assert.equal(await page.evaluate(() => (window as any).API_1484_11.isInitialized()), true, 'Initialize was called');
      const started = Date.now();
      const order = await play(frame, answers);
      assert.equal(order.length, bank.questions.length);
      const ended = Date.now();
      const expected = await scoreQuiz(bank, answers);
      const data = await lastCommit(page);
      assert.equal(await page.evaluate(() => (window as any).API_1484_11.isTerminated()), true, 'Terminate was called');
      assert.equal(data['cmi.completion_status'], 'completed');
      assert.equal(data['cmi.success_status'], expected.passed ? 'passed' : 'failed');
      assert.equal(data['cmi.score.scaled'], formatReal(expected.score.scaled));
      assert.equal(data['cmi.score.raw'], formatReal(expected.score.raw));
      assert.equal(data['cmi.score.max'], formatReal(expected.score.max));
      assert.equal(data['cmi.exit'], 'normal');
      assert.equal(data['cmi.suspend_data'] ?? '', '', 'a completed attempt leaves no draft');
      assert.match(data['cmi.session_time']!, /^PT/);
      const rows = interactions(data);
      assert.equal(rows.size, bank.questions.length);
      assert.equal(rows.get(wrong)!['result'], 'incorrect');
      const partialQuestion = expected.questions.find((q) => q.id === partial)!;
      assert.equal(rows.get(partial)!['result'], formatReal(partialQuestion.points / partialQuestion.maxPoints), 'a partly right answer is reported as its fraction');
      for (const q of expected.questions) if (q.correct) assert.equal(rows.get(q.id)!['result'], 'correct', q.id);
      for (const q of bank.questions) assert.deepEqual(rows.get(q.id)!['learner_response']!.split('[,]').sort(), [...answers[q.id]!].sort(), q.id);
      // Each interaction is stamped when its answer was checked, in the order answered, with how long it took.
      const stamps = order.map((id) => Date.parse(rows.get(id)!['timestamp']!));
      for (const [k, at] of stamps.entries()) {
        assert.ok(at >= started - 1000 && at <= ended + 1000, `${order[k]}: ${rows.get(order[k]!)!['timestamp']}`);
        if (k) assert.ok(at >= stamps[k - 1]!, `${order[k]} answered after ${order[k - 1]}`);
        assert.match(rows.get(order[k]!)!['latency']!, /^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$/, order[k]);
      }
      assert.ok(stamps.at(-1)! > stamps[0]!, 'not all stamped with one time');
      const objectives = Object.keys(data).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k)).map((k) => data[k]);
      assert.deepEqual(objectives.sort(), expected.items.map((i) => i.id).sort());
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('SCORM 1.2: launch → answer → report → terminate, and the LMS has the engine\'s score', async () => {
    await unpack(['--scorm12', '--bank', 'lead-practitioner-ksb']);
    const bank = quizzes['lead-practitioner-ksb'];
    const { answers, wrong, partial } = plan(bank);
    const { page, problems, close } = await newPage();
    try {
      const frame = await lms(page, '1.2');
      assert.equal(await status(frame), '');
      const order = await play(frame, answers);
      const expected = await scoreQuiz(bank, answers);
      const data = await lastCommit(page);
      assert.equal(await page.evaluate(() => (window as any).API.isTerminated()), true, 'LMSFinish was called');
      assert.equal(data['cmi.core.lesson_status'], expected.passed ? 'passed' : 'failed');
      assert.equal(Number(data['cmi.core.score.raw']), Math.round(expected.score.scaled * 10000) / 100);
      assert.equal(data['cmi.core.score.max'], '100');
      assert.equal(data['cmi.suspend_data'] ?? '', '');
      assert.match(data['cmi.core.session_time']!, /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
      const rows = interactions(data);
      assert.equal(rows.size, bank.questions.length);
      assert.equal(rows.get(wrong)!['result'], 'wrong');
      for (const id of order) {
        assert.match(rows.get(id)!['time']!, /^\d\d:\d\d:\d\d/, id);
        assert.match(rows.get(id)!['latency']!, /^\d{2,4}:\d\d:\d\d/, id);
      }
      const partialQuestion = expected.questions.find((q) => q.id === partial)!;
      assert.equal(rows.get(partial)!['result'], formatReal(partialQuestion.points / partialQuestion.maxPoints));
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('SCORM 2004: a learner who leaves mid-quiz is suspended and resumes where they were', async () => {
    await unpack(['--scorm2004', '--bank', 'clinical-homecare-core']);
    const bank = quizzes['clinical-homecare-core'];
    const { answers } = plan(bank);
    const { page, problems, close } = await newPage();
    try {
      const first = await lms(page, '2004');
      const done = await play(first, answers, 3);
      assert.equal(done.length, 3);
      // Leaving the page (the LMS closes the frame): the session ends with the draft kept.
      await page.evaluate(() => document.querySelector('iframe')!.remove());
      await page.waitForFunction(() => (window as any).API_1484_11.isTerminated());
      const left = await lastCommit(page);
      assert.equal(left['cmi.exit'], 'suspend');
      assert.ok(left['cmi.suspend_data'], 'the draft is in cmi.suspend_data');
      assert.equal(left['cmi.completion_status'] ?? 'unknown', 'unknown', 'nothing reported yet');

      // The next session: the LMS gives back what it kept, with entry = resume.
      const saved: Flat = { 'cmi.suspend_data': left['cmi.suspend_data']!, 'cmi.location': left['cmi.location'] ?? '', 'cmi.entry': 'resume' };
      const second = await lms(page, '2004', saved);
      const restored = await second.evaluate(() => {
        const sr = document.querySelector('lf-quiz')!.shadowRoot!;
        return { progress: sr.querySelector('[part~="progress"]')?.textContent ?? '', id: sr.querySelector<HTMLInputElement>('fieldset input')?.name };
      });
      assert.match(restored.progress, /Question 4 of/, 'back at the question after the last one answered');
      const rest = await play(second, answers);
      assert.equal(done.length + rest.length, bank.questions.length, 'the first three are not asked again');
      const data = await lastCommit(page);
      const expected = await scoreQuiz(bank, answers);
      assert.equal(data['cmi.success_status'], expected.passed ? 'passed' : 'failed');
      assert.equal(data['cmi.score.scaled'], formatReal(expected.score.scaled));
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('cmi5: launched by the LMS, with a real LRS (xapi-statements): initialized first, completed and passed against masteryScore once, terminated last, back to the returnURL', async () => {
    const lms5 = await startCmi5Lms();
    try {
      await unpack(['--cmi5', '--bank', 'clinical-homecare-core', '--lrs-origin', new URL(lms5.base).origin]);
      const bank = quizzes['clinical-homecare-core'];
      const { answers } = plan(bank);
      const expected = await scoreQuiz(bank, answers);
      const returnURL = `${origin}/lms/player.html?returned`;
      const { query, registration } = await lms5.launch({ masteryScore: bank.passMark, moveOn: 'CompletedAndPassed', returnURL });
      const { page, problems, close } = await newPage();
      try {
        // AnyWindow: the LMS opens the AU's URL with the launch parameters.
        await page.goto(`${origin}/course/index.html${query}`);
        await page.waitForFunction(() => !!document.querySelector('lf-quiz')?.shadowRoot?.querySelector('fieldset'));
        assert.equal(await page.evaluate(() => document.querySelector('lf-quiz')!.getAttribute('lms')), 'cmi5');
        const order = await play(page.mainFrame(), answers);
        assert.equal(order.length, bank.questions.length);
        const mine = () => lms5.log.filter((e) => e.statement.context?.registration === registration);
        for (let i = 0; i < 100 && !mine().some((e) => e.statement.verb.id.endsWith('/terminated')); i++) await page.waitForTimeout(100);
        const verbs = mine().map((e) => e.statement.verb.id.split('/').pop());
        const cmi5Verbs = verbs.filter((v) => ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(v!));
        assert.deepEqual(cmi5Verbs, ['initialized', 'completed', expected.passed ? 'passed' : 'failed', 'terminated'], verbs.join(' '));
        assert.equal(verbs[0], 'initialized', 'initialized first');
        assert.equal(verbs.at(-1), 'terminated', 'terminated last');
        assert.equal(verbs.filter((v) => v === 'answered').length, bank.questions.length);
        for (const e of mine()) {
          assert.deepEqual(e.xapiValidation, [], `xapi-validation: ${e.statement.verb.id}`);
          assert.deepEqual(e.levelfit, [], `validateStatements: ${e.statement.verb.id}`);
        }
        const passed = mine().find((e) => /\/(passed|failed)$/.test(e.statement.verb.id))!.statement;
        assert.equal(passed.result?.score?.scaled, Number(formatReal(expected.score.scaled)));
        assert.match(String(passed.result?.duration), /^PT/);
        // Back to the LMS: the page offers the returnURL and goes there.
        await page.waitForSelector('#lms-exit:not([hidden])');
        await Promise.all([page.waitForURL(returnURL), page.click('#lms-exit')]);
        // The first launch of a registration has no levelfit state document yet: the State API answers 404 (xAPI
        // 1.0.3, 7.4), which the session reads as "no draft". Nothing else may fail.
        const noDraftYet = (p: string) => p.includes(`${lms5.base}/xapi/activities/state?stateId=levelfit&`) && /\b404\b/.test(p);
        assert.deepEqual((await problems()).filter((p) => !noDraftYet(p)), []);
      } finally {
        await close();
      }
    } finally {
      await lms5.close();
    }
  });

  test('without an LMS the quiz still runs and says the result will not be recorded', async () => {
    await unpack(['--scorm12', '--bank', 'clinical-homecare-core']);
    const { page, problems, close } = await newPage();
    try {
      await page.goto(`${origin}/course/index.html`);
      await page.waitForFunction(() => !!document.getElementById('lms-status')?.textContent);
      assert.match(await page.evaluate(() => document.getElementById('lms-status')!.textContent!), /could not find your learning system, so your result will not be recorded/);
      assert.equal(await page.evaluate(() => document.querySelector('lf-quiz')!.hasAttribute('lms')), false);
      assert.ok(await page.evaluate(() => !!document.querySelector('lf-quiz')!.shadowRoot!.querySelector('fieldset')));
      assert.deepEqual(await problems(), []);
    } finally {
      await close();
    }
  });

  test('the page passes axe, around the quiz and inside it', async () => {
    await unpack(['--cmi5', '--bank', 'clinical-homecare-core']);
    // axe is injected as a script, which the page's own CSP would rightly refuse: this context skips CSP.
    const { page, close } = await newPage({ bypassCSP: true });
    try {
      await page.goto(`${origin}/course/index.html`);
      await page.waitForFunction(() => !!document.querySelector('lf-quiz')?.shadowRoot?.querySelector('fieldset') && !!document.getElementById('lms-status')?.textContent);
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document);
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await close();
    }
  });
});
