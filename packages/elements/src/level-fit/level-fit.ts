import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
// records come from their own entry point: the embed bundle's engine is the core, and takes only what this uses
import { confirmLevel, safeParseRecord, type AssessmentRecord, type ConfirmedLevel } from '@levelfit/engine/record';
import {
  formatReasons,
  isBuiltinFrameworkId,
  levelName,
  type FitItem,
  type Framework,
  type Issue,
  type ItemKind,
  type LevelFit,
  type LevelResult,
} from '@levelfit/engine';
import type { FrameworkSource } from '../internal/framework-controller.js';
import { LfElement } from '../internal/lf-element.js';
import { currentLocale } from '../localize/localize.js';
import { ratingLabel } from '../internal/rating-label.js';
import { viewStyles } from '../internal/view.styles.js';
import { tokens } from '../tokens.js';
import { checkLevelFit } from './check-result.js';
import { levelFitStyles } from './level-fit.styles.js';
import { localMessages } from './reason-messages.js';
import { renderRecordDetails, renderSideBySide } from './review-record.js';

/**
 * Shows a person's level fit: the best-fit level (and the level above it that their practice overlaps
 * into), what each level asks for against what is met (competences, and statements with how many are needed;
 * never one blended percentage), the plan for the next level (or the target): the competences needed and
 * "any N of these M statements", closest first, with one next step, then why, in plain words. Prints for a
 * review meeting: the person's name, the date, the framework's title and version, and a box for notes.
 * Give it the `LevelFit` that `assess` resolves to, or the `detail.result` of `lf-submit`. Given an assessment
 * `record` (or `confirmLevel`'s output as `confirmation`), it shows the self-assessed and confirmed levels side
 * by side, the differences first, and prints as the review record (names, dates, framework version, notes,
 * evidence, sign-off).
 *
 * @tagname lf-level-fit
 * @summary A level-fit result: best fit, overlap, coverage per level, gaps and why.
 *
 * @attr framework - A built-in framework id or a framework JSON URL, used for level titles and rating labels. The `framework` property also takes a framework object. Default: the result's own built-in framework, else `clinical-homecare`.
 * @attr heading - The heading text (default "Your level fit").
 * @attr no-print-button - Boolean. Hides the "Print this result" button.
 * @attr person-name - The person's name, printed at the top of the result (text only; optional).
 *
 * @event {LfErrorEvent} lf-error - The result or the framework is unusable. `detail: { issues, source }`; the issues are also shown inline (`role="alert"`).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The main heading.
 * @csspart framework-title - The framework's title under the heading.
 * @csspart empty - The message shown before there is a result.
 * @csspart summary - The best-fit panel.
 * @csspart best-fit - The best-fit sentence.
 * @csspart overlap - The list of items the person's practice overlaps into.
 * @csspart role - The role line.
 * @csspart chart - The list of levels with what each asks for and what is met.
 * @csspart chart-row - One level in the list (also `chart-row-attained`, `chart-row-best`).
 * @csspart figure - The counts of one level ("16 of 20 competences · 1 of 7 statements, 6 needed").
 * @csspart gaps - The plan for the next level (or the target).
 * @csspart gap-table - The table of competences needed.
 * @csspart gap-statements - The table of statements, any N of which are needed.
 * @csspart next-step - The one next step.
 * @csspart print-header - The name, date, framework and version (printed).
 * @csspart print-notes - The box for notes from the review meeting (printed).
 * @csspart explanation - The "Why this result" section.
 * @csspart button - The print button (also `print-button`).
 * @csspart error - The inline error shown for a malformed result or framework.
 * @csspart loading - The line shown while a framework URL loads.
 * @csspart side-by-side - The self-assessed and confirmed levels (given a record or a confirmation).
 * @csspart self-level - The self-assessed level panel.
 * @csspart confirmed-level - The confirmed level panel.
 * @csspart unconfirmed - The line saying how many items are not reviewed yet.
 * @csspart differences - The section listing the items rated differently.
 * @csspart differences-table - The table of differences.
 * @csspart record - The review record (people, dates, framework version, sign-off).
 * @csspart notes - The notes and evidence per item.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Captions and figures.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Summary panel background and bar track.
 * @cssproperty [--lf-color-border=#b1b4b6] - Rules and the bar outline.
 * @cssproperty [--lf-color-brand=#1d70b8] - Attained bars and the summary panel border.
 * @cssproperty [--lf-color-error=#d4351c] - The inline error's border.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-radius=0] - Corner radius of the panel and button.
 * @cssproperty [--lf-summary-background=var(--lf-color-surface)] - Background of the best-fit panel.
 * @cssproperty [--lf-view-max-width=none] - Widest the element grows.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Secondary button background (Print, Back).
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Secondary button text.
 * @cssproperty [--lf-card-border-color=var(--lf-color-border)] - Card border.
 * @cssproperty [--lf-card-shadow=none] - Card shadow (never printed).
 * @cssproperty [--lf-color-background=#ffffff] - Background of fields and cards.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on brand-coloured backgrounds.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-color-highlight=var(--lf-color-brand)] - Highlight of the current or best-fit level.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Borders of inputs and selects.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-color-success=#00703c] - Success and confirmation colour.
 */
