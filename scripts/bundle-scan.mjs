// The static safety scan of the embed bundle (issue #5), used by scripts/check-bundle.mjs and tested by
// test/node/fuzz-bundle-scan.test.ts. A strict Content-Security-Policy page (no 'unsafe-eval', no
// 'unsafe-inline') must be able to load the bundle, and nothing in it may turn data into code or markup:
//
//   eval( · new Function · Function( · setTimeout/setInterval with a string · document.write(ln) ·
//   unsafeHTML / unsafeSVG · innerHTML / outerHTML assignment, insertAdjacentHTML, srcdoc, createContextualFragment
//
// The one allowed HTML sink is lit-html's own template element (`template.innerHTML = <the template's static
// strings>`), which lit builds from the literal parts of `html\`…\`` and never from data. It is recognised by
// its shape in the minified output; with the per-module map (dist/<name>.modules.json) it must also come from
// lit-html itself.

/** What the scan forbids: [name, pattern]. Patterns run on minified code, so whitespace is optional. */
export const FORBIDDEN = [
  ['eval(', /(?<![\w$.])eval\s*\(/g],
  ['window.eval / globalThis.eval', /\b(?:window|globalThis|self)\s*\.\s*eval\b/g],
  ['new Function', /\bnew\s+Function\b/g],
  ['Function(', /(?<![\w$])Function\s*\(/g],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/g],
  ['unsafeHTML', /\bunsafe(?:HTML|SVG)\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['createContextualFragment', /\bcreateContextualFragment\b/g],
  ['srcdoc', /\bsrcdoc\b/g],
  ['outerHTML =', /\bouterHTML\s*\+?=(?!=)/g],
  ['innerHTML =', /\binnerHTML\s*\+?=(?!=)/g],
];

/**
 * lit-html's template sink, minified: `…createElement("template");return i.innerHTML=e,i}` (the element is
 * made, filled from the template's static strings and returned). Anything else assigning innerHTML fails.
 */
const LIT_TEMPLATE_SINK = /createElement\(\s*["']template["']\s*\)\s*;?\s*return\s*([\w$]+)\s*\.\s*innerHTML\s*=\s*[\w$]+\s*,\s*\1\s*[;}]/g;

/** Module ids allowed to hold lit's template sink. */
const LIT_MODULE = /(?:^|\/)node_modules\/lit-html\//;

function excerpt(text, index) {
  return text.slice(Math.max(0, index - 50), index + 50).replace(/\s+/g, ' ');
}

/**
 * Scans bundle text. `modules` (optional) is the rollup per-module list `[{ id, code }]`, used to check that
 * every innerHTML assignment comes from lit-html. Returns the findings; an empty array means clean.
 */
export function scanBundle(text, modules) {
  const allowedAt = new Set();
  for (const m of text.matchAll(LIT_TEMPLATE_SINK)) {
    const at = m.index + m[0].indexOf('innerHTML');
    allowedAt.add(at);
  }
  const findings = [];
  for (const [what, pattern] of FORBIDDEN) {
    for (const m of text.matchAll(pattern)) {
      if (what === 'innerHTML =' && allowedAt.has(m.index)) continue;
      findings.push({ what, index: m.index, excerpt: excerpt(text, m.index) });
    }
  }
  if (modules) {
    for (const mod of modules) {
      const code = mod.code ?? '';
      if (!/\binnerHTML\s*\+?=(?!=)/.test(code)) continue;
      if (!LIT_MODULE.test(mod.id)) {
        const i = code.search(/\binnerHTML\s*\+?=(?!=)/);
        findings.push({ what: 'innerHTML = outside lit-html', index: -1, module: mod.id, excerpt: excerpt(code, i) });
      }
    }
  }
  return findings;
}

/** One line per finding, for the build log. */
export function formatFindings(findings, file = 'the bundle') {
  return findings.map((f) =>
    f.module
      ? `${file} contains \`${f.what}\` in ${f.module}: …${f.excerpt}…`
      : `${file} contains \`${f.what}\` (at byte ${f.index}: …${f.excerpt}…)`,
  );
}

/**
 * `node scripts/bundle-scan.mjs [file.js …]` scans files on their own (default: dist/levelfit.min.js), with
 * each file's `.modules.json` beside it when there is one; exits 1 on any finding.
 */
async function main(files) {
  const { readFileSync, existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const list = files.length ? files : [fileURLToPath(new URL('../dist/levelfit.min.js', import.meta.url))];
  let failed = false;
  for (const file of list) {
    if (!existsSync(file)) {
      console.error(`bundle-scan: ${file} is missing`);
      failed = true;
      continue;
    }
    const modulesFile = file.replace(/\.js$/, '.modules.json');
    const modules = existsSync(modulesFile) ? JSON.parse(readFileSync(modulesFile, 'utf8')) : undefined;
    const findings = formatFindings(scanBundle(readFileSync(file, 'utf8'), modules), file);
    for (const f of findings) console.error(`bundle-scan: FAIL: ${f}`);
    if (findings.length) failed = true;
    else console.log(`bundle-scan: ${file}: clean`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
