import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import {
  isSafeUrl,
  quizEvidence,
  type QuizScore,
  type AssessmentRecord,
  type Evidence,
  type EvidenceKind,
  type Framework,
  type Item,
  type ItemReview,
  type RecordNotice,
} from '@levelfit/engine';
import type { ReviewDraftState, ReviewEvidenceForm } from '../drafts/review-envelope.js';

/** Which items the list shows. */
export const REVIEW_FILTERS = ['all', 'differences', 'unreviewed'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

/**
 * Where the reviewer is: the list of items, the "agree with all remaining" confirmation, check answers,
 * the return form, sending (the event is out, the host has not taken the record yet), or done. A signed-off
 * record is only ever `read-only`.
 */
export const REVIEW_PHASES = ['items', 'agree-all', 'check', 'return', 'sent', 'read-only'] as const;
export type ReviewPhase = (typeof REVIEW_PHASES)[number];

/** An error shown in the summary and beside its field: `field` is the id of the control it is about. */
export interface ReviewError {
  field: string;
  text: string;
}

/** The "Add evidence" fields of one item, as typed (saved in the draft as they are typed). */
export type EvidenceForm = ReviewEvidenceForm;

export type ReviewFocus = { to: 'heading' } | { to: 'error-summary' } | { to: 'field'; id: string } | null;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The review as data (the element only renders it): the record, the reviewer's entry per item, the filter,
 * the phase, the errors shown, the evidence being added and where focus goes next. Every change requests a
 * host update; `state` is what the draft saves.
 */
export class ReviewController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  framework: Framework | null = null;
  record: AssessmentRecord | null = null;
  notices: RecordNotice[] = [];
  items: Record<string, ItemReview> = {};
  returnReason = '';
  declared = false;
  filter: ReviewFilter = 'all';
  phase: ReviewPhase = 'items';
  /** The action being sent, while `phase` is `sent`. */
  sending: 'sign-off' | 'return' | null = null;
  errors: ReviewError[] = [];
  evidence: EvidenceForm | null = null;
  focus: ReviewFocus = null;
  /** Came to the list from "Check your review" through a Change link. */
  returning = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts reviewing a record (already migrated onto `framework`'s version). */
  load(framework: Framework, record: AssessmentRecord, notices: RecordNotice[], readOnly: boolean): void {
    this.framework = framework;
    this.record = record;
    this.notices = notices;
    this.items = { ...(record.review?.items ?? {}) };
    this.returnReason = '';
    this.declared = false;
    this.filter = 'all';
    this.phase = readOnly ? 'read-only' : 'items';
    this.sending = null;
    this.errors = [];
    this.evidence = null;
    this.returning = false;
    this.changed();
  }

  /** What the draft saves. */
  get state(): ReviewDraftState {
    return { items: this.items, returnReason: this.returnReason, evidenceForm: this.evidence };
  }

  /** Puts a saved or merged review into the form (a merge hands back this tab's own evidence form). */
  apply(state: ReviewDraftState): void {
    this.items = { ...state.items };
    this.returnReason = state.returnReason;
    if (this.editable) this.evidence = state.evidenceForm ? { ...state.evidenceForm } : null;
    this.prune();
    this.changed();
  }

  get editable(): boolean {
    return this.phase !== 'read-only' && this.phase !== 'sent';
  }

  selfRating(id: string): number | undefined {
    const r = this.record?.self.ratings;
    return r && Object.hasOwn(r, id) ? r[id] : undefined;
  }

  entry(id: string): ItemReview {
    return Object.hasOwn(this.items, id) ? this.items[id]! : {};
  }

  isReviewed(id: string): boolean {
    const e = this.entry(id);
    return e.agree === true || e.rating !== undefined;
  }

  /** A different rating from the person's (no self-rating reads as the scale's lowest value, "not yet"). */
  isDifferent(id: string): boolean {
    const e = this.entry(id);
    if (e.rating === undefined || !this.framework) return false;
    return e.rating !== (this.selfRating(id) ?? this.framework.scale.values[0]!.value);
  }

  get allItems(): readonly Item[] {
    return this.framework?.items ?? [];
  }

  get unreviewed(): string[] {
    return this.allItems.filter((i) => !this.isReviewed(i.id)).map((i) => i.id);
  }

  get differences(): string[] {
    return this.allItems.filter((i) => this.isDifferent(i.id)).map((i) => i.id);
  }

  /** The items the filter shows, in framework order (items never move while the reviewer works on them). */
  get visible(): Item[] {
    const items = this.allItems;
    if (this.filter === 'differences') return items.filter((i) => this.isDifferent(i.id));
    if (this.filter === 'unreviewed') return items.filter((i) => !this.isReviewed(i.id));
    return [...items];
  }

  setFilter(filter: ReviewFilter): void {
    this.filter = filter;
    this.host.requestUpdate();
  }

  /** Agrees with the person's rating. Returns false when nothing changed. */
  agree(id: string): boolean {
    const { rating: _r, ...rest } = this.entry(id);
    return this.set(id, { ...rest, agree: true });
  }

  /** Gives a different rating (the person's own rating is "agree"). */
  rate(id: string, rating: number): boolean {
    if (rating === (this.selfRating(id) ?? this.framework?.scale.values[0]!.value)) return this.agree(id);
    const { agree: _a, ...rest } = this.entry(id);
    return this.set(id, { ...rest, rating });
  }

  setNote(id: string, note: string): boolean {
    const { note: _n, ...rest } = this.entry(id);
    return this.set(id, note.trim() === '' ? rest : { ...rest, note });
  }

  /** Agrees with every item not yet reviewed. Returns how many. */
  agreeAllRemaining(): number {
    const ids = this.unreviewed;
    for (const id of ids) this.items[id] = { ...this.entry(id), agree: true };
    this.items = { ...this.items };
    this.phase = 'items';
    this.focus = { to: 'heading' };
    this.changed();
    return ids.length;
  }

  // ---- evidence ----

  /**
   * Adds a quiz result as evidence to each item it covers (the engine's `quizEvidence` wording), replacing an
   * entry from the same bank version on the same day rather than repeating it. Returns how many items got it.
   */
  attachQuiz(score: QuizScore, date: string): number {
    if (!this.framework || score.frameworkId !== this.framework.id) return 0;
    const known = new Set(this.allItems.map((i) => i.id));
    let n = 0;
    for (const [id, e] of quizEvidence(score, date)) {
      if (!known.has(id)) continue;
      const entry = this.entry(id);
      const list = (entry.evidence ?? []).filter((x) => !(x.kind === 'quiz' && x.ref === e.ref && x.date === e.date));
      this.items[id] = { ...entry, evidence: [...list, e] };
      n++;
    }
    if (n) {
      this.items = { ...this.items };
      this.changed();
    }
    return n;
  }

  openEvidence(itemId: string): void {
    this.evidence = { itemId, kind: '', label: '', date: today(), ref: '' };
    this.errors = [];
    this.focus = { to: 'field', id: `ev-${itemId}-kind-0` };
    this.host.requestUpdate();
  }

  editEvidence(field: keyof Omit<EvidenceForm, 'itemId'>, value: string): void {
    if (!this.evidence) return;
    this.evidence = { ...this.evidence, [field]: value } as EvidenceForm;
  }

  cancelEvidence(): void {
    const id = this.evidence?.itemId;
    this.evidence = null;
    this.errors = [];
    if (id) this.focus = { to: 'field', id: `ev-${id}-add` };
    this.host.requestUpdate();
  }

  /** Checks the evidence fields; adds the entry, or shows what to fix. */
  saveEvidence(): boolean {
    const f = this.evidence;
    if (!f) return false;
    const at = `ev-${f.itemId}`;
    const errors: ReviewError[] = [];
    if (!f.kind) errors.push({ field: `${at}-kind-0`, text: msg('Select the kind of evidence') });
    if (f.label.trim() === '') errors.push({ field: `${at}-label`, text: msg('Enter what the evidence is') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || Number.isNaN(Date.parse(`${f.date}T00:00:00Z`))) {
      errors.push({ field: `${at}-date`, text: msg('Enter the date of the evidence, for example 2026-12-02') });
    }
    const ref = f.ref.trim();
    if (f.kind === 'link' && !isSafeUrl(ref)) {
      errors.push({ field: `${at}-ref`, text: msg('Enter a full web address that starts with https://') });
    } else if (ref !== '' && f.kind !== 'link' && /^[a-z][a-z0-9+.-]*:\S/i.test(ref.replace(/\s/g, '')) && !isSafeUrl(ref)) {
      errors.push({ field: `${at}-ref`, text: msg('A reference can be text or a web address that starts with https://') });
    }
    if (errors.length) {
      this.errors = errors;
      this.focus = { to: 'error-summary' };
      this.host.requestUpdate();
      return false;
    }
    const e: Evidence = { kind: f.kind as EvidenceKind, label: f.label.trim(), date: f.date };
    if (ref !== '') e.ref = ref;
    const entry = this.entry(f.itemId);
    this.set(f.itemId, { ...entry, evidence: [...(entry.evidence ?? []), e] });
    this.evidence = null;
    this.errors = [];
    this.focus = { to: 'field', id: `ev-${f.itemId}-add` };
    return true;
  }

  removeEvidence(itemId: string, index: number): void {
    const entry = this.entry(itemId);
    const list = (entry.evidence ?? []).filter((_, i) => i !== index);
    const { evidence: _e, ...rest } = entry;
    this.set(itemId, list.length ? { ...rest, evidence: list } : rest);
    this.focus = { to: 'field', id: `ev-${itemId}-add` };
  }

  // ---- pages ----

  toAgreeAll(): void {
    if (!this.unreviewed.length) return;
    this.go('agree-all');
  }

  /** To "Check your review" (from the list, or back from the return form). */
  toCheck(): void {
    this.go('check');
  }

  toItems(focusItem?: string): void {
    this.returning = focusItem !== undefined;
    this.filter = 'all';
    this.go('items');
    if (focusItem) this.focus = { to: 'field', id: `d-${focusItem}` };
  }

  toReturn(): void {
    this.go('return');
  }

  /** Checks that the review can be signed off: every item decided, the declaration confirmed. */
  checkSignOff(): boolean {
    const errors: ReviewError[] = [];
    const left = this.unreviewed.length;
    if (left) {
      errors.push({
        field: 'unreviewed',
        text:
          left === 1
            ? msg('Review 1 more item: agree with the rating or choose a different one')
            : msg(str`Review ${left} more items: agree with each rating or choose a different one`),
      });
    }
    if (!this.declared) errors.push({ field: 'declaration', text: msg('Confirm the declaration to sign off') });
    return this.report(errors);
  }

  checkReturn(): boolean {
    return this.report(this.returnReason.trim() === '' ? [{ field: 'return-reason', text: msg('Enter what the person should look at again') }] : []);
  }

  setReturnReason(text: string): void {
    this.returnReason = text;
    if (this.errors.length && text.trim() !== '') this.errors = this.errors.filter((e) => e.field !== 'return-reason');
    this.changed();
  }

  setDeclared(on: boolean): void {
    this.declared = on;
    if (on) this.errors = this.errors.filter((e) => e.field !== 'declaration');
    this.host.requestUpdate();
  }

  /** The event is out: guard against a second submission until the host answers (`failed`) or takes it. */
  beginSend(action: 'sign-off' | 'return'): boolean {
    if (this.sending) return false;
    this.sending = action;
    this.phase = 'sent';
    this.errors = [];
    this.focus = { to: 'heading' };
    this.host.requestUpdate();
    return true;
  }

  /** The host could not take the record (say, someone else signed it off first): back to where it was sent from. */
  failed(text: string): void {
    const action = this.sending;
    this.sending = null;
    this.phase = action === 'return' ? 'return' : 'check';
    this.errors = [{ field: 'host', text }];
    this.focus = { to: 'error-summary' };
    this.host.requestUpdate();
  }

  takeFocus(): ReviewFocus {
    const f = this.focus;
    this.focus = null;
    return f;
  }

  private go(phase: ReviewPhase): void {
    if (!this.editable) return;
    this.phase = phase;
    this.errors = [];
    this.evidence = null;
    this.focus = { to: 'heading' };
    this.host.requestUpdate();
  }

  private report(errors: ReviewError[]): boolean {
    this.errors = errors;
    if (errors.length) this.focus = { to: 'error-summary' };
    this.host.requestUpdate();
    return errors.length === 0;
  }

  private set(id: string, entry: ItemReview): boolean {
    if (!this.editable) return false;
    const before = JSON.stringify(this.entry(id));
    if (JSON.stringify(entry) === before) return false;
    const items = { ...this.items };
    if (Object.keys(entry).length === 0) delete items[id];
    else items[id] = entry;
    this.items = items;
    this.prune();
    this.changed();
    return true;
  }

  /** Errors about the items go once the items are all reviewed. */
  private prune(): void {
    if (!this.unreviewed.length) this.errors = this.errors.filter((e) => e.field !== 'unreviewed');
  }

  private changed(): void {
    this.host.requestUpdate();
  }
}

