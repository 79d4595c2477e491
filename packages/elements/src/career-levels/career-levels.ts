import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Framework, Level } from '@levelfit/engine';
import { LfElement } from '../internal/lf-element.js';
import { viewStyles } from '../internal/view.styles.js';
import { tokens } from '../tokens.js';

/**
 * The framework's career levels as cards, lowest first: each level's title, its descriptor paragraphs and
 * its indicative roles. Set `current` to a level id to mark a person's current level (in words as well as
 * with a border, and with `aria-current`).
 *
 * @tagname lf-career-levels
 * @summary Career level cards with descriptors and indicative roles.
 *
 * @attr framework - A built-in framework id (default `clinical-homecare`) or a framework JSON URL. The `framework` property also takes a framework object.
 * @attr current - A level id to highlight as the person's current level.
 * @attr heading - The heading text (default "Career levels").
 *
 * @event {LfErrorEvent} lf-error - The framework is unusable or `current` is not one of its levels. `detail: { issues, source }`; the issues are also shown inline (`role="alert"`).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The main heading.
 * @csspart framework-title - The framework's title under the heading.
 * @csspart levels - The list of level cards.
 * @csspart card - One level card (also `card-current` for the current level).
 * @csspart current-label - The "Your current level" label on the current card.
 * @csspart level-title - A level's title.
 * @csspart descriptor - A level's descriptor paragraphs.
 * @csspart roles - A level's list of indicative roles.
 * @csspart error - The inline error.
 * @csspart loading - The line shown while a framework URL loads.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Captions.
 * @cssproperty [--lf-color-background=#ffffff] - Card background.
 * @cssproperty [--lf-color-border=#b1b4b6] - Card border.
 * @cssproperty [--lf-color-highlight=var(--lf-color-brand)] - The current level's border and label.
 * @cssproperty [--lf-color-error=#d4351c] - The inline error's border.
 * @cssproperty [--lf-card-border-color=var(--lf-color-border)] - Card border.
 * @cssproperty [--lf-card-shadow=none] - Card shadow (never printed).
 * @cssproperty [--lf-radius=0] - Card corner radius.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-career-levels-columns=18rem] - Minimum card width in the grid.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Secondary button background (Print, Back).
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Secondary button text.
 * @cssproperty [--lf-color-brand=#1d70b8] - Brand colour: primary buttons, marks and highlights.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on brand-coloured backgrounds.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Borders of inputs and selects.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-color-success=#00703c] - Success and confirmation colour.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Panels, notices and secondary buttons.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-view-max-width=none] - Widest the element grows.
 */
@localized()
export class LfCareerLevels extends LfElement {
  static override styles = [
    tokens,
    viewStyles,
    css`
      .levels {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--lf-career-levels-columns, 18rem)), 1fr));
        gap: var(--_space);
      }
      .levels > li {
        margin: 0;
      }
      .card {
        background: var(--_bg);
        border: 1px solid var(--_card-border);
        border-top: 6px solid var(--_card-border);
        border-radius: var(--_radius);
        box-shadow: var(--_card-shadow);
        padding: var(--_space);
        height: 100%;
      }
      .card.current {
        border: 3px solid var(--_highlight);
        border-top-width: 8px;
      }
      .card h3 {
        margin-top: 0;
      }
      .current-label {
        display: inline-block;
        margin: 0 0 0.5rem;
        padding: 0.125rem 0.5rem;
        background: var(--_highlight);
        color: var(--_brand-text);
        font-weight: 700;
        font-size: 0.875rem;
      }
      .descriptor p:last-child {
        margin-bottom: 0;
      }
      .roles {
        margin-bottom: 0;
        list-style: disc;
      }
      @media (forced-colors: active) {
        .card.current {
          border-color: Highlight;
        }
        .current-label {
          border: 2px solid CanvasText;
        }
      }
      @media print {
        .levels {
          display: block;
        }
        .levels > li + li {
          margin-top: var(--_space);
        }
        .card,
        .card.current {
          border-color: #000;
        }
        .current-label {
          background: none;
          color: #000;
          border: 2px solid #000;
        }
      }
    `,
  ];

  /** A level id to highlight as the person's current level. */
  @property({ reflect: true })
  current: string | null = null;

  /** The heading text; empty for the default ("Career levels"). */
  @property({ reflect: true })
  heading: string | null = null;

  protected override willUpdate(): void {
    this.problem = this.frameworkProblem();
    const framework = this.resolvedFramework;
    if (!this.problem && framework) this.problem = this.levelProblem(framework, 'current', this.current);
  }

  protected override render(): TemplateResult {
    const framework = this.resolvedFramework;
    const heading = this.heading?.trim() || msg('Career levels');
    const blocked = this.problem !== null && this.problem.source !== 'options';
    return html`
      <section class="base" part="base" aria-labelledby="heading">
        <h2 id="heading" part="heading">${heading}</h2>
        ${framework ? html`<p class="caption" part="framework-title">${framework.title}</p>` : nothing}
        ${this.renderFrameworkState(msg('These career levels cannot be shown'))}
        ${framework && !blocked ? this.renderLevels(framework) : nothing}
      </section>
    `;
  }

  private renderLevels(framework: Framework): TemplateResult {
    const current = this.current?.trim();
    return html`<ol class="levels" part="levels">
      ${framework.levels.map((level) => this.renderCard(level, level.id === current))}
    </ol>`;
  }

  private renderCard(level: Level, isCurrent: boolean): TemplateResult {
    return html`
      <li class="card ${isCurrent ? 'current' : ''}" part=${isCurrent ? 'card card-current' : 'card'} aria-current=${isCurrent ? 'step' : nothing}>
        ${isCurrent ? html`<p class="current-label" part="current-label">${msg('Your current level')}</p>` : nothing}
        <h3 part="level-title">${level.title}</h3>
        <div class="descriptor" part="descriptor">${level.descriptor.map((p) => html`<p>${p}</p>`)}</div>
        <h4>${msg('Indicative roles')}</h4>
        ${level.roles.length
          ? html`<ul class="roles" part="roles">
              ${level.roles.map((r) => html`<li>${r}</li>`)}
            </ul>`
          : html`<p class="roles">${msg('The framework lists no indicative roles for this level.')}</p>`}
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-career-levels': LfCareerLevels;
  }
}