@localized()
export class LfLevelFit extends LfElement {
  static override styles = [tokens, viewStyles, levelFitStyles];

  /**
   * The result to show: the `LevelFit` that `assess` resolves to (or `lf-submit`'s `detail.result`).
   * `null` shows the empty state. A value of the wrong shape shows an inline error and fires `lf-error`.
   */
  @property({ attribute: false })
  result: LevelFit | null = null;

  /**
   * An assessment record (see `parseRecord`): the element runs `confirmLevel` and shows the self-assessed and
   * confirmed levels side by side, and the review record. Takes precedence over `result`.
   */
  @property({ attribute: false })
  record: AssessmentRecord | null = null;

  /** `confirmLevel`'s output, shown side by side (with `record`, the record's details print too). */
  @property({ attribute: false })
  confirmation: ConfirmedLevel | null = null;

  /** The heading text; empty for the default ("Your level fit"). */
  @property({ reflect: true })
  heading: string | null = null;

  /** The person's name, printed at the top of the result for a review meeting (shown as text). */
  @property({ attribute: 'person-name' })
  personName: string | null = null;

  /** Hides the print button. */
  @property({ type: Boolean, reflect: true, attribute: 'no-print-button' })
  noPrintButton = false;

  /** `confirmLevel` of `record`, once it has run. */
  @state() private confirmed: { record: unknown; framework: Framework; value: ConfirmedLevel | null; issues: Issue[] } | null = null;
  /** The confirmLevel run in progress, which `updateComplete` waits for. */
  private readonly confirming: { settled: Promise<void> } = { settled: Promise.resolve() };

  constructor() {
    super();
    this.watchSource(this.confirming);
  }

  protected override frameworkSource(): FrameworkSource {
    if (this.framework !== null && this.framework !== undefined && this.framework !== '') return this.framework;
    const id =
      (this.record as { framework?: { id?: unknown } } | null)?.framework?.id ??
      (this.confirmation as { self?: { frameworkId?: unknown } } | null)?.self?.frameworkId ??
      (this.result as { frameworkId?: unknown } | null)?.frameworkId;
    return isBuiltinFrameworkId(id) ? id : null;
  }

  protected override willUpdate(): void {
    this.problem = this.frameworkProblem();
    const framework = this.resolvedFramework;
    if (this.problem || !framework) return;
    if (this.record !== null && this.record !== undefined) {
      const c = this.confirmed;
      if (!c || c.record !== this.record || c.framework !== framework) this.confirm(this.record, framework);
      else if (c.issues.length) this.problem = { issues: c.issues, source: 'record' };
      return;
    }
    if (this.confirmation !== null && this.confirmation !== undefined) {
      const conf = this.confirmation as Partial<ConfirmedLevel>;
      const issues = [
        ...checkLevelFit(conf.self, framework).map((i) => ({ ...i, path: ['confirmation', 'self', ...i.path.slice(1)] })),
        ...checkLevelFit(conf.confirmed, framework).map((i) => ({ ...i, path: ['confirmation', 'confirmed', ...i.path.slice(1)] })),
      ];
      if (issues.length) this.problem = { issues, source: 'assess' };
      return;
    }
    if (this.result !== null && this.result !== undefined) {
      const issues = checkLevelFit(this.result, framework);
      if (issues.length) this.problem = { issues, source: 'assess' };
    }
  }

