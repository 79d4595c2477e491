/**
 * `shared-device` without `person-key`: answers found on the device are not shown at all until the person
 * answers "Are they yours?". "Yes" restores them; "No" sets them aside (kept byte for byte) and starts
 * empty; a reload before choosing asks again; another tab's writes do not bring them in meanwhile. The same
 * for <lf-self-assessment>, <lf-quiz> and <lf-review>.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/self-assessment/define.js';
import '../../packages/elements/src/quiz/define.js';
import '../../packages/elements/src/review/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import type { LfReview } from '../../packages/elements/src/review/review.js';
import { isSetAsideKeyOf, serializeDraft } from '../../packages/elements/src/drafts/envelope.js';
import { quizDraftKey } from '../../packages/elements/src/drafts/quiz-envelope.js';
import { recordKeyOf, reviewDraftKey } from '../../packages/elements/src/drafts/review-envelope.js';
import { submissionKey } from '../../packages/elements/src/self-assessment/submission.js';
import { makeFramework } from '../support/small-framework.js';
import { makeBank } from '../../stories/support/quiz-bank.js';
import { reviewFramework, submittedRecord } from '../../stories/support/review-records.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, answerAll } from '../support/dom.js';
import { envelope, flushAll, KEY, notices, storageEvent } from '../support/drafts.js';

const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const question = (el: Element) => $(el, '[part~="shared-question"]');
const aside = (key: string) => Object.keys(localStorage).filter((k) => isSetAsideKeyOf(k, key));
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Keyboard only: Tab from the page until the button has focus, then Enter. */
async function pressWithKeyboard(el: Element, part: string): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  for (let i = 0; i < 10; i++) {
    await sendKeys({ press: 'Tab' });
    if (focused(el)?.matches(`button[part~="${part}"]`)) {
      await sendKeys({ press: 'Enter' });
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return;
    }
  }
  throw new Error(`${part} was not reached with Tab`);
}

const mountAssessment = (opts: { person?: string; shared?: boolean } = {}) =>
  fixture<LfSelfAssessment>(html`<lf-self-assessment
    assessment-key="appraisal-2025"
    person-key=${opts.person ?? ''}
    ?shared-device=${opts.shared ?? true}
    role-picker
    .framework=${makeFramework()}
  ></lf-self-assessment>`);

