/**
 * Question banks (issue #4, headless half): the bank format and its issues, scoring of each question type,
 * per-item mastery, pass/fail, the combined LevelFit, bad answers, and the two sample banks in data/quizzes.
 * Expectations are worked out by hand from the rules in data/README.md ("Question banks").
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync, readdirSync } from 'node:fs';
import {
  AssessmentError,
  COMBINE_MODES,
  QUIZ_IDS,
  QuestionBankError,
  assess,
  frameworks,
  parseFramework,
  parseQuestionBank,
  quizzes,
  safeParseQuestionBank,
  safeScoreQuiz,
  scoreQuiz,
  type Framework,
  type Issue,
  type QuestionBank,
  type QuizAnswers,
} from '../../packages/engine/src/index.ts';
import { QUESTION_TYPES } from '../../packages/engine/src/quiz/types.ts';
import { defaultThresholds, ratingFor } from '../../packages/engine/src/quiz/score.ts';
import { isParsedQuestionBank } from '../../packages/engine/src/internal.ts';
import { ROOT, makeFramework, ratingsFor } from '../support/factories.ts';

type Path = (string | number)[];
const show = (issues: readonly Issue[]) => JSON.stringify(issues, null, 1);

interface OptionJson {
  id: string;
  text: string;
  correct: boolean;
}
interface QuestionJson {
  id: string;
  type: string;
  prompt: string;
  scenario?: string;
  options: OptionJson[];
  items: string[];
  feedback: { correct: string; incorrect: string };
  weight?: number;
  [key: string]: unknown;
}
interface BankJson {
  id: string;
  title: string;
  version: string;
  framework: string;
  passMark: number;
  mastery?: { thresholds?: { rating: number; atLeast?: number; above?: number }[]; combine?: string };
  questions: QuestionJson[];
  [key: string]: unknown;
}

const opt = (id: string, correct = false): OptionJson => ({ id, text: `Option ${id}`, correct });
const feedback = { correct: 'Well done.', incorrect: 'Not quite: here is why.' };

/**
 * A small valid bank over the tiny test framework (factories.ts): one question of each type, each evidencing
 * the items named. `single-1` → communicate-clearly; `tf-1` → work-safely; `multi-1` (a, b, c correct of five,
 * weight 3) → communicate-clearly and learn-the-basics; `scenario-1` → work-safely.
 */
function makeBank(overrides: Partial<BankJson> = {}): BankJson {
  const base: BankJson = {
    id: 'tiny-quiz',
    title: 'Tiny quiz',
    version: '1',
    framework: 'tiny',
    passMark: 0.75,
    questions: [
      { id: 'single-1', type: 'single', prompt: 'Pick one.', options: [opt('a', true), opt('b'), opt('c')], items: ['communicate-clearly'], feedback },
      { id: 'tf-1', type: 'true-false', prompt: 'True?', options: [opt('true', true), opt('false')], items: ['work-safely'], feedback },
      {
        id: 'multi-1',
        type: 'multiple',
        prompt: 'Pick all.',
        options: [opt('a', true), opt('b', true), opt('c', true), opt('d'), opt('e')],
        items: ['communicate-clearly', 'learn-the-basics'],
        feedback,
        weight: 3,
      },
      {
        id: 'scenario-1',
        type: 'scenario',
        scenario: 'Something happens on a visit.',
        prompt: 'What do you do?',
        options: [opt('a'), opt('b', true)],
        items: ['work-safely'],
        feedback,
      },
    ],
  };
  return structuredClone({ ...base, ...overrides });
}

const tiny: Framework = parseFramework(makeFramework());
const allCorrect = (bank: QuestionBank | BankJson): QuizAnswers =>
  Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
const allWrong = (bank: QuestionBank | BankJson): QuizAnswers =>
  Object.fromEntries(bank.questions.map((q) => [q.id, [q.options.find((o) => !o.correct)!.id]]));

