import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { serializeDraft } from '../../packages/elements/src/drafts/envelope.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, deepActiveElement, radio } from '../support/dom.js';
import { envelope, flushAll, KEY, mount, notices, noticeText, setAsideKeys, storageEvent, stored } from '../support/drafts.js';

/**
 * Issue #5: two tabs on one draft do not silently overwrite each other. Two elements with the same key on
 * one page stand in for two tabs (each has its own writer id); a page never receives `storage` events for
 * its own writes, so the tests dispatch them, and also check writes that race with no event at all.
 */
describe('drafts: two tabs on one draft', () => {
  let a: LfSelfAssessment;
  let b: LfSelfAssessment;

  beforeEach(async () => {
    clearLevelfitStorage();
    a = await mount();
    b = await mount();
  });
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  const actionButton = (el: LfSelfAssessment, part: string): HTMLButtonElement =>
    notices(el, 'conflict')[0]!.querySelector<HTMLButtonElement>(`button[part~="${part}"]`)!;

  /** Both tabs agree on communicate=2 (A saved, B heard about it). */
  async function shareOneAnswer(): Promise<void> {
    radio(a, 'communicate', 2).click();
    flushAll();
    storageEvent();
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: { communicate: 2 } });
  }

  /** Then A saves 3 while B changes to 1 and hears about A's save: a conflict in B. */
  async function conflictInB(): Promise<void> {
    await shareOneAnswer();
    radio(a, 'communicate', 3).click();
    flushAll();
    radio(b, 'communicate', 1).click();
    storageEvent();
    await b.updateComplete;
  }

  it('each save carries a revision and the writer; the other tab takes in new answers from a storage event', async () => {
    radio(a, 'safeguard', 1).click();
    flushAll();
    const first = stored()!;
    expect(first.revision).to.equal(1);
    expect(first.writer).to.be.a('string').with.length.greaterThan(8);
    expect(Date.now() - Date.parse(first.savedAt)).to.be.lessThan(5000);

    storageEvent();
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: { safeguard: 1 } });
    expect(radio(b, 'safeguard', 1).checked).to.equal(true);
    // two elements on one page stand in for the two tabs, so the notice names "another form on this page"
    // (a write from a writer not on this page says "another tab or window": see the test below)
    expect(noticeText(b)).to.contain('1 answer you gave in another form on this page has been added here.');
    expect(notices(a)).to.have.length(0);

    radio(b, 'record', 3).click();
    flushAll();
    const second = stored()!;
    expect(second.revision).to.equal(2);
    expect(second.writer).to.not.equal(first.writer);
    expect(second.responses.ratings).to.deep.equal({ safeguard: 1, record: 3 });
  });

  it('merges two real writes with no storage event in between (the write re-reads first)', async () => {
    radio(a, 'communicate', 1).click();
    flushAll(); // A writes revision 1
    radio(b, 'safeguard', 2).click();
    flushAll(); // B finds revision 1, merges, writes revision 2
    expect(stored()!.revision).to.equal(2);
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 1, safeguard: 2 });
    expect(b.responses).to.deep.equal({ ratings: { communicate: 1, safeguard: 2 } });
    radio(a, 'record', 0).click();
    flushAll(); // A finds revision 2, merges, writes revision 3
    expect(stored()!.revision).to.equal(3);
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 1, safeguard: 2, record: 0 });
    expect(a.responses).to.deep.equal({ ratings: { communicate: 1, safeguard: 2, record: 0 } });
  });

  it('does not clobber a conflicting real write: the second writer holds its answers aside and asks', async () => {
    radio(a, 'communicate', 2).click();
    flushAll();
    const aWrite = localStorage.getItem(KEY);
    radio(b, 'communicate', 3).click();
    flushAll();
    await b.updateComplete;
    expect(localStorage.getItem(KEY), 'A’s draft is untouched').to.equal(aWrite);
    expect(notices(b, 'conflict')).to.have.length(1);
    const [aside] = setAsideKeys();
    expect(stored(aside)!.responses.ratings).to.deep.equal({ communicate: 3 });
    expect(b.responses.ratings.communicate).to.equal(3);
  });

  it('shows a conflict as a polite, accessible notice with two choices, and writes nothing until one is made', async () => {
    await conflictInB();
    expect(b.responses.ratings.communicate).to.equal(1);
    const [notice] = notices(b, 'conflict');
    expect(notice).to.exist;
    expect($(b, '[part="notices"]')!.getAttribute('role')).to.equal('status');
    expect(noticeText(b)).to.contain('Your answers were also changed in another form on this page');
    expect(noticeText(b)).to.contain('1 answer is different there: “Communicate clearly”.');
    expect(actionButton(b, 'button-use-theirs').textContent!.trim()).to.equal('Use the other form’s answers');
    expect(actionButton(b, 'button-keep-mine').textContent!.trim()).to.equal('Keep mine');
    expect(notice!.querySelector('button[part~="button-dismiss"]')).to.equal(null);
    await expect(b).to.be.accessible();

    flushAll();
    expect(stored()!.responses.ratings.communicate, 'A’s answer stays').to.equal(3);
    expect(stored(setAsideKeys()[0])!.responses.ratings.communicate, 'B’s answer is kept aside').to.equal(1);
    // Moving between steps does not hide an open conflict.
    radio(b, 'safeguard', 1).click();
    radio(b, 'record', 1).click();
    $<HTMLButtonElement>(b, 'button[part~="button-continue"]')!.click();
    await b.updateComplete;
    expect(notices(b, 'conflict')).to.have.length(1);
  });

  it('“Keep mine” writes this tab’s answers over the newer revision, and the other tab takes them in', async () => {
    await conflictInB();
    const before = stored()!.revision;
    actionButton(b, 'button-keep-mine').click();
    await b.updateComplete;
    expect(notices(b, 'conflict')).to.have.length(0);
    expect(deepActiveElement()).to.equal($(b, '[data-focus="heading"]'));
    expect(stored()!.responses.ratings.communicate).to.equal(1);
    expect(stored()!.revision).to.equal(before + 1);
    expect(setAsideKeys(), 'the held copy is no longer needed').to.deep.equal([]);
    storageEvent();
    await a.updateComplete;
    expect(a.responses.ratings.communicate).to.equal(1);
    expect(radio(a, 'communicate', 1).checked).to.equal(true);
  });

  it('“Use the other tab’s answers” takes them where the tabs differ and keeps this tab’s other answers', async () => {
    await conflictInB();
    radio(b, 'record', 2).click(); // only B has this one
    const before = localStorage.getItem(KEY);
    actionButton(b, 'button-use-theirs').click();
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: { communicate: 3, record: 2 } });
    expect(radio(b, 'communicate', 3).checked).to.equal(true);
    expect(notices(b, 'conflict')).to.have.length(0);
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 3, record: 2 });
    expect(JSON.parse(before!).revision + 1).to.equal(stored()!.revision);
  });

  it('keeps this tab’s answers when another tab submits or starts again (the draft is removed)', async () => {
    await shareOneAnswer();
    localStorage.removeItem(KEY);
    storageEvent();
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: { communicate: 2 } });
    expect(notices(b)).to.have.length(1); // only the earlier "added here"
    radio(b, 'safeguard', 1).click();
    flushAll();
    expect(stored()!.responses.ratings).to.deep.equal({ communicate: 2, safeguard: 1 });
  });

  it('ignores storage events for other keys and other storage areas', async () => {
    localStorage.setItem(KEY, serializeDraft(envelope({ responses: { ratings: { record: 1 } } })));
    storageEvent(`${KEY}:other`);
    storageEvent(KEY, sessionStorage);
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: {} });
    storageEvent(KEY);
    await b.updateComplete;
    expect(b.responses).to.deep.equal({ ratings: { record: 1 } });
  });
});
