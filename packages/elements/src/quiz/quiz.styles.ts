import { css } from 'lit';

/**
 * `<lf-quiz>`: GOV.UK / NHS.UK question pages. The form patterns it shares with `<lf-self-assessment>` (bold
 * question headings inside the legend, grey hints, red error messages with a thick left border, an error
 * summary, a summary list for "Check your answers") are in ../shared/form.styles.ts; this sheet adds the
 * quiz's own: scenarios, feedback boxes whose first words say "Correct", "Partly correct" or "Incorrect"
 * (colour is never the only cue), results. Every colour comes from a `--lf-*` token (see ../shared/tokens.ts).
 */
export const quizStyles = css`
  :host {
    --lf-quiz-max-width: var(--lf-form-max-width, 48rem);
  }
  .base {
    max-width: var(--lf-quiz-max-width);
  }
  .bank-title,
  .caption {
    display: block;
    color: var(--_muted);
    font-weight: normal;
    font-size: 1rem;
    margin-bottom: 0.25rem;
  }
  .bank-title {
    margin-bottom: var(--_space);
  }

  /* The question */
  legend {
    margin: 0 0 var(--_space);
  }
  .question-heading {
    margin: 0;
    font-size: 1.5rem;
  }
  .scenario {
    margin: 0 0 var(--_space);
    padding: 0.75rem var(--_space);
    border-left: 5px solid var(--_border);
    background: var(--_surface);
  }
  .scenario p:last-child {
    margin-bottom: 0;
  }
  .scenario-label {
    font-weight: 700;
    margin-bottom: 0.25rem;
  }
  .option {
    grid-template-columns: var(--_radio-size) minmax(0, 1fr);
  }
  .options--radios input:focus-visible {
    border-radius: 50%;
  }

  /* Feedback */
  .feedback-region:empty {
    display: none;
  }
  .feedback-region {
    margin: calc(var(--_space) * 1.5) 0 0;
  }
  .feedback {
    padding: 0.75rem var(--_space);
    border-left: 5px solid var(--_brand);
    background: var(--_surface);
  }
  .feedback--correct {
    border-left-color: var(--_success);
  }
  .feedback--incorrect {
    border-left-color: var(--_error);
  }
  .feedback p:last-child {
    margin-bottom: 0;
  }
  .feedback-title {
    font-weight: 700;
    font-size: 1.1875rem;
    margin-bottom: 0.25rem;
  }
  .reference {
    color: var(--_muted);
  }

  /* Inline problems */
  .problem {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .problem h2 {
    font-size: 1.3125rem;
    margin-bottom: var(--_space);
  }

  /* Notices (drafts) */
  .notice button {
    margin-top: 0.25rem;
  }

  /* Check your answers */
  .summary-row {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) auto;
  }
  .summary-row .number {
    display: block;
    font-weight: normal;
    color: var(--_muted);
  }
  .answer-list {
    margin: 0;
    padding-left: 1.25rem;
  }
  @media (max-width: 40rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  /* Results */
  .panel {
    border: 5px solid transparent;
  }
  .panel--pass {
    color: var(--lf-panel-text, #ffffff);
    background: var(--lf-panel-background, var(--_success));
  }
  .panel--fail {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_text);
  }
  .panel .score {
    font-size: 1.5rem;
    font-weight: 700;
  }
  .panel p:last-child {
    margin-bottom: 0;
  }
  .mastery {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .mastery th,
  .mastery td {
    text-align: left;
    vertical-align: top;
    padding: 0.625rem 0.5rem 0.625rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .mastery tbody th {
    font-weight: normal;
  }
  .mastery .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .mastery .code,
  .mastery .capped {
    color: var(--_muted);
  }

  /* How answers count; why there is no "Start again" */
  .mode-notice,
  .restart-notice {
    padding: 0.75rem var(--_space);
    border-left: 5px solid var(--_brand);
    background: var(--_surface);
  }

  /* Review after submitting: the first words say Right, Partly right or Wrong (colour is never the only cue) */
  .review {
    padding-left: 0;
    list-style-position: inside;
  }
  .review-item {
    padding: 0.75rem var(--_space);
    margin-bottom: var(--_space);
    border-left: 5px solid var(--_brand);
    background: var(--_surface);
  }
  .review-item--correct {
    border-left-color: var(--_success);
  }
  .review-item--incorrect {
    border-left-color: var(--_error);
  }
  .review-prompt {
    display: inline;
    font-weight: 700;
  }
  .review dt {
    font-weight: 700;
  }
  .review dd {
    margin: 0 0 0.5rem;
  }
  @media (forced-colors: active) {
    .mode-notice,
    .restart-notice,
    .review-item,
    .question--error,
    .error-summary,
    .problem,
    .notice,
    .feedback,
    .scenario,
    .panel {
      border-color: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
  @media print {
    .buttons,
    .notices,
    .draft-status {
      display: none;
    }
  }
`;
