import { css } from 'lit';

/**
 * Styles shared by the read-only views (level fit, competence matrix, career levels): headings, the inline
 * error, tables and print rules. Every colour comes from a `--lf-*` token through the `--_*` variables of
 * ../shared/tokens.ts. Nothing is styled inline (a strict CSP forbids style attributes): Lit adopts these
 * sheets as constructable stylesheets.
 */
export const viewStyles = css`
  :host {
    --_card-border: var(--lf-card-border-color, var(--_border));
    --_card-shadow: var(--lf-card-shadow, none);
    --_highlight: var(--lf-color-highlight, var(--_brand));
  }
  .base {
    max-width: var(--lf-view-max-width, none);
  }
  h2,
  h3,
  h4 {
    margin: 0 0 calc(var(--_space) * 0.75);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.1875rem;
    margin-top: calc(var(--_space) * 1.5);
  }
  h4 {
    font-size: 1rem;
    margin-top: var(--_space);
  }
  p {
    margin: 0 0 var(--_space);
  }
  ul,
  ol {
    margin: 0 0 var(--_space);
    padding-left: 1.25rem;
  }
  li + li {
    margin-top: 0.25rem;
  }
  .caption {
    display: block;
    color: var(--_muted);
    margin: 0 0 var(--_space);
  }
  .problem {
    border: 5px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .problem-title {
    font-size: 1.1875rem;
    margin-top: 0;
  }
  .problem ul {
    margin-bottom: 0;
  }
  code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 700;
    font-size: 1.1875rem;
    padding-bottom: 0.5rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 0.75rem 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    vertical-align: bottom;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--lf-button-secondary-background, var(--_surface));
    color: var(--lf-button-secondary-text, var(--_text));
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    .problem {
      border-color: CanvasText;
    }
  }
  @media print {
    :host {
      --_text: #000;
      --_muted: #333;
      --_border: #666;
      color: #000;
      background: #fff;
    }
    button,
    .no-print {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-shadow: none !important;
      text-shadow: none !important;
    }
    h2,
    h3,
    h4,
    caption {
      break-after: avoid;
      page-break-after: avoid;
    }
    tr,
    li,
    .card {
      break-inside: avoid;
      page-break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
  }
`;
