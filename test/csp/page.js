// Runs in the browser under `Content-Security-Policy: default-src 'self'`: loads the embed bundle, renders
// every element in every state that matters (including errors), runs the bundle's engine on the scenarios
// the server scored with the unbundled engine, and reports to check.mjs through window.__lfCsp.
import * as levelfit from '/dist/levelfit.min.js';

const report = { done: false, failures: [], rendered: [] };
window.__lfCsp = report;
const fail = (message) => report.failures.push(message);

async function settle(el) {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

function add(tag, props = {}, attrs = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  document.getElementById('root').append(el);
  return el;
}

const text = (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function main() {
  const expected = await (await fetch('/test/csp/expected.json')).json();
  const tags = ['lf-self-assessment', 'lf-level-fit', 'lf-competence-matrix', 'lf-career-levels'];
  for (const tag of tags) if (!customElements.get(tag)) fail(`<${tag}> is not defined by the bundle`);
  for (const name of ['assess', 'frameworks', 'LfLevelFit', 'LfCompetenceMatrix', 'LfCareerLevels', 'LfSelfAssessment']) {
    if (!(name in levelfit)) fail(`the bundle does not export ${name}`);
  }

  // The bundle's engine (with its eventemitter2 / hash-it shims and no jsonpath-plus) must agree with the
  // unbundled engine, scenario by scenario.
  const fw = levelfit.frameworks['clinical-homecare'];
  const results = {};
  for (const s of expected.scenarios) {
    const got = await levelfit.assess(fw, { ratings: s.ratings }, s.options);
    results[s.name] = got;
    if (JSON.stringify(got) !== JSON.stringify(s.result)) fail(`assess(${s.name}) in the bundle differs from the unbundled engine`);
  }

  const errors = [];
  document.addEventListener('lf-error', (e) => errors.push(e.detail));

  const form = add('lf-self-assessment', {}, { framework: 'clinical-homecare', storage: 'none', 'role-picker': '' });
  await settle(form);
  const radio = form.shadowRoot.querySelector('input[type="radio"]');
  if (!radio) fail('<lf-self-assessment> rendered no radios');
  else radio.click();
  await settle(form);
  report.rendered.push('lf-self-assessment');

  for (const s of expected.scenarios) {
    const el = add('lf-level-fit', { result: results[s.name] });
    await settle(el);
    if (!el.shadowRoot.querySelector('[part~="figure"]') || !el.shadowRoot.querySelector('[part~="explanation"]')) fail(`<lf-level-fit> (${s.name}) showed no levels or no explanation`);
    report.rendered.push(`lf-level-fit ${s.name}`);
  }
  const empty = add('lf-level-fit');
  await settle(empty);
  if (!empty.shadowRoot.querySelector('[part~="empty"]')) fail('<lf-level-fit> empty state missing');

  const ratings = expected.scenarios.find((s) => s.name === 'associate-overlap').ratings;
  const matrix = add('lf-competence-matrix', { ratings }, { framework: 'clinical-homecare' });
  await settle(matrix);
  const rows = matrix.shadowRoot.querySelectorAll('tbody tr').length;
  if (rows !== 23) fail(`<lf-competence-matrix> has ${rows} rows, not 23`);
  report.rendered.push('lf-competence-matrix');

  const levels = add('lf-career-levels', {}, { framework: 'clinical-homecare', current: 'associate' });
  await settle(levels);
  if (!levels.shadowRoot.querySelector('[aria-current="step"]')) fail('<lf-career-levels> marks no current level');
  report.rendered.push('lf-career-levels');

  // Error paths must also run cleanly under the CSP.
  const before = errors.length;
  const bad = add('lf-level-fit', { result: { ...results['supportive'], levels: 'nope' } });
  await settle(bad);
  const badLevels = add('lf-career-levels', {}, { current: 'expert' });
  await settle(badLevels);
  const badForm = add('lf-self-assessment', {}, { framework: 'no-such-framework', storage: 'none' });
  await settle(badForm);
  if (errors.length - before !== 3) fail(`expected 3 lf-error events from the malformed inputs, got ${errors.length - before}`);
  for (const el of [bad, badLevels, badForm]) {
    if (!el.shadowRoot.querySelector('[role="alert"]')) fail(`<${el.localName}> showed no inline error: ${text(el).slice(0, 80)}`);
  }
  report.rendered.push('error states');
}

main()
  .catch((err) => fail(`page script threw: ${err && err.stack ? err.stack : err}`))
  .finally(() => {
    report.done = true;
  });
