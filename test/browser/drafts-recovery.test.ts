import { aTimeout, expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { DRAFT_VERSION, serializeDraft } from '../../packages/elements/src/drafts/envelope.js';
import { breakStorage, clearLevelfitStorage } from '../support/storage.js';
import { $, answerAll, button, deepActiveElement, radio } from '../support/dom.js';
import { envelope, flushAll, isVisible, KEY, mount, notices, noticeText, setAsideKeys, stored } from '../support/drafts.js';

/**
 * Issue #5: corrupt, future-version, other-framework and older-framework drafts are migrated or set aside
 * with a visible notice (never thrown, never silently dropped); storage that throws leaves the form working
 * with one notice; the "Draft saved" status is a throttled polite live region.
 */

/** Replaces a `window` storage getter (as when storage is disabled) until `restore()`. */
function throwingGetter(name: 'localStorage' | 'sessionStorage'): { restore(): void } {
  const original = Object.getOwnPropertyDescriptor(window, name)!;
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  return { restore: () => Object.defineProperty(window, name, original) };
}

async function submitOnce(el: LfSelfAssessment): Promise<LfSubmitEvent[]> {
  const events: LfSubmitEvent[] = [];
  el.addEventListener('lf-submit', (e) => events.push(e));
  await answerAll(el, () => 2);
  setTimeout(() => button(el, 'button-submit').click());
  await oneEvent(el, 'lf-submit');
  return events;
}

describe('drafts: what cannot be used is set aside, with a notice', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('sets aside corrupt text byte for byte, says so in a visible polite status, and carries on', async () => {
    const raw = ' {"v":2,\n\t"responses": ☃ 💾 \u2028 \u0000 "naïve" ';
    localStorage.setItem(KEY, raw);
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: {} });
    const keys = setAsideKeys();
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/^levelfit:draft:test-framework:appraisal-2025:set-aside:\d{13}$/);
    expect(localStorage.getItem(keys[0]!)).to.equal(raw);
    expect(localStorage.getItem(keys[0]!)!.length).to.equal(raw.length);
    expect(localStorage.getItem(KEY)).to.equal(null);

    const region = $(el, '[part="notices"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(0);
    const [notice] = notices(el, 'set-aside');
    expect(isVisible(notice!)).to.equal(true);
    expect(noticeText(el)).to.contain('We could not use some answers saved on this device. They could not be read.');
    expect(noticeText(el)).to.contain('They have been kept on this device. You are starting a new assessment.');
    await expect(el).to.be.accessible();

    radio(el, 'communicate', 2).click();
    flushAll();
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 2 });
    expect(localStorage.getItem(keys[0]!)).to.equal(raw);
  });

  it('sets aside a draft saved in a future envelope version, naming when it was saved', async () => {
    const raw = JSON.stringify({ ...envelope(), v: DRAFT_VERSION + 1, somethingNew: [1, 2] });
    localStorage.setItem(KEY, raw);
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: {} });
    expect(localStorage.getItem(setAsideKeys()[0]!)).to.equal(raw);
    expect(noticeText(el)).to.contain('We could not use the answers you saved on 4 March 2025');
    expect(noticeText(el)).to.contain('They were saved with a newer version of this form or framework.');
    await expect(el).to.be.accessible();
  });

  it('sets aside a draft for another framework found under this key', async () => {
    const raw = serializeDraft(envelope({ frameworkId: 'other-framework' }));
    localStorage.setItem(KEY, raw);
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: {} });
    expect(localStorage.getItem(setAsideKeys()[0]!)).to.equal(raw);
    expect(noticeText(el)).to.contain('They are for a different framework.');
  });

  it('migrates a draft from an older framework version: keeps what applies, lists the rest, keeps a copy', async () => {
    const raw = serializeDraft(
      envelope({ frameworkVersion: '0.9', responses: { ratings: { communicate: 2, retired: 1, safeguard: 7, record: 3 } } }),
    );
    localStorage.setItem(KEY, raw);
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: { communicate: 2, record: 3 } });
    const text = noticeText(el);
    expect(text).to.contain('Your saved answers from 4 March 2025');
    expect(text).to.contain('were from an older version of the framework (0.9). We have restored the ones that still apply.');
    expect(text).to.contain('2 answers no longer apply: “retired”, “Safeguard people”.');
    expect(text).to.contain('A copy of your earlier answers has been kept on this device.');
    expect(localStorage.getItem(setAsideKeys()[0]!)).to.equal(raw);
    expect(isVisible(notices(el, 'restored')[0]!)).to.equal(true);
    await expect(el).to.be.accessible();

    radio(el, 'safeguard', 1).click();
    flushAll();
    expect(stored()).to.include({ v: DRAFT_VERSION, frameworkVersion: '1.0', revision: 4 });
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 2, record: 3, safeguard: 1 });
  });

  it('migrates an older envelope (version 1) without losing anything or keeping a copy', async () => {
    const { revision: _r, writer: _w, ...rest } = envelope({ responses: { ratings: { communicate: 1 } }, role: 'Team leader' });
    localStorage.setItem(KEY, JSON.stringify({ ...rest, v: 1 }));
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: { communicate: 1 } });
    expect(noticeText(el)).to.match(/^We have restored answers saved on this device on 4 March 2025/);
    expect(setAsideKeys()).to.deep.equal([]);
    radio(el, 'safeguard', 1).click();
    flushAll();
    expect(stored()).to.include({ v: DRAFT_VERSION, revision: 1, role: 'Team leader' });
  });

  it('lets a notice be dismissed, moving focus to the step heading', async () => {
    localStorage.setItem(KEY, 'not json');
    const el = await mount();
    const dismiss = notices(el)[0]!.querySelector<HTMLButtonElement>('button[part~="button-dismiss"]')!;
    expect(dismiss.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Dismiss this message');
    dismiss.click();
    await el.updateComplete;
    expect(notices(el)).to.have.length(0);
    expect(deepActiveElement()).to.equal($(el, '[data-focus="heading"]'));
    expect(localStorage.getItem(setAsideKeys()[0]!)).to.equal('not json');
  });
});

