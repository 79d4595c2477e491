import { expect, fixture, fixtureCleanup, fixtureSync, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { assess, frameworks } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfChangeEvent } from '../../packages/elements/src/events/lf-change.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { makeFramework } from '../support/small-framework.js';
import { jsonResponse, stubFetch } from '../support/fetch.js';
import { clearLevelfitStorage } from '../support/storage.js';
import {
  $,
  $$,
  answerAll,
  answerStep,
  button,
  clickButton,
  deepActiveElement,
  headingText,
  legends,
  radio,
  stepIndicator,
} from '../support/dom.js';

const small = () => makeFramework();

async function smallForm(attrs: { target?: string; rolePicker?: boolean } = {}): Promise<LfSelfAssessment> {
  return fixture<LfSelfAssessment>(
    html`<lf-self-assessment
      storage="none"
      .framework=${small()}
      target=${attrs.target ?? ''}
      ?role-picker=${attrs.rolePicker ?? false}
    ></lf-self-assessment>`,
  );
}

/** Level-one attained, level-two not: competences and level-one indicators met, level-two not. */
const levelOneRatings = (id: string): number => (id.startsWith('two-') ? 0 : id === 'record' ? 3 : 2);

describe('<lf-self-assessment>', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => {
    fixtureCleanup();
    clearLevelfitStorage();
  });

  describe('with no attributes', () => {
    it('runs the built-in clinical-homecare framework, in nine steps', async () => {
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
      const fw = frameworks['clinical-homecare'];
      expect(el.resolvedFramework?.id).to.equal('clinical-homecare');
      expect($(el, '[part="framework-title"]')!.textContent).to.equal(fw.title);
      expect(stepIndicator(el)).to.equal('Step 1 of 9');
      // Plain step titles from the framework's plain layer, not the source's document heading.
      expect(headingText(el)).to.contain('Skills everyone needs, part 1 of 3');
      expect($(el, '[part~="progress"]')!.textContent!.trim()).to.equal('Questions 1–8 of 67');
      // 23 common competences split 8 + 8 + 7, each asked as its plain question with the source's words under it.
      const first12 = fw.items.slice(0, 8);
      expect(legends(el)).to.deep.equal(first12.map((i) => i.question ?? i.title));
      const sources = $$(el, '[part~="source-text"]').map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
      expect(sources).to.deep.equal(first12.map((i) => `From the framework: ${i.title}`));
      // The scale is explained once, on the first step, and as a hint under each answer.
      expect($(el, '[part~="scale-help"]')!.textContent).to.contain('I do this well on my own.');
      expect($$(el, '.radio-hint').length).to.equal(8 * fw.scale.values.length);
    });

    it('renders every question as a native radio group: fieldset, legend, one radio + label per scale value', async () => {
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
      const fieldsets = $$(el, 'fieldset');
      expect(fieldsets).to.have.length(8);
      for (const fs of fieldsets) {
        expect(fs.querySelector('legend')).to.exist;
        const radios = [...fs.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
        expect(radios.map((r) => r.value)).to.deep.equal(['0', '1', '2', '3']);
        expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
        const labels = radios.map((r) => fs.querySelector(`label[for="${r.id}"]`)?.textContent?.trim());
        expect(labels).to.deep.equal(['Not yet', 'Developing', 'Competent', 'Proficient']);
      }
    });

    it('makes no network request for a built-in framework', async () => {
      const before = performance.getEntriesByType('resource').length;
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none"></lf-self-assessment>`);
      await aTimeout(50);
      const fetched = performance
        .getEntriesByType('resource')
        .slice(before)
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch');
      expect(el.resolvedFramework).to.exist;
      expect(fetched).to.have.length(0);
    });
  });

  describe('framework input', () => {
    it('takes a built-in id in the framework attribute', async () => {
      const el = await fixture<LfSelfAssessment>(
        html`<lf-self-assessment storage="none" framework="lead-practitioner-adult-care"></lf-self-assessment>`,
      );
      expect(el.resolvedFramework?.id).to.equal('lead-practitioner-adult-care');
      expect(legends(el)[0]).to.equal(frameworks['lead-practitioner-adult-care'].items[0]!.title);
    });

    it('fetches a framework from a URL given in the framework attribute, once, and nothing else', async () => {
      const url = 'https://frameworks.example.org/small.json';
      const stub = stubFetch({ [url]: () => jsonResponse(small()) });
      try {
        const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" framework=${url}></lf-self-assessment>`);
        expect(el.resolvedFramework?.id).to.equal('test-framework');
        expect(legends(el)).to.deep.equal(['Communicate clearly', 'Safeguard people', 'Keep records']);
        await answerAll(el, () => 2);
        await clickButton(el, 'button-submit');
        await waitUntil(() => el.result !== null);
        expect(stub.calls.map((c) => c.url)).to.deep.equal([url]);
        expect(stub.calls[0]!.init?.credentials).to.equal('same-origin');
      } finally {
        stub.restore();
      }
    });

    it('fetches again when it is reconnected after a fetch was cut short', async () => {
      const url = 'https://frameworks.example.org/slow.json';
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const original = window.fetch;
      let calls = 0;
      window.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
        calls++;
        if (calls === 1) {
          await gate;
          init?.signal?.throwIfAborted();
        }
        return jsonResponse(small());
      };
      try {
        const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment storage="none" framework=${url}></lf-self-assessment>`);
        await aTimeout(0);
        expect($(el, '[role="status"]')!.textContent).to.contain('Loading the framework');
        const parent = el.parentElement!;
        el.remove();
        release();
        parent.append(el);
        await el.updateComplete;
        expect(calls).to.equal(2);
        expect(legends(el)).to.have.length(3);
      } finally {
        window.fetch = original;
      }
    });

    it('resolves a relative framework URL against the page', async () => {
      const stub = stubFetch({ [new URL('frameworks/small.json', document.baseURI).href]: () => jsonResponse(small()) });
      try {
        const el = await fixture<LfSelfAssessment>(
          html`<lf-self-assessment storage="none" framework="frameworks/small.json"></lf-self-assessment>`,
        );
        expect(el.resolvedFramework?.id).to.equal('test-framework');
      } finally {
        stub.restore();
      }
    });

    it('validates a .framework object', async () => {
      const el = await smallForm();
      expect(el.resolvedFramework?.id).to.equal('test-framework');
      expect(headingText(el)).to.equal('Step 1 of 3 Core competences');
      expect(legends(el)).to.deep.equal(['Communicate clearly', 'Safeguard people', 'Keep records']);
    });

    it('shows an inline alert listing path and message, and dispatches lf-error, for a framework with schema issues', async () => {
      const bad = makeFramework();
      (bad.items[1] as { levels: string[] }).levels = ['level-nine'];
      (bad as { title: string }).title = '';
      const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${bad}></lf-self-assessment>`);
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      await el.updateComplete;
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.source).to.equal('framework');
      expect(ev.detail.issues.map((i) => i.path.join('.'))).to.include('title');
      const alert = $(el, '[role="alert"]')!;
      expect(alert).to.exist;
      expect(alert.textContent).to.contain('title');
      expect($$(el, 'fieldset')).to.have.length(0);
    });

    it('reports a cross-reference problem (an item required at an unknown level) with its path', async () => {
      const bad = makeFramework();
      (bad.items[1] as { levels: string[] }).levels = ['level-nine'];
      const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${bad}></lf-self-assessment>`);
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      await el.updateComplete;
      expect(ev.detail.issues[0]).to.include({ code: 'unknown_level' });
      expect($(el, '[role="alert"] li')!.textContent).to.equal('items[1].levels[0]: no level has the id "level-nine"');
    });

    it('shows an inline error for malformed JSON at a URL', async () => {
      const el = fixtureSync<LfSelfAssessment>(
        html`<lf-self-assessment storage="none" framework="/test/support/fixtures/malformed.txt"></lf-self-assessment>`,
      );
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      await el.updateComplete;
      expect(ev.detail.issues[0]!.code).to.equal('invalid_json');
      expect($(el, '[role="alert"]')!.textContent).to.contain('not valid JSON');
    });

    it('shows an inline error for a failed fetch', async () => {
      const el = fixtureSync<LfSelfAssessment>(
        html`<lf-self-assessment storage="none" framework="/test/support/fixtures/missing.json"></lf-self-assessment>`,
      );
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      await el.updateComplete;
      expect(ev.detail.source).to.equal('fetch');
      expect($(el, '[role="alert"]')!.textContent).to.contain('HTTP 404');
    });

    it('says which ids are built in when given an unknown id (and fetches nothing)', async () => {
      const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment storage="none" framework="no-such-framework"></lf-self-assessment>`);
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      await el.updateComplete;
      expect(ev.detail.issues[0]!.message).to.contain('clinical-homecare');
      expect($(el, '[role="alert"]')!.textContent).to.contain('no-such-framework');
    });

    it('reports an unknown target level as an error', async () => {
      const el = fixtureSync<LfSelfAssessment>(
        html`<lf-self-assessment storage="none" .framework=${small()} target="level-nine"></lf-self-assessment>`,
      );
      const ev = (await oneEvent(el, 'lf-error')) as LfErrorEvent;
      expect(ev.detail.source).to.equal('options');
      expect(ev.detail.issues[0]!.path).to.deep.equal(['target']);
    });

    it('recovers when a bad framework is replaced by a good one', async () => {
      const el = fixtureSync<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${{ id: 'x' }}></lf-self-assessment>`);
      await oneEvent(el, 'lf-error');
      el.framework = small();
      await el.updateComplete;
      expect($(el, '[role="alert"]')).to.equal(null);
      expect(legends(el)).to.have.length(3);
    });
  });

  describe('provider text', () => {
    it('renders HTML-looking titles, labels, groups and roles as text, and runs nothing', async () => {
      const w = window as unknown as { __lfXss?: number };
      w.__lfXss = 0;
      const payload = '<img src=x onerror="window.__lfXss++">';
      const fw = makeFramework({ title: `Framework ${payload}` });
      fw.items[0]!.title = payload;
      fw.items[0]!.group = `<script>window.__lfXss++</script>`;
      fw.items[0]!.description = `<b onmouseover="window.__lfXss++">hint</b>`;
      fw.scale.values[0]!.label = `<svg onload="window.__lfXss++">`;
      fw.levels[0]!.roles = [payload];
      const el = await fixture<LfSelfAssessment>(
        html`<lf-self-assessment storage="none" role-picker .framework=${fw}></lf-self-assessment>`,
      );
      await aTimeout(50);
      expect(w.__lfXss).to.equal(0);
      expect($$(el, 'img, script, svg, b')).to.have.length(0);
      expect(legends(el)[0]).to.equal(payload);
      expect($(el, '[part="framework-title"]')!.textContent).to.equal(`Framework ${payload}`);
      expect(headingText(el)).to.contain('<script>window.__lfXss++</script>');
      expect($(el, 'label[for="q-communicate"]')!.textContent).to.equal('<svg onload="window.__lfXss++">');
      expect([...$<HTMLSelectElement>(el, 'select')!.options].map((o) => o.value)).to.include(payload);
      // The same text goes through the error summary and "Check your answers".
      await clickButton(el, 'button-continue');
      expect($(el, '[part="error-summary"]')!.textContent).to.contain(payload);
      expect($$(el, 'img, script, svg, b')).to.have.length(0);
      expect(w.__lfXss).to.equal(0);
    });
  });

  describe('answering', () => {
    it('dispatches lf-change (bubbles, composed) with itemId, rating and a snapshot of the responses', async () => {
      const el = await smallForm();
      const seen: LfChangeEvent[] = [];
      const listener = (e: LfChangeEvent) => seen.push(e);
      document.addEventListener('lf-change', listener);
      radio(el, 'communicate', 2).click();
      radio(el, 'safeguard', 1).click();
      radio(el, 'communicate', 3).click();
      document.removeEventListener('lf-change', listener);
      expect(seen).to.have.length(3);
      expect(seen[0]!.detail).to.deep.equal({ itemId: 'communicate', rating: 2, responses: { ratings: { communicate: 2 } } });
      expect(seen[2]!.detail).to.deep.equal({
        itemId: 'communicate',
        rating: 3,
        responses: { ratings: { communicate: 3, safeguard: 1 } },
      });
      expect(seen[0]!.composed).to.equal(true);
      expect(el.responses).to.deep.equal({ ratings: { communicate: 3, safeguard: 1 } });
      // The snapshot is a copy: later answers do not change earlier events.
      expect(seen[1]!.detail.responses.ratings).to.deep.equal({ communicate: 2, safeguard: 1 });
    });

    it('moves between steps with Continue and Back, focusing the step heading', async () => {
      const el = await smallForm();
      await answerStep(el, () => 2);
      await clickButton(el, 'button-continue');
      expect(stepIndicator(el)).to.equal('Step 2 of 3');
      expect(deepActiveElement()).to.equal($(el, '[part="step-heading"]'));
      await clickButton(el, 'button-back');
      expect(stepIndicator(el)).to.equal('Step 1 of 3');
      expect(deepActiveElement()).to.equal($(el, '[part="step-heading"]'));
      // Answers survive the round trip.
      expect(radio(el, 'communicate', 2).checked).to.equal(true);
    });

    it('splits long groups into parts of at most step-size questions', async () => {
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" step-size="2" .framework=${small()}></lf-self-assessment>`);
      expect(headingText(el)).to.equal('Step 1 of 4 Core competences, part 1 of 2');
      expect(legends(el)).to.have.length(2);
    });
  });

  describe('error summary', () => {
    it('blocks Continue on an incomplete step and lists each unanswered question, focusing the summary', async () => {
      const el = await smallForm();
      radio(el, 'safeguard', 2).click();
      await clickButton(el, 'button-continue');
      expect(stepIndicator(el)).to.equal('Step 1 of 3');
      const summary = $(el, '[part="error-summary"]')!;
      expect(summary).to.exist;
      expect(summary.querySelector('[role="alert"] h2')!.textContent).to.equal('There is a problem');
      const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
      expect(links).to.deep.equal(['Select a rating for “Communicate clearly”', 'Select a rating for “Keep records”']);
      expect(deepActiveElement()).to.equal(summary);
      // The same message sits inside each unanswered fieldset, prefixed "Error:" (not colour alone).
      const errors = $$(el, '[part="error-message"]').map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
      expect(errors).to.deep.equal(['Error: Select a rating for “Communicate clearly”', 'Error: Select a rating for “Keep records”']);
      const fs = $(el, 'fieldset[data-item="communicate"]')!;
      expect(fs.getAttribute('aria-describedby')).to.contain('q-communicate-error');
      expect(fs.querySelector('#q-communicate-error')).to.exist;
    });

    it('moves focus to the first radio of the question when its link is followed', async () => {
      const el = await smallForm();
      await clickButton(el, 'button-continue');
      const link = [...$$<HTMLAnchorElement>(el, '[part="error-summary"] a')][1]!;
      link.click();
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(radio(el, 'safeguard', 0));
      expect(location.hash).to.equal('');
    });

    it('clears an error once the question is answered, and continues when all are', async () => {
      const el = await smallForm();
      await clickButton(el, 'button-continue');
      radio(el, 'communicate', 1).click();
      await el.updateComplete;
      expect($$(el, '[part="error-summary"] a')).to.have.length(2);
      radio(el, 'safeguard', 1).click();
      radio(el, 'record', 1).click();
      await el.updateComplete;
      expect($(el, '[part="error-summary"]')).to.equal(null);
      await clickButton(el, 'button-continue');
      expect(stepIndicator(el)).to.equal('Step 2 of 3');
    });
  });

  describe('check your answers', () => {
    it('lists every answer with a Change link that returns to the question and focuses it', async () => {
      const el = await smallForm();
      await answerAll(el, levelOneRatings);
      expect(headingText(el)).to.equal('Check your answers');
      expect(deepActiveElement()).to.equal($(el, '[part="step-heading"]'));
      const rows = $$(el, '[part="check-answers"] .summary-row');
      expect(rows).to.have.length(7);
      expect(rows[2]!.querySelector('dt')!.textContent).to.equal('Keep records');
      expect(rows[2]!.querySelector('dd')!.textContent).to.equal('Proficient');
      const change = rows[4]!.querySelector<HTMLAnchorElement>('a[part="change-link"]')!;
      expect(change.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Change your rating for “I ask for help when I need it.”');
      change.click();
      await el.updateComplete;
      expect(stepIndicator(el)).to.equal('Step 2 of 3');
      expect(deepActiveElement()).to.equal(radio(el, 'one-b', 2));
      // Continue after a change goes straight back to "Check your answers" with the new answer.
      radio(el, 'one-b', 1).click();
      await clickButton(el, 'button-continue');
      expect(headingText(el)).to.equal('Check your answers');
      expect($$(el, '.summary-row')[4]!.querySelector('dd')!.textContent).to.equal('Developing');
    });
  });

  describe('submitting', () => {
    it('dispatches lf-submit with the responses and the engine’s LevelFit', async () => {
      const el = await smallForm();
      await answerAll(el, levelOneRatings);
      setTimeout(() => button(el, 'button-submit').click());
      const ev = (await oneEvent(el, 'lf-submit')) as LfSubmitEvent;
      expect(ev.bubbles && ev.composed).to.equal(true);
      const ratings = { communicate: 2, safeguard: 2, record: 3, 'one-a': 2, 'one-b': 2, 'two-a': 0, 'two-b': 0 };
      expect(ev.detail.responses).to.deep.equal({ ratings });
      expect(ev.detail.result.bestFit).to.equal('level-one');
      const expected = await assess(el.resolvedFramework!, { ratings });
      expect(ev.detail.result).to.deep.equal(expected);
      expect(el.result).to.deep.equal(expected);
      await el.updateComplete;
      expect($(el, '[part="confirmation"]')!.textContent).to.contain('Level one');
      expect(deepActiveElement()).to.equal($(el, '[part="confirmation"] h2'));
    });

    it('dispatches exactly one lf-submit on a double click', async () => {
      const el = await smallForm();
      await answerAll(el, () => 2);
      const events: LfSubmitEvent[] = [];
      el.addEventListener('lf-submit', (e) => events.push(e));
      const submit = button(el, 'button-submit');
      submit.click();
      submit.click();
      submit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await aTimeout(100);
      await el.updateComplete;
      expect(events).to.have.length(1);
      expect(events[0]!.detail.result.bestFit).to.equal('level-two');
    });

    it('passes the picked role and the target level to assess', async () => {
      const el = await smallForm({ target: 'level-two', rolePicker: true });
      const select = $<HTMLSelectElement>(el, 'select#role')!;
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'Support worker', 'Care assistant', 'Team leader']);
      expect($(el, 'label[for="role"]')!.textContent).to.contain('Your role (optional)');
      select.value = 'Team leader';
      select.dispatchEvent(new Event('change'));
      await answerAll(el, levelOneRatings);
      expect($$(el, '.summary-row')[0]!.textContent).to.contain('Team leader');
      setTimeout(() => button(el, 'button-submit').click());
      const ev = (await oneEvent(el, 'lf-submit')) as LfSubmitEvent;
      expect(ev.detail.result.role).to.deep.equal({ title: 'Team leader', level: 'level-two' });
      expect(ev.detail.result.gaps.target).to.equal('level-two');
      const expected = await assess(el.resolvedFramework!, ev.detail.responses, { role: 'Team leader', target: 'level-two' });
      expect(ev.detail.result).to.deep.equal(expected);
    });

    it('leaves the role picker out when the framework lists no roles', async () => {
      const fw = makeFramework();
      for (const level of fw.levels) level.roles = [];
      const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" role-picker .framework=${fw}></lf-self-assessment>`);
      expect($(el, 'select')).to.equal(null);
      expect(legends(el)).to.have.length(3);
    });

    it('submits with no role when the role picker is off', async () => {
      const el = await smallForm();
      expect($(el, 'select')).to.equal(null);
      await answerAll(el, () => 0);
      setTimeout(() => button(el, 'button-submit').click());
      const ev = (await oneEvent(el, 'lf-submit')) as LfSubmitEvent;
      expect(ev.detail.result.role).to.equal(null);
      expect(ev.detail.result.bestFit).to.equal(null);
    });

    it('starts again from the confirmation with no answers', async () => {
      const el = await smallForm();
      await answerAll(el, () => 2);
      await clickButton(el, 'button-submit');
      await waitUntil(() => el.result !== null, 'never scored');
      await el.updateComplete;
      await clickButton(el, 'button-restart');
      // Asked first: nothing is cleared until the person says yes.
      expect($(el, '[part="restart-check"] h2')!.textContent!.trim()).to.equal('Start again?');
      expect(Object.keys(el.responses.ratings)).to.not.be.empty;
      await clickButton(el, 'button-restart-confirm');
      expect(stepIndicator(el)).to.equal('Step 1 of 3');
      expect(el.responses).to.deep.equal({ ratings: {} });
    });
  });
});
