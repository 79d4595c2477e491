/**
 * `<lf-quiz>` as a cmi5 assignable unit: the quiz's resume and progress API wired to the engine's cmi5 session
 * (`createCmi5Session(location)` from `@levelfit/engine/lms`, in dist/levelfit.lms.min.js). The draft lives in
 * the LRS (levelfit's state document for this registration), never in this device's storage; the result is
 * reported and the session terminated when the learner submits.
 */
import type { Cmi5Session, LmsIssue } from '@levelfit/engine/lms';
import { cmi5Connection, type Cmi5ConnectOptions, type Cmi5Connection } from '../internal/cmi5-connection.js';
import type { LfQuizChangeDetail, LfQuizChangeEvent } from '../events/lf-quiz-change.js';
import type { LfQuizSubmitEvent } from '../events/lf-quiz-submit.js';
import type { LfQuiz } from './quiz.js';
import { answerTimings } from './answer-timings.js';

/**
 * Connects a quiz to a cmi5 session: sets `lms="cmi5"` (assessment mode unless `mode` says otherwise; no local
 * drafts), starts the session (token, launch data, `initialized`), resumes the saved attempt with
 * `quiz.restore()`, saves each `lf-quiz-change` to the LRS (the newest one when saves pile up), and on
 * `lf-quiz-submit` reports the score (cmi5 `completed` and `passed` / `failed` against the LMS's masteryScore,
 * in Normal launch mode only) and terminates the session. Each `answered` statement carries when its answer was
 * first checked in this session and how long it took (`result.duration`).
 */
export async function connectQuizToCmi5(quiz: LfQuiz, session: Cmi5Session, options: Cmi5ConnectOptions = {}): Promise<Cmi5Connection> {
  quiz.lms = 'cmi5';
  const start = await session.start();
  const answered = answerTimings(options.now);
  // Always restore, an empty attempt when the LRS has none: whatever this device had must not carry over.
  const d = start.draft;
  quiz.restore(
    d
      ? { answers: d.answers, ...(start.position !== null ? { position: start.position } : {}), ...(d.seed !== null ? { seed: d.seed } : {}), tries: d.tries }
      : { answers: {} },
  );
  let latest: LfQuizChangeDetail | null = null;
  let saving = false;
  const onChange = (e: LfQuizChangeEvent) => {
    if (session.state !== 'running') return;
    answered.note(e.detail);
    latest = e.detail;
    if (saving) return; // the save in flight picks the newest up when it ends
    saving = true;
    const saveLoop = async (): Promise<{ issues: LmsIssue[] }> => {
      let outcome: { issues: LmsIssue[] } = { issues: [] };
      while (latest && session.state === 'running') {
        const { answers, position, seed, tries } = latest;
        latest = null;
        outcome = await session.saveProgress(answers, position, { seed, tries });
      }
      saving = false;
      return outcome;
    };
    void track(saveLoop());
  };
  const onSubmit = (e: LfQuizSubmitEvent) => {
    const bank = quiz.resolvedBank;
    if (session.state !== 'running' || !bank) return;
    latest = null;
    void track(session.reportQuiz(e.detail.score, bank, { terminate: true, timings: answered.timings }));
  };
  const detach = () => {
    quiz.removeEventListener('lf-quiz-change', onChange);
    quiz.removeEventListener('lf-quiz-submit', onSubmit);
  };
  const { connection, track } = cmi5Connection(session, start, options, detach);
  if (start.ok) {
    quiz.addEventListener('lf-quiz-change', onChange);
    quiz.addEventListener('lf-quiz-submit', onSubmit);
  }
  return connection;
}