  /** Runs `confirmLevel` for a record; a record that is not one becomes the inline problem. */
  private confirm(record: unknown, framework: Framework): void {
    const parsed = safeParseRecord(record);
    if (!parsed.success) {
      this.confirmed = { record, framework, value: null, issues: parsed.issues.map((i) => ({ ...i, path: ['record', ...i.path] })) };
      this.problem = { issues: this.confirmed.issues, source: 'record' };
      return;
    }
    this.confirmed = { record, framework, value: null, issues: [] };
    this.confirming.settled = confirmLevel(framework, parsed.data).then(
      (value) => {
        if (this.record === record) this.confirmed = { record, framework, value, issues: [] };
      },
      (err: { issues?: Issue[] }) => {
        const issues = (err.issues ?? [{ code: 'invalid_value' as const, path: [], message: String(err) }]).map((i) => ({ ...i, path: ['record', ...i.path] }));
        if (this.record === record) this.confirmed = { record, framework, value: null, issues };
      },
    );
  }

  /** What to show side by side: the record's confirmation once computed, or the `confirmation` given. */
  private sideBySide(): { value: ConfirmedLevel; record: AssessmentRecord | null } | null {
    if (this.record !== null && this.record !== undefined) {
      const v = this.confirmed?.value;
      return v ? { value: v, record: v.record } : null;
    }
    if (this.confirmation) return { value: this.confirmation, record: (this.confirmation as Partial<ConfirmedLevel>).record ?? null };
    return null;
  }

  private print(): void {
    window.print();
  }

  protected override render(): TemplateResult {
    const framework = this.resolvedFramework;
    const review = framework && !this.problem ? this.sideBySide() : null;
    const result = framework && !this.problem && !review && !this.record ? this.result : null;
    const heading = this.heading?.trim() || (review || this.record ? msg('Self-assessed and confirmed level') : msg('Your level fit'));
    return html`
      <article class="base" part="base" aria-labelledby="heading">
        <h2 id="heading" part="heading">${heading}</h2>
        ${framework ? html`<p class="caption" part="framework-title">${framework.title}</p>` : nothing}
        ${this.renderFrameworkState(msg('This result cannot be shown'))}
        <p class="lf-visually-hidden" role="status">${result ? this.announcement(result, framework!) : ''}</p>
        ${review
          ? this.renderReview(review.value, review.record, framework!)
          : result
            ? this.renderResult(result, framework!)
            : this.problem || !framework || this.record
              ? nothing
              : this.renderEmpty()}
      </article>
    `;
  }

  private renderReview(c: ConfirmedLevel, record: AssessmentRecord | null, framework: Framework): TemplateResult {
    return html`
      ${renderSideBySide(c, framework)} ${record ? renderRecordDetails(record, framework) : nothing}
      ${this.noPrintButton
        ? nothing
        : html`<p class="actions no-print">
            <button type="button" part="button print-button" @click=${this.print}>${msg('Print the review record')}</button>
          </p>`}
    `;
  }

  private announcement(result: LevelFit, framework: Framework): string {
    const best = result.bestFit ? levelName(framework, result.bestFit) : null;
    return best ? msg(str`Result updated. Best fit: ${best}.`) : msg('Result updated. No level is attained yet.');
  }

  private renderEmpty(): TemplateResult {
    return html`<p class="empty" part="empty">
      ${msg('Your result will appear here when you submit your self-assessment.')}
    </p>`;
  }

