/**
 * Drives `<lf-self-assessment>` through its journey the way a person does: clicking radios, Continue,
 * Submit and the notices' buttons in its shadow root, and (for another tab) writing storage and sending the
 * `storage` event a browser sends. Stories use these in their `play` functions so every state they show is
 * one the element reached through its public behaviour, never by setting its private state.
 */
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { clinicalHomecare, scenarioRatings } from './scenarios.js';

/** The persona of issue #9: a care worker at Level 2 (Associate) with some Level 3 (Autonomous) skills. */
export const personaRatings = (): Record<string, number> => scenarioRatings(clinicalHomecare(), { bestFit: 'associate', overlap: true });

/** The self-assessment element in a story's canvas, once it has loaded its framework. */
export async function formIn(canvasElement: HTMLElement): Promise<LfSelfAssessment> {
  const el = canvasElement.querySelector('lf-self-assessment');
  if (!el) throw new Error('no <lf-self-assessment> in the story');
  await el.updateComplete;
  return el;
}

function shadow(el: LfSelfAssessment): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<lf-self-assessment> has no shadow root');
  return el.shadowRoot;
}

/** Clicks a button by its part name (`button-continue`, `button-submit`, …) and waits for the render. */
export async function press(el: LfSelfAssessment, part: string, within: ParentNode = shadow(el)): Promise<void> {
  const button = within.querySelector<HTMLButtonElement>(`button[part~="${part}"]`);
  if (!button) throw new Error(`no ${part} button on this page`);
  button.click();
  await el.updateComplete;
}

/** "Step 3 of 7" → 3; 0 when the page is not a step (start page, check answers, result). */
export function stepNumber(el: LfSelfAssessment): number {
  const caption = shadow(el).querySelector('[part~="step-indicator"]')?.textContent ?? '';
  return Number(/(\d+)/.exec(caption)?.[1] ?? 0);
}

/** Answers every question on the current step with the persona's rating (or the first option for items it does not rate). */
export async function answerStep(el: LfSelfAssessment, ratings: Record<string, number> = personaRatings()): Promise<void> {
  for (const fieldset of shadow(el).querySelectorAll<HTMLFieldSetElement>('fieldset[data-item]')) {
    const id = fieldset.dataset.item!;
    const input =
      fieldset.querySelector<HTMLInputElement>(`input[type="radio"][value="${ratings[id]}"]`) ??
      fieldset.querySelector<HTMLInputElement>('input[type="radio"]');
    input?.click();
  }
  await el.updateComplete;
}

/** Answers and continues until step `n` (1-based) is showing. */
export async function goToStep(el: LfSelfAssessment, n: number): Promise<void> {
  for (let guard = 0; stepNumber(el) !== n; guard++) {
    if (guard > 50 || stepNumber(el) === 0) throw new Error(`the journey has no step ${n}`);
    await answerStep(el);
    await press(el, 'button-continue');
  }
}

/** Answers every step and continues to "Check your answers". */
export async function goToCheckAnswers(el: LfSelfAssessment): Promise<void> {
  for (let guard = 0; stepNumber(el) !== 0; guard++) {
    if (guard > 50) throw new Error('the journey never reached "Check your answers"');
    await answerStep(el);
    await press(el, 'button-continue');
  }
}

/** Answers everything and submits; resolves once the element has fired `lf-submit` and shown the result. */
export async function submitAll(el: LfSelfAssessment): Promise<void> {
  await goToCheckAnswers(el);
  const submitted = new Promise<void>((resolve) => el.addEventListener('lf-submit', () => resolve(), { once: true }));
  await press(el, 'button-submit');
  await submitted;
  await el.updateComplete;
}

/** Dismisses every one-off notice (draft restored, merged) so the page shows what the story is about. */
export async function dismissNotices(el: LfSelfAssessment): Promise<void> {
  for (const notice of shadow(el).querySelectorAll<HTMLElement>('[part="notice"]')) {
    const dismiss = notice.querySelector<HTMLButtonElement>('button[part~="button-dismiss"]');
    dismiss?.click();
  }
  await el.updateComplete;
}

/**
 * What another tab's save looks like to this one: the draft written to storage, then the `storage` event
 * the browser sends every other tab (a page never gets one for its own writes).
 */
export function otherTabWrites(area: Storage, key: string, value: string): void {
  area.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: area }));
}
