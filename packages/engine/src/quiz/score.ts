import { assess } from '../level-fit/assess.js';
import { prepare } from '../level-fit/responses.js';
import { compile } from '../framework/compile.js';
import { LIMITS } from '../constants.js';
import { AssessmentError, FrameworkError, type Issue, type SafeResult } from '../errors.js';
import { frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { checkStructure, isPlainObject } from '../framework/input-guard.js';
import { isParsedFramework, parseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { checkFit, isParsedQuestionBank, parseQuestionBank, QuestionBankError } from './parse.js';
import type { MasteryThreshold, Question, QuestionBank } from './schema.js';
import { drawQuestions, isSeed } from './arrange.js';
import {
  COMBINE_MODES,
  DEFAULT_MIN_QUESTIONS,
  QUIZ_LIMITS,
  QUIZ_MODES,
  SINGLE_ANSWER_TYPES,
  type CombineMode,
  type ItemMastery,
  type QuestionResult,
  type QuizAnswers,
  type QuizMode,
  type QuizScore,
  type ScoreQuizOptions,
} from './types.js';

const singleAnswer: ReadonlySet<string> = new Set(SINGLE_ANSWER_TYPES);
const combineModes: ReadonlySet<string> = new Set(COMBINE_MODES);
const quizModes: ReadonlySet<string> = new Set(QUIZ_MODES);

/** Six decimal places: shares such as 2/3 stay readable and 0.1 + 0.2 compares equal to 0.3. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The share of a question's weight an answer earns (0..1). `single`, `true-false` and `scenario`: 1 for
 * exactly the correct option, else 0. `multiple`: (correct options selected − incorrect options selected) ÷
 * correct options, floored at 0, so selecting everything earns nothing and one wrong pick cancels one right one.
 */
export function credit(question: Question, selected: readonly string[]): number {
  if (selected.length === 0) return 0;
  const correct = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
  if (question.type !== 'multiple') return selected.length === 1 && correct.has(selected[0]!) ? 1 : 0;
  let right = 0;
  let wrong = 0;
  for (const s of selected) {
    if (correct.has(s)) right++;
    else wrong++;
  }
  return Math.max(0, (right - wrong) / correct.size);
}

/**
 * The mastery → rating steps used when a bank gives none, from the framework's scale: at least 0.8 → the top
 * value, at least 0.6 → the `met` value, above 0 → the value just below `met` (when that is above the lowest);
 * anything else → the lowest value. On the usual 0–3 scale with met 2: ≥0.8 → 3, ≥0.6 → 2, >0 → 1, else 0.
 */
export function defaultThresholds(framework: Framework): MasteryThreshold[] {
  const values = framework.scale.values.map((v) => v.value);
  const { met } = framework.scale;
  const top = values[values.length - 1]!;
  const below = values[values.indexOf(met) - 1]!;
  const out: MasteryThreshold[] = [];
  if (top > met) out.push({ rating: top, atLeast: 0.8 });
  out.push({ rating: met, atLeast: 0.6 });
  if (below > values[0]!) out.push({ rating: below, above: 0 });
  return out;
}

/** The rating of the first threshold the mastery reaches, or the scale's lowest value. */
export function ratingFor(mastery: number, thresholds: readonly MasteryThreshold[], lowest: number): number {
  const m = round(mastery);
  for (const t of thresholds) {
    if (t.atLeast !== undefined ? m >= t.atLeast : m > (t.above ?? 0)) return t.rating;
  }
  return lowest;
}

/** The scale value just below the top: the most an item evidenced by too few questions can be rated. */
function belowTop(framework: Framework): number {
  const values = framework.scale.values;
  return values[Math.max(0, values.length - 2)]!.value;
}

/** One item's rating for the level fit, from its quiz-derived rating and self-rating (see COMBINE_MODES). */
export function combineRating(mode: CombineMode, quiz: number, self: number | null, framework: Framework): number {
  const s = self ?? framework.scale.values[0]!.value;
  switch (mode) {
    case 'min':
      return Math.min(quiz, s);
    case 'max':
      return Math.max(quiz, s);
    case 'quiz-only':
      return quiz;
    case 'self-only':
      return s;
    case 'quiz-caps-self':
      return quiz < framework.scale.met ? Math.min(quiz, s) : s;
  }
}

/** Checks one selection of a question's options; issues go under `path`. */
function checkSelection(q: Question, value: unknown, path: (string | number)[], issues: Issue[]): value is string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    issues.push({ code: 'invalid_type', path, message: `the answer to "${q.id}" must be a list of option ids` });
    return false;
  }
  const options = new Set(q.options.map((o) => o.id));
  const seen = new Set<string>();
  const before = issues.length;
  value.forEach((v: string, i) => {
    if (!options.has(v)) {
      issues.push({ code: 'invalid_value', path: [...path, i], message: `the question "${q.id}" has no option "${v}"` });
    } else if (seen.has(v)) {
      issues.push({ code: 'duplicate_id', path: [...path, i], message: `the option "${v}" is selected twice` });
    }
    seen.add(v);
  });
  if (singleAnswer.has(q.type) && value.length > 1) {
    issues.push({ code: 'too_big', path, message: `"${q.id}" is a ${q.type} question: select one option` });
  }
  return issues.length === before;
}

