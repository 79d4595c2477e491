import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isSafeUrl, type AssessmentRecord, type ConfirmedLevel, type Evidence, type Framework, type PersonRef } from '@levelfit/engine';
import { ratingLabel } from '../internal/rating-label.js';
import { currentLocale } from '../localize/localize.js';

/**
 * `<lf-level-fit>` given a record (or `confirmLevel`'s output): the self-assessed and confirmed levels side by
 * side, the items the reviewer rated differently first, then, for print, the review record itself (who, when,
 * which framework version, every note and piece of evidence, the sign-off). A view of data only: the element
 * computes nothing here.
 */

const levelTitle = (fw: Framework, id: string | null) => (id ? (fw.levels.find((l) => l.id === id)?.title ?? id) : msg('No level met in full yet'));
const itemTitle = (fw: Framework, id: string) => fw.items.find((i) => i.id === id)?.title ?? id;
const person = (p: PersonRef) => [p.name ?? p.id, p.role].filter(Boolean).join(', ');

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

function evidenceItem(e: Evidence): TemplateResult {
  const label = e.kind === 'link' && e.ref && isSafeUrl(e.ref) ? html`<a href=${e.ref} rel="noopener noreferrer" target="_blank">${e.label}</a>` : e.label;
  return html`<li>${label} (${e.kind}, ${e.date})${e.ref && e.kind !== 'link' ? html`, ${e.ref}` : nothing}${e.kind === 'link' && e.ref ? html`<span class="print-only"> ${e.ref}</span>` : nothing}</li>`;
}

export function renderSideBySide(c: ConfirmedLevel, fw: Framework): TemplateResult {
  const self = c.self.bestFit;
  const confirmed = c.confirmed.bestFit;
  const n = c.unconfirmed.length;
  return html`
    <div class="side-by-side" part="side-by-side">
      <div class="summary" part="summary self-level">
        <p class="summary-label">${msg('Self-assessed level')}</p>
        <p class="best-fit">${levelTitle(fw, self)}</p>
      </div>
      <div class="summary ${self === confirmed ? '' : 'summary--changed'}" part="summary confirmed-level">
        <p class="summary-label">${msg('Confirmed level')}</p>
        <p class="best-fit" part="best-fit">${levelTitle(fw, confirmed)}</p>
        ${self !== confirmed ? html`<p>${msg('This is different from the self-assessment.')}</p>` : nothing}
      </div>
    </div>
    ${n
      ? html`<p class="unconfirmed" part="unconfirmed">
          ${n === 1
            ? msg('1 item has not been reviewed yet. It counts as not yet met in the confirmed level.')
            : msg(str`${n} items have not been reviewed yet. They count as not yet met in the confirmed level.`)}
        </p>`
      : nothing}
    <section class="differences" part="differences" aria-labelledby="differences-heading">
      <h3 id="differences-heading">${msg(str`Different ratings (${c.differences.length})`)}</h3>
      ${c.differences.length
        ? html`<table part="differences-table">
            <caption class="lf-visually-hidden">${msg('Items the reviewer rated differently')}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Item')}</th>
                <th scope="col" class="nowrap">${msg('Self-rating')}</th>
                <th scope="col" class="nowrap">${msg('Confirmed')}</th>
                <th scope="col">${msg('Note')}</th>
              </tr>
            </thead>
            <tbody>
              ${c.differences.map(
                (d) => html`<tr>
                  <th scope="row" class="item-title">${itemTitle(fw, d.itemId)}</th>
                  <td>${d.self === null ? msg('Not answered') : ratingLabel(fw, d.self)}</td>
                  <td>${ratingLabel(fw, d.confirmed)}</td>
                  <td>${d.note ?? ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${msg('The reviewer agreed with every rating they reviewed.')}</p>`}
    </section>
  `;
}

/** The review record as it prints: people, dates, framework version, every note and piece of evidence, the sign-off. */
export function renderRecordDetails(record: AssessmentRecord, fw: Framework): TemplateResult {
  const review = record.review;
  const withDetail = fw.items.filter((i) => {
    const e = review?.items[i.id];
    return e?.note !== undefined || (e?.evidence?.length ?? 0) > 0 || (record.self.evidence?.[i.id]?.length ?? 0) > 0;
  });
  return html`
    <section class="record" part="record" aria-labelledby="record-heading">
      <h3 id="record-heading">${msg('Review record')}</h3>
      <dl class="details">
        <div><dt>${msg('Person')}</dt><dd>${record.person.name ?? record.person.id}</dd></div>
        <div><dt>${msg('Framework')}</dt><dd>${msg(str`${fw.title}, version ${record.framework.version}`)}</dd></div>
        ${record.self.role ? html`<div><dt>${msg('Role')}</dt><dd>${record.self.role}</dd></div>` : nothing}
        <div><dt>${msg('Submitted')}</dt><dd>${when(record.self.submittedAt)}</dd></div>
        ${review ? html`<div><dt>${msg('Reviewer')}</dt><dd>${person(review.reviewer)}</dd></div>` : nothing}
        ${review?.reviewedAt ? html`<div><dt>${msg('Reviewed')}</dt><dd>${when(review.reviewedAt)}</dd></div>` : nothing}
        ${record.signOff
          ? html`<div>
              <dt>${msg('Signed off')}</dt>
              <dd>${person(record.signOff.by)}, ${when(record.signOff.at)}<br />“${record.signOff.declaration}”</dd>
            </div>`
          : html`<div><dt>${msg('Status')}</dt><dd>${statusText(record)}</dd></div>`}
        ${record.returned ? html`<div><dt>${msg('Returned')}</dt><dd>${when(record.returned.at)}: ${record.returned.reason}</dd></div>` : nothing}
      </dl>
      ${withDetail.length
        ? html`<h4>${msg('Notes and evidence')}</h4>
            <ul class="notes" part="notes">
              ${withDetail.map((i) => {
                const e = review?.items[i.id];
                const own = record.self.evidence?.[i.id] ?? [];
                const evidence = [...own, ...(e?.evidence ?? [])];
                return html`<li>
                  <strong>${i.title}</strong>
                  ${e?.note !== undefined ? html`<p>${msg('Note:')} ${e.note}</p>` : nothing}
                  ${evidence.length ? html`<ul class="evidence">${evidence.map(evidenceItem)}</ul>` : nothing}
                </li>`;
              })}
            </ul>`
        : nothing}
    </section>
  `;
}

function statusText(record: AssessmentRecord): string {
  switch (record.status) {
    case 'self-submitted':
      return msg('Waiting for review');
    case 'in-review':
      return msg('In review, not signed off yet');
    case 'returned':
      return msg('Returned to the person');
    case 'signed-off':
      return msg('Signed off');
  }
}
