import { html, type TemplateResult } from 'lit';

/**
 * A provider's theme set from the host page through `--lf-*` custom properties (an NHS-trust-like purple and
 * serif), applied to every levelfit element inside: the "custom theme" stories wrap their element in it.
 */
export function trustTheme(content: unknown): TemplateResult {
  return html`
    <style>
      .trust-theme {
        --lf-font-family: Georgia, 'Times New Roman', serif;
        --lf-color-brand: #330072;
        --lf-color-link: #330072;
        --lf-color-focus: #ffb81c;
        --lf-radius: 6px;
        --lf-button-shadow: #1d0041;
      }
    </style>
    <div class="trust-theme">${content}</div>
  `;
}
