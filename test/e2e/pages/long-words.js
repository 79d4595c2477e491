// Provider text with long unbroken words, as a pasted link makes them: the built-in framework and question
// bank with a 300-character URL-like word in every text a person reads (step titles, questions and the
// framework's words under them, scale labels and hints, level names and descriptors, roles, quiz prompts,
// options and feedback) and a record whose evidence and reviewer's note hold one too. At 320 px nothing may
// scroll sideways (test/e2e/run.mjs and engines.mjs check every element in every state).
import { createRecord, reviewItem, startReview } from '/dist/levelfit.all.min.js';

export const LONG = 'https://example.org/' + 'carerecord'.repeat(28); // 300 characters, no break opportunity
const long = (text) => `${text} ${LONG}`;

const [fw, bank] = await Promise.all(['/data/frameworks/clinical-homecare.json', '/data/quizzes/clinical-homecare-core.json'].map((u) => fetch(u).then((r) => r.json())));

fw.title = long(fw.title);
for (const v of fw.scale.values) {
  v.label = long(v.label);
  if (v.hint) v.hint = long(v.hint);
}
for (const key of Object.keys(fw.plain?.groups ?? {})) fw.plain.groups[key] = long(fw.plain.groups[key]);
for (const level of fw.levels) {
  level.title = long(level.title);
  level.descriptor = level.descriptor.map(long);
  if (level.roles) level.roles = level.roles.map(long);
}
for (const item of fw.items) {
  item.title = long(item.title);
  if (item.question) item.question = long(item.question);
}

bank.title = long(bank.title);
if (bank.description) bank.description = long(bank.description);
for (const q of bank.questions) {
  q.prompt = long(q.prompt);
  for (const o of q.options) o.text = long(o.text);
  if (q.feedback) for (const k of Object.keys(q.feedback)) q.feedback[k] = long(q.feedback[k]);
}

const ratings = Object.fromEntries(fw.items.map((i) => [i.id, fw.scale.met]));
const first = fw.items[0].id;
let record = createRecord({
  framework: fw,
  person: { id: 'e2e-long-words', name: LONG.slice(0, 200) },
  ratings,
  evidence: { [first]: [{ kind: 'link', label: LONG, date: '2026-12-01', ref: LONG }] },
});
record = startReview(record, { id: 'e2e-supervisor', name: 'Ann Okoro' });
record = reviewItem(record, first, { agree: true, note: long('Seen on a visit, notes at') });

await import('/dist/levelfit.all.min.js'); // registers the elements (the import above already has)
for (const tag of ['lf-self-assessment', 'lf-level-fit', 'lf-competence-matrix', 'lf-career-levels', 'lf-review']) document.querySelector(tag).framework = fw;
const quiz = document.querySelector('lf-quiz');
quiz.framework = fw;
quiz.bank = bank;
document.querySelector('lf-review').record = record;
document.querySelector('lf-competence-matrix').ratings = ratings;
document.querySelector('lf-career-levels').setAttribute('current', fw.levels[1].id);
document.addEventListener('lf-submit', (e) => (document.querySelector('lf-level-fit').result = e.detail.result));
window.__lfLongWords = { ready: true, long: LONG.length };
