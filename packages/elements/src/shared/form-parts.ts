import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatPath, type Framework, type Issue } from '@levelfit/engine';
import { isStorageKind, type StorageKind } from '../drafts/storage.js';
import type { LfErrorSource } from '../events/lf-error.js';
import { currentLocale } from '../localize/localize.js';

/**
 * Pieces of view logic `<lf-self-assessment>` and `<lf-quiz>` share (internal, not exported from the
 * package); their markup goes with ./form.styles.ts.
 */

/** A problem with the element's input (or a failed score), shown inline and sent as `lf-error`. */
export interface Problem {
  issues: Issue[];
  source: LfErrorSource;
}

/** A dev-only warning that names its code and is given once per code (per element module that makes one). */
export function createWarnOnce(): (code: string, message: string) => void {
  const warned = new Set<string>();
  return (code, message) => {
    if (warned.has(code)) return;
    warned.add(code);
    console.warn(`[levelfit] ${message} (${code})`);
  };
}

/** The `storage` attribute as a storage kind; anything else warns (once) and means `local`. */
export function storageKindOf(storage: unknown, warnOnce: (code: string, message: string) => void): StorageKind {
  if (isStorageKind(storage)) return storage;
  warnOnce('lf-storage-kind', `storage="${String(storage)}" is not one of local, session, none; using local.`);
  return 'local';
}

/** The `target` attribute names no level of the framework: an `options` problem. */
export function targetProblem(framework: Pick<Framework, 'levels'>, target: string | null | undefined): Problem | null {
  const id = target?.trim();
  if (id && !framework.levels.some((l) => l.id === id)) {
    return {
      source: 'options',
      issues: [
        {
          code: 'unknown_level',
          path: ['target'],
          message: `no level has the id "${id}"; the levels are: ${framework.levels.map((l) => l.id).join(', ')}`,
        },
      ],
    };
  }
  return null;
}

/** The inline problem box: a title, then each issue's path and message for whoever looks after the page. */
export function renderProblem(problem: Problem, title: string): TemplateResult {
  return html`
      <div class="problem" part="error" role="alert">
        <h2>${title}</h2>
        <p>${msg('Give this message to the person who looks after this page:')}</p>
        <ul>
          ${problem.issues.map((i) => html`<li><code>${formatPath(i.path)}</code>: ${i.message}</li>`)}
        </ul>
      </div>
    `;
}

/** "Draft saved at 10:42". */
export function draftSavedText(at: Date): string {
  const time = new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(at);
  return msg(str`Draft saved at ${time}`);
}
