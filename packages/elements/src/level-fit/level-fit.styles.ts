import { css } from 'lit';

/**
 * `<lf-level-fit>`: a best-fit panel, the plan for the next level, and a list of levels with their figures in
 * words and status words ("Best fit", "Attained") so no meaning is carried by colour alone. In print: the name,
 * date and framework version on top, each level and each panel kept whole on a page, and a box for notes.
 */
export const levelFitStyles = css`
  :host {
    --_summary-bg: var(--lf-summary-background, var(--_surface));
  }
  .summary {
    background: var(--_summary-bg);
    border-left: 6px solid var(--_brand);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .summary > :last-child {
    margin-bottom: 0;
  }
  .summary-label {
    margin: 0 0 0.25rem;
    color: var(--_muted);
  }
  .best-fit {
    font-size: 1.375rem;
    font-weight: 700;
    line-height: 1.3;
    margin-bottom: 0.5rem;
  }
  .role {
    margin-top: var(--_space);
  }

  /* Self-assessed and confirmed, side by side (stacked on a phone) */
  .side-by-side {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0 0 var(--_space);
  }
  .side-by-side .summary {
    flex: 1 1 14rem;
    margin: 0;
  }
  .summary--changed {
    border-left-style: double;
    border-left-width: 8px;
  }
  .details {
    margin: 0 0 var(--_space);
  }
  .details > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space);
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .details dt {
    font-weight: 700;
    flex: 0 0 9rem;
  }
  .details dd {
    margin: 0;
    flex: 1 1 14rem;
  }
  .notes,
  .notes ul {
    padding-left: 1.25rem;
  }
  .notes p {
    margin: 0.25rem 0;
  }
  .print-only {
    display: none;
  }
  .chart {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'name status'
      'figure figure';
    column-gap: 0.75rem;
    row-gap: 0.25rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .row + .row {
    margin-top: 0;
  }
  .level-name {
    grid-area: name;
    font-weight: 700;
  }
  .status {
    grid-area: status;
    align-self: start;
    font-size: 0.875rem;
    font-weight: 700;
    padding: 0 0.5rem;
    border: 2px solid var(--_muted);
    color: var(--_muted);
    border-radius: var(--_radius);
    white-space: nowrap;
  }
  .attained .status {
    border-color: var(--_text);
    color: var(--_text);
  }
  .best .status {
    background: var(--_text);
    color: var(--_bg);
  }
  .figure {
    grid-area: figure;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .nowrap {
    white-space: nowrap;
  }
  .item-title {
    font-weight: normal;
  }
  .kind {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .next-step {
    border-left: 4px solid var(--_brand);
    padding-left: 0.75rem;
  }
  .gaps h4 {
    margin: var(--_space) 0 0.5rem;
  }
  .print-only-block {
    display: none;
  }
  .print-header {
    margin: 0 0 var(--_space);
  }
  .print-header > div {
    display: flex;
    gap: var(--_space);
  }
  .print-header dt {
    font-weight: 700;
    flex: 0 0 7rem;
  }
  .print-header dd {
    margin: 0;
  }
  .notes-box {
    min-height: 8rem;
    border: 2px solid #000;
  }
  .actions {
    margin-top: calc(var(--_space) * 1.5);
  }
  @media (forced-colors: active) {
    .best .status {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
  @media print {
    .summary {
      background: none;
      border: 2px solid #000;
    }
    .print-only-block {
      display: block;
    }
    .row,
    .summary,
    .next-step,
    .print-notes,
    tr {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    h3,
    h4 {
      break-after: avoid;
      page-break-after: avoid;
    }
    .gaps {
      break-before: auto;
    }
    .print-only {
      display: inline;
    }
    .side-by-side .summary,
    .notes li {
      break-inside: avoid;
      page-break-inside: avoid;
    }
  }
`;
