import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/self-assessment/define.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import type { LfSubmitEvent } from '../../packages/elements/src/events/lf-submit.js';
import { makeFramework } from '../support/small-framework.js';
import { clearLevelfitStorage } from '../support/storage.js';
import { $, answerAll, button } from '../support/dom.js';

/**
 * Issue #5: a double click, a held-down Enter or two programmatic submits yield exactly one `lf-submit`;
 * while the engine runs the button is aria-disabled (still focusable); after success further submits are
 * ignored until the form is reset. The engine call is held open with a gate so "while it runs" is certain.
 */

type Run = (...args: unknown[]) => Promise<unknown>;

interface Gate {
  calls: number;
  open(): void;
  fail(error: unknown): void;
}

/** Holds the element's engine call until `open()` (or `fail()`); counts the calls. */
function gateEngine(el: LfSelfAssessment): Gate {
  const controller = el as unknown as { score: Run; ungated?: Run };
  controller.ungated ??= controller.score.bind(controller);
  const original = controller.ungated;
  let release!: () => void;
  let reject!: (e: unknown) => void;
  const gate: Gate = { calls: 0, open: () => release(), fail: (e) => reject(e) };
  controller.score = async (...args) => {
    gate.calls++;
    await new Promise<void>((res, rej) => {
      release = res;
      reject = rej;
    });
    return original(...args);
  };
  return gate;
}

async function ready(): Promise<{ el: LfSelfAssessment; events: LfSubmitEvent[]; gate: Gate }> {
  const el = await fixture<LfSelfAssessment>(html`<lf-self-assessment storage="none" .framework=${makeFramework()}></lf-self-assessment>`);
  const events: LfSubmitEvent[] = [];
  el.addEventListener('lf-submit', (e) => events.push(e));
  await answerAll(el, () => 2);
  return { el, events, gate: gateEngine(el) };
}

const form = (el: LfSelfAssessment): HTMLFormElement => $<HTMLFormElement>(el, 'form')!;

async function settle(el: LfSelfAssessment): Promise<void> {
  await aTimeout(50);
  await el.updateComplete;
}

describe('submit: exactly one lf-submit', () => {
  beforeEach(() => clearLevelfitStorage());
  afterEach(() => fixtureCleanup());

  it('on a double click: the button is aria-disabled while scoring, and the engine runs once', async () => {
    const { el, events, gate } = await ready();
    const submit = button(el, 'button-submit');
    expect(submit.hasAttribute('aria-disabled')).to.equal(false);
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.disabled, 'aria-disabled, not disabled: focus stays on it').to.equal(false);
    await expect(el).to.be.accessible();
    submit.click();
    submit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    gate.open();
    await waitUntil(() => events.length > 0, 'never submitted');
    await settle(el);
    expect(events).to.have.length(1);
    expect(gate.calls).to.equal(1);
    expect(events[0]!.detail.result.bestFit).to.equal('level-two');
  });

  it('on Enter held down (key repeat) on the submit button', async () => {
    const { el, events, gate } = await ready();
    button(el, 'button-submit').focus();
    await sendKeys({ down: 'Enter' });
    await sendKeys({ down: 'Enter' }); // a repeat: the key is still down
    await sendKeys({ down: 'Enter' });
    await sendKeys({ up: 'Enter' });
    await sendKeys({ press: 'Enter' });
    gate.open();
    await waitUntil(() => events.length > 0, 'never submitted');
    await settle(el);
    await sendKeys({ press: 'Enter' }); // after success, on the confirmation
    await settle(el);
    expect(events).to.have.length(1);
    expect(gate.calls).to.equal(1);
  });

  it('on two programmatic requestSubmit() calls, in one task and while scoring', async () => {
    const { el, events, gate } = await ready();
    form(el).requestSubmit();
    form(el).requestSubmit();
    await el.updateComplete;
    form(el).requestSubmit(button(el, 'button-submit'));
    gate.open();
    await waitUntil(() => events.length > 0, 'never submitted');
    await settle(el);
    expect(events).to.have.length(1);
    expect(gate.calls).to.equal(1);
  });

  it('ignores submits after success until reset(); then a new assessment submits once more', async () => {
    const { el, events, gate } = await ready();
    button(el, 'button-submit').click();
    gate.open();
    await waitUntil(() => events.length === 1, 'never submitted');
    await settle(el);
    expect($(el, '[part="confirmation"]')).to.exist;
    form(el).requestSubmit();
    form(el).dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settle(el);
    expect(events).to.have.length(1);

    el.reset();
    await el.updateComplete;
    await answerAll(el, () => 0);
    const again = gateEngine(el);
    button(el, 'button-submit').click();
    button(el, 'button-submit').click();
    again.open();
    await waitUntil(() => events.length === 2, 'the new assessment never submitted');
    await settle(el);
    expect(events).to.have.length(2);
    expect(events[1]!.detail.result.bestFit).to.equal(null);
  });

  it('after a failed scoring the button is usable again and the retry submits once', async () => {
    const { el, events, gate } = await ready();
    const errors: Event[] = [];
    el.addEventListener('lf-error', (e) => errors.push(e));
    button(el, 'button-submit').click();
    await el.updateComplete;
    gate.fail(new Error('engine unavailable'));
    await settle(el);
    expect(events).to.have.length(0);
    expect(errors).to.have.length(1);
    expect(button(el, 'button-submit').hasAttribute('aria-disabled')).to.equal(false);
    const retry = gateEngine(el);
    button(el, 'button-submit').click();
    button(el, 'button-submit').click();
    retry.open();
    await waitUntil(() => events.length > 0, 'the retry never submitted');
    await settle(el);
    expect(events).to.have.length(1);
    expect(retry.calls).to.equal(1);
  });
});
