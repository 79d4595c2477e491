import { aTimeout, expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { parseFramework } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import {
  createDraft,
  draftKey,
  DRAFT_VERSION,
  draftTargetOf,
  loadDraft,
  migrateDraft,
  serializeDraft,
  setAsideKeyFor,
  type DraftEnvelope,
} from '../../packages/elements/src/drafts/envelope.js';
import { openDraftStorage } from '../../packages/elements/src/drafts/storage.js';
import { makeFramework } from '../support/small-framework.js';
import { breakStorage, clearLevelfitStorage } from '../support/storage.js';
import { KEY, envelope, mount, noticeText, setAsideKeys } from '../support/drafts.js';
import { $, $$, answerStep, clickButton, radio, stepIndicator } from '../support/dom.js';

const framework = parseFramework(makeFramework());

describe('drafts: pure functions', () => {
  const target = draftTargetOf(framework);

  it('namespaces keys by framework id and assessment key', () => {
    expect(draftKey('clinical-homecare')).to.equal('levelfit:draft:clinical-homecare');
    expect(draftKey('clinical-homecare', 'jo-2025')).to.equal('levelfit:draft:clinical-homecare:jo-2025');
    expect(draftKey('clinical-homecare', '  ')).to.equal('levelfit:draft:clinical-homecare');
    expect(setAsideKeyFor(KEY, 5)).to.equal(`${KEY}:set-aside:5`);
  });

  it('serialises a versioned envelope and reads it back', () => {
    const now = new Date('2025-05-06T07:08:09.000Z');
    const draft = createDraft(framework, { ratings: { communicate: 1 }, step: 2, role: 'Team leader' }, now);
    expect(draft).to.deep.equal({
      v: DRAFT_VERSION,
      frameworkId: 'test-framework',
      frameworkVersion: '1.0',
      savedAt: '2025-05-06T07:08:09.000Z',
      revision: 0,
      writer: '',
      responses: { ratings: { communicate: 1 } },
      step: 2,
      role: 'Team leader',
    });
    expect(loadDraft(serializeDraft(draft), target)).to.deep.equal({ kind: 'loaded', draft });
  });

  it('treats nothing saved as no draft', () => {
    expect(loadDraft(null, target)).to.deep.equal({ kind: 'empty' });
    expect(loadDraft('', target)).to.deep.equal({ kind: 'empty' });
  });

  it('sets aside corrupt JSON and malformed envelopes as corrupt, without throwing', () => {
    for (const raw of ['{"v":1,', '[]', '"text"', '{}', JSON.stringify({ ...envelope(), responses: null }), JSON.stringify({ ...envelope(), step: -1 }), JSON.stringify({ ...envelope(), savedAt: 'yesterday' })]) {
      const read = loadDraft(raw, target);
      expect(read.kind, raw).to.equal('set-aside');
      expect(read.kind === 'set-aside' && read.reason, raw).to.equal('corrupt');
      expect(read.kind === 'set-aside' && read.raw, raw).to.equal(raw);
    }
  });

  it('drops (and lists) an answer that is not a number, restoring the rest', () => {
    const read = loadDraft(JSON.stringify(envelope({ responses: { ratings: { communicate: 'two' as unknown as number, safeguard: 3 } } })), target);
    expect(read.kind).to.equal('migrated');
    if (read.kind !== 'migrated') return;
    expect(read.dropped).to.deep.equal(['communicate']);
    expect(read.draft.responses.ratings).to.deep.equal({ safeguard: 3 });
  });

  // Changed with issue #5: a draft for an older framework version is restored (usable answers kept), not set aside.
  it('sets aside a draft for a newer framework version or a newer draft format; restores an older version', () => {
    const newerVersion = loadDraft(serializeDraft(envelope({ frameworkVersion: '1.1' })), target);
    expect(newerVersion).to.include({ kind: 'set-aside', reason: 'future-version' });
    const older = loadDraft(serializeDraft(envelope({ frameworkVersion: '0.9' })), target);
    expect(older).to.include({ kind: 'migrated' });
    const newer = loadDraft(JSON.stringify({ ...envelope(), v: DRAFT_VERSION + 1 }), target);
    expect(newer).to.include({ kind: 'set-aside', reason: 'future-version' });
    expect(migrateDraft({ ...envelope(), v: 0 })).to.include({ ok: false, reason: 'corrupt' });
  });

  it('keeps known answers and lists unknown items, off-scale ratings and unlisted roles', () => {
    const raw = serializeDraft(
      envelope({ responses: { ratings: { communicate: 2, retired: 3, safeguard: 9, ['__proto__']: 1 } }, role: 'Astronaut' }),
    );
    const read = loadDraft(raw, target);
    expect(read.kind).to.equal('migrated');
    if (read.kind !== 'migrated') return;
    expect(read.draft.responses.ratings).to.deep.equal({ communicate: 2 });
    expect(read.dropped).to.deep.equal(['retired', 'safeguard', '__proto__']);
    expect(read.droppedRole).to.equal('Astronaut');
    expect(read.draft.role).to.equal(null);
    expect(Object.getPrototypeOf(read.draft.responses.ratings)).to.equal(Object.prototype);
  });

  it('wraps storage that throws in results', () => {
    const stub = breakStorage();
    try {
      const store = openDraftStorage('local');
      expect(store.read('k').ok).to.equal(false);
      expect(store.write('k', 'v').ok).to.equal(false);
      expect(store.remove('k').ok).to.equal(false);
      expect(openDraftStorage('none').write('k', 'v').ok).to.equal(true);
    } finally {
      stub.restore();
    }
  });
});

describe('drafts in <lf-self-assessment>', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('autosaves about 300ms after the last answer, in a versioned envelope', async () => {
    const el = await mount();
    radio(el, 'communicate', 2).click();
    await aTimeout(100);
    radio(el, 'safeguard', 1).click();
    await aTimeout(150);
    expect(localStorage.getItem(KEY), 'debounced, not yet saved').to.equal(null);
    await waitUntil(() => localStorage.getItem(KEY), 'never saved', { timeout: 1000 });
    const saved = JSON.parse(localStorage.getItem(KEY)!) as DraftEnvelope;
    expect(saved).to.include({ v: DRAFT_VERSION, frameworkId: 'test-framework', frameworkVersion: '1.0', step: 0, role: null, revision: 1 });
    expect(saved.responses).to.deep.equal({ ratings: { communicate: 2, safeguard: 1 } });
    expect(Date.now() - Date.parse(saved.savedAt)).to.be.lessThan(5000);
    await el.updateComplete;
    const status = $(el, '[part="draft-status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.getAttribute('role')).to.equal('status');
    // Changed with issue #5: the status names the time ("Draft saved at 10:42"), throttled.
    expect(status.textContent!.trim()).to.match(/^Draft saved at \d{1,2}:\d{2}/);
  });

  it('flushes at once on pagehide and when the page is hidden', async () => {
    const el = await mount();
    radio(el, 'communicate', 3).click();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(JSON.parse(localStorage.getItem(KEY)!).responses.ratings).to.deep.equal({ communicate: 3 });

    radio(el, 'record', 1).click();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(JSON.parse(localStorage.getItem(KEY)!).responses.ratings).to.deep.equal({ communicate: 3, record: 1 });
  });

  it('survives a reload: a new element with the same key restores the answers, step and role', async () => {
    let el = await mount();
    const select = $<HTMLSelectElement>(el, 'select')!;
    select.value = 'Team leader';
    select.dispatchEvent(new Event('change'));
    await answerStep(el, (id) => (id === 'record' ? 3 : 1));
    await clickButton(el, 'button-continue');
    radio(el, 'one-a', 2).click();
    el.remove(); // the pending save is flushed on disconnect
    fixtureCleanup();

    el = await mount();
    expect(stepIndicator(el)).to.equal('Step 2 of 3');
    expect(radio(el, 'one-a', 2).checked).to.equal(true);
    expect(el.responses).to.deep.equal({ ratings: { communicate: 1, safeguard: 1, record: 3, 'one-a': 2 } });
    expect(noticeText(el)).to.match(/We have restored answers saved on this device on .*If they are not yours, start afresh\./);
    await clickButton(el, 'button-back');
    expect(radio(el, 'record', 3).checked).to.equal(true);
    expect($<HTMLSelectElement>(el, 'select')!.value).to.equal('Team leader');
  });

  it('keeps drafts with different assessment keys apart', async () => {
    const a = await mount({ key: 'a' });
    radio(a, 'communicate', 3).click();
    a.remove();
    const b = await mount({ key: 'b' });
    expect(b.responses).to.deep.equal({ ratings: {} });
    expect(localStorage.getItem('levelfit:draft:test-framework:a')).to.be.a('string');
  });

  it('uses sessionStorage with storage="session"', async () => {
    const el = await mount({ storage: 'session' });
    radio(el, 'communicate', 1).click();
    el.remove();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(JSON.parse(sessionStorage.getItem(KEY)!).responses.ratings).to.deep.equal({ communicate: 1 });
  });

  it('saves nothing with storage="none", and restores nothing', async () => {
    localStorage.setItem(KEY, serializeDraft(envelope()));
    const before = { ...localStorage };
    const el = await mount({ storage: 'none' });
    expect(el.responses).to.deep.equal({ ratings: {} });
    radio(el, 'communicate', 1).click();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await aTimeout(400);
    el.remove();
    expect({ ...localStorage }).to.deep.equal(before);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('levelfit:'))).to.deep.equal([]);
    expect($(el, '[part="draft-status"]')!.textContent!.trim()).to.equal('');
  });

  it('keeps the answers in memory and saves them to the new place when storage changes mid-assessment', async () => {
    const el = await mount({ storage: 'none' });
    radio(el, 'communicate', 2).click();
    el.storage = 'session';
    await el.updateComplete;
    expect(el.responses).to.deep.equal({ ratings: { communicate: 2 } });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(JSON.parse(sessionStorage.getItem(KEY)!).responses.ratings).to.deep.equal({ communicate: 2 });
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('clears the draft on submit', async () => {
    const el = await mount();
    for (let i = 0; i < 3; i++) {
      await answerStep(el, () => 2);
      await clickButton(el, 'button-continue');
    }
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(localStorage.getItem(KEY)).to.be.a('string');
    await clickButton(el, 'button-submit');
    await waitUntil(() => el.result !== null);
    await aTimeout(350);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('keeps working when storage throws, with one polite notice', async () => {
    const stub = breakStorage();
    try {
      const el = await mount();
      expect($$(el, 'fieldset')).to.have.length(3);
      await answerStep(el, () => 2);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await el.updateComplete;
      const notices = $(el, '[part="notices"]')!;
      expect(notices.getAttribute('aria-live')).to.equal('polite');
      expect(noticeText(el)).to.contain('Your answers cannot be saved on this device');
      // More failures do not add more notices; the form carries on to the end.
      radio(el, 'communicate', 3).click();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await el.updateComplete;
      expect($$(el, '[part="notice"]')).to.have.length(1);
      expect($(el, '[part="draft-status"]')!.textContent!.trim()).to.equal('');
      for (let i = 0; i < 3; i++) {
        await answerStep(el, () => 2);
        await clickButton(el, 'button-continue');
      }
      await clickButton(el, 'button-submit');
      await waitUntil(() => el.result !== null, 'did not submit');
      expect(el.result!.bestFit).to.equal('level-two');
      // Changed with issue #5: writes are conditional (re-read first), so a failing read stops the save before setItem.
      expect(stub.calls.filter((c) => c.method === 'getItem').length).to.be.greaterThan(1);
    } finally {
      stub.restore();
    }
  });

  // Changed with issue #5: set aside under `<key>:set-aside:<time>` (was `<key>:stale`); only a newer framework version is set aside.
  it('sets aside a draft for a newer framework version, with a visible notice', async () => {
    const raw = serializeDraft(envelope({ frameworkVersion: '2.0' }));
    localStorage.setItem(KEY, raw);
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: {} });
    expect(setAsideKeys()).to.have.length(1);
    expect(localStorage.getItem(setAsideKeys()[0]!)).to.equal(raw);
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(noticeText(el)).to.contain('newer version of this form or framework');
    expect(noticeText(el)).to.contain('They have been kept on this device');
  });

  it('sets aside corrupt JSON, with a visible notice, and starts clean', async () => {
    localStorage.setItem(KEY, '{"v":1,"responses":');
    const el = await mount();
    expect($$(el, 'fieldset')).to.have.length(3);
    const [aside] = setAsideKeys();
    expect(localStorage.getItem(aside!)).to.equal('{"v":1,"responses":');
    expect(noticeText(el)).to.contain('could not be read');
    radio(el, 'communicate', 2).click();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(JSON.parse(localStorage.getItem(KEY)!).responses.ratings).to.deep.equal({ communicate: 2 });
    expect(localStorage.getItem(aside!)).to.equal('{"v":1,"responses":');
  });

  it('restores known answers from a draft naming unknown items, and says so', async () => {
    localStorage.setItem(KEY, serializeDraft(envelope({ responses: { ratings: { communicate: 2, retired: 1, gone: 3 } }, step: 2 })));
    const el = await mount();
    expect(el.responses).to.deep.equal({ ratings: { communicate: 2 } });
    // The draft said step 3, but step 1 is not complete: it opens where the first gap is.
    expect(stepIndicator(el)).to.equal('Step 1 of 3');
    expect(noticeText(el)).to.contain('2 answers no longer apply: “retired”, “gone”.');
  });

  it('does not save over a draft it could not set aside', async () => {
    const raw = serializeDraft(envelope({ frameworkVersion: '2.0' }));
    localStorage.setItem(KEY, raw);
    const stub = breakStorage({ write: true });
    try {
      const el = await mount();
      radio(el, 'communicate', 2).click();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await el.updateComplete;
      expect(noticeText(el)).to.contain('Your answers cannot be saved on this device');
    } finally {
      stub.restore();
    }
    expect(localStorage.getItem(KEY)).to.equal(raw);
  });
});
