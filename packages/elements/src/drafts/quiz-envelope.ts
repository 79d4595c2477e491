import type { QuestionBank } from '@levelfit/engine';
import type { DraftFormat, DraftOutcome } from './format.js';
import { mergeRecords, sameRecords } from './merge.js';
import { compareVersionRuns, DRAFT_PREFIX, isPlainObject, migrateEnvelope, readHeader, savedAtOf, setAsideKeyFor, storageKeyUnder, type DraftWriteMeta } from './shared.js';

/**
 * The quiz's draft format, beside the self-assessment's (`./envelope.ts`) and kept by the same draft store
 * (`./draft-store.ts`): revision and writer for two tabs, migration, set-aside copies. These functions build,
 * read and check the envelope and never touch storage, the DOM or the clock. Nothing here throws on input.
 */

/**
 * Envelope versions this code knows, oldest first.
 *  - 1: `{ v, kind: 'quiz', bankId, bankVersion, savedAt, writer, answers, step, revealed }`.
 *  - 2: version 1 plus `revision` (one more on every write), as self-assessment drafts have.
 */
export const QUIZ_DRAFT_VERSIONS = [1, 2] as const;
export type QuizDraftVersion = (typeof QUIZ_DRAFT_VERSIONS)[number];
/** The envelope version this code writes. */
export const QUIZ_DRAFT_VERSION = 2 as const satisfies QuizDraftVersion;
/** Where quiz drafts live: `levelfit:draft:quiz:<bank id>[:<assessment key>]`. */
export const QUIZ_DRAFT_PREFIX = `${DRAFT_PREFIX}:quiz`;

export interface QuizDraftEnvelope {
  v: typeof QUIZ_DRAFT_VERSION;
  kind: 'quiz';
  bankId: string;
  bankVersion: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
  /** How many times the key has been written (0 for a draft made outside the store). */
  revision: number;
  /** A random id per tab and element (`''` for a draft made outside the store). */
  writer: string;
  /** Selected option ids per question id. */
  answers: Record<string, string[]>;
  /** The question the person was on (the question count means "Check your answers"). */
  step: number;
  /** Questions whose feedback had been shown for the saved answer. */
  revealed: string[];
}

export interface QuizDraftState {
  answers: Readonly<Record<string, readonly string[]>>;
  step: number;
  revealed: readonly string[];
}

/** Why a saved quiz draft was set aside rather than used. */
export const QUIZ_SET_ASIDE_REASONS = ['corrupt', 'future-version', 'other-bank'] as const;
export type QuizSetAsideReason = (typeof QUIZ_SET_ASIDE_REASONS)[number];

export type QuizDraftOutcome = DraftOutcome<QuizDraftEnvelope>;

/** The storage key for a bank's draft; the assessment key separates several attempts on one site. */
export function quizDraftKey(bankId: string, assessmentKey?: string | null): string {
  return storageKeyUnder(QUIZ_DRAFT_PREFIX, bankId, assessmentKey);
}

/** The key a quiz draft is set aside under: `<key>:set-aside:<epoch ms>`. */
export const quizSetAsideKey = setAsideKeyFor;

