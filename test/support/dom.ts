import { sendKeys } from '@web/test-runner-commands';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';

/** Shadow-root queries for `<lf-self-assessment>`. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export const legends = (el: Element): string[] => $$(el, 'legend').map((l) => l.textContent!.trim());
export const headingText = (el: Element): string => $(el, '[part~="step-heading"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const stepIndicator = (el: Element): string => $(el, '[part~="step-indicator"]')?.textContent?.trim() ?? '';

export function radio(el: Element, itemId: string, value: number): HTMLInputElement {
  const input = $<HTMLInputElement>(el, `input[name="${itemId}"][value="${value}"]`);
  if (!input) throw new Error(`no radio for ${itemId}=${value} on this step`);
  return input;
}

/** Clicks the radio for every question on the current step, rating each with `rate(itemId)`. */
export async function answerStep(el: LfSelfAssessment, rate: (itemId: string) => number): Promise<void> {
  const names = [...new Set($$<HTMLInputElement>(el, 'input[type="radio"]').map((r) => r.name))];
  for (const name of names) radio(el, name, rate(name)).click();
  await el.updateComplete;
}

export function button(el: Element, part: string): HTMLButtonElement {
  const b = $<HTMLButtonElement>(el, `button[part~="${part}"]`);
  if (!b) throw new Error(`no ${part} button`);
  return b;
}

type Rendering = Element & { updateComplete: Promise<unknown> };

/** Ticks the given options of the quiz question on the page (clicks, as a person would). */
export async function choose(el: Rendering, optionIds: readonly string[]): Promise<void> {
  for (const id of optionIds) {
    const input = $$<HTMLInputElement>(el, 'input').find((i) => i.value === id);
    if (!input) throw new Error(`no option ${id}`);
    input.click();
  }
  await el.updateComplete;
}

/** Clicks the button with this part and waits for the element to render. */
export async function clickButton(el: Rendering, part: string): Promise<void> {
  button(el, part).click();
  await el.updateComplete;
}

/** Answers every step with `rate` and continues to "Check your answers". */
export async function answerAll(el: LfSelfAssessment, rate: (itemId: string) => number): Promise<void> {
  for (let guard = 0; guard < 100 && $(el, 'button[part~="button-continue"]'); guard++) {
    await answerStep(el, rate);
    await clickButton(el, 'button-continue');
  }
}

/** Presses a key; `Shift+Tab` style chords hold the modifiers down around the key (puppeteer has no chords). */
export async function press(key: string): Promise<void> {
  const parts = key.split('+');
  const main = parts.pop()!;
  for (const m of parts) await sendKeys({ down: m });
  await sendKeys({ press: main });
  for (const m of parts.reverse()) await sendKeys({ up: m });
}

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element; fails after `max` presses. */
export async function tabUntil(match: (active: Element | null) => boolean, max = 200, backwards = false): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await press(backwards ? 'Shift+Tab' : 'Tab');
    const active = deepActiveElement();
    if (match(active)) return active!;
  }
  throw new Error(`focus never matched after ${max} presses of Tab; it is on ${deepActiveElement()?.outerHTML.slice(0, 120)}`);
}
