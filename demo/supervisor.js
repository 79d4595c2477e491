// The demo's Supervisor view: lists submitted self-assessments from the records API, opens one in
// <lf-review>, and stores the signed-off (or returned) record with the ETag it read. When someone else saved
// the record first the API answers 412: the review says so and keeps everything on this device.
import { getRecord, listRecords, putRecord } from './records.js';

const list = document.getElementById('record-list');
const listStatus = document.getElementById('list-status');
const panel = document.getElementById('review-panel');
const heading = document.getElementById('review-heading');
const saveStatus = document.getElementById('save-status');
const review = document.getElementById('review');
const outcome = document.getElementById('outcome');

/** The record open in the review, and the ETag it was read with. */
let open = null;

const STATUS = { 'self-submitted': 'Waiting for review', 'in-review': 'In review', 'signed-off': 'Signed off', returned: 'Returned' };

async function showList() {
  let records;
  try {
    records = await listRecords();
  } catch (err) {
    listStatus.textContent = err.message;
    return;
  }
  list.replaceChildren();
  listStatus.textContent = records.length ? `${records.length} self-assessment${records.length === 1 ? '' : 's'}.` : 'No one has submitted a self-assessment yet.';
  for (const r of records) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.dataset.record = r.id;
    button.textContent = `${r.person?.name ?? r.id}`;
    button.addEventListener('click', () => void openRecord(r.id));
    const status = document.createElement('span');
    status.className = 'record-status';
    status.textContent = ` ${STATUS[r.status] ?? 'Unreadable'}${r.submittedAt ? `, submitted ${new Date(r.submittedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}` : ''}`;
    li.append(button, status);
    list.append(li);
  }
}

async function openRecord(id) {
  saveStatus.textContent = 'Loading…';
  let found;
  try {
    found = await getRecord(id);
  } catch (err) {
    saveStatus.textContent = err.message;
    return;
  }
  open = { id, etag: found.etag };
  panel.hidden = false;
  heading.textContent = `Review: ${found.record?.person?.name ?? id}`;
  saveStatus.textContent = '';
  review.record = found.record;
  outcome.hidden = found.record?.status !== 'signed-off';
  if (!outcome.hidden) outcome.record = found.record;
  heading.focus();
}

review.addEventListener('lf-review-submit', async (event) => {
  if (!open) return;
  const { record } = event.detail;
  saveStatus.textContent = 'Saving…';
  const saved = await putRecord(open.id, record, open.etag);
  if (!saved.ok) {
    saveStatus.textContent = '';
    review.reviewFailed(saved.message);
    return;
  }
  open.etag = saved.etag;
  review.record = saved.record; // the element sees its record was taken, and removes its draft
  saveStatus.textContent = record.status === 'signed-off' ? 'Signed off and saved.' : 'Sent back and saved.';
  outcome.record = saved.record;
  outcome.hidden = saved.record.status !== 'signed-off';
  void showList();
});

document.addEventListener('lf-error', (event) => console.warn('[demo] levelfit reported a problem:', event.detail.issues));

void showList();