describe('drafts: storage that throws', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  const variants: [string, () => { restore(): void }, string?][] = [
    ['the localStorage getter throws (storage disabled)', () => throwingGetter('localStorage')],
    ['the sessionStorage getter throws', () => throwingGetter('sessionStorage'), 'session'],
    ['getItem throws', () => breakStorage({ read: true })],
    ['setItem throws QuotaExceededError', () => breakStorage({ write: true })],
    ['every method throws', () => breakStorage()],
  ];

  for (const [name, breakIt, storage] of variants) {
    it(`keeps the form working in memory with one notice when ${name}`, async () => {
      const stub = breakIt();
      try {
        const el = await mount(storage ? { storage } : {});
        const added: Node[] = [];
        const observer = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
        observer.observe($(el, '[part="notices"]')!, { childList: true, subtree: true });
        // Many changes, each flushed: still one notice.
        for (const value of [0, 1, 2, 3, 2, 1]) {
          radio(el, 'communicate', value).click();
          flushAll();
          await el.updateComplete;
        }
        expect(notices(el, 'storage-unavailable')).to.have.length(1);
        expect(notices(el)).to.have.length(1);
        expect(noticeText(el)).to.equal(
          'Your answers cannot be saved on this device. They will be kept until you leave this page, and you can still finish and submit the assessment. Dismiss this message',
        );
        expect(isVisible(notices(el)[0]!)).to.equal(true);
        expect($(el, '[part="draft-status"]')!.textContent!.trim()).to.equal('');
        await expect(el).to.be.accessible();
        const events = await submitOnce(el);
        await aTimeout(50);
        expect(events).to.have.length(1);
        expect(el.responses.ratings.communicate).to.equal(2);
        // The notice stayed through the steps, and was never added again.
        const addedNotices = added.filter((n) => n instanceof HTMLElement && n.dataset.notice === 'storage-unavailable');
        expect(addedNotices.length).to.be.at.most(1);
        observer.disconnect();
      } finally {
        stub.restore();
      }
    });
  }

  it('shows the storage notice once per element even after it is dismissed and storage fails again', async () => {
    const stub = breakStorage({ write: true });
    try {
      const el = await mount();
      radio(el, 'communicate', 1).click();
      flushAll();
      await el.updateComplete;
      notices(el)[0]!.querySelector<HTMLButtonElement>('button')!.click();
      await el.updateComplete;
      radio(el, 'communicate', 2).click();
      flushAll();
      await el.updateComplete;
      expect(notices(el)).to.have.length(0);
    } finally {
      stub.restore();
    }
  });
});

describe('drafts: the "Draft saved" status', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('is a visible polite status that changes at most once per throttle period', async () => {
    const el = await mount();
    const status = $(el, '[part="draft-status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    radio(el, 'communicate', 1).click();
    await waitUntil(() => status.textContent!.trim() !== '', 'never said saved', { timeout: 2000 });
    expect(status.textContent!.trim()).to.match(/^Draft saved at \d{1,2}:\d{2}/);
    expect(isVisible(status)).to.equal(true);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((r) => changes.push(...r));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    for (const value of [2, 3, 0, 1]) {
      radio(el, 'communicate', value).click();
      flushAll();
      await el.updateComplete;
    }
    observer.disconnect();
    expect(stored()!.responses.ratings.communicate).to.equal(1);
    expect(changes, 'four saves, no new announcement').to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