/** Validates tries (`{ [questionId]: optionId[][] }`, oldest first) against the bank. */
function checkTries(bank: QuestionBank, tries: unknown, issues: Issue[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (tries === undefined) return out;
  const structural = checkStructure(tries, LIMITS.depth, ['options', 'tries']);
  if (structural.length || !isPlainObject(tries)) {
    issues.push(...(structural.length ? structural : [{ code: 'invalid_type' as const, path: ['options', 'tries'], message: 'tries must be an object { [questionId]: optionId[][] }' }]));
    return out;
  }
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  for (const key of Object.keys(tries)) {
    const q = byId.get(key);
    const list = tries[key];
    const at = ['options', 'tries', key];
    if (!q) {
      issues.push({ code: 'unrecognized_keys', path: at, message: `no question in ${bank.id} has the id "${key}"` });
      continue;
    }
    if (!Array.isArray(list) || list.length > QUIZ_LIMITS.tries) {
      issues.push({ code: Array.isArray(list) ? 'too_big' : 'invalid_type', path: at, message: `the tries of "${key}" must be a list of at most ${QUIZ_LIMITS.tries} selections` });
      continue;
    }
    const ok = list.map((sel, k) => checkSelection(q, sel, [...at, k], issues));
    if (ok.every(Boolean)) out.set(key, (list as string[][]).map((sel) => [...sel]));
  }
  return out;
}

/** Validates answers against the bank: every key a question id, every value a list of that question's option ids. */
export function checkAnswers(bank: QuestionBank, answers: unknown): SafeResult<Map<string, string[]>> {
  const issues: Issue[] = checkStructure(answers, LIMITS.depth, ['answers']);
  if (issues.length) return { success: false, issues };
  if (!isPlainObject(answers)) {
    return {
      success: false,
      issues: [{ code: 'invalid_type', path: ['answers'], message: 'answers must be an object { [questionId]: optionId[] }' }],
    };
  }
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const out = new Map<string, string[]>();
  for (const key of Object.keys(answers)) {
    const q = byId.get(key);
    const value = answers[key];
    if (!q) {
      issues.push({ code: 'unrecognized_keys', path: ['answers', key], message: `no question in ${bank.id} has the id "${key}"` });
      continue;
    }
    if (value === undefined) continue;
    if (!checkSelection(q, value, ['answers', key], issues)) continue;
    out.set(key, [...(value as string[])]);
  }
  return issues.length ? { success: false, issues } : { success: true, data: out };
}

function frameworkFor(bank: QuestionBank, given: Framework | undefined): Framework {
  if (given !== undefined) return isParsedFramework(given) ? given : parseFramework(given);
  if (isBuiltinFrameworkId(bank.framework)) return frameworks[bank.framework];
  throw new AssessmentError([
    {
      code: 'invalid_value',
      path: ['options', 'framework'],
      message: `the bank evidences "${bank.framework}", which is not a built-in framework: pass it as options.framework`,
    },
  ]);
}

/**
 * Scores answers to a question bank: points per question, mastery per framework item the bank evidences, and
 * a LevelFit from the framework's own rules over the self-ratings combined with the quiz evidence (the bank's
 * `mastery.combine`, default `min`; without `responses`, the quiz alone). Throws a `QuestionBankError` for an
 * invalid bank or one that does not fit the framework, and an `AssessmentError` whose issues name each unknown
 * question or option id, bad self-rating or option (paths start `answers`, `responses` or `options`).
 */
export async function scoreQuiz(bank: QuestionBank, answers: QuizAnswers, options?: ScoreQuizOptions): Promise<QuizScore> {
  options ??= {}; // JavaScript callers pass null for "no options"
  const b = isParsedQuestionBank(bank) ? bank : parseQuestionBank(bank);
  const fw = frameworkFor(b, options.framework);
  const fit = checkFit(b, fw);
  if (fit.length) throw new QuestionBankError(fit);

  const checked = checkAnswers(b, answers);
  const issues: Issue[] = checked.success ? [] : checked.issues;
  const c = compile(fw);
  const p = prepare(c, options.responses ?? { ratings: {} }, { target: options.target, role: options.role });
  if (!p.success) issues.push(...p.issues.map((i) => (i.path[0] === 'options' ? i : { ...i, path: ['responses', ...i.path] })));
  if (options.combine !== undefined && !combineModes.has(options.combine)) {
    issues.push({ code: 'invalid_value', path: ['options', 'combine'], message: `combine must be one of ${COMBINE_MODES.join(', ')}` });
  }
  if (options.mode !== undefined && !quizModes.has(options.mode)) {
    issues.push({ code: 'invalid_value', path: ['options', 'mode'], message: `mode must be one of ${QUIZ_MODES.join(', ')}` });
  }
  if (options.seed !== undefined && !isSeed(options.seed)) {
    issues.push({ code: 'invalid_value', path: ['options', 'seed'], message: 'seed must be a whole number from 0 to 4294967295' });
  } else if (options.seed === undefined && b.delivery?.pools?.length) {
    issues.push({ code: 'invalid_value', path: ['options', 'seed'], message: `${b.id} draws questions from pools: pass the attempt's seed as options.seed` });
  }
  const tries = checkTries(b, options.tries, issues);
  if (issues.length || !checked.success) throw new AssessmentError(issues);

  const mode: QuizMode = options.mode ?? 'practice';
  const asked = options.seed === undefined ? null : new Set(drawQuestions(b, options.seed));
  const notAsked = [...checked.data.keys()].filter((id) => asked && !asked.has(id));
  if (notAsked.length) {
    throw new AssessmentError(notAsked.map((id) => ({ code: 'unrecognized_keys', path: ['answers', id], message: `the question "${id}" was not drawn for this attempt` })));
  }
  const questions: QuestionResult[] = b.questions
    .filter((q) => !asked || asked.has(q.id))
    .map((q) => {
      const checks = tries.get(q.id) ?? [];
      const final = checked.data.get(q.id) ?? [];
      // In assessment mode the first checked answer counts: checking until "Correct" earns nothing.
      const selected = mode === 'assessment' && checks.length ? checks[0]! : final;
      const weight = q.weight ?? 1;
      const share = credit(q, selected);
      return {
        id: q.id,
        type: q.type,
        correct: share === 1,
        selected,
        points: round(share * weight),
        maxPoints: weight,
        items: [...q.items],
        answered: selected.length > 0,
        attempts: Math.max(checks.length, selected.length > 0 ? 1 : 0),
        tries: checks,
      };
    });
  const raw = questions.reduce((n, q) => n + q.points, 0);
  const max = questions.reduce((n, q) => n + q.maxPoints, 0);
  const scaled = round(raw / max);

  const evidence = new Map<string, { points: number; max: number; count: number }>();
  for (const q of questions) {
    for (const id of q.items) {
      const e = evidence.get(id) ?? { points: 0, max: 0, count: 0 };
      e.points += q.points;
      e.max += q.maxPoints;
      e.count++;
      evidence.set(id, e);
    }
  }
  const combine: CombineMode = options.combine ?? (options.responses === undefined ? 'quiz-only' : (b.mastery?.combine ?? 'min'));
  const thresholds = b.mastery?.thresholds ?? defaultThresholds(fw);
  const lowest = fw.scale.values[0]!.value;
  const minQuestions = b.mastery?.minQuestions ?? DEFAULT_MIN_QUESTIONS;
  const given = (options.responses?.ratings ?? {}) as Record<string, unknown>;
  const ratings: Record<string, number> = {};
  for (const id of Object.keys(given)) if (typeof given[id] === 'number') ratings[id] = given[id];
  const items: ItemMastery[] = [];
  for (const item of fw.items) {
    const e = evidence.get(item.id);
    if (!e) continue;
    const mastery = round(e.points / e.max);
    const earned = ratingFor(mastery, thresholds, lowest);
    const capped = e.count < minQuestions && earned > belowTop(fw);
    const rating = capped ? belowTop(fw) : earned;
    const selfRating = Object.hasOwn(ratings, item.id) ? ratings[item.id]! : null;
    const combinedRating = combineRating(combine, rating, selfRating, fw);
    ratings[item.id] = combinedRating;
    const m: ItemMastery = { id: item.id, title: item.title, kind: item.kind, mastery, questions: e.count, capped, rating, selfRating, combinedRating };
    if (item.code !== undefined) m.code = item.code;
    items.push(m);
  }
  const levelFit = await assess(fw, { ratings }, { target: options.target, role: options.role });
  return {
    bankId: b.id,
    bankVersion: b.version,
    frameworkId: fw.id,
    frameworkVersion: fw.version,
    score: { raw: round(raw), max: round(max), scaled },
    passed: raw / max + 1e-9 >= b.passMark, // unrounded, so a score equal to a pass mark such as 5/6 passes
    passMark: b.passMark,
    mode,
    seed: options.seed ?? null,
    completed: questions.every((q) => q.answered),
    questions,
    items,
    combine,
    ratings,
    levelFit,
  };
}

/** `scoreQuiz` without throwing for a bad bank, framework, answers or options: `{ success, data | issues }`. */
export async function safeScoreQuiz(bank: QuestionBank, answers: unknown, options?: ScoreQuizOptions): Promise<SafeResult<QuizScore>> {
  try {
    return { success: true, data: await scoreQuiz(bank, answers as QuizAnswers, options) };
  } catch (err) {
    if (err instanceof AssessmentError || err instanceof QuestionBankError || err instanceof FrameworkError) {
      return { success: false, issues: err.issues };
    }
    throw err;
  }
}
