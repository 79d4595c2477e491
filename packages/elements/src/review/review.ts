import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import {
  EVIDENCE_KINDS,
  RecordError,
  confirmLevel,
  isBuiltinFrameworkId,
  isSafeUrl,
  migrateRecord,
  parseRecord,
  returnRecord,
  safeParseRecord,
  signOffRecord,
  startReview,
  verifyRecord,
  type AssessmentRecord,
  type ConfirmedLevel,
  type Evidence,
  type EvidenceKind,
  type Framework,
  type Issue,
  type Item,
  type ItemReview,
  type QuizScore,
  type PersonRef,
  type RecordVerification,
} from '@levelfit/engine';
import { DraftStore, type DraftNotice } from '../drafts/draft-store.js';
import { REVIEW_DRAFTS, recordKeyOf, type ReviewDraftSource } from '../drafts/review-envelope.js';
import { isStorageKind, type StorageKind } from '../drafts/storage.js';
import { LfReviewSubmitEvent, type ReviewAction } from '../events/lf-review-submit.js';
import { formStyles } from '../internal/form.styles.js';
import { renderSharedDeviceQuestion } from '../internal/shared-device-question.js';
import type { FrameworkSource } from '../internal/framework-controller.js';
import { LfElement, type Problem } from '../internal/lf-element.js';
import { ratingLabel } from '../internal/rating-label.js';
import { warnOnce } from '../internal/warn-once.js';
import { currentLocale } from '../localize/localize.js';
import { tokens } from '../tokens.js';
import { REVIEW_FILTERS, ReviewController, type ReviewFilter } from './review-controller.js';
import { reviewStyles } from './review.styles.js';

/** levelfit's own wording (not from a framework): what a reviewer confirms by signing off. */
export const DEFAULT_DECLARATION =
  'I have observed or discussed this practice, checked the evidence listed, and agree that the confirmed ratings are a fair record.';

/** A quiz result offered to the reviewer as evidence (see `quizResults`). */
export interface ReviewQuizResult {
  score: QuizScore;
  /** The day the quiz was taken, YYYY-MM-DD (default: today). */
  date?: string;
  /** What to call it (default: the bank id). */
  title?: string;
}

/**
 * A supervisor's review of a submitted self-assessment. For each item it shows the person's own rating;
 * the supervisor agrees with it or chooses a different rating, and can add a note and evidence. Filters show
 * all items, the differences or the items not yet reviewed; "Agree with all remaining" asks first. Then
 * "Check your review", and sign-off with a declaration, or the record goes back to the person with a reason.
 * The review is kept as a draft on the device (two tabs merge, or the supervisor is asked) until the host
 * takes the record. A signed-off record is shown read-only, with a warning if it changed after signing.
 *
 * @tagname lf-review
 * @summary Supervisor review of a self-assessment: agree or adjust each rating, note evidence, sign off or return.
 *
 * @attr framework - A built-in framework id or a framework JSON URL. Default: the record's own built-in framework. The `framework` property also takes a framework object.
 * @attr reviewer-id - The reviewer's id in the host's systems (needed to sign off or return).
 * @attr reviewer-name - The reviewer's name, shown on the record.
 * @attr reviewer-role - The reviewer's role, shown on the record.
 * @attr declaration - The declaration the reviewer confirms when signing off (default: levelfit's own wording).
 * @attr storage - Where the review draft is kept: `local` (default), `session` or `none`.
 * @attr person-key - Whose review this is on a shared device (an opaque id, e.g. the reviewer's sign-in; not shown): the draft goes under `…:person:<person-key>`. Without it a restored review says it may be someone else's and offers "Not you? Start afresh".
 * @attr shared-device - Boolean. The device is shared: with no `person-key`, a review draft found on the device is not shown until the reviewer answers "Are they yours?" ("Yes, carry on with them" restores it; "No, start afresh" sets it aside, kept, and starts from the record).
 *
 * @event {LfReviewSubmitEvent} lf-review-submit - Signed off or returned, once per submission. `detail: { action, record, result }` (`result` is `confirmLevel`'s).
 * @event {LfErrorEvent} lf-error - The framework or the record is unusable. `detail: { issues, source }`; also shown inline.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The page heading (focused on each page change).
 * @csspart notices - The polite status region for record and draft notices.
 * @csspart notice - One notice (also `notice-warning` for a record that changed after sign-off).
 * @csspart shared-question - With `shared-device`: "Are they yours?", shown instead of the form while answers found on the device wait for the person's choice; `shared-question-actions` holds its buttons.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart filters - The "Show" filter radios.
 * @csspart progress - "You have reviewed 3 of 12 items".
 * @csspart item - One item's card (also `item-different`, `item-unreviewed`).
 * @csspart self-rating - The person's own rating in an item card.
 * @csspart decision - The radios to agree or choose a different rating.
 * @csspart note - A note field.
 * @csspart evidence - An item's evidence list and "Add evidence" form.
 * @csspart check - The "Check your review" summary.
 * @csspart summary-list - A summary list.
 * @csspart change-link - A "Change" link.
 * @csspart declaration - The sign-off declaration checkbox.
 * @csspart confirmation - The panel shown after signing off or returning.
 * @csspart button - Every button; also `button-continue`, `button-agree-all`, `button-return`, `button-sign-off`, `button-send-back`, `button-back`, `button-add-evidence`, `button-remove-evidence`, `button-attach-quiz` (a quiz result as evidence), `button-start-afresh` ("Not you? Start afresh", or "No, start afresh"), `button-claim` ("Yes, carry on with them").
 * @csspart quiz-results - The person's quiz results (the `quizResults` property), each with "Add as evidence".
 * @csspart quiz-attached - The polite line saying what "Add as evidence" added.
 * @csspart draft-status - The polite status line that says the review is saved on this device.
 * @csspart error - The inline error shown for bad input.
 *
 * @cssproperty [--lf-font-family=Arial, Helvetica, sans-serif] - Font family.
 * @cssproperty [--lf-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--lf-color-text-secondary=#505a5f] - Hints.
 * @cssproperty [--lf-color-surface=#f3f2f1] - Item cards and secondary buttons.
 * @cssproperty [--lf-color-border=#b1b4b6] - Card and summary list rules.
 * @cssproperty [--lf-color-brand=#1d70b8] - Primary buttons.
 * @cssproperty [--lf-color-error=#d4351c] - Errors and the changed-record warning.
 * @cssproperty [--lf-color-success=#00703c] - The confirmation panel.
 * @cssproperty [--lf-color-focus=#ffdd00] - Focus highlight.
 * @cssproperty [--lf-space=1rem] - Base spacing unit.
 * @cssproperty [--lf-form-max-width=48rem] - Widest the review grows.
 * @cssproperty [--lf-button-background=var(--lf-color-brand)] - Primary button background.
 * @cssproperty [--lf-button-secondary-background=var(--lf-color-surface)] - Secondary button background (Print, Back).
 * @cssproperty [--lf-button-secondary-text=var(--lf-color-text)] - Secondary button text.
 * @cssproperty [--lf-button-shadow=#0b0c0c] - Primary button bottom shadow.
 * @cssproperty [--lf-button-text=var(--lf-color-brand-text)] - Primary button text.
 * @cssproperty [--lf-color-background=#ffffff] - Background of fields and cards.
 * @cssproperty [--lf-color-brand-text=#ffffff] - Text on brand-coloured backgrounds.
 * @cssproperty [--lf-color-focus-text=#0b0c0c] - Text and ring on the focus highlight.
 * @cssproperty [--lf-color-input-border=#0b0c0c] - Borders of inputs and selects.
 * @cssproperty [--lf-color-link=#1d70b8] - Links.
 * @cssproperty [--lf-font-size=1rem] - Base font size.
 * @cssproperty [--lf-radio-size=1.75rem] - Radio size (never under 24px).
 * @cssproperty [--lf-radius=0] - Corner radius.
 * @cssproperty [--lf-review-max-width=var(--lf-form-max-width, 48rem)] - Widest the review grows; set it to size the review alone.
 */
