/**
 * What the one draft store (`./draft-store.ts`) needs to know about a form's drafts: how to read, write and
 * merge its envelope. The self-assessment's format is in `./envelope.ts`, the quiz's in `./quiz-envelope.ts`.
 */
import type { DraftHeader, DraftWriteMeta } from './shared.js';

/** The result of reading a saved draft against what is on the page. */
export type DraftOutcome<E> =
  | { kind: 'empty' }
  | { kind: 'loaded'; draft: E }
  | {
      kind: 'migrated';
      draft: E;
      /** Ids whose saved answers were left out (the item or question is gone, or the value no longer fits), in saved order. */
      dropped: string[];
      /** A saved role the framework no longer lists (cleared), or null. */
      droppedRole: string | null;
      /** Where it came from: the envelope version and the framework or bank version it was saved with. */
      from: { envelopeVersion: number; sourceVersion: string };
    }
  | {
      kind: 'set-aside';
      reason: string;
      /** The stored string, unchanged: the store keeps it under a set-aside key. */
      raw: string;
      /** When it was saved, if that much could be read. */
      savedAt: string | null;
      /** A sentence for logs (English, not for the page). */
      detail: string;
    };

/** A three-way merge's outcome, in the form's own answer shape. */
export interface FormMerge<A> {
  merged: A;
  /** Ids both writers changed differently (and whether the role is one). */
  conflicts: { items: string[]; role: boolean };
  /** Ids taken from the other writer (and whether the role was). */
  fromTheirs: { items: string[]; role: boolean };
}

/**
 * One form's drafts. `S` is the source the answers belong to (a framework, a question bank), `Snap` what the
 * element hands the store to save (it includes the source), `E` the stored envelope, `A` the part two tabs
 * can disagree about.
 */
export interface DraftFormat<S, Snap, E extends DraftHeader, A> {
  /** `<prefix>:<source id>[:<assessment key>]`. */
  readonly prefix: string;
  sourceId(source: S): string;
  sourceVersion(source: S): string;
  load(raw: string | null | undefined, source: S): DraftOutcome<E>;
  create(snapshot: Snap, now: Date, meta: DraftWriteMeta): E;
  /** The answers of an envelope, and of a snapshot. */
  answersOf(draft: E): A;
  snapshotAnswers(snapshot: Snap): A;
  merge(base: A | null, mine: A, theirs: A): FormMerge<A>;
  same(a: A, b: A): boolean;
  /** `mine` with the other writer's answers taken where the two conflict (the person chose theirs). */
  takeTheirs(mine: A, theirs: A, conflicts: FormMerge<A>['conflicts']): A;
}
