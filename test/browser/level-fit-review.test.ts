import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { confirmLevel } from '@levelfit/engine';
import { emulateMedia } from '@web/test-runner-commands';
import '../../packages/elements/src/level-fit/define.js';
import type { LfLevelFit } from '../../packages/elements/src/level-fit/level-fit.js';
import { DECLARATION, inReviewRecord, reviewFramework, signedOffRecord } from '../../stories/support/review-records.js';
import { $, $$ } from '../support/dom.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<lf-level-fit> with a review record', function () {
  this.timeout(30_000);
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    fixtureCleanup();
  });

  it('shows self-assessed and confirmed levels side by side, differences first, then the record', async () => {
    const record = await signedOffRecord();
    const el = await fixture<LfLevelFit>(html`<lf-level-fit .framework=${reviewFramework} .record=${record}></lf-level-fit>`);
    await el.updateComplete;
    expect(text($(el, '[part~="self-level"] .best-fit'))).to.equal('Senior care worker');
    expect(text($(el, '[part~="confirmed-level"] .best-fit'))).to.equal('Care worker');
    expect(text($(el, '[part~="confirmed-level"]'))).to.contain('This is different from the self-assessment.');
    const sections = $$(el, 'section').map((s) => s.getAttribute('part'));
    expect(sections).to.deep.equal(['differences', 'record']);
    const rows = $$(el, '[part="differences-table"] tbody tr').map((r) => [...r.children].map(text));
    expect(rows).to.deep.equal([['Shows new care workers what to do', 'Competent', 'Developing', 'Not yet seen showing a new starter. Plan a shadow shift.']]);
    const details = text($(el, '[part="record"]'));
    for (const s of ['Sam Okafor', 'Home visits (example framework), version 1.0', 'Senior care worker', 'Ann Patel, Field care supervisor', DECLARATION, 'Infection control course', 'Hoist transfer, Mrs B']) {
      expect(details).to.contain(s);
    }
    expect(text($(el, '[part~="heading"]'))).to.equal('Self-assessed and confirmed level');
    await expect(el).to.be.accessible();
  });

  it('from confirmLevel output: says how many items are not reviewed yet', async () => {
    const confirmation = await confirmLevel(reviewFramework, inReviewRecord());
    const el = await fixture<LfLevelFit>(html`<lf-level-fit .framework=${reviewFramework} .confirmation=${confirmation}></lf-level-fit>`);
    expect(text($(el, '[part="unconfirmed"]'))).to.equal('4 items have not been reviewed yet. They count as not yet met in the confirmed level.');
    expect(text($(el, '[part~="confirmed-level"] .best-fit'))).to.equal('No level met in full yet');
    await expect(el).to.be.accessible();
  });

  it('prints as the review record: buttons hidden, link addresses written out', async () => {
    const el = await fixture<LfLevelFit>(html`<lf-level-fit .framework=${reviewFramework} .record=${await signedOffRecord()}></lf-level-fit>`);
    await el.updateComplete;
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '.no-print')!).display).to.equal('none');
    expect(getComputedStyle($(el, '[part="record"]')!).display).to.not.equal('none');
  });

  it('a record that is not one shows an inline error with its path', async () => {
    const el = await fixture<LfLevelFit>(html`<lf-level-fit .framework=${reviewFramework} .record=${{ format: 1 } as never}></lf-level-fit>`);
    expect($(el, '[role="alert"]')).to.exist;
    expect(text($(el, '[part="error"]'))).to.contain('record.self');
  });
});
