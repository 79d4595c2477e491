import { css } from 'lit';

/**
 * GOV.UK / NHS.UK form patterns shared by `<lf-self-assessment>` and `<lf-quiz>`: headings, captions,
 * fieldsets, hints, error messages, radios (`.radios` / `.options`), buttons, links, the error summary,
 * inline problems, draft notices, the "Check your answers" summary list and the confirmation panel. Every
 * colour comes from a `--lf-*` token (see ./tokens.ts) through the component variables below. An element
 * lists it after `tokens` and before its own sheet, which adds what differs (widths, legends, the quiz's
 * grid columns over the self-assessment's defaults here) and its `forced-colors` rules.
 */
export const formStyles = css`
  :host {
    --_radio-size: var(--lf-radio-size, 1.75rem);
    --_button-bg: var(--lf-button-background, var(--_brand));
    --_button-text: var(--lf-button-text, var(--_brand-text));
    --_button-shadow: var(--lf-button-shadow, #0b0c0c);
    --_secondary-bg: var(--lf-button-secondary-background, var(--_surface));
    --_secondary-text: var(--lf-button-secondary-text, var(--_text));
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 1.25);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.1875rem;
    margin-top: calc(var(--_space) * 2);
  }
  h2:focus,
  .error-summary:focus {
    outline: none;
  }
  /* Headings and the error summary take focus from script (page changes, a failed Continue): a plain ring. */
  h2:focus-visible,
  .error-summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: none;
  }
  p {
    margin: 0 0 var(--_space);
  }
  form {
    margin: 0;
  }

  /* Questions */
  .question--error {
    padding-left: calc(var(--_space) * 0.9);
    border-left: 5px solid var(--_error);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    display: table;
    max-width: 100%;
    padding: 0;
    white-space: normal;
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 0.75rem;
  }
  .error-message {
    display: block;
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .radios,
  .options {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .radio,
  .option {
    display: grid;
    grid-template-columns: var(--_radio-size) 1fr;
    column-gap: 0.5rem;
    align-items: center;
  }
  .radio input,
  .option input {
    width: var(--_radio-size);
    height: var(--_radio-size);
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--_input-border);
    cursor: pointer;
  }
  .radio label,
  .option label {
    padding: 0.4rem 0.25rem;
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
  }
  .radio input:focus-visible,
  .option input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 7px var(--_focus-text);
  }

  /* Buttons */
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  button {
    font: inherit;
    font-weight: 400;
    line-height: 1.2;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1rem 0.4375rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    color: var(--_button-text);
    background: var(--_button-bg);
    box-shadow: 0 2px 0 var(--_button-shadow);
    cursor: pointer;
  }
  button.secondary {
    color: var(--_secondary-text);
    background: var(--_secondary-bg);
  }
  button:hover {
    filter: brightness(0.9);
  }
  button:focus-visible {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    border-color: var(--_focus);
    box-shadow: 0 2px 0 var(--_focus-text);
  }
  button:active {
    transform: translateY(2px);
    box-shadow: none;
  }

  /* Links */
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.1em;
    cursor: pointer;
  }
  a:focus-visible {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
    text-decoration: none;
  }

  /* Error summary */
  .error-summary {
    padding: calc(var(--_space) * 0.9);
    margin: 0 0 calc(var(--_space) * 2);
    border: 5px solid var(--_error);
  }
  .error-summary h2 {
    font-size: 1.3125rem;
    margin-bottom: var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary li + li {
    margin-top: 0.5rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .error-summary a:focus-visible {
    color: var(--_focus-text);
  }

  /* Inline problems with the input (bad framework or bank, failed fetch) */
  .problem {
    padding: calc(var(--_space) * 0.9);
    border: 5px solid var(--_error);
  }
  .problem ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .problem code {
    font-family: ui-monospace, Consolas, monospace;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  /* Notices (drafts) */
  .notices:empty {
    display: none;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: 0.75rem var(--_space);
    border-left: 5px solid var(--_brand);
    background: var(--_surface);
  }
  .draft-status {
    color: var(--_muted);
    min-height: 1.4em;
  }

  /* Check your answers */
  .summary-list {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 1.5fr) auto;
    gap: 0.5rem var(--_space);
    padding: 0.625rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .summary-row dt {
    font-weight: 700;
  }
  .summary-row dd {
    margin: 0;
  }
  .summary-row .actions {
    text-align: right;
  }
  @media (max-width: 40rem) {
    .summary-row {
      grid-template-columns: 1fr;
    }
    .summary-row .actions {
      text-align: left;
    }
  }

  /* Confirmation or results */
  .panel {
    padding: calc(var(--_space) * 1.5);
    margin: 0 0 calc(var(--_space) * 1.5);
    text-align: center;
  }
  .panel h2 {
    font-size: 2rem;
  }
`;
