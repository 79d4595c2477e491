// XSS corpus page (test/e2e/run.mjs). Under the strict CSP with Trusted Types, puts each payload into every
// provider text field of a small framework, renders every element in every state that shows provider text,
// and checks that the payload is shown as text, that the shadow DOM has exactly the shape it has for plain
// text (no element or attribute came from the payload), and that the canary `window.__xss` is never set.
// Reports through window.__lfE2E.
import * as levelfit from '/dist/levelfit.all.min.js';
import { PAYLOADS, CANARY } from '/test/e2e/pages/payloads.js';

const report = { done: false, failures: [], payloads: 0, fieldsPerPayload: 0, cases: 0, rejected: [], quiz: false };
window.__lfE2E = report;
const fail = (m) => report.failures.push(m);
const root = document.getElementById('root');

// Lit renders synchronously in its update, so the DOM is complete once updateComplete resolves; the task
// in between lets controllers (framework, scoring) settle. No animation frames: the corpus stays fast.
const settle = async (el) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

/** A small framework with `p` in every provider text field (codes are capped at 40 characters by the schema). */
function makeFramework(p) {
  const code = Array.from(p).slice(0, 40).join('').slice(0, 40) || 'x';
  return {
    id: 'xss-test',
    title: p,
    version: '1',
    source: { title: p, publisher: p, date: null, reference: p, note: p },
    scale: {
      met: 1,
      values: [
        { value: 0, label: p, hint: p },
        { value: 1, label: `${p} (2)` },
      ],
    },
    levels: [
      { id: 'one', title: p, descriptor: [p, `${p} (2)`], roles: [p, `${p} (2)`] },
      { id: 'two', title: `${p} (2)`, descriptor: [p], roles: [`${p} (3)`] },
    ],
    items: [
      { id: 'a', title: p, kind: 'competence', code, group: p, levels: ['one'], source: p, description: p },
      { id: 'b', title: `${p} (2)`, kind: 'competence', group: p, levels: ['two'], description: p },
      { id: 'c', title: `${p} (3)`, kind: 'indicator', code, levels: ['two'] },
    ],
    rules: [
      { name: p, conditions: { all: [{ fact: 'competencesMissing', operator: 'equal', value: 0 }] }, event: { type: 'attained' } },
      {
        name: `${p} (2)`,
        conditions: { all: [{ fact: 'competenceCoverage', operator: 'greaterThanInclusive', value: 0.25 }] },
        event: { type: 'overlap' },
      },
    ],
  };
}
/** How many provider text fields makeFramework fills (title, 5 source, 3 scale, 2+3 level titles/descriptors, 3 roles, 8 item, 2 rule names). */
const FIELDS = 1 + 4 + 3 + 2 + 3 + 3 + (3 + 2 + 2 + 1 + 2) + 2;

/** A question bank for makeFramework(p) with `p` in every text field (when the bundle has <lf-quiz>). */
function makeBank(p) {
  const feedback = { correct: p, incorrect: `${p} (2)` };
  const two = [
    { id: 'yes', text: p, correct: true },
    { id: 'no', text: `${p} (2)`, correct: false },
  ];
  return {
    id: 'xss-bank',
    // Options in bank order, so every payload's run clicks the same answers and renders the same shape.
    delivery: { shuffle: { options: false } },
    title: p,
    version: '1',
    framework: 'xss-test',
    description: p,
    source: { title: p, publisher: p, date: null, reference: p, note: p },
    passMark: 0.5,
    questions: [
      { id: 'q1', type: 'single', prompt: p, options: two, items: ['a'], feedback, reference: p },
      {
        id: 'q2',
        type: 'multiple',
        prompt: `${p} (2)`,
        options: [...two, { id: 'maybe', text: `${p} (3)`, correct: true }],
        items: ['b', 'c'],
        feedback,
      },
      { id: 'q3', type: 'true-false', prompt: `${p} (3)`, options: two, items: ['a'], feedback },
      { id: 'q4', type: 'scenario', scenario: p, prompt: `${p} (4)`, options: two, items: ['b'], feedback, reference: p },
    ],
  };
}
/** title, description, 4 source fields, then prompts, option texts, feedback, references and the scenario. */
const BANK_FIELDS = 6 + (1 + 2 + 2 + 1) + (1 + 3 + 2) + (1 + 2 + 2) + (1 + 1 + 2 + 2 + 1);

