import { css } from 'lit';

/**
 * Design tokens. Every element reads `--lf-*` custom properties with GOV.UK/NHS.UK-like defaults, so a
 * provider themes all of levelfit from one rule on the host page:
 *   lf-self-assessment { --lf-color-brand: #005eb8; --lf-font-family: Frutiger, Arial, sans-serif; }
 */
export const tokens = css`
  :host {
    --_font: var(--lf-font-family, Arial, Helvetica, sans-serif);
    --_text: var(--lf-color-text, #0b0c0c);
    --_muted: var(--lf-color-text-secondary, #505a5f);
    --_bg: var(--lf-color-background, #ffffff);
    --_surface: var(--lf-color-surface, #f3f2f1);
    --_border: var(--lf-color-border, #b1b4b6);
    --_input-border: var(--lf-color-input-border, #0b0c0c);
    --_brand: var(--lf-color-brand, #1d70b8);
    --_brand-text: var(--lf-color-brand-text, #ffffff);
    --_link: var(--lf-color-link, #1d70b8);
    --_error: var(--lf-color-error, #d4351c);
    --_success: var(--lf-color-success, #00703c);
    --_focus: var(--lf-color-focus, #ffdd00);
    --_focus-text: var(--lf-color-focus-text, #0b0c0c);
    --_radius: var(--lf-radius, 0);
    --_space: var(--lf-space, 1rem);
    --_font-size: var(--lf-font-size, 1rem);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    box-sizing: border-box;
    /* Provider text can hold a word longer than a phone is wide (a pasted link, a reference code): it breaks
       wherever it must rather than push the page sideways. 'anywhere' (not 'break-word') also narrows the
       min-content width, so table cells, flex and grid items shrink to fit. Inherited by the whole tree. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid CanvasText;
      box-shadow: none;
    }
  }
  .lf-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;
