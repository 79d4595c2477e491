/**
 * Quizzes fit for marks, engine side: assessment mode (the first checked answer counts, attempts recorded and
 * reported), seeded order and pools, the minimum questions for the top rating, marks and percentages as the
 * LMS receives them, and whether a bank can reach any level.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm2004API } from 'scorm-again';
import {
  AssessmentError,
  arrangeQuiz,
  drawQuestions,
  levelsWithinReach,
  parseFramework,
  parseQuestionBank,
  percentOf,
  quizMarks,
  quizzes,
  safeParseQuestionBank,
  scoreQuiz,
  seededRandom,
  type QuestionBank,
  type QuizAnswers,
} from '../../packages/engine/src/index.ts';
import { createScormReporter, decodeSuspendData, encodeSuspendData, toXapiStatements, type ScormApi } from '../../packages/engine/src/lms/index.ts';
import { makeFramework } from '../support/factories.ts';

const tiny = parseFramework(makeFramework());
const feedback = { correct: 'Yes.', incorrect: 'No.' };
const opt = (id: string, correct = false) => ({ id, text: `Option ${id}`, correct });
const single = (id: string, items = ['communicate-clearly']) => ({
  id,
  type: 'single' as const,
  prompt: `Question ${id}?`,
  options: [opt('a', true), opt('b'), opt('c'), opt('d')],
  items,
  feedback,
});

function bank(extra: Record<string, unknown> = {}, questions: unknown[] = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => single(id))): QuestionBank {
  return parseQuestionBank({ id: 'tiny-quiz', title: 'Tiny', version: '1', framework: 'tiny', passMark: 0.5, questions, ...extra }, tiny);
}
const correct = (b: QuestionBank): QuizAnswers => Object.fromEntries(b.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));

describe('assessment mode: the first checked answer counts', () => {
  // The attack from issue 13: check a wrong answer, see "Incorrect", pick another until "Correct".
  const b = bank();
  const tries = Object.fromEntries(b.questions.map((q) => [q.id, [['b'], ['c'], ['a']]]));

  test('practice scores the final answers; assessment scores the first tries and records the attempts', async () => {
    const practice = await scoreQuiz(b, correct(b), { framework: tiny, tries });
    assert.equal(practice.score.scaled, 1);
    assert.equal(practice.mode, 'practice');
    const assessment = await scoreQuiz(b, correct(b), { framework: tiny, tries, mode: 'assessment' });
    assert.equal(assessment.mode, 'assessment');
    assert.equal(assessment.score.raw, 0);
    assert.equal(assessment.passed, false);
    assert.deepEqual(
      assessment.questions.map((q) => [q.selected, q.attempts]),
      b.questions.map(() => [['b'], 3]),
    );
  });

  test('a question never checked counts its final answer, one attempt; unanswered is zero attempts', async () => {
    const answers = correct(b);
    delete answers['q6'];
    const s = await scoreQuiz(b, answers, { framework: tiny, mode: 'assessment', tries: { q1: [['a']] } });
    assert.equal(s.score.raw, 5);
    assert.deepEqual(s.questions.map((q) => q.attempts), [1, 1, 1, 1, 1, 0]);
  });

  test('bad tries and modes are issues with paths, never thrown as plain errors', async () => {
    await assert.rejects(
      scoreQuiz(b, correct(b), { framework: tiny, mode: 'exam' as never, tries: { q1: [['z']], nope: [['a']], q2: 'a' as never } }),
      (err: unknown) => {
        assert.ok(err instanceof AssessmentError);
        const paths = err.issues.map((i) => i.path.join('.')).sort();
        assert.deepEqual(paths, ['options.mode', 'options.tries.nope', 'options.tries.q1.0.0', 'options.tries.q2']);
        return true;
      },
    );
  });

  test('attempts are reported: xAPI result extension, SCORM journal records of later checks', async () => {
    const s = await scoreQuiz(b, correct(b), { framework: tiny, tries, mode: 'assessment', seed: 7 });
    const statements = toXapiStatements(s, b, { actor: { account: { homePage: 'https://lms.example.org', name: 'p1' } }, activityBase: 'https://lms.example.org/lf' });
    const answered = statements.filter((st) => st.verb.id.endsWith('/answered'));
    assert.equal(answered.length, 6);
    for (const st of answered) assert.equal(st.result!.extensions!['https://lms.example.org/lf/xapi/extensions/attempts'], 3);
    const verdict = statements.find((st) => st.verb.id.endsWith('/failed'))!;
    assert.equal(verdict.context!.extensions!['https://lms.example.org/lf/xapi/extensions/quiz-mode'], 'assessment');
    assert.equal(verdict.context!.extensions!['https://lms.example.org/lf/xapi/extensions/seed'], 7);

    const api = new Scorm2004API({ logLevel: 5, lmsCommitUrl: false }) as unknown as ScormApi & { GetValue(e: string): string };
    const reporter = createScormReporter(api);
    assert.equal(reporter.start().ok, true);
    assert.deepEqual(reporter.report(s, b).issues, []);
    // 6 scored records, then 2 journal records (checks 2 and 3) per question, all under the question's id.
    assert.equal(api.GetValue('cmi.interactions._count'), '18');
    assert.equal(api.GetValue('cmi.interactions.0.learner_response'), 'b');
    assert.equal(api.GetValue('cmi.interactions.0.result'), 'incorrect');
    const q1 = [...Array(18).keys()].filter((n) => api.GetValue(`cmi.interactions.${n}.id`) === 'q1');
    assert.deepEqual(q1.map((n) => api.GetValue(`cmi.interactions.${n}.learner_response`)), ['b', 'c', 'a']);
    assert.equal(api.GetValue(`cmi.interactions.${q1[2]}.result`), 'correct');
  });
});

describe('seeded order and pools', () => {
  test('the PRNG is the same for the same seed and spreads values over [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const buckets = [0, 0, 0, 0];
    for (const x of xs) buckets[Math.floor(x * 4)]!++;
    assert.ok(buckets.every((n) => n > 200 && n < 300), String(buckets));
  });

  test('options are shuffled by default, the same for the same seed, never for true-false', () => {
    const b = bank({}, [
      ...['q1', 'q2', 'q3'].map((id) => single(id)),
      { id: 'tf', type: 'true-false', prompt: 'True?', options: [opt('true', true), opt('false')], items: ['work-safely'], feedback },
    ]);
    const one = arrangeQuiz(b, 1);
    assert.deepEqual(arrangeQuiz(b, 1), one);
    assert.deepEqual(one.map((q) => q.id), ['q1', 'q2', 'q3', 'tf']);
    for (const q of one) assert.deepEqual(q.options.map((o) => o.id).sort(), b.questions.find((x) => x.id === q.id)!.options.map((o) => o.id).sort());
    assert.deepEqual(one[3]!.options.map((o) => o.id), ['true', 'false']);
    // Over 200 seeds the correct option of q1 lands in every position.
    const positions = new Set(Array.from({ length: 200 }, (_, s) => arrangeQuiz(b, s)[0]!.options.findIndex((o) => o.correct)));
    assert.deepEqual([...positions].sort(), [0, 1, 2, 3]);
    // The bank's own order is untouched.
    assert.deepEqual(b.questions[0]!.options.map((o) => o.id), ['a', 'b', 'c', 'd']);
  });

  test('question order shuffles only when the bank says so; options can be kept in order', () => {
    const b = bank({ delivery: { shuffle: { questions: true, options: false } } });
    const orders = new Set(Array.from({ length: 20 }, (_, s) => arrangeQuiz(b, s).map((q) => q.id).join()));
    assert.ok(orders.size > 10);
    assert.ok(arrangeQuiz(b, 3).every((q) => q.options.map((o) => o.id).join() === 'a,b,c,d'));
  });

  test('pools draw n of m by the seed; questions outside pools are always asked', async () => {
    const b = bank({ delivery: { pools: [{ id: 'p', draw: 2, questions: ['q2', 'q3', 'q4', 'q5'] }] } });
    const drawn = drawQuestions(b, 99);
    assert.equal(drawn.length, 4);
    assert.ok(drawn.includes('q1') && drawn.includes('q6'));
    assert.deepEqual(drawQuestions(b, 99), drawn);
    const draws = new Set(Array.from({ length: 50 }, (_, s) => drawQuestions(b, s).join()));
    assert.equal(draws.size, 6); // every 2 of 4

    const answers = Object.fromEntries(Object.entries(correct(b)).filter(([id]) => drawn.includes(id)));
    const s = await scoreQuiz(b, answers, { framework: tiny, seed: 99 });
    assert.deepEqual(s.questions.map((q) => q.id), drawn);
    assert.equal(s.score.max, 4);
    assert.equal(s.completed, true);
    assert.equal(s.seed, 99);
    await assert.rejects(scoreQuiz(b, answers, { framework: tiny }), /seed/);
    const undrawn = b.questions.find((q) => !drawn.includes(q.id))!.id;
    await assert.rejects(scoreQuiz(b, { ...answers, [undrawn]: ['a'] }, { framework: tiny, seed: 99 }), /not drawn/);
  });

  test('pool mistakes are reported together', () => {
    const r = safeParseQuestionBank({
      id: 'tiny-quiz',
      title: 'Tiny',
      version: '1',
      framework: 'tiny',
      passMark: 0.5,
      questions: [single('q1'), single('q2')],
      delivery: { pools: [{ id: 'p', draw: 3, questions: ['q1', 'q9'] }, { id: 'p', draw: 1, questions: ['q1'] }] },
    });
    assert.equal(r.success, false);
    if (r.success) return;
    assert.deepEqual(r.issues.map((i) => `${i.path.join('.')} ${i.code}`).sort(), [
      'delivery.pools.0.draw too_big',
      'delivery.pools.0.questions.1 invalid_value',
      'delivery.pools.1.id duplicate_id',
      'delivery.pools.1.questions.0 duplicate_id',
    ]);
  });
});

describe('results that fit the quiz', () => {
  test('one question cannot rate an item Proficient (minQuestions, default 2; a bank may change it)', async () => {
    const b = bank({}, [single('q1', ['communicate-clearly']), single('q2', ['work-safely']), single('q3', ['work-safely'])]);
    const s = await scoreQuiz(b, correct(b), { framework: tiny });
    const by = Object.fromEntries(s.items.map((i) => [i.id, i]));
    assert.deepEqual([by['communicate-clearly']!.rating, by['communicate-clearly']!.capped], [2, true]);
    assert.deepEqual([by['work-safely']!.rating, by['work-safely']!.capped], [3, false]);
    const one = bank({ mastery: { minQuestions: 1 } }, [single('q1')]);
    assert.equal((await scoreQuiz(one, correct(one), { framework: tiny })).items[0]!.rating, 3);
  });

  test('marks are whole or one decimal; the percentage rounds half up like the LMS shows it', () => {
    assert.equal(percentOf(4 / 6), 67);
    assert.equal(percentOf(0.666667), 67);
    assert.equal(percentOf(0.845), 85);
    assert.equal(percentOf(0.8), 80);
    assert.deepEqual(quizMarks({ raw: 24.666667, max: 27, scaled: 0.91358 }), { raw: 24.7, max: 27, whole: false, percent: 91 });
    assert.deepEqual(quizMarks({ raw: 4, max: 6, scaled: 0.666667 }), { raw: 4, max: 6, whole: true, percent: 67 });
  });

  test('levelsWithinReach: a short quiz reaches no level; one evidencing a level in full does', async () => {
    assert.deepEqual(await levelsWithinReach(bank(), tiny), []);
    const fw = makeFramework();
    const foundation = fw.items.filter((i) => i.levels.includes('foundation')).map((i) => i.id);
    const full = bank(
      { mastery: { minQuestions: 1 } },
      foundation.map((item, n) => single(`f${n}`, [item])),
    );
    assert.deepEqual(await levelsWithinReach(full, tiny), ['foundation']);
    for (const id of ['clinical-homecare-core', 'lead-practitioner-ksb'] as const) {
      assert.deepEqual(await levelsWithinReach(quizzes[id]), [], id);
    }
  });
});

describe('SCORM suspend data carries the seed and the tries', () => {
  test('encode → decode round-trips; bad values are dropped, not trusted', () => {
    const text = encodeSuspendData({ q1: ['a'] }, { id: 'tiny-quiz', version: '1' }, { seed: 12345, tries: { q1: [['b'], ['a']] } });
    const back = decodeSuspendData(text);
    assert.ok('draft' in back);
    assert.deepEqual(back.draft, { answers: { q1: ['a'] }, bankId: 'tiny-quiz', bankVersion: '1', seed: 12345, tries: { q1: [['b'], ['a']] } });
    const bad = decodeSuspendData(JSON.stringify({ v: 1, a: {}, s: -1, t: { q1: 'x' } }));
    assert.ok('draft' in bad);
    assert.deepEqual([bad.draft.seed, bad.draft.tries], [null, {}]);
  });
});