/** Every element and attribute under a shadow root (and nested shadow roots), as a comparable signature. */
function shape(node, out = []) {
  for (const el of node.querySelectorAll('*')) {
    out.push(`${el.localName}[${[...el.attributes].map((a) => a.name).sort().join(',')}]`);
    if (el.shadowRoot) shape(el.shadowRoot, out);
  }
  return out;
}

/** The text a person (or assistive technology) gets: text nodes plus attribute values and form values. */
function shownText(node) {
  const parts = [node.textContent ?? ''];
  for (const el of node.querySelectorAll('*')) {
    for (const a of el.attributes) parts.push(a.value);
    if (el instanceof HTMLOptionElement) parts.push(el.value, el.label);
  }
  return parts.join('\u0000');
}

const DANGEROUS = 'script, img, iframe, object, embed, style, link, math, video, audio, source, template, details, marquee, frame, frameset, base, meta, body, html';

function inspect(el, state, payload, baseline, { mustShow = true } = {}) {
  report.cases++;
  const sr = el.shadowRoot;
  const where = `${el.localName} ${state} payload #${PAYLOADS.indexOf(payload)} ${JSON.stringify(payload.slice(0, 60))}`;
  if (!sr) return fail(`${where}: no shadow root`);
  if (mustShow && !shownText(sr).includes(payload)) fail(`${where}: payload not shown as text`);
  const got = shape(sr);
  const want = baseline.get(`${el.localName} ${state}`);
  if (want === undefined) baseline.set(`${el.localName} ${state}`, got);
  else if (got.join('|') !== want.join('|')) {
    const extra = got.filter((s) => !want.includes(s));
    fail(`${where}: shadow DOM shape differs from plain text (${got.length} vs ${want.length} nodes; new: ${extra.slice(0, 5).join(' ')})`);
  }
  // The self-assessment's own collapsible sections ("What the answers mean", "Check your answers") are details
  // elements it renders with its own parts; any other details element would have come from the payload.
  const ours = (n) => n.localName === 'details' && n.matches('[part~="scale-help"], [part~="check-section"]');
  const bad = [...sr.querySelectorAll(DANGEROUS)].filter((n) => !(el.localName === 'lf-level-fit' && n.localName === 'svg') && !ours(n));
  if (bad.length) fail(`${where}: dangerous elements ${bad.map((n) => n.localName).join(',')}`);
  for (const n of sr.querySelectorAll('*')) {
    for (const a of n.attributes) {
      if (/^on/i.test(a.name)) fail(`${where}: event-handler attribute ${a.name} on <${n.localName}>`);
      if (['src', 'srcdoc', 'data', 'action', 'formaction', 'xlink:href', 'style'].includes(a.name)) fail(`${where}: ${a.name} attribute on <${n.localName}>`);
      if (a.name === 'href' && !a.value.startsWith('#')) fail(`${where}: href ${a.value.slice(0, 60)} on <${n.localName}>`);
    }
  }
  if (window[CANARY] !== undefined) fail(`${where}: canary window.${CANARY} was set`);
}

function add(tag, props) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  root.append(el);
  return el;
}

