/**
 * A quiz result as evidence: one `quiz` entry per framework item the bank evidences, saying how the person
 * did on that item's questions. It is evidence beside the ratings, never a rating itself: the reviewer decides.
 */
import { RecordError } from '../errors.js';
import type { QuizScore } from '../quiz/types.js';
import { parseRecord } from './parse.js';
import type { AssessmentRecord, Evidence } from './schema.js';

export interface QuizEvidenceOptions {
  /** The day the quiz was taken, YYYY-MM-DD (default: today, UTC). */
  date?: string;
  /** Whose evidence it is: the person's own (`self`) or the review's (default: `review` when the record has one). */
  to?: 'self' | 'review';
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** One evidence entry per item the quiz covers, by item id. */
export function quizEvidence(score: QuizScore, date: string = new Date().toISOString().slice(0, 10)): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const item of score.items) {
    out.set(item.id, {
      kind: 'quiz',
      label: `Quiz ${score.bankId}: ${pct(item.mastery)} right on ${item.questions} question${item.questions === 1 ? '' : 's'} about this (${score.passed ? 'passed' : 'not passed'} overall, ${pct(score.score.scaled)})`,
      date,
      ref: `${score.bankId}@${score.bankVersion}`,
    });
  }
  return out;
}

/**
 * Adds a quiz result to a record as evidence for each item it covers. An entry from the same bank version on
 * the same day is replaced rather than repeated. Throws a `RecordError` when the quiz is for another framework.
 */
export function attachQuizEvidence(record: AssessmentRecord, score: QuizScore, options: QuizEvidenceOptions = {}): AssessmentRecord {
  if (score.frameworkId !== record.framework.id) {
    throw new RecordError([
      { code: 'invalid_value', path: ['framework', 'id'], message: `the quiz evidences "${score.frameworkId}", not "${record.framework.id}"` },
    ]);
  }
  const to = options.to ?? (record.review ? 'review' : 'self');
  if (to === 'review' && !record.review) {
    throw new RecordError([{ code: 'invalid_type', path: ['review'], message: 'required: start the review before adding evidence to it' }]);
  }
  if (record.status === 'signed-off') {
    throw new RecordError([{ code: 'invalid_value', path: ['status'], message: 'a signed-off record cannot take more evidence' }]);
  }
  const add = quizEvidence(score, options.date);
  const merged = (list: readonly Evidence[] | undefined, e: Evidence) => [...(list ?? []).filter((x) => !(x.kind === 'quiz' && x.ref === e.ref && x.date === e.date)), e];
  if (to === 'self') {
    const evidence: Record<string, Evidence[]> = { ...(record.self.evidence ?? {}) };
    for (const [id, e] of add) evidence[id] = merged(evidence[id], e);
    return parseRecord({ ...record, self: { ...record.self, evidence } });
  }
  const items = { ...record.review!.items };
  for (const [id, e] of add) items[id] = { ...(items[id] ?? {}), evidence: merged(items[id]?.evidence, e) };
  return parseRecord({ ...record, review: { ...record.review!, items } });
}