  private renderResult(result: LevelFit, framework: Framework): TemplateResult {
    // a result kept from before reasons existed still shows its own sentences
    const why = Array.isArray(result.reasons) ? formatReasons(result.reasons, framework, localMessages()) : result.explanation;
    return html`
      ${this.renderPrintHeader(framework)} ${this.renderSummary(result, framework)} ${this.renderGaps(result, framework)}
      ${why.length
        ? html`<section class="explanation" part="explanation" aria-labelledby="why">
            <h3 id="why">${msg('Why this result')}</h3>
            <ul>
              ${why.map((s) => html`<li>${s}</li>`)}
            </ul>
          </section>`
        : nothing}
      ${this.renderChart(result, framework)}
      <section class="print-notes print-only-block" part="print-notes" aria-label=${msg('Notes from the review meeting')}>
        <h3>${msg('Notes from the review meeting')}</h3>
        <div class="notes-box"></div>
      </section>
      ${this.noPrintButton
        ? nothing
        : html`<p class="actions no-print">
            <button type="button" part="button print-button" @click=${this.print}>${msg('Print this result')}</button>
          </p>`}
    `;
  }

  /** Who, when, and against which framework and version: printed at the top for a review meeting. */
  private renderPrintHeader(framework: Framework): TemplateResult {
    const name = this.personName?.trim();
    const date = new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    return html`<dl class="print-header print-only-block" part="print-header">
      ${name
        ? html`<div>
            <dt>${msg('Name')}</dt>
            <dd>${name}</dd>
          </div>`
        : nothing}
      <div>
        <dt>${msg('Date')}</dt>
        <dd>${date}</dd>
      </div>
      <div>
        <dt>${msg('Framework')}</dt>
        <dd>${msg(str`${framework.title}, version ${framework.version}`)}</dd>
      </div>
    </dl>`;
  }

  private renderSummary(result: LevelFit, framework: Framework): TemplateResult {
    const best = result.bestFit ? levelName(framework, result.bestFit) : null;
    const overlap = result.overlap && result.overlap.items.length ? result.overlap : null;
    let sentence: string;
    if (!best) sentence = msg('No level is attained yet');
    else if (!overlap) sentence = best;
    else sentence = msg(str`${best}, with some practice from ${levelName(framework, overlap.to)}:`);
    return html`
      <div class="summary" part="summary">
        <p class="summary-label">${msg('Best fit')}</p>
        <p class="best-fit" part="best-fit">${sentence}</p>
        ${overlap
          ? html`<ul class="overlap" part="overlap">
              ${overlap.items.map((i) => html`<li>${i.title}</li>`)}
            </ul>`
          : nothing}
        ${result.role
          ? html`<p class="role" part="role">
              ${msg(str`Your role, ${result.role.title}, is listed at ${levelName(framework, result.role.level)}.`)}
            </p>`
          : nothing}
      </div>
    `;
  }

  private renderChart(result: LevelFit, framework: Framework): TemplateResult {
    const noun = competenceNoun(framework);
    return html`
      <section class="coverage" aria-labelledby="coverage-heading">
        <h3 id="coverage-heading">${msg('Each level')}</h3>
        <p class="caption">${msg('What each level asks for, and how much of it your answers meet.')}</p>
        <ol class="chart" part="chart">
          ${result.levels.map((l) => {
            const best = l.level === result.bestFit;
            const overlapping = result.overlap?.to === l.level;
            const status = best
              ? msg('Best fit')
              : l.attained
                ? msg('Attained')
                : overlapping
                  ? msg('Not attained, overlap')
                  : msg('Not attained');
            const parts = ['chart-row', l.attained ? 'chart-row-attained' : '', best ? 'chart-row-best' : ''].filter(Boolean).join(' ');
            return html`
              <li class="row ${l.attained ? 'attained' : ''} ${best ? 'best' : ''}" part=${parts}>
                <span class="level-name">${levelName(framework, l.level)}</span>
                <span class="status">${status}</span>
                <span class="figure" part="figure">${counts(l, noun)}</span>
              </li>
            `;
          })}
        </ol>
      </section>
    `;
  }

