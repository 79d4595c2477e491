/**
 * The SCORM 2004 adapter against a real SCORM runtime: scorm-again's `Scorm2004API` (the LMS side), installed as
 * `API_1484_11` on a window object in a parent/opener chain. The reporter finds it, resumes from
 * `cmi.suspend_data`, and writes a real scored quiz (the built-in clinical homecare bank through `scoreQuiz`).
 * Values are read back through scorm-again's own `GetValue` and from the commit payload it hands its HTTP
 * service (an in-memory service: scorm-again makes no request). Expected CMI values come from the SCORM 2004
 * 4th edition RTE data model (vocabularies, `[,]` choice delimiter, real(10,7)) and from the bank.
 */
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm2004API } from 'scorm-again'; // the package root: its scorm2004 subpath's types declare a default export its ESM build lacks
import { quizzes, scoreQuiz, type QuestionBank, type QuizAnswers, type QuizScore } from '../../packages/engine/src/index.ts';
import { createScormReporter, findScormApi, type ScormApi } from '../../packages/engine/src/lms/index.ts';

const BANK: QuestionBank = quizzes['clinical-homecare-core'];
const correctIds = (qid: string) => BANK.questions.find((q) => q.id === qid)!.options.filter((o) => o.correct).map((o) => o.id);
const wrongId = (qid: string) => BANK.questions.find((q) => q.id === qid)!.options.find((o) => !o.correct)!.id;
function mixedAnswers(): QuizAnswers {
  const a: QuizAnswers = {};
  BANK.questions.forEach((q, i) => (a[q.id] = i % 3 === 0 ? [wrongId(q.id)] : correctIds(q.id)));
  return a;
}
const FIRST_HALF = (): QuizAnswers => Object.fromEntries(Object.entries(mixedAnswers()).slice(0, 10));
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

type Flat = Record<string, unknown>;
/** A scorm-again LMS whose commits land in `commits` (flattened `cmi.*` keys) instead of an HTTP request. */
function lms(initial?: Flat) {
  const commits: Flat[] = [];
  const httpService = {
    processHttpRequest(_url: string, params: unknown) {
      commits.push(JSON.parse(JSON.stringify(params)) as Flat);
      return { result: true, errorCode: 0 };
    },
    updateSettings() {},
  };
  const api = new Scorm2004API({
    logLevel: 5,
    lmsCommitUrl: 'https://lms.invalid/commit',
    dataCommitFormat: 'flattened',
    httpService: httpService as never,
  });
  if (initial) api.loadFromFlattenedJSON(initial as never);
  return { api, commits };
}
/** What an LMS carries into the next session of a suspended attempt: the run-time data and `cmi.entry` = resume. */
function resumeData(commit: Flat): Flat {
  assert.equal(commit['cmi.exit'], 'suspend', 'the attempt was suspended');
  const out: Flat = { 'cmi.entry': 'resume' };
  for (const [k, v] of Object.entries(commit))
    if (typeof v === 'string' && v !== '' && /^cmi\.(suspend_data|location|objectives\.|interactions\.)/.test(k)) out[k] = v;
  return out;
}

/** The window an LMS page would give: the API on a top window, the content two frames down. */
function frames(api: unknown) {
  const top: Record<string, unknown> = { API_1484_11: api };
  top['parent'] = top;
  const player = { parent: top };
  const content = { parent: player };
  return { top, content };
}

describe('findScormApi: the SCORM 2004 API discovery algorithm', () => {
  const { api } = lms();
  test('walks up the parent chain', () => {
    assert.equal(findScormApi(frames(api).content), api);
  });
  test('finds it on the window itself', () => {
    assert.equal(findScormApi({ API_1484_11: api }), api);
  });
  test('then the opener and its parents (content in a pop-up opened by a framed LMS page)', () => {
    const lmsPage = frames(api).content;
    const popup: Record<string, unknown> = { opener: lmsPage };
    popup['parent'] = popup;
    assert.equal(findScormApi(popup), api);
    const framedPopup = { parent: popup };
    assert.equal(findScormApi(framedPopup), api, "the top window's opener");
  });
  test('stops at maxDepth, at a cross-origin frame, and ignores objects that are not the API', () => {
    let w: Record<string, unknown> = { API_1484_11: api };
    w['parent'] = w;
    for (let i = 0; i < 8; i++) w = { parent: w };
    assert.equal(findScormApi(w, { maxDepth: 7 }), null);
    assert.equal(findScormApi(w, { maxDepth: 8 }), api);
    const crossOrigin = {
      get API_1484_11(): unknown {
        throw new Error('SecurityError: Blocked a frame with origin');
      },
      get parent(): unknown {
        throw new Error('SecurityError');
      },
    };
    assert.equal(findScormApi({ parent: crossOrigin }), null);
    assert.equal(findScormApi({ API_1484_11: { Initialize() {} } }), null);
    assert.equal(findScormApi(null), null);
  });
});

