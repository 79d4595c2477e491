import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { verifyRecord, type AssessmentRecord } from '@levelfit/engine';
import '../../packages/elements/src/review/define.js';
import type { LfReview } from '../../packages/elements/src/review/review.js';
import type { LfReviewSubmitEvent } from '../../packages/elements/src/events/lf-review-submit.js';
import { recordKeyOf, reviewDraftKey } from '../../packages/elements/src/drafts/review-envelope.js';
import { inReviewRecord, returnedRecord, reviewFramework, signedOffRecord, submittedRecord, tamperedRecord } from '../../stories/support/review-records.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, $$, deepActiveElement, press, tabUntil } from '../support/dom.js';
import { flushAll, storageEvent } from '../support/drafts.js';

const mount = (record: AssessmentRecord, storage = 'none') =>
  fixture<LfReview>(html`<lf-review
    storage=${storage}
    reviewer-id="sup-007"
    reviewer-name="Ann Patel"
    reviewer-role="Field care supervisor"
    .framework=${reviewFramework}
    .record=${record}
  ></lf-review>`);

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: LfReview) => text($(el, '[part~="heading"]'));
const items = (el: LfReview) => $$(el, '[part~="item"]').map((i) => i.dataset.item);
const click = async (el: LfReview, part: string) => {
  const b = $<HTMLButtonElement>(el, `button[part~="${part}"]`);
  if (!b) throw new Error(`no ${part} button`);
  b.click();
  await el.updateComplete;
};
const choose = async (el: LfReview, id: string, value: 'agree' | number) => {
  const input = $<HTMLInputElement>(el, value === 'agree' ? `#d-${id}` : `#d-${id}-${value}`);
  if (!input) throw new Error(`no decision ${id}=${value}`);
  input.click();
  await el.updateComplete;
};
const isButton = (part: string) => (a: Element | null) => a instanceof HTMLButtonElement && a.part.contains(part);
const events = (el: LfReview) => {
  const seen: LfReviewSubmitEvent[] = [];
  el.addEventListener('lf-review-submit', (e) => seen.push(e));
  return seen;
};

