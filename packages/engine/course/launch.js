/**
 * The launch script of a levelfit course package (`levelfit package`): finds the LMS and connects the page's
 * <lf-quiz> to it. The page's <html data-standard> says which standard the package was built for:
 *
 * - `scorm12` / `scorm2004`: finds the SCORM API (`API` / `API_1484_11`) in this window, its parents, then the
 *   opener and its parents; starts the session, resumes a saved attempt, saves each answer to the LMS, reports
 *   the result on submit and ends the session. Leaving the page ends the session too (the draft is saved).
 *
 * Without an LMS the quiz still runs, with a note that the result will not be recorded. Every message is text.
 */
import { connectQuizToScorm } from './levelfit.all.min.js';
import { createScorm12Reporter, createScormReporter, findScorm12Api, findScormApi } from './levelfit.lms.min.js';

const standard = document.documentElement.dataset.standard ?? '';
const status = document.getElementById('lms-status');
const quiz = document.querySelector('lf-quiz');

/** Shows a message to the learner (empty clears it). */
function say(text) {
  status.textContent = text;
}

/** SCORM: the reporter for this version, or null when no window in reach has the API. */
function scormReporter(bank) {
  const options = { bank: { id: bank.id, version: bank.version } };
  if (standard === 'scorm12') {
    const api = findScorm12Api(window);
    return api ? createScorm12Reporter(api, options) : null;
  }
  const api = findScormApi(window);
  return api ? createScormReporter(api, options) : null;
}

function problem(issues) {
  const detail = issues.map((i) => i.message).join('; ');
  say(`Your learning system did not take everything this course sent, so some of your answers or your result may not be recorded. Tell the person who runs your training. (${detail})`);
}

async function launch() {
  await customElements.whenDefined('lf-quiz');
  await quiz.updateComplete;
  const bank = quiz.resolvedBank;
  if (!bank) return; // the quiz shows what is wrong with its bank or framework

  if (standard !== 'scorm12' && standard !== 'scorm2004') {
    say(`This course was built for "${standard}", which this launch script does not know. Your result will not be recorded.`);
    return;
  }
  const reporter = scormReporter(bank);
  if (!reporter) {
    say('This course could not find your learning system, so your result will not be recorded. Open the course from your learning system to have it counted.');
    return;
  }
  const connection = connectQuizToScorm(quiz, reporter, { onIssues: problem });
  if (!connection.start.ok) problem(connection.start.issues);
  // Closing the page mid-quiz: the last answer is already saved; end the session so the LMS keeps it.
  window.addEventListener('pagehide', () => {
    if (reporter.state === 'running') reporter.terminate();
  });
}

launch().catch((err) => say(`This course could not start: ${err instanceof Error ? err.message : String(err)}`));