describe('createScormReporter against scorm-again', () => {
  let score: QuizScore;
  beforeEach(async () => {
    score = await scoreQuiz(BANK, mixedAnswers());
  });

  test('start → saveProgress → terminate, then a second session resumes; report writes every element', async () => {
    // Session 1: a new attempt, half done, suspended.
    const one = lms();
    const api1 = findScormApi(frames(one.api).content)!;
    let clock = T0;
    const r1 = createScormReporter(api1, { bank: { id: BANK.id, version: BANK.version }, now: () => clock });
    const s1 = r1.start();
    assert.deepEqual(s1, { ok: true, issues: [], entry: '', draft: null });
    const saved = r1.saveProgress(FIRST_HALF(), 'q-10');
    assert.deepEqual(saved, { ok: true, issues: [] });
    assert.equal(one.api.GetValue('cmi.location'), 'q-10');
    // cmi.exit and cmi.session_time are write-only (GetValue gives 405): read them from the commit scorm-again sent.
    assert.equal(one.commits.at(-1)!['cmi.exit'], 'suspend');
    const suspend = one.api.GetValue('cmi.suspend_data');
    assert.ok(suspend.length <= 64000);
    assert.deepEqual(JSON.parse(suspend).a, FIRST_HALF());
    clock += 65_500;
    assert.deepEqual(r1.terminate(), { ok: true, issues: [] });
    assert.equal(r1.state, 'terminated');
    const last1 = one.commits.at(-1)!;
    assert.equal(last1['cmi.suspend_data'], suspend);
    assert.equal(last1['cmi.location'], 'q-10');
    assert.equal(last1['cmi.session_time'], 'PT1M5.5S');

    // Session 2: the LMS resumes the suspended attempt.
    const two = lms(resumeData(last1));
    const r2 = createScormReporter(findScormApi(frames(two.api).content)!, { bank: { id: BANK.id, version: BANK.version }, now: () => T0 + 3_600_000 });
    const s2 = r2.start();
    assert.equal(s2.ok, true, JSON.stringify(s2.issues));
    assert.equal(s2.entry, 'resume');
    assert.deepEqual(s2.draft, { answers: FIRST_HALF(), position: 'q-10', bankId: BANK.id, bankVersion: BANK.version, seed: null, tries: {} });

    const reported = r2.report(score, BANK);
    assert.deepEqual(reported, { ok: true, issues: [] });
    const get = (el: string) => two.api.GetValue(el);
    assert.equal(get('cmi.score.scaled'), String(score.score.scaled));
    assert.equal(get('cmi.score.raw'), String(score.score.raw));
    assert.equal(get('cmi.score.min'), '0');
    assert.equal(get('cmi.score.max'), String(score.score.max));
    assert.equal(get('cmi.completion_status'), 'completed');
    assert.equal(get('cmi.success_status'), score.passed ? 'passed' : 'failed');
    assert.equal(two.commits.at(-1)!['cmi.exit'], 'normal', 'report() committed');

    assert.equal(get('cmi.objectives._count'), String(score.items.length));
    score.items.forEach((item, n) => {
      assert.equal(get(`cmi.objectives.${n}.id`), item.id);
      assert.equal(Number(get(`cmi.objectives.${n}.score.scaled`)), item.mastery);
      assert.equal(get(`cmi.objectives.${n}.success_status`), item.mastery >= BANK.passMark ? 'passed' : 'failed');
      assert.equal(get(`cmi.objectives.${n}.completion_status`), 'completed');
      assert.equal(get(`cmi.objectives.${n}.description`), item.title.length <= 250 ? item.title : get(`cmi.objectives.${n}.description`));
    });

    const answers = mixedAnswers();
    assert.equal(get('cmi.interactions._count'), String(BANK.questions.length));
    BANK.questions.forEach((q, n) => {
      const el = `cmi.interactions.${n}`;
      const qr = score.questions.find((x) => x.id === q.id)!;
      assert.equal(get(`${el}.id`), q.id);
      assert.equal(get(`${el}.type`), q.type === 'true-false' ? 'true-false' : 'choice');
      // The bank's true-false options are `true`/`false`, its other option ids short identifiers: both formats are the ids.
      assert.equal(get(`${el}.learner_response`), answers[q.id]!.join('[,]'));
      assert.equal(get(`${el}.correct_responses.0.pattern`), correctIds(q.id).join('[,]'));
      assert.equal(get(`${el}.result`), qr.correct ? 'correct' : 'incorrect');
      assert.equal(Number(get(`${el}.weighting`)), q.weight ?? 1);
      assert.equal(get(`${el}.objectives.0.id`), q.items[0]);
      assert.equal(get(`${el}.objectives._count`), String(q.items.length));
      // A scenario question keeps its scenario (shortened first when the two are over 250 characters).
      const description = get(`${el}.description`);
      assert.ok([...description].length <= 250, description);
      if (q.scenario) assert.ok(description.startsWith(q.scenario.slice(0, 20)) && description.endsWith(q.prompt), `${q.id}: the scenario, then the prompt`);
      else assert.ok(q.prompt.length <= 250 ? description === q.prompt : description.startsWith(q.prompt.slice(0, 200)), description);
      assert.equal(get(`${el}.timestamp`), '2026-11-23T11:00:00.00Z');
    });
    assert.equal(two.api.GetLastError(), '0');

    // Terminate: scorm-again's final commit carries the same data to the LMS.
    assert.deepEqual(r2.terminate(), { ok: true, issues: [] });
    const last = two.commits.at(-1)!;
    assert.equal(last['cmi.score.scaled'], String(score.score.scaled));
    assert.equal(last['cmi.completion_status'], 'completed');
    assert.equal(last['cmi.success_status'], 'failed');
    assert.equal(last['cmi.exit'], 'normal');
    assert.equal(last['cmi.suspend_data'], '', 'a completed attempt leaves no draft behind');
    assert.equal(last['cmi.objectives.0.id'], score.items[0]!.id);
    assert.equal(last[`cmi.interactions.${BANK.questions.length - 1}.id`], BANK.questions.at(-1)!.id);
    assert.equal(last['cmi.interactions.1.learner_response'], answers[BANK.questions[1]!.id]!.join('[,]'));
  });

  test('an unfinished report suspends; the resumed session reuses the objective and interaction rows (no duplicate ids)', async () => {
    const partial = await scoreQuiz(BANK, FIRST_HALF());
    const one = lms();
    const r1 = createScormReporter(one.api, { now: () => T0 });
    r1.start();
    const first = r1.report(partial, BANK, { terminate: true });
    assert.deepEqual(first, { ok: true, issues: [] });
    const c1 = one.commits.at(-1)!;
    assert.equal(c1['cmi.completion_status'], 'incomplete');
    assert.equal(c1['cmi.success_status'], 'unknown');
    assert.equal(c1['cmi.exit'], 'suspend');
    assert.equal(c1['cmi.interactions.12.learner_response'], '', 'an unanswered question has no learner_response');
    assert.equal(c1['cmi.interactions.12.result'], '');

    const two = lms(resumeData(c1));
    const r2 = createScormReporter(two.api, { now: () => T0 });
    assert.equal(r2.start().entry, 'resume');
    const second = r2.report(score, BANK);
    assert.deepEqual(second, { ok: true, issues: [] });
    assert.equal(two.api.GetValue('cmi.objectives._count'), String(score.items.length));
    assert.equal(two.api.GetValue('cmi.interactions._count'), String(BANK.questions.length));
    assert.equal(two.api.GetValue('cmi.interactions.12.result'), score.questions[12]!.correct ? 'correct' : 'incorrect');
    assert.equal(two.api.GetValue('cmi.completion_status'), 'completed');
  });

  test("an invalid write surfaces scorm-again's own error code as an issue (407 value out of range)", () => {
    const { api } = lms();
    const r = createScormReporter(api, { now: () => T0 });
    r.start();
    const out = r.report({ ...score, score: { ...score.score, scaled: 1.5 } }, BANK);
    assert.equal(out.ok, false);
    assert.equal(out.issues.length, 1, JSON.stringify(out.issues));
    const [issue] = out.issues;
    assert.equal(issue!.code, 'scorm_error');
    assert.deepEqual(issue!.path, ['cmi.score.scaled']);
    assert.match(issue!.message, /^SCORM error 407 \(Data Model Element Value Out Of Range\)/);
    assert.match(issue!.message, new RegExp(String(api.GetErrorString('407'))));
    assert.equal(api.GetValue('cmi.score.scaled'), '', 'scorm-again kept the bad value out');
    assert.equal(api.GetValue('cmi.completion_status'), 'completed', 'the other elements were still written');
  });

  test('a draft from another bank or not from levelfit is not resumed, and says why', () => {
    const other = lms({ 'cmi.entry': 'resume', 'cmi.suspend_data': JSON.stringify({ v: 1, b: 'another-bank', r: '1', a: {} }) });
    const s = createScormReporter(other.api, { bank: { id: BANK.id, version: BANK.version } }).start();
    assert.equal(s.draft, null);
    assert.deepEqual(s.issues.map((i) => [i.code, i.path]), [['invalid_suspend_data', ['cmi.suspend_data']]]);
    const junk = lms({ 'cmi.entry': 'resume', 'cmi.suspend_data': 'viewed=1,2,3|slide=31' });
    const j = createScormReporter(junk.api).start();
    assert.equal(j.draft, null);
    assert.equal(j.issues[0]!.code, 'invalid_suspend_data');
  });

  test('a draft over the 64000-character SPM is not written', () => {
    const { api } = lms();
    const r = createScormReporter(api);
    r.start();
    const huge: QuizAnswers = { q: Array.from({ length: 9000 }, (_, i) => `option-${i}`) };
    const out = r.saveProgress(huge, 1);
    assert.deepEqual(out.issues.map((i) => [i.code, i.path]), [['too_big', ['cmi.suspend_data']]]);
    assert.equal(api.GetValue('cmi.suspend_data'), '');
  });

  test('calls out of order are scorm_state issues; scorm-again errors on a second Initialize are reported', () => {
    const { api } = lms();
    const r = createScormReporter(api);
    assert.deepEqual(r.report(score, BANK).issues.map((i) => i.code), ['scorm_state']);
    assert.equal(r.start().ok, true);
    assert.deepEqual(r.start().issues.map((i) => i.code), ['scorm_state']);
    r.terminate();
    assert.deepEqual(r.saveProgress({}, 1).issues.map((i) => i.code), ['scorm_state']);
    // The LMS's API refuses a second session on the same instance: its error code comes through.
    const again = createScormReporter(api).start();
    assert.equal(again.ok, false);
    assert.equal(again.issues[0]!.code, 'scorm_error');
    assert.match(again.issues[0]!.message, /^SCORM error 104 /);
  });

  test('an API that throws never makes the reporter throw', () => {
    const { api } = lms();
    const throwing: ScormApi = Object.assign(Object.create(null), {
      Initialize: () => 'true',
      Terminate: () => 'true',
      Commit: () => 'true',
      GetValue: () => '',
      SetValue: () => {
        throw new Error('LMS went away');
      },
      GetLastError: () => '0',
      GetErrorString: (c: string) => api.GetErrorString(c),
      GetDiagnostic: () => '',
    });
    const r = createScormReporter(throwing);
    r.start();
    const out = r.report(score, BANK);
    assert.equal(out.ok, false);
    assert.ok(out.issues.every((i) => i.code === 'scorm_error' && /threw: LMS went away/.test(i.message)));
  });
});