function bankIssues(input: unknown, code: Issue['code'], path: Path, framework?: Framework): Issue[] {
  const result = safeParseQuestionBank(input, framework);
  assert.equal(result.success, false, 'should not parse');
  if (result.success) throw new Error('unreachable');
  assert.ok(
    result.issues.some((i) => i.code === code && isDeepStrictEqual(i.path, path)),
    `expected ${code} at ${JSON.stringify(path)}, got ${show(result.issues)}`,
  );
  for (const issue of result.issues) {
    assert.ok(issue.message.length > 0);
    assert.notEqual(issue.message, 'Invalid input', `zod's default message at ${JSON.stringify(issue.path)}`);
  }
  assert.throws(
    () => parseQuestionBank(input, framework),
    (err: unknown) => err instanceof QuestionBankError && err.name === 'QuestionBankError' && isDeepStrictEqual(err.issues, result.issues),
  );
  return result.issues;
}

function broken(edit: (b: BankJson) => unknown): unknown {
  const b = makeBank();
  const out = edit(b);
  return out === undefined ? b : out;
}

async function answerIssues(run: () => Promise<unknown>, code: Issue['code'], path: Path): Promise<Issue[]> {
  let caught: unknown;
  try {
    await run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof AssessmentError, `expected an AssessmentError, got ${String(caught)}`);
  assert.ok(
    caught.issues.some((i) => i.code === code && isDeepStrictEqual(i.path, path)),
    `expected ${code} at ${JSON.stringify(path)}, got ${show(caught.issues)}`,
  );
  return caught.issues;
}

