import { isSeed, type QuestionBank } from '@levelfit/engine';
import { compareVersionRuns, isPlainObject, storageKeyUnder } from './shared.js';
import { DRAFT_PREFIX, SET_ASIDE_INFIX, setAsideKeyFor } from './envelope.js';

/**
 * Quiz drafts are plain data, like the self-assessment's (`../drafts/envelope.ts`): these functions build,
 * read and check the saved envelope and never touch storage, the DOM or the clock (the caller passes `now`).
 * `./quiz-draft-controller.ts` puts them together with `../drafts/storage.ts`. Nothing here throws on input.
 */

/** Envelope versions this code knows, oldest first. 1: `{ v, kind, bankId, bankVersion, savedAt, writer, answers, step, revealed }`. */
export const QUIZ_DRAFT_VERSIONS = [1] as const;
export type QuizDraftVersion = (typeof QUIZ_DRAFT_VERSIONS)[number];
/** The envelope version this code writes. */
export const QUIZ_DRAFT_VERSION = 1 as const satisfies QuizDraftVersion;
/** Where quiz drafts live: `levelfit:draft:quiz:<bank id>[:<assessment key>]`. */
export const QUIZ_DRAFT_PREFIX = `${DRAFT_PREFIX}:quiz`;
/** Drafts that cannot be used are copied to `<key>:set-aside:<epoch ms>`, byte for byte, so nothing is lost. */
export const QUIZ_SET_ASIDE_INFIX = SET_ASIDE_INFIX;

export interface QuizDraftEnvelope {
  v: typeof QUIZ_DRAFT_VERSION;
  kind: 'quiz';
  bankId: string;
  bankVersion: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
  /** A random id per tab and element (`''` for a draft made outside a controller). */
  writer: string;
  /** Selected option ids per question id. */
  answers: Record<string, string[]>;
  /** The question the person was on (the question count means "Check your answers"). */
  step: number;
  /** Questions whose feedback had been shown for the saved answer. */
  revealed: string[];
  /** The seed the attempt's questions were drawn and ordered with (absent in drafts saved before seeds). */
  seed?: number;
  /** Checked selections per question, oldest first (absent when nothing was checked). */
  tries?: Record<string, string[][]>;
}

