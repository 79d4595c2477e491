import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Framework, Issue, Item } from '@levelfit/engine';
import { isPlainObject } from '../internal/is-plain-object.js';
import { LfElement } from '../internal/lf-element.js';
import { ratingLabel } from '../internal/rating-label.js';
import { viewStyles } from '../internal/view.styles.js';
import { tokens } from '../tokens.js';

/** Ratings as `lf-submit` carries them (`detail.responses.ratings`), or the whole `{ ratings }` responses. */
export type MatrixRatings = Record<string, number> | { ratings: Record<string, number> };

/**
 * The framework's common and core competences against its levels, as one accessible table: a column per
 * level, a row per competence (every item that is not an indicator), "Required" marked with a tick and
 * said in words to screen readers. Give it a person's ratings to add their rating and whether it is met
 * to every row. On a narrow screen (under 40em) the person's columns come straight after the competence, and
 * a table wider than its region says "Scroll sideways to see more".
 *
 * @tagname lf-competence-matrix
 * @summary Competence × level table, optionally with a person's ratings.
 *
 * @attr framework - A built-in framework id (default `clinical-homecare`) or a framework JSON URL. The `framework` property also takes a framework object.
 * @attr caption - The table caption (default "Competences required at each level").
 *
 * @event {LfErrorEvent} lf-error - The framework or the ratings are unusable. `detail: { issues, source }`; the issues are also shown inline (`role="alert"`).
 *
 * @csspart base - The wrapper around everything.
 * @csspart scroller - The keyboard-scrollable region around the table (`role="region"`, named by the caption).
 * @csspart scroll-hint - "Scroll sideways to see more", shown only while the table is wider than its region.
 * @csspart table - The table.
 * @csspart caption - The caption above the table. It wraps to the width of the page, never to the table's: the
 *   table's own `<caption>` carries the same words for screen readers.
 * @csspart level-header - A level's column header.
 * @csspart person-header - The "Your rating" and "Met" column headers.
 * @csspart competence-header - A competence's row header.
 * @csspart cell - A level cell (also `cell-required`).
 * @csspart rating - The "Your rating" cell.
 * @csspart met - The "Met" cell (also `met-yes`, `met-no`).
 * @csspart error - The inline error shown for a malformed framework or ratings.
 * @csspart loading - The line shown while a framework URL loads.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Captions.
 * @cssproperty [--lf-color-border=#b1b4b6] - Table rules.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Header background.
 * @cssproperty [--lf-color-brand=#1d70b8] - The tick mark.
 * @cssproperty [--lf-color-error=#d4351c] - The inline error's border.
 * @cssproperty [--lf-matrix-header-background=var(--lf-color-surface)] - Column header background.
 * @cssproperty [--lf-matrix-mark-color=var(--lf-color-brand)] - Colour of the "required" tick.
 * @cssproperty [--lf-matrix-max-height=none] - Height after which the table scrolls.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Secondary button background (Print, Back).
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Secondary button text.
 * @cssproperty [--lf-card-border-color=var(--lf-color-border)] - Card border.
 * @cssproperty [--lf-card-shadow=none] - Card shadow (never printed).
 * @cssproperty [--lf-color-background=#ffffff] - Background of fields and cards.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on brand-coloured backgrounds.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-color-highlight=var(--lf-color-brand)] - Highlight of the current or best-fit level.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Borders of inputs and selects.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-color-success=#00703c] - Success and confirmation colour.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-radius=0] - Corner radius.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-view-max-width=none] - Widest the element grows.
 */
