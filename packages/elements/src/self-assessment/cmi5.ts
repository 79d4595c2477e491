/**
 * `<lf-self-assessment>` as a cmi5 assignable unit: the form's submission wired to the engine's cmi5 session
 * (`createCmi5Session(location)` from `@levelfit/engine/lms`). A self-assessment has no score, so it reports
 * cmi5 `completed` (with the level reached as a result extension) and never passed / failed: give the AU a
 * moveOn of `Completed` (or `NotApplicable`) in the course structure.
 */
import type { Cmi5Session } from '@levelfit/engine/lms';
import { cmi5Connection, type Cmi5ConnectOptions, type Cmi5Connection } from '../internal/cmi5-connection.js';
import type { LfSubmitEvent } from '../events/lf-submit.js';
import type { LfSelfAssessment } from './self-assessment.js';

/** The result extensions on `completed`, under `${activityId}/xapi/extensions/` like levelfit's other xAPI extensions. */
export const SELF_ASSESSMENT_CMI5_EXTENSIONS = ['framework-id', 'framework-version', 'best-fit'] as const;

/**
 * Connects a self-assessment to a cmi5 session: drafts stay in memory only (`storage="none"`: the launch is on
 * a shared or LMS-managed device and the LMS, not this browser, keeps the record), starts the session (token,
 * launch data, `initialized`), and on `lf-submit` sends `completed` (Normal launch mode only, once per
 * registration) and terminates the session.
 */
export async function connectSelfAssessmentToCmi5(form: LfSelfAssessment, session: Cmi5Session, options: Cmi5ConnectOptions = {}): Promise<Cmi5Connection> {
  form.storage = 'none';
  const start = await session.start();
  const onSubmit = (e: LfSubmitEvent) => {
    if (session.state !== 'running' || !session.launch) return;
    const { result } = e.detail;
    const base = `${session.launch.activityId.replace(/\/+$/, '')}/xapi/extensions/`;
    const extensions: Record<string, unknown> = { [`${base}framework-id`]: result.frameworkId, [`${base}framework-version`]: result.frameworkVersion, [`${base}best-fit`]: result.bestFit };
    void track(session.complete({ extensions, terminate: true }));
  };
  const detach = () => form.removeEventListener('lf-submit', onSubmit);
  const { connection, track } = cmi5Connection(session, start, options, detach);
  if (start.ok) form.addEventListener('lf-submit', onSubmit);
  return connection;
}
