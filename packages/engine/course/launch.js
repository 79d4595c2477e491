/**
 * The launch script of a levelfit course package (`levelfit package`): finds the LMS and connects the page's
 * <lf-quiz> to it. The page's <html data-standard> says which standard the package was built for:
 *
 * - `scorm12` / `scorm2004`: finds the SCORM API (`API` / `API_1484_11`) in this window, its parents, then the
 *   opener and its parents; starts the session, resumes a saved attempt, saves each answer to the LMS, reports
 *   the result on submit and ends the session. Leaving the page ends the session too (the draft is saved).
 * - `cmi5`: reads the launch parameters from this page's URL, fetches the auth token once, reads LMS.LaunchData,
 *   sends `initialized`, resumes from and saves to the LRS, reports on submit (in Normal launch mode) and sends
 *   `terminated`; "Return to your learning system" goes to the LMS's returnURL.
 *
 * Without an LMS the quiz still runs, with a note that the result will not be recorded. Every message is text.
 * The bundles are read as namespaces so that a bundle without one connector still runs the others.
 */
import * as elements from './levelfit.all.min.js';
import * as lms from './levelfit.lms.min.js';

const standard = document.documentElement.dataset.standard ?? '';
const status = document.getElementById('lms-status');
const quiz = document.querySelector('lf-quiz');

/** Shows a message to the learner (empty clears it). */
function say(text) {
  status.textContent = text;
}

function problem(issues) {
  const detail = issues.map((i) => i.message).join('; ');
  say(`Your learning system did not take everything this course sent, so some of your answers or your result may not be recorded. Tell the person who runs your training. (${detail})`);
}

const NOT_FOUND = 'This course could not find your learning system, so your result will not be recorded. Open the course from your learning system to have it counted.';

/** SCORM 1.2 or 2004: the reporter for this version, or null when no window in reach has the API. */
function scormReporter(bank) {
  const options = { bank: { id: bank.id, version: bank.version } };
  if (standard === 'scorm12') {
    const api = lms.findScorm12Api(window);
    return api ? lms.createScorm12Reporter(api, options) : null;
  }
  const api = lms.findScormApi(window);
  return api ? lms.createScormReporter(api, options) : null;
}

function launchScorm(bank) {
  const reporter = scormReporter(bank);
  if (!reporter) return say(NOT_FOUND);
  const connection = elements.connectQuizToScorm(quiz, reporter, { onIssues: problem });
  if (!connection.start.ok) problem(connection.start.issues);
  // Closing the page mid-quiz: the last answer is already saved; end the session so the LMS keeps it.
  window.addEventListener('pagehide', () => {
    if (reporter.state === 'running') reporter.terminate();
  });
}

async function launchCmi5() {
  if (typeof lms.createCmi5Session !== 'function' || typeof elements.connectQuizToCmi5 !== 'function') {
    return say('This copy of the course cannot talk to a cmi5 learning system, so your result will not be recorded.');
  }
  if (!new URLSearchParams(location.search).has('fetch')) return say(NOT_FOUND);
  let tokenStore;
  try {
    tokenStore = window.sessionStorage; // a reload of the same launch needs the token: the fetch URL answers once
  } catch {
    tokenStore = undefined;
  }
  const session = lms.createCmi5Session(location, tokenStore ? { tokenStore } : {});
  const connection = await elements.connectQuizToCmi5(quiz, session, { onIssues: problem });
  const exit = document.getElementById('lms-exit');
  if (exit && connection.returnURL) {
    exit.hidden = false;
    exit.addEventListener('click', async () => {
      exit.disabled = true;
      const url = await connection.exit();
      if (url) location.assign(url);
    });
  }
}

async function launch() {
  await customElements.whenDefined('lf-quiz');
  await quiz.updateComplete;
  const bank = quiz.resolvedBank;
  if (!bank) return; // the quiz shows what is wrong with its bank or framework
  if (standard === 'scorm12' || standard === 'scorm2004') return launchScorm(bank);
  if (standard === 'cmi5') return launchCmi5();
  say(`This course was built for "${standard}", which this launch script does not know. Your result will not be recorded.`);
}

launch().catch((err) => say(`This course could not start: ${err instanceof Error ? err.message : String(err)}`));