@localized()
export class LfCompetenceMatrix extends LfElement {
  static override styles = [
    tokens,
    viewStyles,
    css`
      :host {
        --_mark: var(--lf-matrix-mark-color, var(--_brand));
        --_head-bg: var(--lf-matrix-header-background, var(--_surface));
      }
      .scroller {
        /* The containing block of the visually hidden cell text, so the scroller clips it too. */
        position: relative;
        overflow: auto;
        max-height: var(--lf-matrix-max-height, none);
        container-type: inline-size;
      }
      caption {
        /* A caption is as wide as its table: held to the visible width of the scroller (and kept in view
           while the table scrolls), it wraps there and is read without scrolling sideways at 320 px. */
        position: sticky;
        left: 0;
        max-width: 100cqi;
      }
      .scroller:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 0;
      }
      /* The caption sits outside the scrolling table, so it wraps to the page's width however wide the table is. */
      .title {
        font-weight: 700;
        font-size: 1.1875rem;
        margin: 0 0 0.25rem;
        overflow-wrap: anywhere;
      }
      .title .legend {
        display: block;
      }
      .scroll-hint {
        margin: 0 0 0.5rem;
        color: var(--_muted);
      }
      .scroll-hint::before {
        content: '↔ ';
      }
      thead th {
        background: var(--_head-bg);
        padding: 0.5rem;
        font-size: 0.875rem;
        min-width: 6rem;
      }
      thead th:first-child {
        min-width: 14rem;
      }
      /* Narrow: the competence column keeps to a readable width and stays in view while the levels scroll. */
      .narrow thead th:first-child {
        min-width: 9rem;
      }
      .narrow thead th {
        min-width: 5rem;
      }
      .narrow tbody th {
        position: sticky;
        left: 0;
        background: var(--_bg, #fff);
        overflow-wrap: anywhere;
      }
      tbody th {
        font-weight: normal;
        padding-left: 0.5rem;
      }
      td {
        padding: 0.5rem;
      }
      td.cell {
        text-align: center;
      }
      .mark {
        color: var(--_mark);
        font-weight: 700;
        font-size: 1.25rem;
        line-height: 1;
      }
      .code {
        color: var(--_muted);
        margin-right: 0.25rem;
      }
      .met-no {
        font-weight: 700;
      }
      .legend {
        color: var(--_muted);
        font-weight: normal;
        font-size: 1rem;
        margin: 0.25rem 0 0;
      }
      .nowrap {
        white-space: nowrap;
      }
      @media (forced-colors: active) {
        .mark {
          color: CanvasText;
        }
      }
      @media print {
        .scroller {
          overflow: visible;
          max-height: none;
        }
        .scroll-hint {
          display: none;
        }
        thead th {
          background: none;
        }
      }
    `,
  ];

  /**
   * A person's ratings, `{ [itemId]: rating }` (or the whole `{ ratings }` responses). Adds "Your rating"
   * and "Met" columns. Unknown items or off-scale ratings show an inline error and fire `lf-error`.
   */
  @property({ attribute: false })
  ratings: MatrixRatings | null = null;

  /** The table caption; empty for the default. */
  @property({ reflect: true })
  caption: string | null = null;

  private validRatings: Record<string, number> | null = null;

  /** The region is narrower than 40em: the person's columns come first. */
  @state()
  private narrow = false;

  /** The table is wider than its region: the scroll hint shows. */
  @state()
  private overflowing = false;