describe('question bank format', () => {
  test('the const arrays are the source of the types', () => {
    assert.deepEqual([...QUESTION_TYPES], ['single', 'multiple', 'true-false', 'scenario']);
    assert.deepEqual([...COMBINE_MODES], ['min', 'max', 'quiz-only', 'self-only', 'quiz-caps-self']);
  });

  test('a valid bank parses to a frozen copy; the caller’s object is left alone', () => {
    const input = makeBank();
    const bank = parseQuestionBank(input, tiny);
    assert.ok(Object.isFrozen(bank) && Object.isFrozen(bank.questions[0]!.options[0]));
    assert.ok(!Object.isFrozen(input) && !Object.isFrozen(input.questions[0]));
    assert.ok(isParsedQuestionBank(bank));
    assert.ok(!isParsedQuestionBank(input));
    assert.equal(bank.questions.length, 4);
  });

  test('JSON text parses; malformed JSON is invalid_json', () => {
    assert.equal(parseQuestionBank(JSON.stringify(makeBank())).id, 'tiny-quiz');
    bankIssues('{"id": ', 'invalid_json', []);
  });

  test('without a framework, item ids are not checked; with one, each unknown id is unknown_item', () => {
    const input = broken((b) => void (b.questions[2]!.items = ['communicate-clearly', 'no-such-item']));
    assert.ok(safeParseQuestionBank(input).success);
    bankIssues(input, 'unknown_item', ['questions', 2, 'items', 1], tiny);
  });

  const cases: [string, () => unknown, Issue['code'], Path, Framework?][] = [
    ['a missing title', () => broken((b) => void delete (b as Partial<BankJson>).title), 'invalid_type', ['title']],
    ['an unknown top-level key', () => broken((b) => void (b.extra = 1)), 'unrecognized_keys', []],
    ['an unknown question key', () => broken((b) => void (b.questions[0]!.hint = 'x')), 'unrecognized_keys', ['questions', 0]],
    ['a __proto__ key', () => JSON.stringify(makeBank()).replace('"prompt":"Pick one."', '"__proto__":{},"prompt":"Pick one."'), 'forbidden_key', ['questions', 0, '__proto__']],
    ['a constructor key', () => broken((b) => void Object.defineProperty(b.questions[1], 'constructor', { value: {}, enumerable: true })), 'forbidden_key', ['questions', 1, 'constructor']],
    ['"constructor" as a question id', () => broken((b) => void (b.questions[0]!.id = 'constructor')), 'invalid_value', ['questions', 0, 'id']],
    ['"prototype" as an option id', () => broken((b) => void (b.questions[0]!.options[1]!.id = 'prototype')), 'invalid_value', ['questions', 0, 'options', 1, 'id']],
    ['"constructor" as the bank id', () => broken((b) => void (b.id = 'constructor')), 'invalid_value', ['id']],
    ['an id that breaks the pattern', () => broken((b) => void (b.questions[0]!.options[0]!.id = 'A b')), 'invalid_format', ['questions', 0, 'options', 0, 'id']],
    ['a duplicate question id', () => broken((b) => void (b.questions[1]!.id = 'single-1')), 'duplicate_id', ['questions', 1, 'id']],
    ['a duplicate option id', () => broken((b) => void (b.questions[0]!.options[2]!.id = 'a')), 'duplicate_id', ['questions', 0, 'options', 2, 'id']],
    ['an item listed twice', () => broken((b) => void b.questions[0]!.items.push('communicate-clearly')), 'duplicate_id', ['questions', 0, 'items', 1]],
    ['an unknown type', () => broken((b) => void (b.questions[0]!.type = 'essay')), 'invalid_value', ['questions', 0, 'type']],
    ['a single question with two correct options', () => broken((b) => void (b.questions[0]!.options[1]!.correct = true)), 'invalid_value', ['questions', 0, 'options']],
    ['a single question with no correct option', () => broken((b) => void (b.questions[0]!.options[0]!.correct = false)), 'invalid_value', ['questions', 0, 'options']],
    ['a scenario question with two correct options', () => broken((b) => void (b.questions[3]!.options[0]!.correct = true)), 'invalid_value', ['questions', 3, 'options']],
    ['a true-false question with both options correct', () => broken((b) => void (b.questions[1]!.options[1]!.correct = true)), 'invalid_value', ['questions', 1, 'options']],
    ['a true-false question with three options', () => broken((b) => void b.questions[1]!.options.push(opt('maybe'))), 'too_big', ['questions', 1, 'options']],
    ['a multiple question with no correct option', () => broken((b) => void b.questions[2]!.options.forEach((o) => (o.correct = false))), 'invalid_value', ['questions', 2, 'options']],
    ['a question with one option', () => broken((b) => void (b.questions[0]!.options = [opt('a', true)])), 'too_small', ['questions', 0, 'options']],
    ['a scenario question without a scenario', () => broken((b) => void delete b.questions[3]!.scenario), 'invalid_type', ['questions', 3, 'scenario']],
    ['a single question with a scenario', () => broken((b) => void (b.questions[0]!.scenario = 'x')), 'unrecognized_keys', ['questions', 0, 'scenario']],
    ['a question evidencing no item', () => broken((b) => void (b.questions[0]!.items = [])), 'too_small', ['questions', 0, 'items']],
    ['an empty prompt', () => broken((b) => void (b.questions[0]!.prompt = '')), 'too_small', ['questions', 0, 'prompt']],
    ['missing feedback', () => broken((b) => void delete (b.questions[0] as Partial<QuestionJson>).feedback), 'invalid_type', ['questions', 0, 'feedback']],
    ['a weight of 0', () => broken((b) => void (b.questions[0]!.weight = 0)), 'too_small', ['questions', 0, 'weight']],
    ['a negative weight', () => broken((b) => void (b.questions[0]!.weight = -1)), 'too_small', ['questions', 0, 'weight']],
    ['a weight given as text', () => broken((b) => void (b.questions[0]!.weight = '2' as unknown as number)), 'invalid_type', ['questions', 0, 'weight']],
    ['a pass mark above 1', () => broken((b) => void (b.passMark = 1.5)), 'too_big', ['passMark']],
    ['no questions', () => broken((b) => void (b.questions = [])), 'too_small', ['questions']],
    ['an unknown combine mode', () => broken((b) => void (b.mastery = { combine: 'average' })), 'invalid_value', ['mastery', 'combine']],
    ['a threshold with both bounds', () => broken((b) => void (b.mastery = { thresholds: [{ rating: 3, atLeast: 0.8, above: 0.8 }] })), 'invalid_value', ['mastery', 'thresholds', 0]],
    ['a threshold with no bound', () => broken((b) => void (b.mastery = { thresholds: [{ rating: 3 }] })), 'invalid_value', ['mastery', 'thresholds', 0]],
    ['thresholds lowest first', () => broken((b) => void (b.mastery = { thresholds: [{ rating: 1, above: 0 }, { rating: 3, atLeast: 0.8 }] })), 'invalid_scale', ['mastery', 'thresholds', 1]],
    ['a threshold above 1', () => broken((b) => void (b.mastery = { thresholds: [{ rating: 3, atLeast: 1.2 }] })), 'too_big', ['mastery', 'thresholds', 0, 'atLeast']],
    ['a threshold rating off the scale', () => broken((b) => void (b.mastery = { thresholds: [{ rating: 7, atLeast: 0.8 }] })), 'rating_off_scale', ['mastery', 'thresholds', 0, 'rating'], tiny],
    ['a bank for another framework', () => broken((b) => void (b.framework = 'clinical-homecare')), 'invalid_value', ['framework'], tiny],
  ];
  for (const [what, input, code, path, fw] of cases) {
    test(`rejects ${what}: ${code} at ${JSON.stringify(path)}`, () => void bankIssues(input(), code, path, fw));
  }
});

