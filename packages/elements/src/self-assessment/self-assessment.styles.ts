import { css } from 'lit';

/**
 * `<lf-self-assessment>`: GOV.UK / NHS.UK form patterns (bold legends, grey hints, red error messages with a
 * thick left border, an error summary, a summary list for "Check your answers"), shared with `<lf-quiz>` in
 * ../shared/form.styles.ts; this sheet adds the role picker and what differs. Every colour comes from a
 * `--lf-*` token (see ../shared/tokens.ts), and no meaning is carried by colour alone: errors say "Error:",
 * the selected rating is the native radio's own mark.
 */
export const selfAssessmentStyles = css`
  :host {
    --lf-self-assessment-max-width: var(--lf-form-max-width, 48rem);
  }
  .base {
    max-width: var(--lf-self-assessment-max-width);
  }
  .framework-title,
  .caption {
    display: block;
    color: var(--_muted);
    font-weight: normal;
    font-size: 1rem;
    margin-bottom: 0.25rem;
  }
  .framework-title {
    margin-bottom: var(--_space);
  }

  /* Questions */
  .question {
    margin: 0 0 calc(var(--_space) * 1.75);
  }
  legend {
    margin: 0 0 0.5rem;
    font-weight: 700;
    font-size: 1.1875rem;
    line-height: 1.3;
  }
  .radio .radio-hint {
    grid-column: 2;
    color: var(--_muted);
    margin: -0.25rem 0 0.25rem 0.25rem;
  }
  .radio input:focus-visible {
    border-radius: 50%;
  }

  /* Progress through the questions */
  .progress p {
    margin: 0 0 0.25rem;
    color: var(--_muted);
  }
  .progress progress {
    display: block;
    width: 100%;
    height: 0.75rem;
    margin: 0 0 calc(var(--_space) * 1.5);
    accent-color: var(--_brand);
  }

  /* The scale explained once; the plain question's source text */
  .scale-help {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .scale-help summary,
  .check-section summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  /* GOV.UK details: the same yellow focus as links (a transparent outline keeps a ring in forced colours) */
  summary:focus-visible {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
    text-decoration: none;
  }
  .scale-help dl div {
    margin: 0.5rem 0;
  }
  .scale-help dt {
    font-weight: 700;
  }
  .scale-help dd {
    margin: 0;
  }
  .source-text {
    font-style: italic;
  }

  /* "Check your answers" in one collapsible section per step */
  .check-section {
    margin: 0 0 var(--_space);
  }
  .check-section summary h3 {
    display: inline;
    margin: 0;
  }
  .check-section summary .count {
    color: var(--_muted);
    text-decoration: none;
  }

  /* Role picker */
  .field {
    margin: 0 0 calc(var(--_space) * 2);
    /* A long role name must not widen the form: in a host's grid or flex column the select's width would
       otherwise become the form's min-content width (horizontal scroll at 320px). */
    contain: inline-size;
  }
  .label {
    display: block;
    font-weight: 700;
    font-size: 1.1875rem;
    margin: 0 0 0.5rem;
  }
  select {
    font: inherit;
    min-height: 2.5rem;
    max-width: 100%;
    padding: 0.25rem;
    border: 2px solid var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }

  /* Standalone links (error summary, Change) are targets of at least 24 × 24 CSS px (WCAG 2.5.8). */
  .error-summary a,
  .summary-row .actions a {
    display: inline-block;
    min-height: 24px;
    min-width: 24px;
  }

  /* Notices (drafts) */
  .notice p:last-child {
    margin-bottom: 0;
  }
  .notice-title {
    font-weight: 700;
  }

  /* Confirmation */
  .panel {
    color: var(--lf-panel-text, #ffffff);
    background: var(--lf-panel-background, var(--_success));
  }
  .panel p {
    font-size: 1.5rem;
    margin: 0;
  }
  .panel h2:focus-visible {
    outline-color: var(--_focus);
  }
  /* "You answer it once": its own line under the code or description. */
  .hint .shared {
    display: block;
  }
  @media (forced-colors: active) {
    .question--error,
    .error-summary,
    .problem,
    .notice,
    .panel {
      border-color: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