@localized()
export class LfReview extends LfElement {
  static override styles = [tokens, formStyles, reviewStyles];

  /** The record to review: an `AssessmentRecord` (as `parseRecord` reads it), or JSON text of one. */
  @property({ attribute: false })
  record: unknown = null;

  @property({ attribute: 'reviewer-id' })
  reviewerId = '';

  @property({ attribute: 'reviewer-name' })
  reviewerName = '';

  @property({ attribute: 'reviewer-role' })
  reviewerRole = '';

  @property()
  declaration = DEFAULT_DECLARATION;

  @property({ reflect: true })
  storage: StorageKind = 'local';

  /** Whose review this is on a shared device; not reflected, so the id does not show in the page's markup. */
  @property({ attribute: 'person-key' })
  personKey: string | null = null;

  /** The device is shared: without a person key, a saved review is not shown until the reviewer says it is theirs. */
  @property({ type: Boolean, reflect: true, attribute: 'shared-device' })
  sharedDevice = false;

  /**
   * The person's quiz results the host has (from `<lf-quiz>`'s `lf-quiz-submit`, or its own store): each can
   * be added as evidence, with one button, to every item its bank covers. `date` is the day the quiz was
   * taken (YYYY-MM-DD; default today) and `title` names it (default the bank id). Results for another
   * framework are not offered.
   */
  @property({ attribute: false })
  quizResults: readonly ReviewQuizResult[] = [];

  @state() private verification: RecordVerification | null = null;
  @state() private preview: ConfirmedLevel | null = null;
  @state() private sent: { action: ReviewAction; record: AssessmentRecord; result: ConfirmedLevel; taken: boolean } | null = null;
  /** What the last "Add as evidence" for a quiz did, announced in the quiz results panel. */
  @state() private quizAttached: { title: string; items: number } | null = null;

  private readonly review = new ReviewController(this);
  private draftSource: ReviewDraftSource | null = null;
  private readonly drafts = new DraftStore(this, REVIEW_DRAFTS, {
    // kept until the host takes the record: also while a sent review waits for the host
    snapshot: () =>
      this.draftSource && this.review.record && this.review.phase !== 'read-only' && !this.sent?.taken
        ? { ...this.review.state, source: this.draftSource }
        : null,
    apply: (s) => this.review.apply(s),
  });
  private session: { framework: Framework; record: unknown; storage: StorageKind; person: string | null } | null = null;
  private recordProblem: Problem | null = null;
  private submitProblem: Problem | null = null;

  /** The record being reviewed (migrated onto the framework's version when it was made with another), or null. */
  get currentRecord(): AssessmentRecord | null {
    return this.review.record;
  }

  /** What the reviewer has decided so far, per item id (a copy). */
  get decisions(): Record<string, ItemReview> {
    return { ...this.review.items };
  }

  /**
   * The host could not store the submitted record (a network error, or someone else signed it off first, 412):
   * the review goes back to where it was sent from with `message` in the error summary; nothing is lost.
   */
  reviewFailed(message: string): void {
    if (!this.sent || this.sent.taken) return;
    this.sent = null;
    this.review.failed(message);
  }

  protected override frameworkSource(): FrameworkSource {
    if (this.framework !== null && this.framework !== undefined) return this.framework;
    const id = (this.recordInput() as { framework?: { id?: unknown } } | null)?.framework?.id;
    return isBuiltinFrameworkId(id) ? id : null;
  }

