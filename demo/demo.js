// The demo intranet page's own script: the embed bundle registers the elements; this file only wires them
// together. A provider's page would do the same: listen for lf-submit on document and pass the result on,
// and for lf-restore, which brings back the person's last result after a reload or a later visit.
// Here the submission also goes to the records API as an assessment record for the supervisor to review
// (demo/supervisor.html), and the confirmed level shows once it is signed off.
import { findRecord, putRecord } from './records.js';

/** The signed-in member of staff (a provider's page knows this from its own sign-in). */
const STAFF = { id: 'sam-patel', name: 'Sam Patel' };
const reviewStatus = document.getElementById('review-status');
const confirmed = document.getElementById('confirmed');

/** Shows where the record is: waiting for review, returned with a reason, or signed off (then the confirmed level). */
function showRecord(record) {
  confirmed.hidden = true;
  if (!record) {
    reviewStatus.textContent = 'When you submit, your self-assessment goes to your supervisor to review.';
    return;
  }
  if (record.status === 'signed-off') {
    reviewStatus.textContent = `Your supervisor signed off your review on ${new Date(record.signOff.at).toLocaleDateString('en-GB', { dateStyle: 'long' })}.`;
    confirmed.record = record;
    confirmed.hidden = false;
  } else if (record.status === 'returned') {
    reviewStatus.textContent = `Your supervisor sent your self-assessment back: “${record.returned.reason}” Change your answers and submit again.`;
  } else {
    reviewStatus.textContent = 'Your self-assessment is with your supervisor.';
  }
}

findRecord(STAFF.id).then(
  ({ record }) => showRecord(record),
  () => (reviewStatus.textContent = 'Your review could not be loaded. Try again later.'),
);

const levelFit = document.getElementById('level-fit');
// the printed result names the person, for the review meeting
levelFit.personName = STAFF.name;
const matrix = document.getElementById('matrix');
const careerLevels = document.getElementById('career-levels');
const panelGrid = document.querySelector('.panel-grid');

function show({ result, responses }) {
  levelFit.result = result;
  // narrow screens put the result above the form (demo.css)
  panelGrid.classList.add('has-result');
  matrix.ratings = responses.ratings;
  if (result.bestFit) careerLevels.setAttribute('current', result.bestFit);
  else careerLevels.removeAttribute('current');
}

document.addEventListener('lf-submit', (event) => {
  show(event.detail);
  // only a new submission goes to the supervisor; a restored result is one they already have
  void submitForReview(event.detail.responses, event.detail.result);
});
document.addEventListener('lf-restore', (event) => show(event.detail.submission));

/** Sends the self-assessment to the records API as a new submission (replacing a returned or earlier one). */
async function submitForReview(responses, result) {
  reviewStatus.textContent = 'Sending your self-assessment to your supervisor…';
  const self = { ratings: responses.ratings, submittedAt: new Date().toISOString() };
  if (result.role) self.role = result.role.title;
  const record = {
    format: 1,
    framework: { id: result.frameworkId, version: result.frameworkVersion },
    person: { id: STAFF.id, name: STAFF.name },
    status: 'self-submitted',
    self,
  };
  let saved;
  try {
    const { etag } = await findRecord(STAFF.id);
    saved = await putRecord(STAFF.id, record, etag);
  } catch {
    saved = { ok: false, message: 'Your self-assessment could not be sent. Try again later.' };
  }
  if (saved.ok) showRecord(saved.record);
  else reviewStatus.textContent = saved.message;
}

document.addEventListener('lf-error', (event) => {
  // The element shows the problem inline; a real page might also log it for the intranet team.
  console.warn('[demo] levelfit reported a problem:', event.detail.issues);
});
