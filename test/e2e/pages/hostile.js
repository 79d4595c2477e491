// Hostile host page (test/e2e/run.mjs): snapshots the computed styles of light-DOM siblings, loads the embed
// bundle, lets every element render, snapshots again and compares; then reports what the shadow DOM looks
// like under the host's CSS. `?plain` skips the hostile stylesheet. Reports through window.__lfE2E.
const report = { done: false, failures: [], changed: [], siblings: 0, properties: 0 };
window.__lfE2E = report;
const fail = (m) => report.failures.push(m);
const SIBLINGS = ['host-form', 'host-fieldset', 'host-legend', 'host-label', 'host-input', 'host-h2', 'host-p', 'host-a', 'host-button', 'host-ul', 'host-li'];

const GEOMETRY = /^(height|block-size|width|inline-size|perspective-origin|transform-origin)$/;

function snapshot() {
  const out = {};
  for (const id of [...SIBLINGS, 'html', 'body', 'main']) {
    const el = id === 'html' ? document.documentElement : id === 'body' ? document.body : id === 'main' ? document.querySelector('main') : document.getElementById(id);
    const cs = getComputedStyle(el);
    const props = {};
    for (let i = 0; i < cs.length; i++) props[cs[i]] = cs.getPropertyValue(cs[i]);
    for (const pseudo of ['::before', '::after', '::marker']) {
      const ps = getComputedStyle(el, pseudo);
      props[`${pseudo} content`] = ps.content;
    }
    out[id] = props;
  }
  return out;
}

async function main() {
  if (!location.search.includes('plain')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/test/e2e/pages/hostile.css';
    await new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error('hostile.css did not load'));
      document.head.append(link);
    });
  }
  const sheetsBefore = document.styleSheets.length;
  const adoptedBefore = document.adoptedStyleSheets.length;
  const before = snapshot();
  await import('/dist/levelfit.all.min.js');
  const tags = ['lf-self-assessment', 'lf-level-fit', 'lf-career-levels', 'lf-competence-matrix'];
  for (const t of tags) await customElements.whenDefined(t);
  if (customElements.get('lf-quiz')) tags.push('lf-quiz'); // when the bundle has it
  for (const el of document.querySelectorAll(tags.join(','))) await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const after = snapshot();
  for (const [id, props] of Object.entries(before)) {
    report.siblings++;
    const container = ['html', 'body', 'main'].includes(id);
    for (const [name, value] of Object.entries(props)) {
      // The page's containers grow when the elements render; their other properties must not change.
      if (container && GEOMETRY.test(name)) continue;
      report.properties++;
      if (after[id][name] !== value) report.changed.push(`${id} ${name}: ${value} -> ${after[id][name]}`);
    }
  }
  if (document.styleSheets.length !== sheetsBefore) fail(`document.styleSheets went from ${sheetsBefore} to ${document.styleSheets.length}`);
  if (document.adoptedStyleSheets.length !== adoptedBefore) fail(`document.adoptedStyleSheets went from ${adoptedBefore} to ${document.adoptedStyleSheets.length}`);
  if (document.head.querySelectorAll('style').length || document.body.querySelectorAll('style').length) fail('a <style> element was added to the document');
}

main()
  .catch((err) => fail(`page script threw: ${err && err.stack ? err.stack : err}`))
  .finally(() => {
    report.done = true;
  });