describe('scoring', () => {
  const bank = parseQuestionBank(makeBank(), tiny);
  const score = (answers: QuizAnswers) => scoreQuiz(bank, answers, { framework: tiny });
  const q = async (answers: QuizAnswers, id: string) => (await score(answers)).questions.find((r) => r.id === id)!;

  test('single, true-false and scenario questions are all-or-nothing', async () => {
    for (const [id, right, wrong] of [
      ['single-1', 'a', 'b'],
      ['tf-1', 'true', 'false'],
      ['scenario-1', 'b', 'a'],
    ] as const) {
      const good = await q({ [id]: [right] }, id);
      assert.deepEqual([good.correct, good.points, good.maxPoints, good.answered], [true, 1, 1, true], id);
      const bad = await q({ [id]: [wrong] }, id);
      assert.deepEqual([bad.correct, bad.points, bad.answered], [false, 0, true], id);
      const none = await q({ [id]: [] }, id);
      assert.deepEqual([none.correct, none.points, none.answered], [false, 0, false], id);
    }
  });

  test('multiple choice: (correct picked − incorrect picked) ÷ correct, floored at 0, times the weight', async () => {
    const cases: [string[], number, boolean][] = [
      [['a', 'b', 'c'], 3, true],
      [['a', 'b'], 2, false], // 2/3 × 3
      [['a'], 1, false],
      [['a', 'b', 'd'], 1, false], // (2 − 1)/3 × 3
      [['a', 'b', 'c', 'd'], 2, false],
      [['a', 'b', 'c', 'd', 'e'], 1, false], // selecting everything: (3 − 2)/3 × 3
      [['a', 'd', 'e'], 0, false], // (1 − 2) floored at 0
      [['d'], 0, false],
    ];
    for (const [selected, points, correct] of cases) {
      const r = await q({ 'multi-1': selected }, 'multi-1');
      assert.equal(r.points, points, selected.join(','));
      assert.equal(r.correct, correct, selected.join(','));
      assert.equal(r.maxPoints, 3);
      assert.deepEqual(r.selected, selected);
    }
  });

  test('score, pass mark and completion', async () => {
    const full = await score(allCorrect(bank));
    assert.deepEqual(full.score, { raw: 6, max: 6, scaled: 1 });
    assert.equal(full.passed, true);
    assert.equal(full.completed, true);
    assert.equal(full.passMark, 0.75);
    assert.deepEqual([full.bankId, full.bankVersion, full.frameworkId, full.frameworkVersion], ['tiny-quiz', '1', 'tiny', '1.0']);
    // multi-1 at (3 − 1)/3 × 3 = 2, the rest right: 5 of 6, exactly a pass mark of 5/6.
    const exactly = await scoreQuiz(parseQuestionBank(makeBank({ passMark: 5 / 6 })), { ...allCorrect(bank), 'multi-1': ['a', 'b', 'c', 'd'] }, { framework: tiny });
    assert.equal(exactly.score.scaled, Math.round((5 / 6) * 1e6) / 1e6);
    assert.equal(exactly.passed, true, 'a score equal to the pass mark passes');
    const below = await score({ ...allCorrect(bank), 'multi-1': ['a', 'b', 'd'], 'single-1': ['b'] });
    assert.deepEqual(below.score, { raw: 3, max: 6, scaled: 0.5 });
    assert.equal(below.passed, false);
    const partial = await score({ 'single-1': ['a'] });
    assert.equal(partial.completed, false);
  });

  test('empty answers: nothing scored, nothing completed, every item at mastery 0', async () => {
    const s = await score({});
    assert.deepEqual(s.score, { raw: 0, max: 6, scaled: 0 });
    assert.equal(s.passed, false);
    assert.equal(s.completed, false);
    assert.ok(s.questions.every((r) => !r.answered && r.points === 0 && r.selected.length === 0));
    assert.ok(s.items.every((i) => i.mastery === 0 && i.rating === 0));
    const blank = await score(Object.fromEntries(bank.questions.map((x) => [x.id, []])));
    assert.deepEqual(blank.score, s.score);
  });

  test('a bank given as plain JSON is parsed first; an invalid one throws QuestionBankError', async () => {
    const s = await scoreQuiz(makeBank() as unknown as QuestionBank, allCorrect(bank), { framework: tiny });
    assert.equal(s.score.scaled, 1);
    await assert.rejects(
      scoreQuiz(broken((b) => void (b.passMark = 2)) as QuestionBank, {}, { framework: tiny }),
      (err: unknown) => err instanceof QuestionBankError && err.issues[0]!.path[0] === 'passMark',
    );
  });
});

