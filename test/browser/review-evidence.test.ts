/**
 * <lf-review>: nothing typed is lost (evidence being typed and notes come back after a reload), a quiz
 * result the host passes in is added as evidence with one button, and the review's draft is per person on a
 * shared device.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { scoreQuiz, type AssessmentRecord } from '@levelfit/engine';
import '../../packages/elements/src/review/define.js';
import type { LfReview } from '../../packages/elements/src/review/review.js';
import { recordKeyOf, reviewDraftKey } from '../../packages/elements/src/drafts/review-envelope.js';
import { isSetAsideKeyOf } from '../../packages/elements/src/drafts/shared.js';
import { reviewFramework, submittedRecord } from '../../stories/support/review-records.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$ } from '../support/dom.js';
import { flushAll } from '../support/drafts.js';

const mount = (record: AssessmentRecord, opts: { person?: string; results?: unknown[] } = {}) =>
  fixture<LfReview>(html`<lf-review
    storage="local"
    reviewer-id="sup-007"
    person-key=${opts.person ?? ''}
    .quizResults=${opts.results ?? []}
    .framework=${reviewFramework}
    .record=${record}
  ></lf-review>`);

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = async (el: LfReview, part: string) => {
  const b = $<HTMLButtonElement>(el, `button[part~="${part}"]`);
  if (!b) throw new Error(`no ${part} button`);
  b.click();
  await el.updateComplete;
};
const type = async (el: LfReview, selector: string, value: string) => {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};

const bank = {
  id: 'home-visits-quiz',
  title: 'Home visits quiz',
  version: '1.0',
  framework: 'home-visits',
  passMark: 0.5,
  questions: ['wash-hands', 'wash-hands', 'records'].map((item, n) => ({
    id: `q${n + 1}`,
    type: 'single' as const,
    prompt: `About ${item}, question ${n + 1}?`,
    options: [
      { id: 'a', text: 'Right', correct: true },
      { id: 'b', text: 'Wrong', correct: false },
    ],
    items: [item],
    feedback: { correct: 'Yes', incorrect: 'No' },
  })),
};

describe('<lf-review>: nothing typed is lost, and quiz results as evidence', function () {
  this.timeout(30_000);
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('keeps evidence being typed (not yet added) and notes in the draft: a reload brings them back', async () => {
    let el = await mount(submittedRecord());
    await type(el, '#n-records', 'Notes were clear on both visits');
    await click(el, 'button-add-evidence'); // the first item's: wash-hands
    $<HTMLInputElement>(el, '#ev-wash-hands-kind-0')!.click(); // observation
    $<HTMLInputElement>(el, '#ev-wash-hands-kind-0')!.dispatchEvent(new Event('change'));
    await type(el, '#ev-wash-hands-label', 'Watched hand washing at the Smiths');
    await type(el, '#ev-wash-hands-date', '2026-11-30');
    flushAll();
    const saved = JSON.parse(localStorage.getItem(reviewDraftKey(recordKeyOf(submittedRecord())))!);
    expect(saved.evidenceForm).to.deep.equal({ itemId: 'wash-hands', kind: 'observation', label: 'Watched hand washing at the Smiths', date: '2026-11-30', ref: '' });
    fixtureCleanup();

    el = await mount(submittedRecord());
    expect(el.decisions.records).to.deep.equal({ note: 'Notes were clear on both visits' });
    expect($<HTMLTextAreaElement>(el, '#n-records')!.value).to.equal('Notes were clear on both visits');
    expect($<HTMLInputElement>(el, '#ev-wash-hands-label')!.value).to.equal('Watched hand washing at the Smiths');
    expect($<HTMLInputElement>(el, '#ev-wash-hands-date')!.value).to.equal('2026-11-30');
    expect($<HTMLInputElement>(el, '#ev-wash-hands-kind-0')!.checked).to.equal(true);
    // and it can be added as it was typed
    await click(el, 'button-save-evidence');
    expect(el.decisions['wash-hands']!.evidence).to.deep.equal([{ kind: 'observation', label: 'Watched hand washing at the Smiths', date: '2026-11-30' }]);
    flushAll();
    expect(JSON.parse(localStorage.getItem(reviewDraftKey(recordKeyOf(submittedRecord())))!).evidenceForm).to.equal(undefined);
  });

  it('cancelling the evidence form takes it out of the draft too', async () => {
    let el = await mount(submittedRecord());
    await click(el, 'button-add-evidence');
    await type(el, '#ev-wash-hands-label', 'Something');
    await click(el, 'button-cancel-evidence');
    flushAll();
    fixtureCleanup();
    el = await mount(submittedRecord());
    expect($(el, '#ev-wash-hands-label')).to.equal(null);
  });

  it('adds a quiz result the host passes in as evidence to each item its bank covers, once', async () => {
    const score = await scoreQuiz(bank, { q1: ['a'], q2: ['b'], q3: ['a'] }, { framework: reviewFramework });
    const other = { ...score, frameworkId: 'another-framework' };
    const el = await mount(submittedRecord(), { results: [{ score, date: '2026-11-28', title: 'Home visits quiz' }, { score: other }] });
    const panel = $(el, '[part~="quiz-results"]')!;
    expect($$(el, 'button[part~="button-attach-quiz"]'), 'a result for another framework is not offered').to.have.length(1);
    expect(text(panel.querySelector('li'))).to.match(/^Home visits quiz: 67%, passed, on 2026-11-28 Add as evidence$/);
    await click(el, 'button-attach-quiz');
    expect(text($(el, '[part~="quiz-attached"]'))).to.equal('Home visits quiz has been added as evidence to 2 items.');
    const wash = el.decisions['wash-hands']!.evidence!;
    expect(wash).to.have.length(1);
    expect(wash[0]).to.include({ kind: 'quiz', date: '2026-11-28', ref: 'home-visits-quiz@1.0' });
    expect(wash[0]!.label).to.contain('50% right on 2 questions');
    expect(el.decisions.records!.evidence![0]!.label).to.contain('100% right on 1 question');
    expect(el.decisions['moving-safely']).to.equal(undefined);
    // a second click replaces rather than repeats
    await click(el, 'button-attach-quiz');
    expect(el.decisions['wash-hands']!.evidence).to.have.length(1);
    // and it is in the draft
    flushAll();
    const saved = JSON.parse(localStorage.getItem(reviewDraftKey(recordKeyOf(submittedRecord())))!);
    expect(saved.items.records.evidence[0].kind).to.equal('quiz');
    await expect(el).to.be.accessible();
  });

  it('keeps each reviewer’s draft apart with person-key; without one, “Not you? Start afresh” sets it aside', async () => {
    const key = reviewDraftKey(recordKeyOf(submittedRecord()));
    let el = await mount(submittedRecord(), { person: 'sup-007' });
    $<HTMLInputElement>(el, '#d-wash-hands')!.click();
    await el.updateComplete;
    flushAll();
    expect(localStorage.getItem(`${key}:person:sup-007`)).to.be.a('string');
    fixtureCleanup();
    el = await mount(submittedRecord(), { person: 'sup-008' });
    expect(el.decisions).to.deep.equal({});
    fixtureCleanup();

    el = await mount(submittedRecord());
    $<HTMLInputElement>(el, '#d-records')!.click();
    await el.updateComplete;
    flushAll();
    const raw = localStorage.getItem(key)!;
    fixtureCleanup();
    el = await mount(submittedRecord());
    expect(el.decisions.records).to.deep.equal({ agree: true });
    expect(text($(el, '[data-notice="restored"]'))).to.contain('We have restored a review saved on this device on');
    await click(el, 'button-start-afresh');
    expect(el.decisions).to.deep.equal({});
    expect(localStorage.getItem(key)).to.equal(null);
    const aside = Object.keys(localStorage).filter((k) => isSetAsideKeyOf(k, key));
    expect(aside.map((k) => localStorage.getItem(k))).to.deep.equal([raw]);
  });
});