describe('identifiers and formats any bank can produce (a hand-built result, as an LMS vendor might store one)', () => {
  // Hand-built on purpose: the structural input types accept data from outside levelfit's bank schema,
  // whose ids could hold spaces, delimiters and non-ASCII characters.
  const bank = {
    id: 'vendor bank',
    title: 'Vendor bank',
    version: '7',
    framework: 'fw',
    passMark: 0.5,
    questions: [
      { id: 'Q 1 [,] é', type: 'multiple' as const, prompt: 'P'.repeat(300), options: [
        { id: 'opt a', text: 'A', correct: true },
        { id: 'opt~b', text: 'B', correct: true },
        { id: '[,]', text: 'C', correct: false },
      ], items: ['Ünit 1', 'x'.repeat(300)] },
      { id: 'q2', type: 'true-false' as const, prompt: 'Is it?', options: [
        { id: 'y', text: 'Yes', correct: false },
        { id: 'n', text: 'No', correct: true },
      ], items: ['Ünit 1'] },
    ],
  };
  const result = {
    bankId: bank.id, bankVersion: '7', frameworkId: 'fw', frameworkVersion: '1', passMark: 0.5,
    score: { raw: 1.5, max: 2, scaled: 0.75 }, passed: true, completed: true,
    questions: [
      { id: 'Q 1 [,] é', type: 'multiple' as const, correct: false, selected: ['opt a', '[,]'], points: 0.5, maxPoints: 1, items: ['Ünit 1', 'x'.repeat(300)] },
      { id: 'q2', type: 'true-false' as const, correct: true, selected: ['n'], points: 1, maxPoints: 1, items: ['Ünit 1'] },
    ],
    items: [
      { id: 'Ünit 1', title: 'T'.repeat(400), kind: 'competence', mastery: 0.75, questions: 2, rating: 2 },
      { id: 'x'.repeat(300), title: 'Long id', kind: 'skill', mastery: 0.5, questions: 1, rating: 1 },
    ],
  };

  test('scorm-again accepts every identifier, response and description the reporter writes', () => {
    const { api } = lms();
    const r = createScormReporter(api, { now: () => T0 });
    r.start();
    assert.deepEqual(r.report(result, bank), { ok: true, issues: [] });
    assert.equal(api.GetValue('cmi.interactions.0.id'), 'Q%201%20%5B%2C%5D%20%C3%A9');
    assert.equal(api.GetValue('cmi.interactions.0.learner_response'), 'opt%20a[,]%5B%2C%5D');
    assert.equal(api.GetValue('cmi.interactions.0.correct_responses.0.pattern'), 'opt%20a[,]opt%7Eb');
    assert.equal(api.GetValue('cmi.interactions.0.description').length, 250);
    assert.equal(api.GetValue('cmi.interactions.1.type'), 'true-false', 'Yes/No options are a true-false interaction');
    assert.equal(api.GetValue('cmi.interactions.1.learner_response'), 'false');
    assert.equal(api.GetValue('cmi.interactions.1.correct_responses.0.pattern'), 'false');
    assert.equal(api.GetValue('cmi.objectives.0.id'), '%C3%9Cnit%201');
    assert.equal(api.GetValue('cmi.objectives.1.id'), 'x'.repeat(300), 'a long identifier keeps up to 4000 characters');
    assert.equal(api.GetValue('cmi.objectives.0.description').length, 250);
    assert.equal(api.GetValue('cmi.objectives.1.success_status'), 'passed', 'mastery 0.5 ≥ pass mark 0.5');
  });

  test('the same result as xAPI statements follows the statement rules', async () => {
    const { toXapiStatements, validateStatements } = await import('../../packages/engine/src/lms/index.ts');
    const { uuidV5 } = await import('../../packages/engine/src/lms/uuid.ts');
    const out = toXapiStatements(result, bank, {
      actor: { account: { homePage: 'https://lms.example.org', name: '7' } },
      activityBase: 'https://lms.example.org/lf',
      timestamp: new Date(T0),
    });
    assert.deepEqual(validateStatements(out), []);
    assert.equal(out[0]!.object.id, 'https://lms.example.org/lf/banks/vendor%20bank/questions/Q%201%20%5B%2C%5D%20%C3%A9');
    assert.equal(out[0]!.result!.response, 'opt%20a[,]%5B%2C%5D');
    assert.equal(out[1]!.object.definition!.interactionType, 'true-false');
    assert.equal(out[0]!.timestamp, '2026-11-23T10:00:00.000Z');
    // RFC 4122 name-based UUIDs (the values Python's uuid.uuid5 gives).
    assert.equal(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
    assert.equal(uuidV5('levelfit:é:answered/q1'), '1615cd62-b7f5-5cc6-ae75-8b0ccf58b41b');
  });
});
