import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/**
 * What every form (`<lf-self-assessment>`, `<lf-quiz>`, `<lf-review>`) shows instead of its content when it
 * has `shared-device`, no `person-key`, and answers were found on the device: a question, and nothing of the
 * answers, so the next person on a shared tablet never sees them without choosing to. "Yes" restores them;
 * "No" sets them aside (kept, not deleted) and starts empty. `when` is the save time already worded.
 */
export function renderSharedDeviceQuestion(when: string, onYes: () => void, onNo: () => void): TemplateResult {
  return html`<section class="shared-question" part="shared-question" aria-labelledby="lf-shared-question">
    <h2 id="lf-shared-question" tabindex="-1" data-focus="shared-question">
      ${msg(str`Answers were saved on this device on ${when}. Are they yours?`)}
    </h2>
    <p>${msg('If someone else used this device before you, choose “No”. Their answers will be kept, but you will not see them.')}</p>
    <div class="buttons" part="shared-question-actions">
      <button type="button" part="button button-claim" @click=${onYes}>${msg('Yes, carry on with them')}</button>
      <button type="button" class="secondary" part="button button-start-afresh" @click=${onNo}>${msg('No, start afresh')}</button>
    </div>
  </section>`;
}
