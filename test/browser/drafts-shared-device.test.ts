/**
 * Shared devices (a care-home tablet): with `person-key` each person's drafts and kept result are their own;
 * without one, a restored draft says it may be someone else's and "Not you? Start afresh" sets it aside
 * (kept, not deleted) and starts empty. A second person never sees the first person's answers without
 * choosing to. Also: `storage="none"` keeps answers in memory per framework, set-aside copies are one per
 * draft and capped, and two forms on one page are named as such.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import '../../packages/elements/src/quiz/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfQuiz } from '../../packages/elements/src/quiz/quiz.js';
import { draftKey, isSetAsideKeyOf, serializeDraft } from '../../packages/elements/src/drafts/envelope.js';
import { quizDraftKey } from '../../packages/elements/src/drafts/quiz-envelope.js';
import { SET_ASIDE_LIMIT } from '../../packages/elements/src/drafts/draft-store.js';
import { submissionKey } from '../../packages/elements/src/self-assessment/submission.js';
import { makeFramework } from '../support/small-framework.js';
import { makeBank } from '../../stories/support/quiz-bank.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, answerAll, clickButton, radio } from '../support/dom.js';
import { envelope, flushAll, KEY, notices, noticeText, setAsideKeys, stored } from '../support/drafts.js';

const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const mountFor = (person: string | null, fw: object = makeFramework()) =>
  fixture<LfSelfAssessment>(html`<lf-self-assessment
    assessment-key="appraisal-2025"
    person-key=${person ?? ''}
    role-picker
    .framework=${fw}
  ></lf-self-assessment>`);

const levelfitKeys = (area: Storage = localStorage) => Object.keys(area).filter((k) => k.startsWith('levelfit:')).sort();

async function submitAll(el: LfSelfAssessment): Promise<void> {
  await answerAll(el, () => 3);
  setTimeout(() => $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!.click());
  await oneEvent(el, 'lf-submit');
  await el.updateComplete;
}

async function answerFirst(el: LfSelfAssessment, ratings: Record<string, number>): Promise<void> {
  for (const [id, r] of Object.entries(ratings)) radio(el, id, r).click();
  await el.updateComplete;
  flushAll();
}

describe('drafts on a shared device', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  describe('<lf-self-assessment> with person-key', () => {
    it('keeps each person’s draft under their own key: the next person sees an empty form and no notice', async () => {
      let el = await mountFor('worker-17');
      await answerFirst(el, { communicate: 3, safeguard: 2 });
      expect(levelfitKeys()).to.deep.equal([`${KEY}:person:worker-17`]);
      expect(el.getAttribute('person-key'), 'the attribute the host set').to.equal('worker-17');
      fixtureCleanup();

      el = await mountFor('worker-42');
      expect(el.responses).to.deep.equal({ ratings: {} });
      expect($$<HTMLInputElement>(el, 'input[type="radio"]:checked')).to.have.length(0);
      expect(notices(el)).to.have.length(0);
      await answerFirst(el, { communicate: 1 });
      expect(stored(`${KEY}:person:worker-42`)!.responses.ratings).to.deep.equal({ communicate: 1 });
      expect(stored(`${KEY}:person:worker-17`)!.responses.ratings, 'the first person’s draft is untouched').to.deep.equal({ communicate: 3, safeguard: 2 });
      fixtureCleanup();

      el = await mountFor('worker-17');
      expect(el.responses).to.deep.equal({ ratings: { communicate: 3, safeguard: 2 } });
      expect(noticeText(el)).to.match(/^We have restored the answers you saved on/);
      expect($(el, 'button[part~="button-start-afresh"]'), 'their own answers: no "Not you?"').to.equal(null);
    });

    it('switches drafts when the host changes person-key on the same element (one person signs out, another in)', async () => {
      const el = await mountFor('worker-17');
      await answerFirst(el, { communicate: 3 });
      el.personKey = 'worker-42';
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: {} });
      await answerFirst(el, { safeguard: 1 });
      el.personKey = 'worker-17';
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: { communicate: 3 } });
      expect(stored(`${KEY}:person:worker-42`)!.responses.ratings).to.deep.equal({ safeguard: 1 });
    });

    it('keeps the submitted result per person: the next person does not see it', async () => {
      let el = await mountFor('worker-17');
      await submitAll(el);
      expect(localStorage.getItem(submissionKey('test-framework', 'appraisal-2025', 'worker-17'))).to.be.a('string');
      fixtureCleanup();
      el = await mountFor('worker-42');
      expect(el.lastSubmission).to.equal(null);
      expect($(el, '[part~="confirmation"]')).to.equal(null);
      fixtureCleanup();
      el = await mountFor('worker-17');
      expect(el.lastSubmission).to.not.equal(null);
      expect($(el, '[part~="shared-device"]')).to.equal(null);
    });
  });

  describe('<lf-self-assessment> without person-key', () => {
    it('says the restored answers may be someone else’s; “Not you? Start afresh” sets them aside and starts empty', async () => {
      const raw = serializeDraft(envelope({ savedAt: '2026-12-02T10:14:00.000Z' }));
      localStorage.setItem(KEY, raw);
      const el = await mountFor(null);
      const [notice] = notices(el, 'restored');
      expect(text(notice)).to.match(/^We have restored answers saved on this device on 2 December 2026 at \d\d:\d\d\. If they are not yours, start afresh\./);
      expect(text(notice)).to.not.contain('you saved');
      const button = notice!.querySelector<HTMLButtonElement>('button[part~="button-start-afresh"]')!;
      expect(text(button)).to.equal('Not you? Start afresh');
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: {} });
      expect($$<HTMLInputElement>(el, 'input[type="radio"]:checked')).to.have.length(0);
      expect(notices(el)).to.have.length(0);
      expect(localStorage.getItem(KEY), 'nothing of theirs stays where the next reload would find it').to.equal(null);
      const aside = setAsideKeys();
      expect(aside).to.have.length(1);
      expect(localStorage.getItem(aside[0]!), 'kept byte for byte, not deleted').to.equal(raw);
      expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.focus).to.equal('heading');

      // The new person's answers go to the draft key; the first person's copy stays.
      await answerFirst(el, { record: 1 });
      expect(stored()!.responses.ratings).to.deep.equal({ record: 1 });
      expect(localStorage.getItem(aside[0]!)).to.equal(raw);
    });

    it('leaves the answers in place when the person dismisses the notice instead', async () => {
      localStorage.setItem(KEY, serializeDraft(envelope()));
      const el = await mountFor(null);
      notices(el, 'restored')[0]!.querySelector<HTMLButtonElement>('button[part~="button-dismiss"]')!.click();
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: { communicate: 2, safeguard: 3 } });
      expect(setAsideKeys()).to.deep.equal([]);
    });

    it('offers “Not you?” on a kept result too, and sets the result aside', async () => {
      let el = await mountFor(null);
      await submitAll(el);
      const key = submissionKey('test-framework', 'appraisal-2025', null);
      const raw = localStorage.getItem(key)!;
      fixtureCleanup();

      el = await mountFor(null);
      expect(el.lastSubmission).to.not.equal(null);
      expect(text($(el, '[part~="shared-device"]'))).to.match(/^This result was saved on this device on .*\. If it is not yours, start afresh\.$/);
      await clickButton(el, 'button-start-afresh');
      expect(el.lastSubmission).to.equal(null);
      expect($(el, '[part~="confirmation"]')).to.equal(null);
      expect(localStorage.getItem(key)).to.equal(null);
      const aside = Object.keys(localStorage).filter((k) => isSetAsideKeyOf(k, key));
      expect(aside).to.have.length(1);
      expect(localStorage.getItem(aside[0]!)).to.equal(raw);
      fixtureCleanup();
      el = await mountFor(null);
      expect(el.lastSubmission, 'the next reload does not bring it back').to.equal(null);
    });
  });

  describe('<lf-quiz>', () => {
    const quizKey = quizDraftKey('test-bank', null);
    const make = (person: string | null) =>
      fixture<LfQuiz>(html`<lf-quiz storage="local" person-key=${person ?? ''} .bank=${makeBank()}></lf-quiz>`);
    const pick = async (el: LfQuiz, id: string) => {
      $$<HTMLInputElement>(el, 'input').find((i) => i.value === id)!.click();
      await el.updateComplete;
      flushAll();
    };

    it('with person-key, keeps each person’s quiz draft apart', async () => {
      let el = await make('worker-17');
      await pick(el, 'a');
      expect(Object.keys(el.answers)).to.have.length(1);
      expect(localStorage.getItem(`${quizKey}:person:worker-17`)).to.be.a('string');
      fixtureCleanup();
      el = await make('worker-42');
      expect(el.answers).to.deep.equal({});
      expect(notices(el)).to.have.length(0);
    });

    it('without person-key, “Not you? Start afresh” sets the draft aside and starts a new attempt', async () => {
      let el = await make(null);
      await pick(el, 'a');
      const raw = localStorage.getItem(quizKey)!;
      fixtureCleanup();
      el = await make(null);
      expect(Object.keys(el.answers)).to.have.length(1);
      expect(text(notices(el, 'restored')[0])).to.contain('If they are not yours, start afresh.');
      $<HTMLButtonElement>(el, 'button[part~="button-start-afresh"]')!.click();
      await el.updateComplete;
      expect(el.answers).to.deep.equal({});
      expect(localStorage.getItem(quizKey)).to.equal(null);
      const aside = Object.keys(localStorage).filter((k) => isSetAsideKeyOf(k, quizKey));
      expect(aside.map((k) => localStorage.getItem(k))).to.deep.equal([raw]);
    });

    it('reporting to an LMS, writes nothing to this device (the draft lives in the LMS)', async () => {
      const el = await fixture<LfQuiz>(html`<lf-quiz lms="scorm" storage="local" .bank=${makeBank()}></lf-quiz>`);
      await pick(el, 'a');
      expect(levelfitKeys(localStorage)).to.deep.equal([]);
      expect(levelfitKeys(sessionStorage)).to.deep.equal([]);
    });
  });

  describe('storage="none"', () => {
    it('keeps answers in memory per framework for the element’s life, and nothing on the device', async () => {
      const first = makeFramework();
      const second = makeFramework({ id: 'other-framework', title: 'Other framework' });
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${first}></lf-self-assessment>`);
      radio(el, 'communicate', 3).click();
      radio(el, 'safeguard', 1).click();
      await el.updateComplete;
      el.framework = second;
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: {} });
      radio(el, 'record', 2).click();
      await el.updateComplete;
      el.framework = first;
      await el.updateComplete;
      expect(el.responses, 'the first framework’s answers come back').to.deep.equal({ ratings: { communicate: 3, safeguard: 1 } });
      expect(notices(el), 'answers kept in memory come back without a notice').to.have.length(0);
      expect($(el, '[part~="draft-status"]')!.textContent!.trim(), 'nothing claims to be saved').to.equal('');
      el.framework = second;
      await el.updateComplete;
      expect(el.responses).to.deep.equal({ ratings: { record: 2 } });
      flushAll();
      expect(levelfitKeys(localStorage)).to.deep.equal([]);
      expect(levelfitKeys(sessionStorage)).to.deep.equal([]);
    });

    it('a new element starts empty (memory is per element)', async () => {
      let el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
      radio(el, 'communicate', 3).click();
      await el.updateComplete;
      fixtureCleanup();
      el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
      expect(el.responses).to.deep.equal({ ratings: {} });
    });
  });

  describe('set-aside copies', () => {
    it('keeps one copy per source draft however often the page is reloaded', async () => {
      // An answer the framework no longer takes: the usable ones are restored and the original kept aside.
      localStorage.setItem(KEY, serializeDraft(envelope({ responses: { ratings: { communicate: 2, gone: 1 } } })));
      for (let i = 0; i < 4; i++) {
        await mountFor(null);
        fixtureCleanup();
      }
      expect(setAsideKeys()).to.have.length(1);
    });

    it(`keeps at most ${SET_ASIDE_LIMIT} copies in all, removing the oldest first`, async () => {
      const old = (n: number) => `levelfit:draft:some-framework:set-aside:${1_700_000_000_000 + n}`;
      for (let n = 0; n < SET_ASIDE_LIMIT; n++) localStorage.setItem(old(n), `{"copy":${n}}`);
      localStorage.setItem(KEY, 'not json'); // set aside when the element opens
      await mountFor(null);
      const copies = levelfitKeys().filter((k) => k.includes(':set-aside:'));
      expect(copies).to.have.length(SET_ASIDE_LIMIT);
      expect(localStorage.getItem(old(0)), 'the oldest went first').to.equal(null);
      expect(localStorage.getItem(old(1))).to.equal('{"copy":1}');
      expect(localStorage.getItem(setAsideKeys()[0]!), 'the new copy is kept').to.equal('not json');
    });
  });

  describe('two writers on one key', () => {
    it('names a write from a writer not on this page “another tab or window”', async () => {
      const el = await mountFor(null);
      notices(el, 'restored').forEach((n) => n.querySelector<HTMLButtonElement>('button[part~="button-dismiss"]')?.click());
      await answerFirst(el, { communicate: 1 });
      const mine = stored()!;
      // Another tab (its writer id is not one of this page's) adds an answer.
      localStorage.setItem(KEY, serializeDraft({ ...mine, revision: mine.revision + 1, writer: 'a-writer-in-another-tab', responses: { ratings: { ...mine.responses.ratings, record: 2 } } }));
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, storageArea: localStorage }));
      await el.updateComplete;
      expect(noticeText(el)).to.contain('1 answer you gave in another tab or window has been added here.');
    });

    it('names another element on this page “another form on this page”', async () => {
      const a = await mountFor(null);
      const b = await mountFor(null);
      await answerFirst(a, { communicate: 2 });
      await answerFirst(b, { communicate: 3 });
      await b.updateComplete;
      expect(noticeText(b)).to.contain('Your answers were also changed in another form on this page');
      expect(noticeText(b)).to.not.contain('tab');
    });
  });

  it('does not show the draft key’s person in the markup (the id is not reflected)', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment .personKey=${'worker-17'} .framework=${makeFramework()}></lf-self-assessment>`);
    expect(el.hasAttribute('person-key')).to.equal(false);
    await answerFirst(el, { communicate: 2 });
    expect(stored(draftKey('test-framework', null) + ':person:worker-17')).to.not.equal(null);
  });
});