describe('mastery', () => {
  const bank = parseQuestionBank(makeBank(), tiny);

  test('per item: the weighted share of the points of the questions that evidence it, in framework order', async () => {
    // communicate-clearly: single-1 (1) + multi-1 (3). learn-the-basics: multi-1. work-safely: tf-1 + scenario-1.
    const s = await scoreQuiz(bank, { 'single-1': ['a'], 'multi-1': ['a', 'b'], 'tf-1': ['true'], 'scenario-1': ['a'] }, { framework: tiny });
    assert.deepEqual(
      s.items.map((i) => [i.id, i.mastery, i.questions, i.rating]),
      [
        ['communicate-clearly', 0.75, 2, 2], // (1 + 2) / 4
        ['work-safely', 0.5, 2, 1],
        ['learn-the-basics', 0.666667, 1, 2], // 2/3
      ],
    );
    const item = s.items[0]!;
    assert.equal(item.title, 'Communicate clearly');
    assert.equal(item.kind, 'competence');
    assert.equal('code' in item, false);
  });

  test('default thresholds come from the scale: ≥0.8 → top, ≥0.6 → met, >0 → below met, else lowest', () => {
    const t = defaultThresholds(tiny);
    assert.deepEqual(t, [
      { rating: 3, atLeast: 0.8 },
      { rating: 2, atLeast: 0.6 },
      { rating: 1, above: 0 },
    ]);
    const cases: [number, number][] = [[1, 3], [0.8, 3], [0.7999, 2], [0.6, 2], [0.5999, 1], [0.01, 1], [0, 0]];
    for (const [m, r] of cases) assert.equal(ratingFor(m, t, 0), r, `mastery ${m}`);
    assert.equal(ratingFor(0.1 + 0.7, t, 0), 3, 'floating-point sums reach the threshold they equal');
    const twoStep = parseFramework(makeFramework({ scale: { met: 1, values: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }] } }));
    assert.deepEqual(defaultThresholds(twoStep), [{ rating: 1, atLeast: 0.6 }]);
  });

  test('a bank’s own thresholds decide the rating', async () => {
    const strict = parseQuestionBank(makeBank({ mastery: { thresholds: [{ rating: 3, atLeast: 1 }, { rating: 2, above: 0.9 }] } }), tiny);
    const s = await scoreQuiz(strict, { ...allCorrect(strict), 'multi-1': ['a', 'b'] }, { framework: tiny });
    const byId = Object.fromEntries(s.items.map((i) => [i.id, i]));
    assert.equal(byId['work-safely']!.rating, 3);
    assert.equal(byId['communicate-clearly']!.mastery, 0.75);
    assert.equal(byId['communicate-clearly']!.rating, 0, 'below every threshold: the lowest scale value');
  });
});