describe('shared-device: "Are they yours?" before any saved answers show', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  describe('<lf-self-assessment>', () => {
    const raw = serializeDraft(envelope({ savedAt: '2026-12-02T10:14:00.000Z' }));

    it('shows only the question: no answers, no form, nothing written; a reload asks again', async () => {
      localStorage.setItem(KEY, raw);
      let el = await mountAssessment();
      expect(text($(el, '#lf-shared-question'))).to.match(/^Answers were saved on this device on 2 December 2026 at \d\d:\d\d\. Are they yours\?$/);
      expect(text($(el, 'button[part~="button-claim"]'))).to.equal('Yes, carry on with them');
      expect(text($(el, 'button[part~="button-start-afresh"]'))).to.equal('No, start afresh');
      expect(el.responses).to.deep.equal({ ratings: {} });
      expect($(el, 'form'), 'no form until the person chooses').to.equal(null);
      expect($$(el, 'input')).to.have.length(0);
      expect(notices(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      flushAll();
      expect(localStorage.getItem(KEY), 'nothing written over them').to.equal(raw);

      fixtureCleanup();
      el = await mountAssessment();
      expect(question(el), 'a reload before choosing asks again').to.not.equal(null);
      expect(el.responses).to.deep.equal({ ratings: {} });
    });

    it('does not take in another tab’s write to the held draft before the choice', async () => {
      localStorage.setItem(KEY, raw);
      const el = await mountAssessment();
      const theirs = serializeDraft(envelope({ revision: 4, responses: { ratings: { communicate: 1, record: 2 } } }));
      localStorage.setItem(KEY, theirs);
      storageEvent();
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: {} });
      expect(question(el)).to.not.equal(null);
      expect(notices(el)).to.have.length(0);
      expect(localStorage.getItem(KEY)).to.equal(theirs);
    });

    it('"Yes, carry on with them" (keyboard only) restores the answers and moves focus to the heading', async () => {
      localStorage.setItem(KEY, raw);
      const el = await mountAssessment();
      await pressWithKeyboard(el, 'button-claim');
      expect(question(el)).to.equal(null);
      expect(el.responses).to.deep.equal({ ratings: { communicate: 2, safeguard: 3 } });
      expect($$<HTMLInputElement>(el, 'input[type="radio"]:checked').length).to.be.greaterThan(0);
      expect(text(notices(el, 'restored')[0])).to.match(/^We have restored the answers you saved on/);
      expect($(el, 'button[part~="button-start-afresh"]'), 'they said they are theirs: no "Not you?"').to.equal(null);
      expect(focused(el)?.dataset.focus).to.equal('heading');
      expect(localStorage.getItem(KEY)).to.equal(raw);
      await expect(el).to.be.accessible();
    });

    it('"No, start afresh" (keyboard only) sets the draft aside, byte for byte, and starts empty; the next load does not ask', async () => {
      localStorage.setItem(KEY, raw);
      let el = await mountAssessment();
      await pressWithKeyboard(el, 'button-start-afresh');
      expect(question(el)).to.equal(null);
      expect(el.responses).to.deep.equal({ ratings: {} });
      expect($$<HTMLInputElement>(el, 'input[type="radio"]:checked')).to.have.length(0);
      expect(notices(el)).to.have.length(0);
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect(aside(KEY).map((k) => localStorage.getItem(k))).to.deep.equal([raw]);
      expect(focused(el)?.dataset.focus).to.equal('heading');
      await expect(el).to.be.accessible();
      fixtureCleanup();
      el = await mountAssessment();
      expect(question(el)).to.equal(null);
    });

    it('asks before showing a kept result too', async () => {
      let el = await mountAssessment({ shared: false });
      await answerAll(el, () => 3);
      setTimeout(() => $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!.click());
      await oneEvent(el, 'lf-submit');
      const key = submissionKey('test-framework', 'appraisal-2025', null);
      const kept = localStorage.getItem(key)!;
      fixtureCleanup();

      el = await mountAssessment();
      expect(question(el)).to.not.equal(null);
      expect($(el, '[part~="confirmation"]')).to.equal(null);
      await pressWithKeyboard(el, 'button-claim');
      expect($(el, '[part~="confirmation"]')).to.not.equal(null);
      fixtureCleanup();

      el = await mountAssessment();
      await pressWithKeyboard(el, 'button-start-afresh');
      expect($(el, '[part~="confirmation"]')).to.equal(null);
      expect(el.lastSubmission).to.equal(null);
      expect(aside(key).map((k) => localStorage.getItem(k))).to.deep.equal([kept]);
    });

    it('does not ask with a person-key (the draft is that person’s) or without shared-device (default)', async () => {
      localStorage.setItem(`${KEY}:person:worker-17`, raw);
      let el = await mountAssessment({ person: 'worker-17' });
      expect(question(el)).to.equal(null);
      expect(el.responses).to.deep.equal({ ratings: { communicate: 2, safeguard: 3 } });
      fixtureCleanup();
      localStorage.setItem(KEY, raw);
      el = await mountAssessment({ shared: false });
      expect(question(el)).to.equal(null);
      expect(el.responses).to.deep.equal({ ratings: { communicate: 2, safeguard: 3 } });
    });
  });

  describe('<lf-quiz>', () => {
    const quizKey = quizDraftKey('test-bank', null);
    const make = (shared = true) => fixture<LfQuiz>(html`<lf-quiz storage="local" ?shared-device=${shared} .bank=${makeBank()}></lf-quiz>`);

    async function savedAnswer(): Promise<{ raw: string; answers: Record<string, unknown>; order: string }> {
      const el = await make(false);
      $$<HTMLInputElement>(el, 'input').find((i) => i.value === 'a')!.click();
      await el.updateComplete;
      flushAll();
      const result = { raw: localStorage.getItem(quizKey)!, answers: { ...el.answers }, order: text($(el, 'legend')) };
      fixtureCleanup();
      return result;
    }

    it('hides the answers until asked; yes restores them in their order; a reload before choosing asks again', async () => {
      const first = await savedAnswer();
      let el = await make();
      expect(text($(el, '#lf-shared-question'))).to.match(/^Answers were saved on this device on .+\. Are they yours\?$/);
      expect(el.answers).to.deep.equal({});
      expect($$(el, 'input')).to.have.length(0);
      await expect(el).to.be.accessible();
      flushAll();
      expect(localStorage.getItem(quizKey)).to.equal(first.raw);
      fixtureCleanup();

      el = await make();
      expect(question(el)).to.not.equal(null);
      await pressWithKeyboard(el, 'button-claim');
      expect(el.answers).to.deep.equal(first.answers);
      expect(text($(el, 'legend'))).to.equal(first.order);
      expect(focused(el)?.dataset.focus).to.equal('heading');
    });

    it('no sets the draft aside and starts a new, empty attempt', async () => {
      const first = await savedAnswer();
      const el = await make();
      await pressWithKeyboard(el, 'button-start-afresh');
      expect(question(el)).to.equal(null);
      expect(el.answers).to.deep.equal({});
      expect($$<HTMLInputElement>(el, 'input:checked')).to.have.length(0);
      expect(localStorage.getItem(quizKey)).to.equal(null);
      expect(aside(quizKey).map((k) => localStorage.getItem(k))).to.deep.equal([first.raw]);
      await expect(el).to.be.accessible();
    });
  });

  describe('<lf-review>', () => {
    const key = reviewDraftKey(recordKeyOf(submittedRecord()));
    const mount = (shared = true) =>
      fixture<LfReview>(html`<lf-review
        storage="local"
        reviewer-id="sup-007"
        ?shared-device=${shared}
        .framework=${reviewFramework}
        .record=${submittedRecord()}
      ></lf-review>`);

    async function savedReview(): Promise<string> {
      const el = await mount(false);
      $<HTMLInputElement>(el, '#d-records')!.click();
      await el.updateComplete;
      flushAll();
      fixtureCleanup();
      return localStorage.getItem(key)!;
    }

    it('hides the review draft until asked; yes restores it; a reload before choosing asks again', async () => {
      const raw = await savedReview();
      let el = await mount();
      expect(question(el)).to.not.equal(null);
      expect(el.decisions).to.deep.equal({});
      expect($(el, '#d-records')).to.equal(null);
      await expect(el).to.be.accessible();
      flushAll();
      expect(localStorage.getItem(key)).to.equal(raw);
      fixtureCleanup();

      el = await mount();
      expect(question(el)).to.not.equal(null);
      await pressWithKeyboard(el, 'button-claim');
      expect(el.decisions.records).to.deep.equal({ agree: true });
      expect(focused(el)?.dataset.focus).to.equal('heading');
    });

    it('no sets the review draft aside and starts from the record', async () => {
      const raw = await savedReview();
      const el = await mount();
      await pressWithKeyboard(el, 'button-start-afresh');
      expect(el.decisions).to.deep.equal({});
      expect(localStorage.getItem(key)).to.equal(null);
      expect(aside(key).map((k) => localStorage.getItem(k))).to.deep.equal([raw]);
      await expect(el).to.be.accessible();
    });
  });
});
