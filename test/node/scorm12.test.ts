/**
 * The SCORM 1.2 reporter against a real SCORM 1.2 runtime: scorm-again's `Scorm12API` (the LMS side) as `API`
 * in a frame chain. Values are read back with scorm-again's own `LMSGetValue` (where 1.2 lets the SCO read them)
 * and from the commit payload it hands its HTTP service (in memory: scorm-again makes no request). Expected
 * values come from the SCORM 1.2 RTE data model (vocabularies, CMIString4096, CMITimespan, single-character
 * choice responses) and from the banks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm12API } from 'scorm-again';
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers } from '../../packages/engine/src/index.ts';
import { createScorm12Reporter, findScorm12Api, findScormApi, SCORM12_SUSPEND_DATA_MAX } from '../../packages/engine/src/lms/index.ts';
import { scorm12Timespan } from '../../packages/engine/src/lms/scorm12.ts';

const BANK: QuestionBank = quizzes['clinical-homecare-core'];
const KSB: QuestionBank = quizzes['lead-practitioner-ksb'];
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const correctIds = (bank: QuestionBank, qid: string) => bank.questions.find((q) => q.id === qid)!.options.filter((o) => o.correct).map((o) => o.id);
const letters = (bank: QuestionBank, qid: string, ids: readonly string[]) => {
  const q = bank.questions.find((x) => x.id === qid)!;
  return ids.map((id) => q.options.findIndex((o) => o.id === id)).sort((a, b) => a - b).map((i) => 'abcdefghijklmnopqrstuvwxyz'[i]).join(',');
};

type Flat = Record<string, unknown>;
function lms(initial?: Flat) {
  const commits: Flat[] = [];
  const api = new Scorm12API({
    logLevel: 5,
    lmsCommitUrl: 'https://lms.invalid/commit',
    dataCommitFormat: 'flattened',
    httpService: {
      processHttpRequest(_url: string, params: unknown) {
        commits.push(JSON.parse(JSON.stringify(params)) as Flat);
        return { result: true, errorCode: 0 };
      },
      updateSettings() {},
    } as never,
  });
  if (initial) api.loadFromFlattenedJSON(initial as never);
  return { api, commits };
}

describe('findScorm12Api', () => {
  test('finds API up the frames (and not API_1484_11, which is 2004)', () => {
    const { api } = lms();
    const top: Record<string, unknown> = { API: api };
    top['parent'] = top;
    const content = { parent: { parent: top } };
    assert.equal(findScorm12Api(content), api);
    assert.equal(findScormApi(content), null);
    assert.equal(findScorm12Api({ API: { LMSInitialize() {} } }), null, 'an object without the eight methods is not the API');
  });
});

describe('createScorm12Reporter against scorm-again', () => {
  test('start, save a draft, then report a finished quiz: score, status, objectives, interactions', async () => {
    const { api, commits } = lms();
    let clock = T0;
    const r = createScorm12Reporter(api, { bank: { id: BANK.id, version: BANK.version }, now: () => clock });
    const start = r.start();
    assert.deepEqual(start, { ok: true, issues: [], entry: '', draft: null });
    const half = Object.fromEntries(BANK.questions.slice(0, 5).map((q) => [q.id, correctIds(BANK, q.id)]));
    assert.deepEqual(r.saveProgress(half, 5), { ok: true, issues: [] });
    assert.equal(api.LMSGetValue('cmi.core.lesson_location'), '5');
    assert.equal(api.LMSGetValue('cmi.core.exit'), '', 'cmi.core.exit is write-only in 1.2: reading it gives nothing');

    // Everything right but one question with one wrong option, and a multiple-answer question half right.
    const answers: QuizAnswers = Object.fromEntries(BANK.questions.map((q) => [q.id, correctIds(BANK, q.id)]));
    const multi = BANK.questions.find((q) => q.options.filter((o) => o.correct).length > 1)!;
    answers[multi.id] = correctIds(BANK, multi.id).slice(0, 1);
    const wrongQ = BANK.questions.find((q) => q.type === 'single')!;
    answers[wrongQ.id] = [wrongQ.options.find((o) => !o.correct)!.id];
    const score = await scoreQuiz(BANK, answers);
    clock = T0 + 65_250;
    const rep = r.report(score, BANK);
    assert.deepEqual(rep, { ok: true, issues: [] });
    assert.equal(api.LMSGetValue('cmi.core.score.raw'), String(Math.round(score.score.scaled * 10000) / 100));
    assert.equal(api.LMSGetValue('cmi.core.score.max'), '100');
    assert.equal(api.LMSGetValue('cmi.core.lesson_status'), score.passed ? 'passed' : 'failed');
    assert.equal(api.LMSGetValue('cmi.objectives._count'), String(score.items.length));
    score.items.forEach((item, n) => {
      assert.equal(api.LMSGetValue(`cmi.objectives.${n}.id`), item.id);
      assert.equal(api.LMSGetValue(`cmi.objectives.${n}.status`), item.mastery >= BANK.passMark ? 'passed' : 'failed');
    });
    assert.equal(api.LMSGetValue('cmi.interactions._count'), String(BANK.questions.length));
    assert.equal(api.LMSGetLastError(), '0');

    assert.deepEqual(r.terminate(), { ok: true, issues: [] });
    const last = commits.at(-1)!;
    assert.match(String(last['cmi.core.session_time']), /^(00)?00:01:05\.25$/, 'the session time we set (scorm-again writes it back with two hour digits)');
    assert.equal(last['cmi.suspend_data'], '', 'a completed attempt leaves no draft behind');
    const at = (qid: string) => BANK.questions.findIndex((q) => q.id === qid);
    const n = at(multi.id);
    assert.equal(last[`cmi.interactions.${n}.type`], 'choice');
    assert.equal(last[`cmi.interactions.${n}.student_response`], letters(BANK, multi.id, answers[multi.id]!));
    assert.equal(last[`cmi.interactions.${n}.correct_responses.0.pattern`], letters(BANK, multi.id, correctIds(BANK, multi.id)));
    const fraction = score.questions.find((q) => q.id === multi.id)!;
    assert.ok(fraction.points > 0 && fraction.points < fraction.maxPoints, 'the fixture is partly right');
    assert.equal(Number(last[`cmi.interactions.${n}.result`]), Math.round((fraction.points / fraction.maxPoints) * 1e7) / 1e7, 'partial credit as a fraction');
    assert.equal(last[`cmi.interactions.${at(wrongQ.id)}.result`], 'wrong');
    const tf = BANK.questions.findIndex((q) => q.type === 'true-false');
    if (tf >= 0) {
      assert.equal(last[`cmi.interactions.${tf}.type`], 'true-false');
      assert.match(String(last[`cmi.interactions.${tf}.student_response`]), /^[tf]$/);
    }
    assert.equal(last['cmi.interactions.0.time'], '10:01:05');
    assert.equal(last['cmi.interactions.0.objectives.0.id'], BANK.questions[0]!.items[0]);
  });

  test('a suspended attempt resumes in the next session (cmi.core.entry = resume)', async () => {
    const one = lms();
    const r1 = createScorm12Reporter(one.api, { bank: { id: KSB.id, version: KSB.version }, now: () => T0 });
    r1.start();
    const draft = { [KSB.questions[0]!.id]: correctIds(KSB, KSB.questions[0]!.id) };
    r1.saveProgress(draft, 1);
    r1.terminate();
    const saved = one.commits.at(-1)!;
    assert.equal(saved['cmi.core.exit'], 'suspend');
    const two = lms({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': saved['cmi.suspend_data'], 'cmi.core.lesson_location': saved['cmi.core.lesson_location'] });
    const r2 = createScorm12Reporter(two.api, { bank: { id: KSB.id, version: KSB.version } });
    const start = r2.start();
    assert.equal(start.entry, 'resume');
    assert.deepEqual(start.draft, { answers: draft, bankId: KSB.id, bankVersion: KSB.version, position: '1', seed: null, tries: {} });
  });

  test('suspend data over 4,096 characters: a clear issue, and the LMS keeps its previous data', () => {
    const { api } = lms();
    const r = createScorm12Reporter(api);
    r.start();
    const small = { q1: ['a'] };
    assert.equal(r.saveProgress(small).ok, true);
    const before = api.LMSGetValue('cmi.suspend_data');
    const big = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`question-${i}`, ['option-a', 'option-b']]));
    const out = r.saveProgress(big, 3);
    assert.equal(out.ok, false);
    assert.equal(out.issues.length, 1);
    assert.equal(out.issues[0]!.code, 'too_big');
    assert.deepEqual(out.issues[0]!.path, ['cmi.suspend_data']);
    assert.match(out.issues[0]!.message, new RegExp(`holds ${SCORM12_SUSPEND_DATA_MAX}: they were not saved, and the LMS keeps what it had`));
    assert.equal(api.LMSGetValue('cmi.suspend_data'), before);
    assert.equal(api.LMSGetValue('cmi.core.lesson_location'), '', 'nothing of the big draft was written');
  });

  test('an LMS error becomes an issue with the 1.2 method name, and a throwing API never throws', () => {
    const { api } = lms();
    const r = createScorm12Reporter(api);
    const before = r.saveProgress({});
    assert.equal(before.issues[0]!.code, 'scorm_state');
    r.start();
    api.LMSSetValue = () => {
      throw new Error('LMS went away');
    };
    const out = r.saveProgress({ q: ['a'] });
    assert.equal(out.ok, false);
    assert.match(out.issues[0]!.message, /^LMSSetValue\("cmi\.suspend_data"\) threw: LMS went away$/);
  });

  test('scorm12Timespan is HHHH:MM:SS.SS', () => {
    assert.equal(scorm12Timespan(0), '0000:00:00.00');
    assert.equal(scorm12Timespan(3_723_450), '0001:02:03.45');
  });
});

describe('per-question timings (SCORM 1.2, SCORM 2004 and xAPI)', () => {
  test('each interaction has the time its question was answered and its latency; without timings, the report time', async () => {
    const { Scorm2004API } = await import('scorm-again');
    const { createScormReporter, toXapiStatements, validateStatements } = await import('../../packages/engine/src/lms/index.ts');
    const answers = Object.fromEntries(BANK.questions.map((q) => [q.id, correctIds(BANK, q.id)]));
    const score = await scoreQuiz(BANK, answers);
    const [q0, q1] = BANK.questions;
    const timings = { [q0!.id]: { at: T0 + 30_000, ms: 29_500 }, [q1!.id]: { at: new Date(T0 + 95_000).toISOString(), ms: 64_250 } };

    const one = lms();
    const r12 = createScorm12Reporter(one.api, { now: () => T0 + 600_000 });
    r12.start();
    assert.deepEqual(r12.report(score, BANK, { timings, terminate: true }), { ok: true, issues: [] });
    const c12 = one.commits.at(-1)!;
    assert.equal(c12['cmi.interactions.0.time'], '10:00:30');
    assert.match(String(c12['cmi.interactions.0.latency']), /^(00)?00:00:29\.5$|^(00)?00:00:29\.50$/);
    assert.equal(c12['cmi.interactions.1.time'], '10:01:35');
    assert.equal(c12['cmi.interactions.2.time'], '10:10:00', 'no timing: the report time');
    assert.equal(c12['cmi.interactions.2.latency'] ?? '', '');

    const commits: Flat[] = [];
    const api2004 = new Scorm2004API({
      logLevel: 5,
      lmsCommitUrl: 'https://lms.invalid/commit',
      dataCommitFormat: 'flattened',
      httpService: { processHttpRequest: (_u: string, p: unknown) => (commits.push(JSON.parse(JSON.stringify(p))), { result: true, errorCode: 0 }), updateSettings() {} } as never,
    });
    const r04 = createScormReporter(api2004, { now: () => T0 + 600_000 });
    r04.start();
    assert.deepEqual(r04.report(score, BANK, { timings }), { ok: true, issues: [] });
    assert.equal(api2004.GetValue('cmi.interactions.0.timestamp'), '2026-11-23T10:00:30.00Z');
    assert.equal(api2004.GetValue('cmi.interactions.0.latency'), 'PT29.5S');
    assert.equal(api2004.GetValue('cmi.interactions.1.latency'), 'PT1M4.25S');
    assert.equal(api2004.GetValue('cmi.interactions.2.timestamp'), '2026-11-23T10:10:00.00Z');

    const statements = toXapiStatements(score, BANK, {
      actor: { mbox: 'mailto:learner@example.org' },
      activityBase: 'https://lms.example.org/levelfit',
      timestamp: '2026-11-23T10:10:00.000Z',
      timings,
    });
    assert.deepEqual(validateStatements(statements), []);
    assert.equal(statements[0]!.timestamp, '2026-11-23T10:00:30.000Z');
    assert.equal(statements[0]!.result!.duration, 'PT29.5S');
    assert.equal(statements[2]!.timestamp, '2026-11-23T10:10:00.000Z');
    assert.equal(statements[2]!.result!.duration, undefined);
  });
});
