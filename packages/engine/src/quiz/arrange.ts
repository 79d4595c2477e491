/**
 * One attempt's questions: which are asked (pools draw n of m) and in what order, options included. Everything
 * follows one seed, so the same seed gives the same quiz on every device and after every resume, and the seed
 * alone (stored in the draft and reported to the LMS) says exactly what the learner saw.
 */
import type { Question, QuestionBank } from './schema.js';

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/** A fresh seed from the platform's cryptographic random source (Web Crypto, in browsers and Node). */
export function newSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** FNV-1a over a string: derives one independent stream per purpose from the seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: a tiny, well-mixed 32-bit PRNG. Not for secrets; it only has to spread orders evenly and be the
 * same in every JavaScript engine. Returns numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Each stream is seeded from the attempt's seed and what it orders, so drawing another pool never reorders a question's options. */
const stream = (seed: number, purpose: string) => seededRandom(hash(`${seed >>> 0}:${purpose}`));

/**
 * The ids of the questions one attempt asks, in bank order: every question outside a pool, and `draw` questions
 * of each pool. Without pools, every question.
 */
export function drawQuestions(bank: QuestionBank, seed: number): string[] {
  const pools = bank.delivery?.pools ?? [];
  if (!pools.length) return bank.questions.map((q) => q.id);
  const pooled = new Set(pools.flatMap((p) => p.questions));
  const asked = new Set(bank.questions.filter((q) => !pooled.has(q.id)).map((q) => q.id));
  for (const pool of pools) for (const id of shuffle(pool.questions, stream(seed, `pool:${pool.id}`)).slice(0, pool.draw)) asked.add(id);
  return bank.questions.filter((q) => asked.has(q.id)).map((q) => q.id);
}

/** Whether a question's options are shuffled: the bank's setting (default on), never for true-false (True comes first). */
function shufflesOptions(bank: QuestionBank, q: Question): boolean {
  return (bank.delivery?.shuffle?.options ?? true) && q.type !== 'true-false';
}

/**
 * The questions of one attempt, drawn and ordered by the seed: the bank's questions (shuffled when
 * `delivery.shuffle.questions`), each with its options in the seeded order (unless `delivery.shuffle.options`
 * is false, and never for true-false). The questions are new frozen objects; ids, text and answers are the bank's.
 */
export function arrangeQuiz(bank: QuestionBank, seed: number): readonly Question[] {
  const asked = new Set(drawQuestions(bank, seed));
  let questions = bank.questions.filter((q) => asked.has(q.id));
  if (bank.delivery?.shuffle?.questions) questions = shuffle(questions, stream(seed, 'questions'));
  return Object.freeze(
    questions.map((q) =>
      shufflesOptions(bank, q) ? (Object.freeze({ ...q, options: Object.freeze(shuffle(q.options, stream(seed, `options:${q.id}`))) }) as Question) : q,
    ),
  );
}
