/**
 * Asked once: in the adult care pathway a statement listed at two to four levels (same kind and text) is one
 * question, and its answer is every level's rating; results keep the per-level ids.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { frameworks, sharedItemGroups } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { DRAFT_VERSION, draftKey, type DraftEnvelope } from '../../packages/elements/src/drafts/envelope.js';
import { $, $$, answerAll, answerStep, clickButton, radio } from '../support/dom.js';
import { clearLevelfitStorage } from '../support/storage.js';

const pathway = frameworks['adult-care-pathway'];
const groups = sharedItemGroups(pathway);
const followers = new Set(groups.flatMap((g) => g.ids.slice(1)));
const mountPathway = (attrs: { storage?: string } = {}) =>
  fixture<LfSelfAssessment>(
    html`<lf-self-assessment framework="adult-care-pathway" storage=${attrs.storage ?? 'none'} assessment-key="shared" step-size="60" ask-all></lf-self-assessment>`,
  );
const askedOnStep = (el: LfSelfAssessment) => [...new Set($$<HTMLInputElement>(el, 'input[type="radio"]').map((r) => r.name))];

describe('<lf-self-assessment>: a statement at several levels is asked once', () => {
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('asks each shared statement once, at its first item, and says the answer counts at each level', async function () {
    this.timeout(120_000); // 212 questions over many steps
    const el = await mountPathway();
    const asked: string[] = [];
    for (let guard = 0; guard < 50 && $(el, 'button[part~="button-continue"]'); guard++) {
      asked.push(...askedOnStep(el));
      const care = $(el, 'fieldset[data-item="l2-b1"]');
      if (care) {
        const hint = care.querySelector('[part~="shared-hint"]')!.textContent!;
        expect(hint).to.contain('part of 4 levels');
        expect(hint).to.contain('Leader in Adult Care (Level 5)');
        expect(care.getAttribute('aria-describedby')).to.contain('q-l2-b1-hint');
      }
      await answerStep(el, () => 2);
      await clickButton(el, 'button-continue');
    }
    expect(asked.length).to.equal(pathway.items.length - followers.size); // 241 − 29 = 212
    expect(asked.length).to.equal(212);
    expect(asked.filter((id) => followers.has(id))).to.deep.equal([]);
    // Check your answers lists each statement once.
    expect($$(el, '.summary-row').length).to.equal(212);
  });

  it('gives the answer to every level\'s item: lf-submit carries the per-level ids', async function () {
    this.timeout(120_000); // 212 questions over many steps
    const el = await mountPathway();
    const rate = (id: string) => (id === 'l2-b1' ? 3 : id === 'l2-k18' ? 1 : 2);
    await answerAll(el, rate);
    const submitted = new Promise<LfSubmitEvent>((resolve) => el.addEventListener('lf-submit', (e) => resolve(e as LfSubmitEvent), { once: true }));
    await clickButton(el, 'button-submit');
    const { responses } = (await submitted).detail;
    expect(Object.keys(responses.ratings).length).to.equal(pathway.items.length);
    for (const id of ['l2-b1', 'l3-b1', 'l4-b1', 'l5-b1']) expect(responses.ratings[id], id).to.equal(3);
    expect([responses.ratings['l2-k18'], responses.ratings['l3-k14']]).to.deep.equal([1, 1]);
    await waitUntil(() => el.result !== null);
  });

  it('a draft with only one level\'s item rated shows that answer on the shared question, and saves it for all', async function () {
    this.timeout(120_000); // 212 questions over many steps
    const draft: DraftEnvelope = {
      v: DRAFT_VERSION,
      frameworkId: pathway.id,
      frameworkVersion: pathway.version,
      savedAt: '2026-12-01T10:00:00.000Z',
      revision: 1,
      writer: 'another-tab',
      responses: { ratings: { 'l4-b1': 1 } },
      step: 0,
      role: null,
    };
    localStorage.setItem(draftKey(pathway.id, 'shared'), JSON.stringify(draft));
    const el = await mountPathway({ storage: 'local' });
    for (let guard = 0; guard < 50 && !$(el, 'fieldset[data-item="l2-b1"]'); guard++) {
      await answerStep(el, () => 2);
      await clickButton(el, 'button-continue');
    }
    expect(radio(el, 'l2-b1', 1).checked).to.equal(true);
    radio(el, 'l2-b1', 3).click();
    await el.updateComplete;
    const { ratings } = el.responses;
    expect(['l2-b1', 'l3-b1', 'l4-b1', 'l5-b1'].map((id) => ratings[id])).to.deep.equal([3, 3, 3, 3]);
  });
});