export function createQuizDraft(
  bank: Pick<QuestionBank, 'id' | 'version'>,
  state: QuizDraftState,
  now: Date,
  meta: DraftWriteMeta | string = { revision: 0, writer: '' },
): QuizDraftEnvelope {
  const { revision, writer } = typeof meta === 'string' ? { revision: 0, writer: meta } : meta;
  const answers: Record<string, string[]> = {};
  for (const [id, selected] of Object.entries(state.answers)) if (selected.length) answers[id] = [...selected];
  return {
    v: QUIZ_DRAFT_VERSION,
    kind: 'quiz',
    bankId: bank.id,
    bankVersion: bank.version,
    savedAt: now.toISOString(),
    revision,
    writer,
    answers,
    step: state.step,
    revealed: [...state.revealed],
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

/** Version 1 had no revision, and a writer only when a controller wrote it. */
const MIGRATIONS: Readonly<Record<number, (draft: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (d) => ({ ...d, v: 2, revision: 0, writer: typeof d.writer === 'string' ? d.writer : '' }),
};

const SINGLE = new Set(['single', 'true-false', 'scenario']);

function classify(raw: string, bank: QuestionBank): QuizDraftOutcome {
  const setAside = (reason: QuizSetAsideReason, detail: string, savedAt: string | null = null): QuizDraftOutcome => ({ kind: 'set-aside', reason, raw, savedAt, detail });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return setAside('corrupt', 'the draft is not valid JSON');
  }
  if (!isPlainObject(value) || value.kind !== 'quiz') return setAside('corrupt', 'the draft is not a quiz draft', savedAtOf(value));
  const migrated = migrateEnvelope(value, QUIZ_DRAFT_VERSION, MIGRATIONS);
  if (!migrated.ok) return setAside(migrated.reason, migrated.detail, savedAtOf(value));
  const data = migrated.data;
  const { bankId, bankVersion, answers, step, revealed } = data;
  if (typeof bankId !== 'string' || typeof bankVersion !== 'string') return setAside('corrupt', 'the draft does not name its bank', savedAtOf(value));
  const header = readHeader(data);
  if (!header.ok) return setAside('corrupt', header.detail, savedAtOf(value));
  if (!isPlainObject(answers)) return setAside('corrupt', 'the draft has no answers', header.savedAt);
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return setAside('corrupt', 'the draft has no valid step', header.savedAt);
  if (bankId !== bank.id) return setAside('other-bank', `the draft is for the question bank "${bankId}"`, header.savedAt);
  if (bankVersion !== bank.version && compareBankVersions(bankVersion, bank.version) > 0) {
    return setAside('future-version', `the draft is for version ${bankVersion}, newer than this page's ${bank.version}`, header.savedAt);
  }
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const kept: [string, string[]][] = [];
  const dropped: string[] = [];
  for (const [id, selected] of Object.entries(answers)) {
    const q = questions.get(id);
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
  const draft: QuizDraftEnvelope = {
    v: QUIZ_DRAFT_VERSION,
    kind: 'quiz',
    bankId,
    bankVersion,
    savedAt: header.savedAt,
    revision: header.revision,
    writer: header.writer,
    // Object.fromEntries defines own properties, so a saved "__proto__" key stays a plain key.
    answers: Object.fromEntries(kept),
    step,
    revealed: shown,
  };
  if (migrated.from === QUIZ_DRAFT_VERSION && bankVersion === bank.version && !dropped.length) return { kind: 'loaded', draft };
  return { kind: 'migrated', draft, dropped, droppedRole: null, from: { envelopeVersion: migrated.from, sourceVersion: bankVersion } };
}

/**
 * Reads a saved quiz draft against the bank on the page. Pure and total: it never throws.
 *  - nothing saved: `empty`;
 *  - unreadable (`corrupt`), saved by newer code or for a newer bank version (`future-version`), or for
 *    another bank (`other-bank`): `set-aside`, with the raw string for the caller to keep;
 *  - a current envelope for this bank version with every answer usable: `loaded`;
 *  - otherwise (a version 1 envelope, an older bank, answers the bank can no longer take) `migrated`, keeping
 *    the answers the bank can still take (the question and every selected option still exist, one option for
 *    single-answer questions) and listing the rest in `dropped`.
 */
export function loadQuizDraft(raw: string | null | undefined, bank: QuestionBank): QuizDraftOutcome {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  try {
    return classify(raw, bank);
  } catch (err) {
    return { kind: 'set-aside', reason: 'corrupt', raw, savedAt: null, detail: String(err) };
  }
}

// ---- two writers on one key ----

/** The part of a quiz draft two tabs can disagree about: the answers, and which have had their feedback shown. */
export interface QuizDraftAnswers {
  answers: Readonly<Record<string, readonly string[]>>;
  revealed: readonly string[];
}

/** Two selections are the same answer when they hold the same options, in any order. */
function sameSelection(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((o) => b.includes(o));
}

/** Feedback stays shown for a question whose kept answer is the side's that revealed it. */
function revealedFor(merged: Readonly<Record<string, readonly string[]>>, sides: QuizDraftAnswers[]): string[] {
  const out = new Set<string>();
  for (const side of sides) {
    for (const id of side.revealed) if (sameSelection(merged[id], side.answers[id])) out.add(id);
  }
  return [...out];
}

/** What `<lf-quiz>` hands the draft store to save. */
export interface QuizDraftSnapshot extends QuizDraftState {
  bank: QuestionBank;
}

/** The quiz's drafts, for the draft store. */
export const QUIZ_DRAFTS: DraftFormat<QuestionBank, QuizDraftSnapshot, QuizDraftEnvelope, QuizDraftAnswers> = {
  prefix: QUIZ_DRAFT_PREFIX,
  sourceId: (bank) => bank.id,
  sourceVersion: (bank) => bank.version,
  load: loadQuizDraft,
  create: (snapshot, now, meta) => createQuizDraft(snapshot.bank, snapshot, now, meta),
  answersOf: (draft) => ({ answers: draft.answers, revealed: draft.revealed }),
  snapshotAnswers: (snapshot) => ({ answers: snapshot.answers, revealed: snapshot.revealed }),
  merge: (base, mine, theirs) => {
    const m = mergeRecords<readonly string[]>(base?.answers ?? null, mine.answers, theirs.answers, sameSelection);
    return {
      merged: { answers: m.merged, revealed: revealedFor(m.merged, [mine, theirs]) },
      conflicts: { items: m.conflicts, role: false },
      fromTheirs: { items: m.fromTheirs, role: false },
    };
  },
  same: (a, b) => sameRecords(a.answers, b.answers, sameSelection),
  takeTheirs: (mine, theirs, conflicts) => {
    const answers: Record<string, readonly string[]> = { ...mine.answers };
    for (const id of conflicts.items) {
      const t = Object.prototype.hasOwnProperty.call(theirs.answers, id) ? theirs.answers[id] : undefined;
      if (t === undefined) delete answers[id];
      else answers[id] = t;
    }
    return { answers, revealed: revealedFor(answers, [mine, theirs]) };
  },
};