describe('combined level fit', () => {
  const fwJson = makeFramework();
  const bank = parseQuestionBank(makeBank(), tiny);
  // Self-ratings: every foundation competence and indicator met at 3 (Proficient).
  const self = ratingsFor(fwJson, { meetLevels: ['foundation'], indicatorShare: 1, metRating: 3 });
  const run = (answers: QuizAnswers, combine?: (typeof COMBINE_MODES)[number], responses = self) =>
    scoreQuiz(bank, answers, { framework: tiny, responses, ...(combine ? { combine } : {}) });

  test('self-ratings alone fit foundation (the baseline)', async () => {
    assert.equal((await assess(tiny, self)).bestFit, 'foundation');
  });

  test('min (the default): quiz evidence that contradicts the self-ratings lowers the fit', async () => {
    const agree = await run(allCorrect(bank));
    assert.equal(agree.combine, 'min');
    assert.equal(agree.levelFit.bestFit, 'foundation');
    const contradict = await run(allWrong(bank));
    assert.equal(contradict.levelFit.bestFit, null);
    const item = contradict.items.find((i) => i.id === 'work-safely')!;
    assert.deepEqual([item.selfRating, item.rating, item.combinedRating], [3, 0, 0]);
    assert.equal(contradict.ratings['work-safely'], 0);
    assert.equal(contradict.ratings['foundation-indicator-1'], 3, 'items no question evidences keep the self-rating');
    assert.ok(contradict.levelFit.gaps.items.some((g) => g.id === 'work-safely'));
  });

  test('self-only reproduces assess on the self-ratings; quiz-only ignores them for evidenced items', async () => {
    const selfOnly = await run(allWrong(bank), 'self-only');
    assert.deepEqual(selfOnly.levelFit, await assess(tiny, self));
    const quizOnly = await run(allWrong(bank), 'quiz-only');
    assert.equal(quizOnly.levelFit.bestFit, null);
    const quizOnlyGood = await run(allCorrect(bank), 'quiz-only', { ratings: ratingsFor(fwJson, { indicatorShare: { foundation: 1 } }).ratings });
    assert.equal(quizOnlyGood.levelFit.bestFit, 'foundation');
  });

  test('max: the quiz can add evidence the person did not claim', async () => {
    const modest = ratingsFor(fwJson, { indicatorShare: { foundation: 1 } }); // indicators met, no competence rated
    assert.equal((await run(allCorrect(bank), 'min', modest)).levelFit.bestFit, null);
    assert.equal((await run(allCorrect(bank), 'max', modest)).levelFit.bestFit, 'foundation');
  });

  test('quiz-caps-self: a quiz below met caps the self-rating; at or above met the self-rating stands', async () => {
    // communicate-clearly at 0.75 → 2 (met): self 3 stands. work-safely at 0.5 → 1: self 3 capped to 1.
    const s = await run({ 'single-1': ['a'], 'multi-1': ['a', 'b'], 'tf-1': ['true'], 'scenario-1': ['a'] }, 'quiz-caps-self');
    const byId = Object.fromEntries(s.items.map((i) => [i.id, i]));
    assert.equal(byId['communicate-clearly']!.combinedRating, 3);
    assert.equal(byId['work-safely']!.combinedRating, 1);
    assert.equal(s.levelFit.bestFit, null);
    const min = await run({ 'single-1': ['a'], 'multi-1': ['a', 'b'], 'tf-1': ['true'], 'scenario-1': ['a'] }, 'min');
    assert.equal(min.items.find((i) => i.id === 'communicate-clearly')!.combinedRating, 2);
  });

  test('the bank’s mastery.combine is data: the same answers fit differently under another mode', async () => {
    const lenient = parseQuestionBank(makeBank({ mastery: { combine: 'self-only' } }), tiny);
    const s = await scoreQuiz(lenient, allWrong(lenient), { framework: tiny, responses: self });
    assert.equal(s.combine, 'self-only');
    assert.equal(s.levelFit.bestFit, 'foundation');
  });

  test('without self-ratings the quiz is the only evidence', async () => {
    const s = await scoreQuiz(bank, allCorrect(bank), { framework: tiny });
    assert.equal(s.combine, 'quiz-only');
    assert.ok(s.items.every((i) => i.selfRating === null && i.combinedRating === i.rating));
    assert.deepEqual(Object.keys(s.ratings), ['communicate-clearly', 'work-safely', 'learn-the-basics']);
  });

  test('target and role pass through to the level fit', async () => {
    const s = await scoreQuiz(bank, allCorrect(bank), { framework: tiny, responses: self, target: 'expert', role: 'Practitioner Worker' });
    assert.equal(s.levelFit.gaps.target, 'expert');
    assert.deepEqual(s.levelFit.role, { title: 'Practitioner Worker', level: 'practitioner' });
  });
});

