/**
 * The last submission is kept on this device: a reload after Submit shows the same result ("Your result from
 * …"), `lastSubmission` holds it and `lf-restore` hands it to the host page; "Start again" asks first and
 * keeps the result until new answers are submitted.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfRestoreEvent } from '../../packages/elements/src/events/lf-restore.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { decodeSubmission, encodeSubmission, submissionKey } from '../../packages/elements/src/self-assessment/submission.js';
import { makeFramework } from '../support/small-framework.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, answerAll, clickButton, stepIndicator } from '../support/dom.js';

/** The heading of the confirmation or of "Start again?". */
const headingText = (el: Element): string => $(el, 'h2')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const KEY = 'kept-result';
const fw = makeFramework();
const levelOne = (id: string): number => (id.startsWith('two-') ? 0 : id === 'record' ? 3 : 2);

function form(storage = 'local', attrs: { sent?: boolean } = {}): Promise<LfSelfAssessment> {
  return fixture<LfSelfAssessment>(
    html`<lf-self-assessment storage=${storage} assessment-key=${KEY} ?sent=${attrs.sent ?? false} .framework=${fw}></lf-self-assessment>`,
  );
}

async function submitted(el: LfSelfAssessment): Promise<LfSubmitEvent> {
  await answerAll(el, levelOne);
  setTimeout(() => $<HTMLButtonElement>(el, 'button[part~="button-submit"]')!.click());
  const ev = (await oneEvent(el, 'lf-submit')) as LfSubmitEvent;
  await el.updateComplete;
  return ev;
}

describe('<lf-self-assessment> keeps the submitted result', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('says the result is ready (not that someone got it), with print and start again', async () => {
    const el = await form();
    await submitted(el);
    expect(headingText(el)).to.equal('Your result is ready');
    expect($(el, '[part~="button-print"]')).to.exist;
    expect($(el, '[part~="button-restart"]')!.textContent!.trim()).to.equal('Start again');
    // One explanation: the result element shows it, the confirmation does not repeat it.
    expect($(el, '[part="confirmation"]')!.textContent).to.contain('Level one');
    expect(el.shadowRoot!.textContent).to.not.contain('Why');
  });

  it('says it was sent only when the host says so', async () => {
    const el = await form('local', { sent: true });
    await submitted(el);
    expect(headingText(el)).to.equal('Your result has been sent');
  });

  it('after a reload shows the same result, exposes it and fires lf-restore for the host', async () => {
    const first = await form();
    const { detail } = await submitted(first);
    fixtureCleanup();
    let restored: LfRestoreEvent | null = null;
    const listen = (e: Event) => (restored = e as LfRestoreEvent);
    document.addEventListener('lf-restore', listen);
    try {
      const el = await form();
      await waitUntil(() => restored !== null, 'no lf-restore');
      const sub = el.lastSubmission!;
      expect(sub.result).to.deep.equal(JSON.parse(JSON.stringify(detail.result)));
      expect(sub.responses).to.deep.equal(detail.responses);
      expect(sub.frameworkId).to.equal(fw.id);
      expect(sub.frameworkVersion).to.equal(fw.version);
      expect(restored!.detail.submission).to.deep.equal(sub);
      expect(el.result).to.deep.equal(sub.result);
      const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(sub.submittedAt));
      expect(headingText(el)).to.equal(`Your result from ${date}`);
      expect($(el, '[part="confirmation"]')!.textContent).to.contain('Level one');
    } finally {
      document.removeEventListener('lf-restore', listen);
    }
  });

  it('"Start again" asks first; "No, go back" keeps everything; yes clears the answers but keeps the result', async () => {
    const el = await form();
    await submitted(el);
    await clickButton(el, 'button-restart');
    expect(headingText(el)).to.equal('Start again?');
    expect(el.shadowRoot!.textContent).to.contain('Your last result stays saved on this device until you submit new answers.');
    await clickButton(el, 'button-restart-cancel');
    expect(headingText(el)).to.equal('Your result is ready');
    await clickButton(el, 'button-restart');
    await clickButton(el, 'button-restart-confirm');
    expect(stepIndicator(el)).to.equal('Step 1 of 3');
    expect(el.responses).to.deep.equal({ ratings: {} });
    expect(el.lastSubmission).to.not.equal(null);
    expect(localStorage.getItem(submissionKey(fw.id, KEY))).to.not.equal(null);
  });

  it('answers in progress win over the kept result after a reload; the kept one is still exposed', async () => {
    const first = await form();
    await submitted(first);
    await clickButton(first, 'button-restart');
    await clickButton(first, 'button-restart-confirm');
    const radio = $<HTMLInputElement>(first, 'input[type="radio"]')!;
    radio.click();
    await first.updateComplete;
    first.remove(); // flushes the draft
    fixtureCleanup();
    const el = await form();
    expect(stepIndicator(el)).to.equal('Step 1 of 3');
    expect(el.lastSubmission).to.not.equal(null);
  });

  it('storage="none" keeps nothing; clearSubmission() forgets the kept result', async () => {
    const none = await form('none');
    await submitted(none);
    expect(localStorage.getItem(submissionKey(fw.id, KEY))).to.equal(null);
    fixtureCleanup();
    const el = await form();
    await submitted(el);
    expect(localStorage.getItem(submissionKey(fw.id, KEY))).to.not.equal(null);
    el.clearSubmission();
    expect(el.lastSubmission).to.equal(null);
    expect(localStorage.getItem(submissionKey(fw.id, KEY))).to.equal(null);
  });

  it('an unreadable, foreign or future kept submission is ignored, never thrown on', async () => {
    const good = {
      frameworkId: fw.id,
      frameworkVersion: fw.version,
      submittedAt: '2026-12-02T10:00:00.000Z',
      responses: { ratings: { record: 3 } },
      role: null,
      result: { bestFit: null, levels: [] },
    };
    const raw = encodeSubmission(good as never);
    expect(decodeSubmission(raw, fw.id)).to.deep.equal(good);
    expect(decodeSubmission(raw, 'other-framework')).to.equal(null);
    expect(decodeSubmission('{not json', fw.id)).to.equal(null);
    expect(decodeSubmission(JSON.stringify({ ...JSON.parse(raw), v: 99 }), fw.id)).to.equal(null);
    expect(decodeSubmission(JSON.stringify({ ...JSON.parse(raw), submittedAt: 'yesterday' }), fw.id)).to.equal(null);
    expect(decodeSubmission(JSON.stringify({ ...JSON.parse(raw), responses: { ratings: { a: 'x' } } }), fw.id)).to.equal(null);
    localStorage.setItem(submissionKey(fw.id, KEY), '{"v":1,"frameworkId":"');
    const el = await form();
    expect(el.lastSubmission).to.equal(null);
    expect(stepIndicator(el)).to.equal('Step 1 of 3');
  });
});
