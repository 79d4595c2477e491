/**
 * Safe registration: a portal may load two copies of levelfit (say an LMS plug-in and an intranet widget).
 * Defining a tag twice throws in the browser, so a tag that already exists is left alone, with a dev warning.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) {
      console.warn(`[levelfit] <${tag}> is already defined by another copy of levelfit; keeping the first one. (lf-define-twice)`);
    }
    return;
  }
  customElements.define(tag, ctor);
}