async function runOne(payload, baseline) {
  const fw = makeFramework(payload);
  const parsed = levelfit.safeParseFramework(fw);
  if (!parsed.success) {
    report.rejected.push({ payload: payload.slice(0, 60), issues: parsed.issues.map((i) => `${levelfit.formatPath(i.path)}: ${i.code}`) });
  }
  const mustShow = parsed.success;
  const bodyBefore = document.body.querySelectorAll('*').length;

  // <lf-self-assessment>: step 1 (role picker, group heading, legends, hints, codes, scale labels and hints),
  // the error summary, step 2 (kind heading), check answers, confirmation.
  const form = add('lf-self-assessment', { storage: 'none', rolePicker: true, stepSize: 2, askAll: true, framework: fw });
  await settle(form);
  const sr = form.shadowRoot;
  inspect(form, 'step-1', payload, baseline, { mustShow });
  if (parsed.success) {
    const click = async (sel) => {
      const b = sr.querySelector(sel);
      if (!b) throw new Error(`${sel} not found`);
      b.click();
      await settle(form);
    };
    await click('[part~="button-continue"]');
    if (!sr.querySelector('.error-summary')) fail(`payload #${PAYLOADS.indexOf(payload)}: no error summary`);
    inspect(form, 'errors', payload, baseline);
    const role = sr.querySelector('select#role');
    role.selectedIndex = 1;
    role.dispatchEvent(new Event('change', { bubbles: true }));
    for (const name of ['a', 'b']) sr.querySelector(`input[name="${name}"][value="1"]`).click();
    await settle(form);
    await click('[part~="button-continue"]');
    inspect(form, 'step-2', payload, baseline);
    sr.querySelector('input[name="c"][value="1"]').click();
    await settle(form);
    await click('[part~="button-continue"]');
    inspect(form, 'check', payload, baseline);
    let submitted = null;
    form.addEventListener('lf-submit', (e) => (submitted = e.detail), { once: true });
    await click('[part~="button-submit"]');
    await settle(form);
    if (!submitted) fail(`payload #${PAYLOADS.indexOf(payload)}: no lf-submit`);
    inspect(form, 'confirmation', payload, baseline);

    const result = submitted?.result ?? (await levelfit.assess(parsed.data, { ratings: { a: 1, b: 1, c: 1 } }));
    const fit = add('lf-level-fit', { framework: fw, result });
    await settle(fit);
    inspect(fit, 'result', payload, baseline);
    const partial = await levelfit.assess(parsed.data, { ratings: { a: 1, b: 0, c: 0 } }, { role: `${payload} (3)` });
    const fit2 = add('lf-level-fit', { framework: fw, result: partial });
    await settle(fit2);
    inspect(fit2, 'gaps', payload, baseline);
  }
  if (customElements.get('lf-quiz')) await runQuiz(payload, fw, parsed.success, baseline);
  const matrix = add('lf-competence-matrix', { framework: fw, ratings: { a: 1, b: 0, c: 1 } });
  await settle(matrix);
  inspect(matrix, 'matrix', payload, baseline, { mustShow });
  const levels = add('lf-career-levels', { framework: fw });
  levels.setAttribute('current', 'two');
  await settle(levels);
  inspect(levels, 'levels', payload, baseline, { mustShow });

  if (window[CANARY] !== undefined) fail(`payload #${PAYLOADS.indexOf(payload)}: canary set`);
  // Nothing leaked into the light DOM: only the elements we added.
  const added = root.children.length;
  if (document.body.querySelectorAll('*').length !== bodyBefore + added) fail(`payload #${PAYLOADS.indexOf(payload)}: light DOM changed`);
  root.replaceChildren();
}

/** <lf-quiz>: every question page (and its feedback), check answers and the results, driven by clicks. */
async function runQuiz(payload, fw, frameworkOk, baseline) {
  report.quiz = true;
  const n = PAYLOADS.indexOf(payload);
  const bank = makeBank(payload);
  const bankOk = levelfit.safeParseQuestionBank ? levelfit.safeParseQuestionBank(bank).success : true;
  const mustShow = frameworkOk && bankOk;
  const quiz = add('lf-quiz', { storage: 'none', framework: fw, bank });
  await settle(quiz);
  const sr = quiz.shadowRoot;
  let done = false;
  for (let i = 0; i < 30 && !done; i++) {
    inspect(quiz, `quiz-${i}`, payload, baseline, { mustShow });
    if (!mustShow || sr.querySelector('[part~="results"]')) {
      done = true;
      break;
    }
    const submit = sr.querySelector('[part~="button-submit"]');
    if (submit) {
      submit.click();
      for (let w = 0; w < 100 && !sr.querySelector('[part~="results"]'); w++) await settle(quiz);
      continue;
    }
    const options = [...sr.querySelectorAll('input[type=radio], input[type=checkbox]')];
    if (options.length && !options.some((o) => o.checked)) {
      options[0].click();
      await settle(quiz);
    }
    const next = sr.querySelector('[part~="button-continue"]');
    if (!next) {
      fail(`payload #${n}: <lf-quiz> has neither Continue, Submit nor results at step ${i}`);
      break;
    }
    next.click();
    await settle(quiz);
  }
  if (mustShow && !sr.querySelector('[part~="results"]')) fail(`payload #${n}: <lf-quiz> never showed its results`);
}

async function main() {
  const baseline = new Map();
  await runOne('Plain provider text', baseline); // records the shape of every state
  report.fieldsPerPayload = FIELDS + (customElements.get('lf-quiz') ? BANK_FIELDS : 0);
  for (const p of PAYLOADS) {
    try {
      await runOne(p, baseline);
    } catch (err) {
      fail(`payload #${PAYLOADS.indexOf(p)} ${JSON.stringify(p.slice(0, 60))}: threw ${err && err.stack ? err.stack : err}`);
      root.replaceChildren();
    }
    report.payloads++;
  }
  if (window[CANARY] !== undefined) fail('canary set after the corpus');
}

main()
  .catch((err) => fail(`page script threw: ${err && err.stack ? err.stack : err}`))
  .finally(() => {
    report.done = true;
  });