describe('<lf-review>', function () {
  // the first axe run loads axe-core; on a loaded 2-core machine that alone can pass the default 10 s
  this.timeout(30_000);
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('shows each item with the person’s own rating, agree as one choice and the other ratings as another; accessible', async () => {
    const el = await mount(submittedRecord());
    expect(heading(el)).to.equal('Review Sam Okafor’s self-assessment');
    expect(items(el)).to.deep.equal(reviewFramework.items.map((i) => i.id));
    const card = $(el, '[data-item="wash-hands"]')!;
    expect(text(card.querySelector('[part~="self-rating"]'))).to.equal('Sam Okafor’s rating: Proficient');
    const labels = [...card.querySelectorAll('[part="decision"] label')].map(text);
    expect(labels).to.deep.equal(['Agree: Proficient', 'Not yet', 'Developing', 'Competent']);
    expect(text(card)).to.contain('Infection control course');
    expect(text($(el, '[part="progress"]'))).to.equal('You have reviewed 0 of 8 items.');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px phone screen without sideways scrolling, on the list and with evidence being added', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="phone"></div>`);
    wrapper.style.width = '320px';
    const el = document.createElement('lf-review') as LfReview;
    el.setAttribute('storage', 'none');
    el.setAttribute('reviewer-id', 'sup-007');
    el.framework = reviewFramework;
    el.record = inReviewRecord();
    wrapper.append(el);
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    await click(el, 'button-add-evidence');
    expect(el.scrollWidth).to.be.at.most(320);
    await click(el, 'button-continue');
    expect(el.scrollWidth).to.be.at.most(320);
  });

  it('filters: all, different ratings, not yet reviewed', async () => {
    const el = await mount(inReviewRecord());
    const filter = async (f: string) => {
      $<HTMLInputElement>(el, `#filter-${f}`)!.click();
      await el.updateComplete;
    };
    expect(text($(el, 'label[for="filter-differences"]'))).to.equal('Different ratings (1)');
    await filter('differences');
    expect(items(el)).to.deep.equal(['mentoring']);
    await filter('unreviewed');
    expect(items(el)).to.deep.equal(['carer-i1', 'carer-i2', 'senior-i1', 'senior-i2']);
    await choose(el, 'carer-i2', 1);
    expect(items(el)).to.deep.equal(['carer-i1', 'senior-i1', 'senior-i2']);
    expect(text($(el, 'label[for="filter-differences"]'))).to.equal('Different ratings (2)');
    await filter('differences');
    expect(items(el)).to.deep.equal(['mentoring', 'carer-i2']);
    // choosing the person's own rating is "agree", not a difference
    await choose(el, 'carer-i2', 'agree');
    expect(items(el)).to.deep.equal(['mentoring']);
    await filter('all');
    expect(items(el)).to.have.length(8);
    await expect(el).to.be.accessible();
  });

  it('by keyboard: decide, note, agree with all remaining (confirmed), check, declaration, sign off once', async () => {
    const el = await mount(submittedRecord());
    const seen = events(el);
    // First item: Tab to its "Agree" radio, Space; then ArrowDown to "Not yet" … and back up to Agree.
    const first = (await tabUntil((a) => a instanceof HTMLInputElement && a.id === 'd-wash-hands', 20)) as HTMLInputElement;
    await press('Space');
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    // the second item: lower the rating with the arrow keys
    await tabUntil((a) => a instanceof HTMLInputElement && a.id === 'd-moving-safely', 10);
    await press('ArrowDown');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).id).to.equal('d-moving-safely-0');
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.decisions['moving-safely']).to.deep.equal({ rating: 1 });
    await press('Tab'); // the note
    expect((deepActiveElement() as HTMLTextAreaElement).id).to.equal('n-moving-safely');
    for (const ch of 'Needs a refresher') await press(ch === ' ' ? 'Space' : ch);
    await el.updateComplete;
    expect(el.decisions['moving-safely']!.note).to.equal('Needs a refresher');

    await tabUntil(isButton('button-agree-all'), 80);
    await press('Enter');
    await el.updateComplete;
    expect(heading(el)).to.equal('Agree with all 6 remaining ratings?');
    expect(deepActiveElement()).to.equal($(el, '[part~="heading"]'));
    await tabUntil(isButton('button-confirm-agree-all'), 5);
    await press('Enter');
    await el.updateComplete;
    expect(text($(el, '[part="progress"]'))).to.equal('You have reviewed 8 of 8 items.');

    await tabUntil(isButton('button-continue'), 120);
    await press('Enter');
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your review');
    await el.updateComplete;
    const levels = $$(el, '.levels dd').map(text);
    // "Helps people move safely" is needed at both levels: lowered below competent, no level is met in full
    expect(levels).to.deep.equal(['Senior care worker', 'No level met in full yet']);
    const diffs = $$(el, '[part="check"] .summary-list:not(.levels)')[0]!;
    expect(text(diffs)).to.contain('Competent changed to Developing');
    expect(text(diffs)).to.contain('Needs a refresher');

    // Sign off without the declaration: the error summary takes focus; its link goes to the checkbox.
    await tabUntil(isButton('button-sign-off'), 40);
    await press('Enter');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '[part="error-summary"]'));
    expect(seen).to.have.length(0);
    await tabUntil((a) => a instanceof HTMLAnchorElement, 3);
    await press('Enter');
    await el.updateComplete;
    expect((deepActiveElement() as HTMLInputElement).id).to.equal('declaration');
    await press('Space');
    await el.updateComplete;
    await tabUntil(isButton('button-sign-off'), 3);
    const fired = oneEvent(el, 'lf-review-submit');
    await press('Enter');
    await press('Enter'); // a second Enter while sending is ignored
    const event = (await fired) as LfReviewSubmitEvent;
    await el.updateComplete;
    expect(seen).to.have.length(1);
    const { action, record, result } = event.detail;
    expect(action).to.equal('sign-off');
    expect(record.status).to.equal('signed-off');
    expect(record.signOff!.by).to.deep.equal({ id: 'sup-007', name: 'Ann Patel', role: 'Field care supervisor' });
    expect((await verifyRecord(record)).status).to.equal('verified');
    expect(result.self.bestFit).to.equal('senior');
    expect(result.confirmed.bestFit).to.equal(null);
    expect(result.differences.map((d) => d.itemId)).to.deep.equal(['moving-safely']);
    expect(result.unconfirmed).to.deep.equal([]);
    expect(heading(el)).to.equal('');
    expect(text($(el, '[part="confirmation"]'))).to.contain('Review signed off');
    await expect(el).to.be.accessible();
  });

  it('a failed save (say a 412) goes back to the check page with the message; nothing is lost; a new submission fires again', async () => {
    const el = await mount(inReviewRecord(), 'local');
    const seen = events(el);
    await click(el, 'button-agree-all');
    await click(el, 'button-confirm-agree-all');
    await click(el, 'button-continue');
    $<HTMLInputElement>(el, '#declaration')!.click();
    await el.updateComplete;
    await click(el, 'button-sign-off');
    await oneEvent(el, 'lf-review-submit').catch(() => undefined);
    await el.updateComplete;
    expect(seen).to.have.length(1);
    el.reviewFailed('Someone else signed this record off at 14:02. Your review is kept on this device.');
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your review');
    expect(text($(el, '[part="error-summary"]'))).to.contain('Someone else signed this record off');
    expect(el.decisions.mentoring).to.deep.equal({ rating: 1, note: 'Not yet seen showing a new starter. Plan a shadow shift.' });
    // the draft still holds the review
    flushAll();
    const key = reviewDraftKey(recordKeyOf(inReviewRecord()));
    expect(Object.keys(JSON.parse(localStorage.getItem(key)!).items)).to.have.length(8);
    await click(el, 'button-sign-off');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(2);
    // the host stores it and gives the stored record back: the draft is removed
    el.record = seen[1]!.detail.record;
    await el.updateComplete;
    expect(localStorage.getItem(key)).to.equal(null);
    expect(text($(el, '[part="base"]'))).to.contain('The record has been saved.');
  });

  it('returns the record with a reason (required)', async () => {
    const el = await mount(inReviewRecord());
    await click(el, 'button-return');
    expect(heading(el)).to.equal('Return to Sam Okafor');
    await click(el, 'button-send-back');
    expect(text($(el, '[part="error-summary"]'))).to.contain('Enter what the person should look at again');
    await expect(el).to.be.accessible();
    const area = $<HTMLTextAreaElement>(el, '#return-reason')!;
    area.value = 'Please add your moving and handling dates.';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const fired = oneEvent(el, 'lf-review-submit');
    await click(el, 'button-send-back');
    const { detail } = (await fired) as LfReviewSubmitEvent;
    expect(detail.action).to.equal('return');
    expect(detail.record.status).to.equal('returned');
    expect(detail.record.returned!.reason).to.equal('Please add your moving and handling dates.');
    expect(detail.record.review!.items.mentoring).to.deep.equal(inReviewRecord().review!.items.mentoring);
  });

  it('evidence: a javascript: link is refused inline; a safe link is added and shown as a link', async () => {
    const el = await mount(submittedRecord());
    await click(el, 'button-add-evidence');
    const set = async (id: string, value: string) => {
      const input = $<HTMLInputElement>(el, `#ev-wash-hands-${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    $<HTMLInputElement>(el, '#ev-wash-hands-kind-5')!.click(); // link
    await set('label', 'Hand hygiene audit');
    await set('ref', 'javascript:alert(1)');
    await click(el, 'button-save-evidence');
    expect(text($(el, '[part="error-summary"]'))).to.contain('Enter a full web address that starts with https://');
    expect(el.decisions['wash-hands']).to.equal(undefined);
    await set('ref', 'https://example.org/audit.pdf');
    await click(el, 'button-save-evidence');
    expect(el.decisions['wash-hands']!.evidence).to.deep.equal([
      { kind: 'link', label: 'Hand hygiene audit', date: new Date().toISOString().slice(0, 10), ref: 'https://example.org/audit.pdf' },
    ]);
    const link = $<HTMLAnchorElement>(el, '[data-item="wash-hands"] .evidence-list a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/audit.pdf');
    expect(link.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('a signed-off record is read-only; one changed after signing shows a warning', async () => {
    const el = await mount(await signedOffRecord());
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(heading(el)).to.equal('Sam Okafor’s signed-off review');
    expect($(el, '[data-notice="verified"]')).to.exist;
    expect($$(el, 'input[type="radio"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    el.record = await tamperedRecord();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const warning = $(el, '[part~="notice-warning"]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(text(warning)).to.contain('This record has changed since it was signed off.');
    expect($$(el, 'input[type="radio"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a returned record is read-only with its reason', async () => {
    const el = await mount(returnedRecord());
    expect(heading(el)).to.equal('Sam Okafor’s review was returned');
    expect(text($(el, '[part="base"]'))).to.contain('Please add the dates of your moving and handling refresher');
  });

  it('a record that is not one shows the issues inline and fires lf-error once', async () => {
    const bad = JSON.parse(JSON.stringify(inReviewRecord()));
    bad.review.items.mentoring.evidence = [{ kind: 'link', label: 'x', date: '2026-12-01', ref: 'javascript:alert(1)' }];
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const errors: Event[] = [];
    wrapper.addEventListener('lf-error', (e) => errors.push(e));
    const el = document.createElement('lf-review') as LfReview;
    el.setAttribute('reviewer-id', 'sup-007');
    el.record = bad;
    wrapper.append(el);
    await el.updateComplete;
    expect(text($(el, '[part="error"]'))).to.contain('review.items.mentoring.evidence[0].ref');
    expect(errors).to.have.length(1);
  });

  it('drafts: the review comes back after a reload; two tabs merge different items, and ask about the same one', async () => {
    const key = reviewDraftKey(recordKeyOf(submittedRecord()));
    const a = await mount(submittedRecord(), 'local');
    await choose(a, 'wash-hands', 'agree');
    flushAll();
    const b = await mount(submittedRecord(), 'local'); // "another tab"
    expect(b.decisions['wash-hands']).to.deep.equal({ agree: true });
    expect($(b, '[data-notice="restored"]')).to.exist;
    // different items: merged
    await choose(b, 'records', 1);
    flushAll();
    storageEvent(key);
    await a.updateComplete;
    expect(a.decisions.records).to.deep.equal({ rating: 1 });
    expect($(a, '[data-notice="merged"]')).to.exist;
    // the same item, differently: the later saver is asked, and nothing is overwritten meanwhile
    await choose(a, 'moving-safely', 0);
    flushAll();
    await choose(b, 'moving-safely', 3);
    flushAll();
    await b.updateComplete;
    expect($(b, '[data-notice="conflict"]')).to.exist;
    expect(JSON.parse(localStorage.getItem(key)!).items['moving-safely']).to.deep.equal({ rating: 0 });
    await expect(b).to.be.accessible();
    await click(b, 'button-keep-mine');
    expect(JSON.parse(localStorage.getItem(key)!).items['moving-safely']).to.deep.equal({ rating: 3 });
    // the first tab had not changed it since its own save: it simply takes the choice made in the second
    storageEvent(key);
    await a.updateComplete;
    expect(a.decisions['moving-safely']).to.deep.equal({ rating: 3 });
    // once more on another item, and this time the second tab takes the first tab's answer
    await choose(a, 'records', 'agree');
    flushAll();
    await choose(b, 'records', 3);
    flushAll();
    await b.updateComplete;
    expect($(b, '[data-notice="conflict"]')).to.exist;
    await click(b, 'button-use-theirs');
    expect(b.decisions.records).to.deep.equal({ agree: true });
    expect($(b, '[data-notice="conflict"]')).to.equal(null);
    expect(JSON.parse(localStorage.getItem(key)!).items.records).to.deep.equal({ agree: true });
  });
});
