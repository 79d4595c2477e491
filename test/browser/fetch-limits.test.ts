import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../packages/elements/src/self-assessment/define.js';
import '../../packages/elements/src/quiz/define.js';
import '../../packages/elements/src/level-fit/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import { MAX_FETCH_BYTES } from '../../packages/elements/src/internal/source-controller.js';
import { jsonResponse, neverAnswers, stubFetch } from '../support/fetch.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, radio } from '../support/dom.js';
import { makeFramework } from '../support/small-framework.js';

/**
 * Issue 15: a framework or bank URL that never answers, or answers with a huge file, ends in an inline error
 * and an `lf-error` with a code (`fetch_timeout`, `too_big`), never "Loading…" for good; answers already
 * given stay in the draft.
 */
describe('framework and bank URLs: timeout and size cap', () => {
  const hang = new URL('/fw/hang.json', document.baseURI).href;
  const huge = new URL('/fw/huge.json', document.baseURI).href;
  let stub: ReturnType<typeof stubFetch>;

  beforeEach(() => {
    clearLevelfitStorage();
    stub = stubFetch({
      [hang]: neverAnswers,
      [huge]: () => jsonResponse(' '.repeat(MAX_FETCH_BYTES + 1)),
      [new URL('/fw/huge-declared.json', document.baseURI).href]: () =>
        new Response('{}', { headers: { 'Content-Length': String(MAX_FETCH_BYTES + 1), 'Content-Type': 'application/json' } }),
    });
  });
  afterEach(() => {
    stub.restore();
    fixtureCleanup();
    clearLevelfitStorage();
  });

  it('a URL that never answers: after fetch-timeout, an inline error and lf-error with code fetch_timeout', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" fetch-timeout="150"></lf-self-assessment>`);
    const failed = oneEvent(el, 'lf-error') as Promise<LfErrorEvent>;
    el.setAttribute('framework', '/fw/hang.json');
    await el.updateComplete;
    const event = await failed;
    expect(event.detail.source).to.equal('fetch');
    expect(event.detail.issues[0]).to.include({ code: 'fetch_timeout' });
    expect(event.detail.issues[0]!.message).to.contain('did not answer within 0.2 seconds');
    expect($(el, '[part="error"]')!.textContent).to.contain('did not answer');
    expect($(el, '[part="loading"]')).to.equal(null);
  });

  it('the default timeout is 15 seconds, and the attribute changes it', async () => {
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
    expect(el.fetchTimeout).to.equal(15_000);
    el.setAttribute('fetch-timeout', '2500');
    expect(el.fetchTimeout).to.equal(2500);
  });

  it('a file over the size cap is refused with code too_big, whether or not the server declares its length', async () => {
    for (const url of ['/fw/huge.json', '/fw/huge-declared.json']) {
      const events: LfErrorEvent[] = [];
      const listen = (e: Event) => events.push(e as LfErrorEvent);
      document.addEventListener('lf-error', listen);
      const el = await fixture(html`<lf-level-fit framework=${url}></lf-level-fit>`);
      document.removeEventListener('lf-error', listen);
      expect(events, url).to.have.length(1);
      expect(events[0]!.detail.issues[0], url).to.include({ code: 'too_big' });
      expect($(el, '[part="error"]')!.textContent, url).to.contain('larger than 5 MB');
    }
  });

  it('the quiz’s bank URL times out the same way', async () => {
    const events: LfErrorEvent[] = [];
    const listen = (e: Event) => events.push(e as LfErrorEvent);
    document.addEventListener('lf-error', listen);
    const el = await fixture(html`<lf-quiz storage="none" fetch-timeout="150" bank="/fw/hang.json"></lf-quiz>`);
    document.removeEventListener('lf-error', listen);
    expect(events).to.have.length(1);
    expect(events[0]!.detail.issues[0]).to.include({ code: 'fetch_timeout' });
    expect(events[0]!.detail.issues[0]!.path).to.deep.equal(['bank']);
    expect($(el, '[part="error"]')!.textContent).to.contain('did not answer');
  });

  it('answers already given stay in the draft when the next framework URL times out', async () => {
    const fw = makeFramework();
    const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="local" fetch-timeout="150" .framework=${fw}></lf-self-assessment>`);
    radio(el, 'communicate', 2).click();
    await el.updateComplete;
    const failed = oneEvent(el, 'lf-error');
    el.framework = '/fw/hang.json';
    await failed;
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const saved = JSON.parse(localStorage.getItem('levelfit:draft:test-framework') ?? 'null') as { responses: { ratings: Record<string, number> } } | null;
    expect(saved?.responses.ratings).to.deep.equal({ communicate: 2 });
  });
});
