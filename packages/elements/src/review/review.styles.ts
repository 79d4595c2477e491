import { css } from 'lit';

/**
 * `<lf-review>`: the shared GOV.UK form sheet (../internal/form.styles.ts) plus what a review adds: item cards,
 * the "or" divider between agreeing and a different rating, inline filter radios, text fields, the declaration
 * checkbox and the changed-record warning. Colours come from `--lf-*` tokens; nothing is told by colour alone
 * (a different rating is written out in words, a warning has its own heading text).
 */
export const reviewStyles = css`
  :host {
    --lf-review-max-width: var(--lf-form-max-width, 48rem);
  }
  .base {
    max-width: var(--lf-review-max-width);
  }
  .caption {
    color: var(--_muted);
    margin-bottom: var(--_space);
  }
  legend {
    font-weight: 700;
    font-size: 1.1875rem;
    margin: 0 0 0.5rem;
  }
  .filters {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .radios--inline {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: calc(var(--_space) * 1.5);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 1.25) 0;
  }
  .self {
    margin-bottom: 0.5rem;
  }
  .divider {
    color: var(--_muted);
    margin: 0.25rem 0;
  }
  .field {
    margin: var(--_space) 0;
  }
  .label,
  .label-small {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .label {
    font-size: 1.1875rem;
  }
  textarea,
  input[type='text'] {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.35rem;
    margin: 0 0 0.75rem;
    border: 2px solid var(--_input-border);
    border-radius: 0;
    background: var(--_bg);
    color: var(--_text);
  }
  textarea:focus-visible,
  input[type='text']:focus-visible,
  .checkbox input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .question--error textarea,
  .question--error input[type='text'] {
    border-color: var(--_error);
  }
  .evidence-form {
    border-left: 4px solid var(--_border);
    padding-left: var(--_space);
    margin-top: var(--_space);
  }
  .evidence-list {
    margin: 0 0 var(--_space);
    padding-left: 1.25rem;
  }
  .evidence-list li + li {
    margin-top: 0.25rem;
  }
  .evidence-kind {
    font-weight: 700;
  }
  button.link {
    min-height: 24px;
    min-width: 24px;
    padding: 0 0.25rem;
    margin-left: 0.5rem;
    color: var(--_link);
    background: none;
    box-shadow: none;
    text-decoration: underline;
  }
  .checkbox {
    display: grid;
    grid-template-columns: var(--_radio-size) 1fr;
    column-gap: 0.5rem;
    align-items: start;
  }
  .checkbox input {
    width: var(--_radio-size);
    height: var(--_radio-size);
    min-width: 24px;
    min-height: 24px;
    margin: 0.25rem 0 0;
    accent-color: var(--_input-border);
  }
  .checkbox label {
    padding: 0.25rem;
    cursor: pointer;
  }
  .notice--warning {
    border-color: var(--_error);
  }
  .levels dd {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .notice--warning {
      border-color: CanvasText;
    }
  }
  @media print {
    .buttons,
    .filters,
    .draft-status {
      display: none;
    }
  }
`;