describe('bad answers and options', () => {
  const bank = parseQuestionBank(makeBank(), tiny);
  const score = (answers: unknown, options: Parameters<typeof scoreQuiz>[2] = {}) =>
    scoreQuiz(bank, answers as QuizAnswers, { framework: tiny, ...options });

  test('an unknown question id is named in the issue', async () => {
    const issues = await answerIssues(() => score({ 'no-such-question': ['a'] }), 'unrecognized_keys', ['answers', 'no-such-question']);
    assert.match(issues[0]!.message, /no-such-question/);
  });

  test('an unknown option id is named in the issue', async () => {
    const issues = await answerIssues(() => score({ 'single-1': ['z'] }), 'invalid_value', ['answers', 'single-1', 0]);
    assert.match(issues[0]!.message, /"z"/);
  });

  test('every problem is reported at once', async () => {
    const issues = await answerIssues(
      () => score({ nope: ['a'], 'single-1': ['a', 'b'], 'tf-1': 'true', 'multi-1': ['a', 'a'] }, { responses: { ratings: { 'work-safely': 9 } }, target: 'nowhere' }),
      'too_big',
      ['answers', 'single-1'],
    );
    const got = issues.map((i) => [i.code, i.path]);
    assert.deepEqual(got, [
      ['unrecognized_keys', ['answers', 'nope']],
      ['too_big', ['answers', 'single-1']],
      ['invalid_type', ['answers', 'tf-1']],
      ['duplicate_id', ['answers', 'multi-1', 1]],
      ['rating_off_scale', ['responses', 'ratings', 'work-safely']],
      ['unknown_level', ['options', 'target']],
    ]);
  });

  const cases: [string, () => Promise<unknown>, Issue['code'], Path][] = [
    ['answers that are not an object', () => score(['single-1']), 'invalid_type', ['answers']],
    ['a __proto__ key in answers', () => score(JSON.parse('{"__proto__": ["a"]}')), 'forbidden_key', ['answers', '__proto__']],
    ['an unknown self-rated item', () => score({}, { responses: { ratings: { nope: 2 } } }), 'unknown_item', ['responses', 'ratings', 'nope']],
    ['an unknown combine mode', () => score({}, { combine: 'average' as 'min' }), 'invalid_value', ['options', 'combine']],
    ['an unknown role', () => score({}, { role: 'Astronaut' }), 'unknown_role', ['options', 'role']],
  ];
  for (const [what, run, code, path] of cases) {
    test(`${what}: ${code} at ${JSON.stringify(path)}`, async () => void (await answerIssues(run, code, path)));
  }

  test('a bank for a framework that is not built in needs options.framework', async () => {
    await answerIssues(() => scoreQuiz(bank, {}), 'invalid_value', ['options', 'framework']);
  });

  test('a bank scored against a framework it does not fit throws QuestionBankError', async () => {
    await assert.rejects(scoreQuiz(bank, {}, { framework: frameworks['clinical-homecare'] }), (err: unknown) => {
      return err instanceof QuestionBankError && isDeepStrictEqual(err.issues.map((i) => i.path), [['framework']]);
    });
    const unfit = parseQuestionBank(broken((b) => void (b.questions[0]!.items = ['nope'])));
    const r = await safeScoreQuiz(unfit, {}, { framework: tiny });
    assert.equal(r.success, false);
    if (!r.success) assert.deepEqual(r.issues.map((i) => [i.code, i.path]), [['unknown_item', ['questions', 0, 'items', 0]]]);
  });

  test('null options mean no options (JavaScript callers)', async () => {
    const s = await scoreQuiz(parseQuestionBank(makeBank({ framework: 'clinical-homecare', questions: [{ ...makeBank().questions[1]!, items: ['hand-hygiene'] }] })), {}, null as never);
    assert.equal(s.frameworkId, 'clinical-homecare');
    assert.equal(s.combine, 'quiz-only');
  });

  test('safeScoreQuiz returns issues instead of throwing', async () => {
    const bad = await safeScoreQuiz(bank, { 'single-1': ['z'] }, { framework: tiny });
    assert.equal(bad.success, false);
    const good = await safeScoreQuiz(bank, {}, { framework: tiny });
    assert.equal(good.success, true);
  });
});