  private resizeObserver: ResizeObserver | null = null;
  private observed: Element | null = null;
  private observedTable: Element | null = null;
  private measureFrame = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.observed = null;
    this.observedTable = null;
    cancelAnimationFrame(this.measureFrame);
    this.measureFrame = 0;
  }

  /** Watches the region and the table (a resize of either can change both answers); measuring happens after layout. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const scroller = (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('.scroller');
    if (scroller !== this.observed) {
      this.resizeObserver?.disconnect();
      this.observed = scroller;
      this.observedTable = null;
      if (scroller && typeof ResizeObserver !== 'undefined') {
        // Measured in the next frame: re-rendering inside the observer's callback would resize what it observes.
        this.resizeObserver = new ResizeObserver(() => {
          if (this.measureFrame === 0) this.measureFrame = requestAnimationFrame(() => this.measure());
        });
        this.resizeObserver.observe(scroller);
      }
    }
    const table = scroller?.querySelector('table') ?? null;
    if (this.resizeObserver && table && table !== this.observedTable) {
      if (this.observedTable) this.resizeObserver.unobserve(this.observedTable);
      this.observedTable = table;
      this.resizeObserver.observe(table);
    }
  }

  /** Reads the region's width (em-based, so it follows the person's text size) and whether the table overflows it. */
  private measure(): void {
    this.measureFrame = 0;
    const scroller = this.observed as HTMLElement | null;
    if (!scroller) return;
    const em = parseFloat(getComputedStyle(scroller).fontSize) || 16;
    const narrow = scroller.clientWidth < 40 * em;
    const overflowing = scroller.scrollWidth > scroller.clientWidth + 1;
    if (narrow !== this.narrow) this.narrow = narrow;
    if (overflowing !== this.overflowing) this.overflowing = overflowing;
  }

  protected override willUpdate(): void {
    this.problem = this.frameworkProblem();
    this.validRatings = null;
    const framework = this.resolvedFramework;
    if (this.problem || !framework || this.ratings === null || this.ratings === undefined) return;
    const { ratings, issues } = checkRatings(this.ratings, framework);
    if (issues.length) this.problem = { issues, source: 'options' };
    else this.validRatings = ratings;
  }

  protected override render(): TemplateResult {
    const framework = this.resolvedFramework;
    return html`
      <div class="base" part="base">
        ${this.renderFrameworkState(msg('This table cannot be shown'))}
        ${framework && !this.isFrameworkProblem() ? this.renderTable(framework) : nothing}
      </div>
    `;
  }

  private isFrameworkProblem(): boolean {
    return this.problem !== null && this.problem.source !== 'options';
  }

  private renderTable(framework: Framework): TemplateResult {
    const items = framework.items.filter((i) => i.kind !== 'indicator');
    const ratings = this.validRatings;
    const caption = this.caption?.trim() || msg('Competences required at each level');
    const legend = html`${framework.title}. ${msg('A tick (✓) means the level requires the competence.')}`;
    const personFirst = ratings !== null && this.narrow;
    const personHeads = ratings
      ? html`<th scope="col" class="nowrap" part="person-header">${msg('Your rating')}</th>
          <th scope="col" class="nowrap" part="person-header">${msg('Met')}</th>`
      : nothing;
    return html`
      <p class="title" id="caption" part="caption">${caption} <span class="caption legend">${legend}</span></p>
      ${this.overflowing ? html`<p class="scroll-hint" id="scroll-hint" part="scroll-hint">${msg('Scroll sideways to see more')}</p>` : nothing}
      <div
        class="scroller ${this.narrow ? 'narrow' : ''}"
        part="scroller"
        role="region"
        aria-labelledby="caption"
        aria-describedby=${this.overflowing ? 'scroll-hint' : nothing}
        tabindex="0"
      >
        <table part="table">
          <caption class="lf-visually-hidden">${caption} ${legend}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Competence')}</th>
              ${personFirst ? personHeads : nothing}
              ${framework.levels.map((l) => html`<th scope="col" part="level-header">${l.title}</th>`)}
              ${personFirst ? nothing : personHeads}
            </tr>
          </thead>
          <tbody>
            ${items.map((item) => this.renderRow(item, framework, ratings, personFirst))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(item: Item, framework: Framework, ratings: Record<string, number> | null, personFirst: boolean): TemplateResult {
    const rating = ratings ? ratings[item.id] : undefined;
    const met = rating !== undefined && rating >= framework.scale.met;
    const person = ratings
      ? html`<td part="rating">${rating === undefined ? msg('Not answered') : ratingLabel(framework, rating)}</td>
          <td class="nowrap ${met ? 'met-yes' : 'met-no'}" part=${met ? 'met met-yes' : 'met met-no'}>
            ${met ? msg('Met') : msg('Not yet met')}
          </td>`
      : nothing;
    return html`
      <tr>
        <th scope="row" part="competence-header">
          ${item.code ? html`<span class="code">${item.code}</span> ` : nothing}${item.title}
        </th>
        ${personFirst ? person : nothing}
        ${framework.levels.map((l) =>
          item.levels.includes(l.id)
            ? html`<td class="cell" part="cell cell-required">
                <span class="mark" aria-hidden="true">✓</span><span class="lf-visually-hidden">${msg('Required')}</span>
              </td>`
            : html`<td class="cell" part="cell"><span class="lf-visually-hidden">${msg('Not required')}</span></td>`,
        )}
        ${personFirst ? nothing : person}
      </tr>
    `;
  }
}

/** Ratings for the matrix: `{ [itemId]: rating }` with every id known and every rating on the scale. */
export function checkRatings(value: unknown, framework: Framework): { ratings: Record<string, number>; issues: Issue[] } {
  const issues: Issue[] = [];
  let given = value;
  if (isPlainObject(given) && isPlainObject(given.ratings) && !framework.items.some((i) => i.id === 'ratings')) given = given.ratings;
  if (!isPlainObject(given)) {
    return {
      ratings: {},
      issues: [{ code: 'invalid_type', path: ['ratings'], message: 'ratings must be an object of item id → rating' }],
    };
  }
  const ids = new Set(framework.items.map((i) => i.id));
  const scale = framework.scale.values.map((v) => v.value);
  const ratings: Record<string, number> = {};
  for (const [id, rating] of Object.entries(given)) {
    if (!ids.has(id)) issues.push({ code: 'unknown_item', path: ['ratings', id], message: `no item in ${framework.id} has the id "${id}"` });
    else if (typeof rating !== 'number' || !scale.includes(rating)) {
      issues.push({
        code: 'rating_off_scale',
        path: ['ratings', id],
        message: `the rating for "${id}" is ${JSON.stringify(rating)}; it must be one of ${scale.join(', ')}`,
      });
    } else ratings[id] = rating;
    if (issues.length >= 20) break;
  }
  return { ratings, issues };
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-competence-matrix': LfCompetenceMatrix;
  }
}