  private recordInput(): unknown {
    if (typeof this.record !== 'string') return this.record;
    try {
      return JSON.parse(this.record) as unknown;
    } catch {
      return this.record;
    }
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.frameworks.sync();
    const fw = this.frameworks.state;
    if (fw.status === 'ready') {
      const storage = this.storageKind();
      const person = this.personKey?.trim() || null;
      const s = this.session;
      if (!s || s.framework !== fw.framework || s.record !== this.record || s.storage !== storage || s.person !== person) {
        this.drafts.flush();
        this.session = { framework: fw.framework, record: this.record, storage, person };
        this.open(fw.framework, storage, person);
      }
    }
    this.problem =
      fw.status === 'error' ? { issues: fw.issues, source: fw.source } : (this.recordProblem ?? (fw.status === 'ready' ? this.reviewerProblem() : null));
  }

  protected override currentProblem(): Problem | null {
    return this.problem ?? this.submitProblem;
  }

  /** Reads the record: the one the host stored after a submission, a signed-off one (read-only), or one to review. */
  private open(framework: Framework, storage: StorageKind, person: string | null): void {
    this.recordProblem = null;
    this.submitProblem = null;
    this.preview = null;
    this.quizAttached = null;
    this.verification = null;
    const input = this.recordInput();
    if (input === null || input === undefined) {
      this.review.record = null;
      return;
    }
    const parsed = safeParseRecord(input);
    if (!parsed.success) {
      this.recordProblem = { issues: parsed.issues, source: 'record' };
      this.review.record = null;
      return;
    }
    let migrated;
    try {
      migrated = migrateRecord(parsed.data, framework);
    } catch (err) {
      this.recordProblem = { issues: (err as RecordError).issues ?? [], source: 'record' };
      this.review.record = null;
      return;
    }
    const record = migrated.record;
    const sent = this.sent;
    if (sent && !sent.taken && recordKeyOf(record) === recordKeyOf(sent.record) && record.status === sent.record.status) {
      // the host stored what was sent: the draft has done its job
      this.sent = { ...sent, taken: true };
      this.drafts.clear();
    } else if (sent?.taken !== true || recordKeyOf(record) !== recordKeyOf(sent.record)) {
      this.sent = null;
    }
    const readOnly = record.status === 'signed-off' || record.status === 'returned';
    this.review.load(framework, record, migrated.notices, readOnly || this.sent !== null);
    if (this.sent) this.review.phase = 'sent';
    if (record.status === 'signed-off') {
      void verifyRecord(record).then((v) => {
        if (this.review.record === record) this.verification = v;
      });
    }
    if (!readOnly && !this.sent) {
      this.draftSource = { recordKey: recordKeyOf(record), framework };
      const draft = this.drafts.open(this.draftSource, storage, null, person, this.sharedDevice);
      if (draft) this.review.apply(draft);
    }
  }

  /** The declaration shown and signed: the attribute's text, or levelfit's own wording. */
  private get declarationText(): string {
    return this.declaration?.trim() || DEFAULT_DECLARATION;
  }

  private reviewer(): PersonRef {
    const r: PersonRef = { id: this.reviewerId.trim() };
    if (this.reviewerName.trim()) r.name = this.reviewerName.trim();
    if (this.reviewerRole.trim()) r.role = this.reviewerRole.trim();
    return r;
  }

  private reviewerProblem(): Problem | null {
    if (!this.review.record || !this.review.editable || this.reviewerId.trim()) return null;
    return { source: 'options', issues: [{ code: 'invalid_type', path: ['reviewer-id'], message: 'required: set reviewer-id to the reviewer’s id so the review can be signed' }] };
  }

  private storageKind(): StorageKind {
    if (isStorageKind(this.storage)) return this.storage;
    warnOnce('lf-storage-kind', `storage="${String(this.storage)}" is not one of local, session, none; using local.`);
    return 'local';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.review.takeFocus();
    if (!focus) return;
    const root = this.renderRoot as ShadowRoot;
    if (focus.to === 'heading') root.querySelector<HTMLElement>('[data-focus="heading"]')?.focus();
    else if (focus.to === 'error-summary') root.querySelector<HTMLElement>('.error-summary')?.focus();
    else root.getElementById(focus.id)?.focus();
  }

  // ---- building the record ----

  /** The record with the reviewer's decisions, in review. */
  private reviewedRecord(): AssessmentRecord {
    const r = startReview(this.review.record!, this.reviewer());
    return parseRecord({ ...r, review: { ...r.review!, items: this.review.items } }, this.review.framework!);
  }

  private async send(action: ReviewAction): Promise<void> {
    const c = this.review;
    if (!c.editable || !c.framework || !c.record) return;
    if (action === 'sign-off' ? !c.checkSignOff() : !c.checkReturn()) return;
    this.drafts.flush();
    if (!c.beginSend(action)) return;
    try {
      const reviewed = this.reviewedRecord();
      const record =
        action === 'sign-off'
          ? await signOffRecord(reviewed, { by: this.reviewer(), declaration: this.declarationText })
          : returnRecord(reviewed, { by: this.reviewer(), reason: c.returnReason.trim() });
      const result = await confirmLevel(c.framework, record);
      this.sent = { action, record, result, taken: false };
      this.submitProblem = null;
      this.emit(new LfReviewSubmitEvent({ action, record, result }));
    } catch (err) {
      const issues: Issue[] = (err as { issues?: Issue[] })?.issues ?? [
        { code: 'invalid_value', path: [], message: err instanceof Error ? err.message : String(err) },
      ];
      this.submitProblem = { issues, source: 'record' };
      c.failed(msg('The review could not be completed. Nothing you entered has been lost.'));
    }
  }

  private async showCheck(): Promise<void> {
    this.review.toCheck();
    this.drafts.schedule();
    try {
      this.preview = await confirmLevel(this.review.framework!, this.reviewedRecord());
    } catch {
      this.preview = null;
    }
  }

  // ---- events from the view ----