describe('sample banks', () => {
  const dir = `${ROOT}data/quizzes/`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const expected: Record<string, { framework: string; min: number }> = {
    'clinical-homecare-core': { framework: 'clinical-homecare', min: 16 },
    'lead-practitioner-ksb': { framework: 'lead-practitioner-adult-care', min: 12 },
  };

  test('the built-in banks are the files in data/quizzes', () => {
    assert.deepEqual([...QUIZ_IDS].sort(), files.map((f) => f.replace(/\.json$/, '')));
    assert.deepEqual(Object.keys(quizzes).sort(), [...QUIZ_IDS].sort());
  });

  for (const [id, want] of Object.entries(expected)) {
    describe(id, () => {
      const json = JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8')) as BankJson;
      const fw = frameworks[want.framework as keyof typeof frameworks];

      test('parses against its framework, and every item id exists there', () => {
        const bank = parseQuestionBank(json, fw);
        assert.equal(bank.framework, want.framework);
        const ids = new Set(fw.items.map((i) => i.id));
        for (const q of bank.questions) for (const item of q.items) assert.ok(ids.has(item), `${q.id}: ${item}`);
        assert.equal(quizzes[id as keyof typeof quizzes].id, id);
      });

      test(`has at least ${want.min} questions, every type, sources, references and teaching feedback`, () => {
        assert.ok(json.questions.length >= want.min, `${json.questions.length} questions`);
        assert.deepEqual(new Set(json.questions.map((q) => q.type)), new Set(QUESTION_TYPES));
        const source = json.source as { title: string; note?: string };
        assert.ok(source.title && source.note, 'the bank cites its sources');
        for (const q of json.questions) {
          assert.ok(typeof q.reference === 'string' && q.reference.length > 5, `${q.id} names its reference`);
          assert.notEqual(q.feedback.correct, q.feedback.incorrect, `${q.id}`);
          assert.ok(q.feedback.incorrect.length > 60, `${q.id}: incorrect feedback explains the answer`);
        }
      });

      test('all correct passes; all wrong fails; quiz evidence that contradicts self-ratings lowers the fit', async () => {
        const bank = quizzes[id as keyof typeof quizzes];
        const right = await scoreQuiz(bank, allCorrect(bank));
        assert.equal(right.score.scaled, 1);
        assert.ok(right.passed && right.completed);
        // Full marks give the top rating, except to an item fewer than 2 questions evidence (mastery.minQuestions).
        assert.ok(right.items.every((i) => i.mastery === 1 && i.rating === (i.questions >= 2 ? 3 : 2) && i.capped === i.questions < 2));
        const wrong = await scoreQuiz(bank, allWrong(bank));
        assert.equal(wrong.score.raw, 0);
        assert.equal(wrong.passed, false);
        // Someone who rates every item Proficient fits the top level on self-ratings; a failed quiz takes that away.
        const everything = { ratings: Object.fromEntries(fw.items.map((i) => [i.id, 3])) };
        const top = fw.levels[fw.levels.length - 1]!.id;
        assert.equal((await scoreQuiz(bank, allCorrect(bank), { responses: everything })).levelFit.bestFit, top);
        assert.notEqual((await scoreQuiz(bank, allWrong(bank), { responses: everything })).levelFit.bestFit, top);
      });
    });
  }
});
