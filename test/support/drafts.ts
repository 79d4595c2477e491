import { fixture, html } from '@open-wc/testing';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import { DRAFT_VERSION, isSetAsideKeyOf, type DraftEnvelope } from '../../packages/elements/src/drafts/envelope.js';
import { makeFramework } from './small-framework.js';
import { $$ } from './dom.js';

/** Helpers for the draft and submit tests (drafts*.test.ts, submit*.test.ts). */

export const KEY = 'levelfit:draft:test-framework:appraisal-2025';

export function envelope(overrides: Partial<DraftEnvelope> = {}): DraftEnvelope {
  return {
    v: DRAFT_VERSION,
    frameworkId: 'test-framework',
    frameworkVersion: '1.0',
    savedAt: '2025-03-04T10:15:00.000Z',
    revision: 3,
    writer: 'another-tab',
    responses: { ratings: { communicate: 2, safeguard: 3 } },
    step: 0,
    role: null,
    ...overrides,
  };
}

export async function mount(attrs: { key?: string; storage?: string; fw?: object } = {}): Promise<LfSelfAssessment> {
  return fixture<LfSelfAssessment>(html`<lf-self-assessment
    assessment-key=${attrs.key ?? 'appraisal-2025'}
    storage=${attrs.storage ?? 'local'}
    role-picker
    .framework=${attrs.fw ?? makeFramework()}
  ></lf-self-assessment>`);
}

/** Keys a draft was set aside under (`<key>:set-aside:<time>`). */
export const setAsideKeys = (area: Storage = localStorage, key = KEY): string[] =>
  Object.keys(area).filter((k) => isSetAsideKeyOf(k, key));

export const notices = (el: Element, code?: string): HTMLElement[] =>
  $$(el, code ? `[part="notice"][data-notice="${code}"]` : '[part="notice"]');

export const noticeText = (el: Element): string =>
  notices(el)
    .map((n) => n.textContent!.replace(/\s+/g, ' ').trim())
    .join(' | ');

/** Flushes every element's pending save now (they all listen for pagehide). */
export function flushAll(): void {
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
}

export const stored = (key = KEY, area: Storage = localStorage): DraftEnvelope | null => {
  const raw = area.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as DraftEnvelope);
};

/** What another tab's write looks like to this one: the `storage` event (same-page writes never fire it). */
export function storageEvent(key: string | null = KEY, area: Storage = localStorage): void {
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: key ? area.getItem(key) : null, storageArea: area }));
}

/** True when the element is rendered with a size (not display:none or hidden). */
export const isVisible = (node: Element): boolean => {
  const box = node.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(node).visibility !== 'hidden';
};