export interface QuizDraftState {
  answers: Readonly<Record<string, readonly string[]>>;
  step: number;
  revealed: readonly string[];
  seed?: number;
  tries?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** Why a saved quiz draft was set aside rather than used. */
export const QUIZ_SET_ASIDE_REASONS = ['corrupt', 'future-version', 'other-bank'] as const;
export type QuizSetAsideReason = (typeof QUIZ_SET_ASIDE_REASONS)[number];

export type QuizDraftOutcome =
  | { kind: 'empty' }
  | {
      kind: 'loaded';
      draft: QuizDraftEnvelope;
      /** Question ids whose saved answers were left out (the question or an option is gone). */
      dropped: string[];
    }
  | { kind: 'set-aside'; reason: QuizSetAsideReason; raw: string; detail: string };

/** The storage key for a bank's draft; the assessment key separates several attempts on one site. */
export function quizDraftKey(bankId: string, assessmentKey?: string | null): string {
  return storageKeyUnder(QUIZ_DRAFT_PREFIX, bankId, assessmentKey);
}

/** The key a quiz draft is set aside under: `<key>:set-aside:<epoch ms>`. */
export function quizSetAsideKey(key: string, now: Date | number): string {
  return setAsideKeyFor(key, now);
}

export function createQuizDraft(
  bank: Pick<QuestionBank, 'id' | 'version'>,
  state: QuizDraftState,
  now: Date,
  writer = '',
): QuizDraftEnvelope {
  const answers: Record<string, string[]> = {};
  for (const [id, selected] of Object.entries(state.answers)) if (selected.length) answers[id] = [...selected];
  return {
    v: QUIZ_DRAFT_VERSION,
    kind: 'quiz',
    bankId: bank.id,
    bankVersion: bank.version,
    savedAt: now.toISOString(),
    writer,
    answers,
    step: state.step,
    revealed: [...state.revealed],
    ...(state.seed !== undefined ? { seed: state.seed } : {}),
    ...(state.tries && Object.keys(state.tries).length ? { tries: Object.fromEntries(Object.entries(state.tries).map(([id, list]) => [id, list.map((t) => [...t])])) } : {}),
  };
}

export function serializeQuizDraft(draft: QuizDraftEnvelope): string {
  return JSON.stringify(draft);
}

/**
 * Orders bank versions when both contain numbers ("1.2", "2026-11"), run by run: 1 when `a` is newer, -1
 * when older, 0 when equal or not comparable.
 */
export function compareBankVersions(a: string, b: string): -1 | 0 | 1 {
  return compareVersionRuns(a, b);
}

const SINGLE = new Set(['single', 'true-false', 'scenario']);

/** The saved tries that still fit the bank's questions and options (a question that changed loses its tries). */
function keptTries(tries: unknown, questions: Map<string, QuestionBank['questions'][number]>): { tries?: Record<string, string[][]> } {
  if (!isPlainObject(tries)) return {};
  const out: [string, string[][]][] = [];
  for (const [id, list] of Object.entries(tries)) {
    const q = questions.get(id);
    if (!q || !Array.isArray(list)) continue;
    const options = new Set(q.options.map((o) => o.id));
    const ok = list.every((t) => Array.isArray(t) && t.every((o) => typeof o === 'string' && options.has(o)));
    if (ok && list.length) out.push([id, (list as string[][]).map((t) => [...t])]);
  }
  return out.length ? { tries: Object.fromEntries(out) } : {};
}

/**
 * Reads a saved quiz draft against the bank on the page. Pure and total: it never throws.
 *  - nothing saved: `empty`;
 *  - unreadable (`corrupt`), saved by newer code or for a newer bank version (`future-version`), or for
 *    another bank (`other-bank`): `set-aside`, with the raw string for the caller to keep;
 *  - otherwise `loaded`, keeping the answers the bank can still take (the question and every selected
 *    option still exist, one option for single-answer questions) and listing the rest in `dropped`.
 */
export function loadQuizDraft(raw: string | null | undefined, bank: QuestionBank): QuizDraftOutcome {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  const setAside = (reason: QuizSetAsideReason, detail: string): QuizDraftOutcome => ({ kind: 'set-aside', reason, raw, detail });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return setAside('corrupt', 'the draft is not valid JSON');
  }
  if (!isPlainObject(value)) return setAside('corrupt', 'the draft is not an object');
  const { v, kind, bankId, bankVersion, savedAt, writer, answers, step, revealed, seed, tries } = value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || kind !== 'quiz') return setAside('corrupt', 'the draft is not a quiz draft');
  if (v > QUIZ_DRAFT_VERSION) return setAside('future-version', `the draft was saved in format ${v}; this version reads up to ${QUIZ_DRAFT_VERSION}`);
  if (typeof bankId !== 'string' || typeof bankVersion !== 'string') return setAside('corrupt', 'the draft does not name its bank');
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return setAside('corrupt', 'the draft has no valid save time');
  if (!isPlainObject(answers)) return setAside('corrupt', 'the draft has no answers');
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return setAside('corrupt', 'the draft has no valid step');
  if (bankId !== bank.id) return setAside('other-bank', `the draft is for the question bank "${bankId}"`);
  if (bankVersion !== bank.version && compareBankVersions(bankVersion, bank.version) > 0) {
    return setAside('future-version', `the draft is for version ${bankVersion}, newer than this page's ${bank.version}`);
  }
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const kept: [string, string[]][] = [];
  const dropped: string[] = [];
  for (const [id, selected] of Object.entries(answers)) {
    const q = Object.prototype.hasOwnProperty.call(answers, id) ? questions.get(id) : undefined;
    const options = new Set(q?.options.map((o) => o.id) ?? []);
    const ok =
      q !== undefined &&
      Array.isArray(selected) &&
      selected.every((s) => typeof s === 'string' && options.has(s)) &&
      new Set(selected).size === selected.length &&
      !(SINGLE.has(q.type) && selected.length > 1);
    if (ok) {
      if (selected.length) kept.push([id, [...(selected as string[])]]);
    } else dropped.push(id);
  }
  const keptIds = new Set(kept.map(([id]) => id));
  const shown = Array.isArray(revealed) ? revealed.filter((id): id is string => typeof id === 'string' && keptIds.has(id)) : [];
  return {
    kind: 'loaded',
    dropped,
    draft: {
      v: QUIZ_DRAFT_VERSION,
      kind: 'quiz',
      bankId,
      bankVersion,
      savedAt,
      writer: typeof writer === 'string' ? writer : '',
      // Object.fromEntries defines own properties, so a saved "__proto__" key stays a plain key.
      answers: Object.fromEntries(kept),
      step,
      revealed: shown,
      ...(isSeed(seed) ? { seed } : {}),
      ...(keptTries(tries, questions)),
    },
  };
}