  private onSubmit(e: Event): void {
    e.preventDefault();
    const c = this.review;
    if (c.evidence) {
      c.saveEvidence();
      this.drafts.schedule();
      return;
    }
    if (c.phase === 'items') void this.showCheck();
    else if (c.phase === 'agree-all') this.onAgreeAll();
    else if (c.phase === 'check') void this.send('sign-off');
    else if (c.phase === 'return') void this.send('return');
  }

  private onDecision(e: Event): void {
    const input = e.target as HTMLInputElement;
    const id = input.dataset.item!;
    const changed = input.value === 'agree' ? this.review.agree(id) : this.review.rate(id, Number(input.value));
    if (changed) this.drafts.schedule();
  }

  private onNote(e: Event): void {
    const area = e.target as HTMLTextAreaElement;
    if (this.review.setNote(area.dataset.item!, area.value)) this.drafts.schedule();
  }

  private onFilter(e: Event): void {
    this.review.setFilter((e.target as HTMLInputElement).value as ReviewFilter);
  }

  private onAgreeAll(): void {
    this.review.agreeAllRemaining();
    this.drafts.schedule();
  }

  private onEvidenceField(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.review.editEvidence(input.dataset.field as 'kind' | 'label' | 'date' | 'ref', input.value);
    this.drafts.schedule(); // evidence being typed is kept too: a reload loses nothing
  }

  private onOpenEvidence(itemId: string): void {
    this.review.openEvidence(itemId);
    this.drafts.schedule();
  }

  private onCancelEvidence(): void {
    this.review.cancelEvidence();
    this.drafts.schedule();
  }

  /** The quiz results offered as evidence: this framework's only, with a usable date. */
  private usableQuizResults(): { score: QuizScore; date: string; title: string }[] {
    const fw = this.review.framework;
    if (!fw || !Array.isArray(this.quizResults)) return [];
    const today = new Date().toISOString().slice(0, 10);
    return this.quizResults
      .filter((r) => r && typeof r === 'object' && r.score && r.score.frameworkId === fw.id && Array.isArray(r.score.items))
      .map((r) => ({
        score: r.score,
        date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : today,
        title: typeof r.title === 'string' && r.title.trim() ? r.title.trim() : r.score.bankId,
      }));
  }

  private onAttachQuiz(r: { score: QuizScore; date: string; title: string }): void {
    const n = this.review.attachQuiz(r.score, r.date);
    if (n) this.drafts.schedule();
    this.quizAttached = { title: r.title, items: n };
  }

  /** "Yes, carry on with them": the held review draft is the reviewer's; it is restored as on any reload. */
  private onClaim(): void {
    const draft = this.drafts.claim();
    if (draft) this.review.apply(draft);
    this.review.focus = { to: 'heading' };
  }

  /** "Not you? Start afresh": the restored review may be another reviewer's; it is set aside (kept) and the review starts from the record. */
  private onStartAfresh(): void {
    const c = this.review;
    this.drafts.startAfresh();
    if (c.framework && c.record) c.load(c.framework, c.record, c.notices, false);
    c.focus = { to: 'heading' };
  }

  private onRemoveEvidence(itemId: string, index: number): void {
    this.review.removeEvidence(itemId, index);
    this.drafts.schedule();
  }

  private onReason(e: Event): void {
    this.review.setReturnReason((e.target as HTMLTextAreaElement).value);
    this.drafts.schedule();
  }

  private onChangeLink(e: Event, id: string): void {
    e.preventDefault();
    this.review.toItems(id);
  }

  private onErrorLink(e: Event, field: string): void {
    e.preventDefault();
    if (field === 'unreviewed') {
      this.review.toItems();
      this.review.setFilter('unreviewed');
      return;
    }
    (this.renderRoot as ShadowRoot).getElementById(field)?.focus();
  }

  private onResolve(choice: 'theirs' | 'mine'): void {
    this.drafts.resolveConflict(choice);
    this.review.focus = { to: 'heading' };
  }

  // ---- rendering ----

  private label(rating: number | undefined): string {
    const fw = this.review.framework!;
    return rating === undefined ? msg('Not answered (counts as not yet)') : ratingLabel(fw, rating);
  }

  private get personName(): string {
    return this.review.record?.person.name ?? msg('the person');
  }

  private when(iso: string): string {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(d);
  }

  private itemTitle(id: string): string {
    return this.review.framework?.items.find((i) => i.id === id)?.title ?? id;
  }

  protected override render(): TemplateResult {
    if (this.frameworks.state.status === 'loading') return html`<div class="base" part="base">${this.renderLoading()}</div>`;
    if (this.problem) return html`<div class="base" part="base">${this.renderProblem(this.problem, msg('This review cannot be shown'))}</div>`;
    const c = this.review;
    if (!c.framework || !c.record) {
      return html`<div class="base" part="base"><p part="empty">${msg('There is no record to review yet.')}</p></div>`;
    }
    const asking = this.drafts.awaitingChoice;
    if (asking) {
      return html`<div class="base" part="base">
        <p class="caption" part="framework-title">${msg(str`${c.framework.title}, version ${c.record.framework.version}`)}</p>
        ${renderSharedDeviceQuestion(this.when(asking.toISOString()), () => this.onClaim(), () => this.onStartAfresh())}
      </div>`;
    }
    let view: TemplateResult;
    switch (c.phase) {
      case 'read-only':
        view = this.renderReadOnly();
        break;
      case 'sent':
        view = this.renderSent();
        break;
      case 'agree-all':
        view = this.renderAgreeAll();
        break;
      case 'check':
        view = this.renderCheck();
        break;
      case 'return':
        view = this.renderReturn();
        break;
      default:
        view = this.renderItems();
    }
    return html`
      <div class="base" part="base">
        <p class="caption" part="framework-title">
          ${msg(str`${c.framework.title}, version ${c.record.framework.version}`)}
        </p>
        <div class="notices" part="notices" role="status" aria-live="polite">
          ${c.notices.map((n) => html`<div class="notice" part="notice" data-notice=${n.code}><p>${n.message}</p></div>`)}
          ${this.drafts.notices.map((n) => this.renderDraftNotice(n))}
        </div>
        ${this.submitProblem ? this.renderProblem(this.submitProblem, msg('The review could not be completed')) : nothing}
        ${this.renderErrorSummary()}
        <form novalidate @submit=${this.onSubmit}>${view}</form>
        <p class="draft-status" part="draft-status" role="status" aria-live="polite">
          ${this.drafts.saved && c.editable ? msg('Your review is saved on this device.') : nothing}
        </p>
      </div>
    `;
  }

