/**
 * `<lf-quiz>` as a cmi5 assignable unit in Chromium, against the loopback LMS of test/support/cmi5-lms.mjs
 * (a real LRS, Learning Locker's xapi-statements, behind a one-time fetch URL and a State API), reached
 * cross-origin as a real LRS would be: launch URL → initialized → answers saved to the LRS and resumed in the
 * next launch → completed and passed / failed against masteryScore, once → terminated last. Browse mode sends
 * no result. Every statement the LRS stored passed xapi-validation and levelfit's validateStatements.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createCmi5Session, CMI5, type XapiStatement } from '@levelfit/engine/lms';
import '../../packages/elements/src/quiz/define.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { connectQuizToCmi5, connectSelfAssessmentToCmi5 } from '../../packages/elements/src/cmi5.js';
import type { LfQuizSubmitEvent } from '../../packages/elements/src/events/lf-quiz-submit.js';
import { makeBank } from '../../stories/support/quiz-bank.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { makeFramework } from '../support/small-framework.js';
import { $, $$, answerAll, clickButton } from '../support/dom.js';

interface LogEntry {
  statement: XapiStatement;
  xapiValidation: unknown[];
  levelfit: unknown[];
}

let base = '';
async function launch(options: Record<string, unknown>): Promise<{ query: string; registration: string; sessionId: string }> {
  const res = await fetch(`${base}/_test/launch`, { method: 'POST', body: JSON.stringify(options) });
  return res.json();
}
async function logOf(registration: string): Promise<LogEntry[]> {
  const { log } = (await (await fetch(`${base}/_test/log`)).json()) as { log: LogEntry[] };
  return log.filter((e) => e.statement.context?.registration === registration);
}
const verb = (s: XapiStatement) => s.verb.id.split('/').pop()!;

async function answerCurrent(el: LfQuiz, answers: Record<string, string[]>): Promise<void> {
  const id = $<HTMLInputElement>(el, 'input')!.name;
  for (const option of answers[id]!) $$<HTMLInputElement>(el, 'input').find((i) => i.value === option)!.click();
  await el.updateComplete;
  await clickButton(el, 'button-continue');
}

// Three of the four right: 0.75 scaled, which the bank (pass mark 0.75) passes.
const ANSWERS: Record<string, string[]> = { 'hand-wash': ['a'], 'five-moments': ['a', 'b'], 'alcohol-rub': ['true'], needle: ['a'] };

describe('<lf-quiz> as a cmi5 assignable unit', () => {
  before(async () => {
    ({ base } = (await executeServerCommand('cmi5-lms')) as { base: string });
  });
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('Normal launch: initialized first, the draft resumes from the LRS, failed against masteryScore once, terminated last', async () => {
    const first = await launch({ masteryScore: 0.8, moveOn: 'CompletedAndPassed' });
    const el = await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`);
    const connection = await connectQuizToCmi5(el, createCmi5Session(first.query));
    expect(connection.start.ok, JSON.stringify(connection.start.issues)).to.equal(true);
    expect(el.lms).to.equal('cmi5');
    await el.updateComplete;
    await answerCurrent(el, ANSWERS);
    await answerCurrent(el, ANSWERS);
    await connection.settled();
    expect(connection.issues).to.deep.equal([]);
    // The learner leaves: the session ends and the LMS's returnURL is where to go.
    expect(await connection.exit()).to.equal('https://lms.example.org/courses/care-basics');
    fixtureCleanup();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([], 'nothing kept on this device');

    // The next launch of the same registration resumes where the learner was, from the LRS.
    const second = await launch({ masteryScore: 0.8, moveOn: 'CompletedAndPassed', registration: first.registration });
    const again = await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`);
    const resumed = await connectQuizToCmi5(again, createCmi5Session(second.query));
    await again.updateComplete;
    expect(Object.keys(again.answers).length).to.equal(2);
    expect(again.position).to.equal(2);
    await answerCurrent(again, ANSWERS);
    await answerCurrent(again, ANSWERS);
    const submitted = oneEvent(again, 'lf-quiz-submit') as Promise<LfQuizSubmitEvent>;
    await clickButton(again, 'button-submit');
    const { detail } = await submitted;
    expect(detail.score.passed, 'the bank alone would pass it').to.equal(true);
    await resumed.settled();
    expect(resumed.issues).to.deep.equal([]);

    const log = await logOf(first.registration);
    const verbs = log.map((e) => verb(e.statement));
    expect(verbs).to.deep.equal([
      'initialized',
      'terminated',
      'initialized',
      'answered',
      'answered',
      'answered',
      'answered',
      'completed',
      'failed',
      'terminated',
    ]);
    // Answers checked in this session carry their own time and duration; those from the first session do not.
    const durations = Object.fromEntries(
      log.filter((e) => verb(e.statement) === 'answered').map((e) => [decodeURIComponent(e.statement.object.id.split('/').pop()!), e.statement.result?.duration ?? null]),
    );
    expect(Object.keys(durations).sort()).to.deep.equal(Object.keys(ANSWERS).sort());
    expect(Object.values(durations).filter((d) => d !== null).length).to.equal(2);
    for (const d of Object.values(durations)) if (d !== null) expect(d).to.match(/^PT/);
    const failed = log.find((e) => verb(e.statement) === 'failed')!.statement;
    expect(failed.result?.score?.scaled).to.equal(0.75);
    expect(failed.result?.success).to.equal(false);
    expect(failed.context?.extensions?.[CMI5.masteryScoreExtension]).to.equal(0.8);
    for (const e of log) {
      expect(e.statement.context?.extensions?.[CMI5.sessionIdExtension], verb(e.statement)).to.be.a('string');
      expect(e.xapiValidation, `xapi-validation on ${verb(e.statement)}`).to.deep.equal([]);
      expect(e.levelfit, `validateStatements on ${verb(e.statement)}`).to.deep.equal([]);
    }
    // The two sessions carry their own session ids from their context templates.
    expect(log.slice(0, 2).every((e) => e.statement.context?.extensions?.[CMI5.sessionIdExtension] === first.sessionId)).to.equal(true);
    expect(log.slice(2).every((e) => e.statement.context?.extensions?.[CMI5.sessionIdExtension] === second.sessionId)).to.equal(true);
    // The quiz offers no restart after an LMS submission, and nothing more goes out.
    expect($(again, 'button[part~="button-restart"]')).to.equal(null);
    expect((await resumed.exit())).to.equal('https://lms.example.org/courses/care-basics');
    expect((await logOf(first.registration)).length).to.equal(log.length);
  });

  it('Browse launch: the quiz runs, but only initialized and terminated are sent and no draft is saved', async () => {
    const { query, registration } = await launch({ launchMode: 'Browse' });
    const el = await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`);
    const connection = await connectQuizToCmi5(el, createCmi5Session(query));
    expect(connection.start.launchData?.launchMode).to.equal('Browse');
    await el.updateComplete;
    for (let i = 0; i < 4; i++) await answerCurrent(el, ANSWERS);
    const submitted = oneEvent(el, 'lf-quiz-submit');
    await clickButton(el, 'button-submit');
    await submitted;
    await connection.settled();
    expect((await logOf(registration)).map((e) => verb(e.statement))).to.deep.equal(['initialized', 'terminated']);
    const next = await launch({ launchMode: 'Normal', registration });
    const resumed = await connectQuizToCmi5(await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`), createCmi5Session(next.query));
    expect(resumed.start.draft).to.equal(null);
    await resumed.exit();
  });

  it('<lf-self-assessment>: drafts in memory only, completed once with the level reached, then terminated', async () => {
    const { query, registration } = await launch({ moveOn: 'Completed' });
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment .framework=${makeFramework()}></lf-self-assessment>`);
    const connection = await connectSelfAssessmentToCmi5(el, createCmi5Session(query));
    expect(connection.start.ok, JSON.stringify(connection.start.issues)).to.equal(true);
    expect(el.storage).to.equal('none');
    await el.updateComplete;
    await answerAll(el, () => 3);
    const submitted = oneEvent(el, 'lf-submit');
    $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!.click();
    const { detail } = (await submitted) as CustomEvent<{ result: { bestFit: string | null } }>;
    await connection.settled();
    expect(connection.issues).to.deep.equal([]);
    const log = await logOf(registration);
    expect(log.map((e) => verb(e.statement))).to.deep.equal(['initialized', 'completed', 'terminated']);
    const completed = log[1]!.statement;
    expect(detail.result.bestFit).to.be.a('string');
    expect(completed.result?.extensions?.[`${completed.object.id}/xapi/extensions/best-fit`]).to.equal(detail.result.bestFit);
    expect(completed.result?.completion).to.equal(true);
    expect(completed.result?.score, 'cmi5 allows no score on completed').to.equal(undefined);
    for (const e of log) {
      expect(e.xapiValidation).to.deep.equal([]);
      expect(e.levelfit).to.deep.equal([]);
    }
    expect(Object.keys(localStorage).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([], 'nothing kept on this device');
  });

  it('closing the page before submitting still ends the session with terminated (keepalive)', async () => {
    const { query, registration } = await launch({});
    const el = await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`);
    const session = createCmi5Session(query);
    const connection = await connectQuizToCmi5(el, session);
    await el.updateComplete;
    await answerCurrent(el, ANSWERS);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await connection.settled();
    await session.terminate(); // the queue: resolves once the pagehide's terminated has been answered
    expect(session.state).to.equal('terminated');
    expect((await logOf(registration)).map((e) => verb(e.statement))).to.deep.equal(['initialized', 'terminated']);
    connection.disconnect();
  });

  it('a page opened outside the LMS says why and sends nothing', async () => {
    const el = await fixture<LfQuiz>(html`<lf-quiz feedback="none" .bank=${makeBank()}></lf-quiz>`);
    const seen: string[] = [];
    const connection = await connectQuizToCmi5(el, createCmi5Session('?activityId=https://lms.example.org/au/1'), { onIssues: (issues) => seen.push(...issues.map((i) => i.code)) });
    expect(connection.start.ok).to.equal(false);
    expect(seen).to.include('cmi5_launch');
    expect(el.lms).to.equal('cmi5', 'still no local drafts: the attempt belongs to an LMS');
  });
});