  private renderGaps(result: LevelFit, framework: Framework): TemplateResult {
    const target = result.gaps.target;
    if (target === null) {
      return html`<section class="gaps" part="gaps" aria-labelledby="gaps-heading">
        <h3 id="gaps-heading">${msg('Next steps')}</h3>
        <p>${msg('You have reached the top level in this framework.')}</p>
      </section>`;
    }
    const title = levelName(framework, target);
    // a result kept from before `needed` existed: every item not met is listed, as it was then
    const competences = result.gaps.competences ?? result.gaps.items;
    const indicators = result.gaps.indicators ?? { need: 0, from: [] };
    const need = indicators.need;
    const from = indicators.from;
    const first = competences[0] ?? (need > 0 ? from[0] : undefined);
    return html`
      <section class="gaps" part="gaps" aria-labelledby="gaps-heading">
        <h3 id="gaps-heading">${msg(str`To reach ${title}`)}</h3>
        ${competences.length === 0 && need === 0
          ? html`<p>${msg(str`You meet everything we list for ${title}.`)}</p>`
          : nothing}
        ${competences.length
          ? html`<h4>
                ${competenceNoun(framework) === 'competences'
                  ? competences.length === 1
                    ? msg('You need this competence')
                    : msg(str`You need these ${competences.length} competences`)
                  : competences.length === 1
                    ? msg('You need this requirement')
                    : msg(str`You need these ${competences.length} requirements`)}
              </h4>
              ${this.renderGapTable(competences, framework, 'gap-table', msg(str`Needed for ${title}`))}`
          : nothing}
        ${need > 0
          ? html`<h4>
                ${need === from.length
                  ? from.length === 1
                    ? msg('You need this statement')
                    : msg(str`You need all ${from.length} of these statements`)
                  : msg(str`You need any ${need} of these ${from.length} statements`)}
              </h4>
              ${this.renderGapTable(from, framework, 'gap-statements', msg(str`Statements for ${title}`))}`
          : nothing}
        ${first
          ? html`<p class="next-step" part="next-step">
              <strong>${msg('Next step:')}</strong>
              ${msg(str`start with “${first.title}”. You are closest on this one. Ask your manager how you can show it.`)}
            </p>`
          : nothing}
      </section>
    `;
  }

  private renderGapTable(items: FitItem[], framework: Framework, part: string, caption: string): TemplateResult {
    return html`<table part=${part}>
      <caption class="lf-visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('What is needed')}</th>
          <th scope="col" class="nowrap">${msg('Your answer')}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i: FitItem) => html`<tr>
            <th scope="row" class="item-title">
              ${i.title}<span class="kind"><span class="lf-visually-hidden">, </span>${kindName(i.kind)}</span>
            </th>
            <td>${ratingLabel(framework, i.rating)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

type Noun = 'competences' | 'requirements';

/** "competences" when every non-indicator item is a competence, else "requirements" (knowledge, skills …). */
function competenceNoun(framework: Framework): Noun {
  return framework.items.every((i) => i.kind === 'competence' || i.kind === 'indicator') ? 'competences' : 'requirements';
}

/** "16 of 20 competences · 1 of 7 statements, 6 needed": each part on its own, never blended. */
function counts(l: LevelResult, noun: Noun): string {
  const out: string[] = [];
  const c = l.competences;
  if (c.required > 0) {
    out.push(
      noun === 'competences'
        ? c.required === 1
          ? msg(str`${c.met} of 1 competence`)
          : msg(str`${c.met} of ${c.required} competences`)
        : c.required === 1
          ? msg(str`${c.met} of 1 requirement`)
          : msg(str`${c.met} of ${c.required} requirements`),
    );
  }
  const n = l.indicators;
  if (n.required > 0) {
    const need = l.attained ? 0 : (l.needed?.indicators.need ?? 0);
    const met = n.required === 1 ? msg(str`${n.met} of 1 statement`) : msg(str`${n.met} of ${n.required} statements`);
    out.push(need > 0 ? msg(str`${met}, ${need} needed`) : met);
  }
  return out.length ? out.join(' · ') : msg('nothing required');
}

function kindName(kind: ItemKind): string {
  switch (kind) {
    case 'competence':
      return msg('Competence');
    case 'indicator':
      return msg('Statement');
    case 'knowledge':
      return msg('Knowledge');
    case 'skill':
      return msg('Skill');
    case 'behaviour':
      return msg('Behaviour');
    case 'performance':
      return msg('Performance criterion');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-level-fit': LfLevelFit;
  }
}