  private renderDraftNotice(n: DraftNotice): TemplateResult {
    let body: TemplateResult;
    let actions: TemplateResult | typeof nothing = html`<button type="button" class="secondary" part="button button-dismiss" @click=${() => this.drafts.dismiss(n)}>
      ${msg('Dismiss')}<span class="lf-visually-hidden"> ${msg('this message')}</span>
    </button>`;
    switch (n.code) {
      case 'storage-unavailable':
        body = html`<p>${msg('Your review cannot be saved on this device. Keep this page open until you have signed it off.')}</p>`;
        break;
      case 'set-aside':
        body = html`<p>${msg('We could not use a review saved on this device. It has been kept, and you are starting again.')}</p>`;
        break;
      case 'restored':
        body = html`<p>
            ${n.shared
              ? msg(str`We have restored a review saved on this device on ${this.when(n.savedAt.toISOString())}. If it is not yours, start afresh.`)
              : msg(str`We have restored the review you saved on ${this.when(n.savedAt.toISOString())}.`)}
          </p>
          ${n.dropped.length ? html`<p>${msg(str`${n.dropped.length} saved entries are for items this framework no longer has.`)}</p>` : nothing}`;
        if (n.shared) {
          actions = html`<button type="button" class="secondary" part="button button-start-afresh" @click=${this.onStartAfresh}>
              ${msg('Not you? Start afresh')}
            </button>
            ${actions}`;
        }
        break;
      case 'merged':
        body = html`<p>
          ${n.samePage ? msg('Changes you made in another form on this page have been added here.') : msg('Changes you made in another tab or window have been added here.')}
        </p>`;
        break;
      case 'conflict':
        body = html`<p>
            ${n.samePage
              ? msg(str`This review was also changed in another form on this page, at ${this.when(n.savedAt.toISOString())}.`)
              : msg(str`This review was also changed in another tab or window, at ${this.when(n.savedAt.toISOString())}.`)}
          </p>
          ${n.items.length ? html`<p>${msg('Different there:')} ${n.items.map((id) => `“${this.itemTitle(id)}”`).join(', ')}.</p>` : nothing}
          ${n.role ? html`<p>${msg('The reason for returning it is different there.')}</p>` : nothing}
          <p>${msg('Your changes here are not saved until you choose which to keep.')}</p>`;
        actions = html`<button type="button" class="secondary" part="button button-use-theirs" @click=${() => this.onResolve('theirs')}>
            ${n.samePage ? msg('Use the other form’s review') : msg('Use the other tab’s review')}
          </button>
          <button type="button" class="secondary" part="button button-keep-mine" @click=${() => this.onResolve('mine')}>${msg('Keep mine')}</button>`;
        break;
    }
    return html`<div class="notice" part="notice" data-notice=${n.code}>${body}<div class="buttons">${actions}</div></div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const errors = this.review.errors;
    if (!errors.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1">
      <div role="alert">
        <h2>${msg('There is a problem')}</h2>
        <ul>
          ${errors.map((e) =>
            e.field === 'host'
              ? html`<li>${e.text}</li>`
              : html`<li><a href="#${e.field}" @click=${(ev: Event) => this.onErrorLink(ev, e.field)}>${e.text}</a></li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  private errorFor(field: string): TemplateResult | typeof nothing {
    const e = this.review.errors.find((x) => x.field === field);
    return e ? html`<p class="error-message" id="${field}-error"><span class="lf-visually-hidden">${msg('Error:')}</span> ${e.text}</p>` : nothing;
  }

  private renderItems(): TemplateResult {
    const c = this.review;
    const total = c.allItems.length;
    const done = total - c.unreviewed.length;
    const counts: Record<ReviewFilter, number> = { all: total, differences: c.differences.length, unreviewed: c.unreviewed.length };
    const names: Record<ReviewFilter, string> = { all: msg('All items'), differences: msg('Different ratings'), unreviewed: msg('Not yet reviewed') };
    const visible = c.visible;
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">${msg(str`Review ${this.personName}’s self-assessment`)}</h2>
      <p>${msg(str`Submitted on ${this.when(c.record!.self.submittedAt)}.`)} ${c.record!.self.role ? msg(str`Role: ${c.record!.self.role}.`) : nothing}</p>
      <p part="progress">${msg(str`You have reviewed ${done} of ${total} items.`)}</p>
      <fieldset class="filters" part="filters">
        <legend>${msg('Show')}</legend>
        <div class="radios radios--inline">
          ${REVIEW_FILTERS.map(
            (f) => html`<div class="radio">
              <input type="radio" id="filter-${f}" name="filter" .value=${f} .checked=${live(c.filter === f)} @change=${this.onFilter} />
              <label for="filter-${f}">${names[f]} (${counts[f]})</label>
            </div>`,
          )}
        </div>
      </fieldset>
      ${this.renderQuizResults()}
      ${visible.length
        ? html`<ol class="items">
            ${visible.map((item) => html`<li>${this.renderItem(item)}</li>`)}
          </ol>`
        : html`<p class="empty" part="empty">
            ${c.filter === 'differences' ? msg('You have not given any different ratings.') : msg('You have reviewed every item.')}
          </p>`}
      <div class="buttons">
        <button type="submit" part="button button-continue">${msg('Continue to check your review')}</button>
        ${c.unreviewed.length
          ? html`<button type="button" class="secondary" part="button button-agree-all" @click=${() => c.toAgreeAll()}>
              ${msg(str`Agree with all remaining (${c.unreviewed.length})`)}
            </button>`
          : nothing}
        <button type="button" class="secondary" part="button button-return" @click=${() => c.toReturn()}>
          ${msg(str`Return to ${this.personName}`)}
        </button>
      </div>
    `;
  }

  /** The person's quiz results the host passed in, each with "Add as evidence". */
  private renderQuizResults(): TemplateResult | typeof nothing {
    const results = this.usableQuizResults();
    if (!results.length) return nothing;
    const done = this.quizAttached;
    return html`<section class="quiz-results" part="quiz-results" aria-labelledby="quiz-results-heading">
      <h3 id="quiz-results-heading">${msg('Quiz results')}</h3>
      <ul>
        ${results.map(
          (r, i) => html`<li>
            <span id="quiz-${i}">${msg(str`${r.title}: ${Math.round(r.score.score.scaled * 100)}%, ${r.score.passed ? msg('passed') : msg('not passed')}, on ${r.date}`)}</span>
            <button type="button" class="secondary" part="button button-attach-quiz" aria-describedby="quiz-${i}" @click=${() => this.onAttachQuiz(r)}>
              ${msg('Add as evidence')}
            </button>
          </li>`,
        )}
      </ul>
      <p role="status" aria-live="polite" part="quiz-attached">
        ${done
          ? done.items === 0
            ? msg(str`${done.title} covers none of these items.`)
            : done.items === 1
              ? msg(str`${done.title} has been added as evidence to 1 item.`)
              : msg(str`${done.title} has been added as evidence to ${done.items} items.`)
          : nothing}
      </p>
    </section>`;
  }

  private renderItem(item: Item): TemplateResult {
    const c = this.review;
    const fw = c.framework!;
    const self = c.selfRating(item.id);
    const entry = c.entry(item.id);
    const selfValue = self ?? fw.scale.values[0]!.value;
    const others = fw.scale.values.filter((v) => v.value !== selfValue);
    const parts = ['item', c.isDifferent(item.id) ? 'item-different' : '', c.isReviewed(item.id) ? '' : 'item-unreviewed'].filter(Boolean).join(' ');
    const selfEvidence = c.record!.self.evidence?.[item.id] ?? [];
    return html`<div class="item" part=${parts} data-item=${item.id}>
      <fieldset aria-describedby="self-${item.id}">
        <legend class="item-title">${item.title}</legend>
        ${item.code !== undefined ? html`<div class="hint">${msg(str`Reference ${item.code}`)}</div>` : nothing}
        <p class="self" id="self-${item.id}" part="self-rating">${msg(str`${this.personName}’s rating:`)} <strong>${this.label(self)}</strong></p>
        ${selfEvidence.length ? html`<p class="hint">${msg('Their evidence:')}</p>${this.renderEvidenceList(selfEvidence)}` : nothing}
        <div class="radios" part="decision">
          <div class="radio">
            <input type="radio" id="d-${item.id}" name="d-${item.id}" data-item=${item.id} value="agree" .checked=${live(entry.agree === true)} @change=${this.onDecision} />
            <label for="d-${item.id}">${msg(str`Agree: ${ratingLabel(fw, selfValue)}`)}</label>
          </div>
          <p class="divider">${msg('or choose a different rating')}</p>
          ${others.map(
            (v) => html`<div class="radio">
              <input
                type="radio"
                id="d-${item.id}-${v.value}"
                name="d-${item.id}"
                data-item=${item.id}
                .value=${String(v.value)}
                .checked=${live(entry.rating === v.value)}
                @change=${this.onDecision}
              />
              <label for="d-${item.id}-${v.value}">${v.label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="field" part="note">
        <label class="label-small" for="n-${item.id}">${msg('Note (optional)')}</label>
        <textarea id="n-${item.id}" rows="2" data-item=${item.id} .value=${live(entry.note ?? '')} @input=${this.onNote}></textarea>
      </div>
      <div class="evidence" part="evidence">${this.renderEvidence(item, entry.evidence ?? [])}</div>
    </div>`;
  }

  private renderEvidenceList(list: readonly Evidence[], itemId?: string): TemplateResult {
    return html`<ul class="evidence-list">
      ${list.map(
        (e, i) => html`<li>
          <span class="evidence-kind">${kindName(e.kind)}</span>: ${e.kind === 'link' && e.ref && isSafeUrl(e.ref)
            ? html`<a href=${e.ref} rel="noopener noreferrer" target="_blank">${e.label}</a>`
            : e.label}
          (${e.date})${e.ref && e.kind !== 'link' ? html` <span class="hint">${e.ref}</span>` : nothing}
          ${itemId !== undefined && this.review.editable
            ? html`<button type="button" class="link" part="button button-remove-evidence" @click=${() => this.onRemoveEvidence(itemId, i)}>
                ${msg('Remove')}<span class="lf-visually-hidden"> ${e.label}</span>
              </button>`
            : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private renderEvidence(item: Item, list: readonly Evidence[]): TemplateResult {
    const c = this.review;
    const form = c.evidence?.itemId === item.id ? c.evidence : null;
    const at = `ev-${item.id}`;
    return html`
      ${list.length ? html`<p class="label-small">${msg('Evidence')}</p>${this.renderEvidenceList(list, item.id)}` : nothing}
      ${form
        ? html`<fieldset class="evidence-form" @keydown=${this.onEvidenceKey}>
            <legend class="label-small">${msg(str`Add evidence for “${item.title}”`)}</legend>
            <fieldset>
              <legend class="lf-visually-hidden">${msg('Kind of evidence')}</legend>
              ${this.errorFor(`${at}-kind-0`)}
              <div class="radios radios--inline">
                ${EVIDENCE_KINDS.map(
                  (k, i) => html`<div class="radio">
                    <input type="radio" id="${at}-kind-${i}" name="${at}-kind" data-field="kind" .value=${k} .checked=${live(form.kind === k)} @change=${this.onEvidenceField} />
                    <label for="${at}-kind-${i}">${kindName(k)}</label>
                  </div>`,
                )}
              </div>
            </fieldset>
            <label class="label-small" for="${at}-label">${msg('What it is')}</label>
            ${this.errorFor(`${at}-label`)}
            <input type="text" id="${at}-label" data-field="label" .value=${live(form.label)} @input=${this.onEvidenceField} />
            <label class="label-small" for="${at}-date">${msg('Date')}</label>
            <div class="hint" id="${at}-date-hint">${msg('For example, 2026-12-02')}</div>
            ${this.errorFor(`${at}-date`)}
            <input type="text" inputmode="numeric" id="${at}-date" aria-describedby="${at}-date-hint" data-field="date" .value=${live(form.date)} @input=${this.onEvidenceField} />
            <label class="label-small" for="${at}-ref">${msg('Link or reference (optional)')}</label>
            <div class="hint" id="${at}-ref-hint">${msg('A web address starting https://, or a document reference')}</div>
            ${this.errorFor(`${at}-ref`)}
            <input type="text" id="${at}-ref" aria-describedby="${at}-ref-hint" data-field="ref" .value=${live(form.ref)} @input=${this.onEvidenceField} />
            <div class="buttons">
              <button type="button" part="button button-save-evidence" @click=${this.onSaveEvidence}>${msg('Add this evidence')}</button>
              <button type="button" class="secondary" part="button button-cancel-evidence" @click=${this.onCancelEvidence}>${msg('Cancel')}</button>
            </div>
          </fieldset>`
        : c.editable
          ? html`<button type="button" class="secondary" id="${at}-add" part="button button-add-evidence" @click=${() => this.onOpenEvidence(item.id)}>
              ${msg('Add evidence')}<span class="lf-visually-hidden"> ${msg(str`for “${item.title}”`)}</span>
            </button>`
          : nothing}
    `;
  }

  /** Enter in an evidence field adds the evidence rather than submitting the whole review. */
  private onEvidenceKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement) || e.target.type === 'radio') return;
    e.preventDefault();
    this.onSaveEvidence();
  }

  private onSaveEvidence(): void {
    if (this.review.saveEvidence()) this.drafts.schedule();
  }

  private renderAgreeAll(): TemplateResult {
    const n = this.review.unreviewed.length;
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">${msg(str`Agree with all ${n} remaining ratings?`)}</h2>
      <p>${msg(str`You have not reviewed ${n} items yet. Each one will be marked as agreed with ${this.personName}’s own rating.`)}</p>
      <p>${msg('You can still change any of them before you sign off.')}</p>
      <div class="buttons">
        <button type="submit" part="button button-confirm-agree-all">${msg(str`Yes, agree with ${n} ratings`)}</button>
        <button type="button" class="secondary" part="button button-back" @click=${() => this.review.toItems()}>${msg('No, go back')}</button>
      </div>
    `;
  }

  private renderDecision(id: string): TemplateResult {
    const c = this.review;
    const e = c.entry(id);
    const self = c.selfRating(id);
    const decision =
      e.rating !== undefined ? msg(str`${this.label(self)} changed to ${ratingLabel(c.framework!, e.rating)}`) : e.agree ? msg(str`Agreed: ${this.label(self)}`) : msg('Not yet reviewed');
    return html`${decision}${e.note ? html`<br /><span class="hint">${msg('Note:')} ${e.note}</span>` : nothing}${e.evidence?.length
      ? html`<br /><span class="hint">${e.evidence.length === 1 ? msg('1 piece of evidence') : msg(str`${e.evidence.length} pieces of evidence`)}</span>`
      : nothing}`;
  }

  private renderSummary(ids: readonly string[], withChange: boolean): TemplateResult {
    return html`<dl class="summary-list" part="summary-list">
      ${ids.map(
        (id) => html`<div class="summary-row" data-item=${id}>
          <dt>${this.itemTitle(id)}</dt>
          <dd>${this.renderDecision(id)}</dd>
          ${withChange
            ? html`<dd class="actions">
                <a href="#d-${id}" part="change-link" @click=${(e: Event) => this.onChangeLink(e, id)}
                  >${msg('Change')}<span class="lf-visually-hidden"> ${msg(str`your decision on “${this.itemTitle(id)}”`)}</span></a
                >
              </dd>`
            : nothing}
        </div>`,
      )}
    </dl>`;
  }

  private renderLevels(result: ConfirmedLevel | null): TemplateResult | typeof nothing {
    if (!result) return nothing;
    const fw = this.review.framework!;
    const title = (id: string | null) => (id ? (fw.levels.find((l) => l.id === id)?.title ?? id) : msg('No level met in full yet'));
    return html`<dl class="summary-list levels" part="summary-list">
      <div class="summary-row"><dt>${msg('Self-assessed level')}</dt><dd>${title(result.self.bestFit)}</dd></div>
      <div class="summary-row"><dt>${msg('Confirmed level')}</dt><dd>${title(result.confirmed.bestFit)}</dd></div>
    </dl>`;
  }

  private renderCheck(): TemplateResult {
    const c = this.review;
    const ids = c.allItems.map((i) => i.id);
    const different = c.differences;
    const agreed = ids.filter((id) => c.entry(id).agree === true);
    const left = c.unreviewed;
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">${msg('Check your review')}</h2>
      <div class="check" part="check">
        ${this.renderLevels(this.preview)}
        <h3>${msg(str`Different ratings (${different.length})`)}</h3>
        ${different.length ? this.renderSummary(different, true) : html`<p>${msg('None: you agreed with every rating you reviewed.')}</p>`}
        ${left.length ? html`<h3 id="unreviewed" tabindex="-1">${msg(str`Not yet reviewed (${left.length})`)}</h3>${this.renderSummary(left, true)}` : nothing}
        <h3>${msg(str`Agreed (${agreed.length})`)}</h3>
        ${agreed.length ? this.renderSummary(agreed, true) : html`<p>${msg('None yet.')}</p>`}
      </div>
      <h3>${msg('Sign off')}</h3>
      <div class="field ${c.errors.some((e) => e.field === 'declaration') ? 'question--error' : ''}" part="declaration">
        ${this.errorFor('declaration')}
        <div class="checkbox">
          <input type="checkbox" id="declaration" .checked=${live(c.declared)} @change=${(e: Event) => c.setDeclared((e.target as HTMLInputElement).checked)} />
          <label for="declaration">${this.declarationText}</label>
        </div>
      </div>
      <div class="buttons">
        <button type="submit" part="button button-sign-off">${msg('Sign off')}</button>
        <button type="button" class="secondary" part="button button-back" @click=${() => c.toItems()}>${msg('Back to the review')}</button>
        <button type="button" class="secondary" part="button button-return" @click=${() => c.toReturn()}>${msg(str`Return to ${this.personName} instead`)}</button>
      </div>
    `;
  }

  private renderReturn(): TemplateResult {
    const c = this.review;
    const error = c.errors.some((e) => e.field === 'return-reason');
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">${msg(str`Return to ${this.personName}`)}</h2>
      <p>${msg(str`${this.personName} will see your reason and can change their answers and submit again. Your review so far is kept.`)}</p>
      <div class="field ${error ? 'question--error' : ''}">
        <label class="label" for="return-reason">${msg(str`What should ${this.personName} look at again?`)}</label>
        <div class="hint" id="return-reason-hint">${msg('Use plain words. Say which items and what would help.')}</div>
        ${this.errorFor('return-reason')}
        <textarea id="return-reason" rows="5" aria-describedby="return-reason-hint" .value=${live(c.returnReason)} @input=${this.onReason}></textarea>
      </div>
      <div class="buttons">
        <button type="submit" part="button button-send-back">${msg('Send back')}</button>
        <button type="button" class="secondary" part="button button-back" @click=${() => c.toItems()}>${msg('Back to the review')}</button>
      </div>
    `;
  }

  private renderSent(): TemplateResult {
    const sent = this.sent;
    if (!sent) return html``;
    const fw = this.review.framework!;
    const level = sent.result.confirmed.bestFit ? (fw.levels.find((l) => l.id === sent.result.confirmed.bestFit)?.title ?? '') : '';
    return html`
      <div class="panel" part="confirmation">
        <h2 data-focus="heading" tabindex="-1">${sent.action === 'sign-off' ? msg('Review signed off') : msg(str`Returned to ${this.personName}`)}</h2>
        ${sent.action === 'sign-off'
          ? html`<p>${level ? html`${msg('Confirmed level')}<br /><strong>${level}</strong>` : msg('No level is confirmed in full yet')}</p>`
          : nothing}
      </div>
      <p role="status">${sent.taken ? msg('The record has been saved.') : msg('The record is kept on this device until it has been saved.')}</p>
      ${sent.action === 'sign-off' ? this.renderLevels(sent.result) : nothing}
    `;
  }

  private renderReadOnly(): TemplateResult {
    const c = this.review;
    const r = c.record!;
    const v = this.verification;
    const ids = c.allItems.map((i) => i.id);
    return html`
      <h2 data-focus="heading" tabindex="-1" part="heading">
        ${r.status === 'signed-off' ? msg(str`${this.personName}’s signed-off review`) : msg(str`${this.personName}’s review was returned`)}
      </h2>
      ${r.status === 'signed-off' && v
        ? v.status === 'verified'
          ? html`<div class="notice" part="notice" data-notice="verified"><p>${msg('This record has not changed since it was signed off.')}</p></div>`
          : html`<div class="notice notice--warning" part="notice notice-warning" role="alert" data-notice=${v.status}>
              <p><strong>${v.status === 'changed' ? msg('This record has changed since it was signed off.') : msg('This page cannot check the sign-off.')}</strong></p>
              <p>${msg('Do not rely on it. Ask the person who manages these records for the signed copy.')}</p>
            </div>`
        : nothing}
      <dl class="summary-list" part="summary-list">
        <div class="summary-row"><dt>${msg('Submitted')}</dt><dd>${this.when(r.self.submittedAt)}</dd></div>
        ${r.review ? html`<div class="summary-row"><dt>${msg('Reviewer')}</dt><dd>${personLine(r.review.reviewer)}</dd></div>` : nothing}
        ${r.signOff
          ? html`<div class="summary-row"><dt>${msg('Signed off')}</dt><dd>${personLine(r.signOff.by)}, ${this.when(r.signOff.at)}<br /><span class="hint">${r.signOff.declaration}</span></dd></div>`
          : nothing}
        ${r.returned
          ? html`<div class="summary-row"><dt>${msg('Returned')}</dt><dd>${personLine(r.returned.by)}, ${this.when(r.returned.at)}<br />${r.returned.reason}</dd></div>`
          : nothing}
      </dl>
      ${this.sent?.taken ? html`<p role="status">${msg('The record has been saved.')}</p>` : nothing}
      <h3>${msg('Decisions')}</h3>
      ${this.renderSummary(ids, false)}
    `;
  }
}

function personLine(p: PersonRef): string {
  return [p.name ?? p.id, p.role].filter(Boolean).join(', ');
}

function kindName(kind: EvidenceKind): string {
  switch (kind) {
    case 'observation':
      return msg('Observation');
    case 'discussion':
      return msg('Discussion');
    case 'document':
      return msg('Document');
    case 'quiz':
      return msg('Quiz');
    case 'certificate':
      return msg('Certificate');
    case 'link':
      return msg('Link');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-review': LfReview;
  }
}
