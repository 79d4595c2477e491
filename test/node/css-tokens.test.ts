/**
 * Every `--lf-*` custom property the elements read is documented in the custom-elements manifest, on each
 * element that reads it, with the default the code really falls back to. The theming page in Storybook is
 * generated from the manifest, so this is what keeps it complete and true.
 *
 * The source side is read from the code: an element's `static styles` array, each style module it imports,
 * and in those the `var(--lf-…, fallback)` reads and `--lf-…: value` declarations (comments removed).
 * Fallbacks through levelfit's private aliases (`var(--_brand)`) are written as the public token they
 * alias (`var(--lf-color-brand)`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'packages/elements/src');

interface CssProperty {
  name: string;
  default?: string;
  description?: string;
}
const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8')) as {
  modules: { path: string; declarations?: { tagName?: string; cssProperties?: CssProperty[] }[] }[];
};

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text up to the `)` closing the parenthesis opened just before `from`. */
function untilClose(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return text.slice(from, i);
      depth--;
    }
  }
  throw new Error(`unbalanced var( at ${from}`);
}

/** `--lf-*` tokens a CSS-in-TS file reads or sets: name → defaults found (declared values and fallbacks). */
function tokensIn(file: string): Map<string, string[]> {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const found = new Map<string, string[]>();
  const add = (name: string, value?: string) => {
    const list = found.get(name) ?? [];
    if (value !== undefined) list.push(squash(value));
    found.set(name, list);
  };
  for (const m of text.matchAll(/var\((--lf-[a-z0-9-]+)\s*(,?)/g)) add(m[1]!, m[2] ? untilClose(text, m.index! + m[0].length) : undefined);
  for (const m of text.matchAll(/(--lf-[a-z0-9-]+)\s*:\s*([^;]+);/g)) add(m[1]!, m[2]!);
  return found;
}

/** `--_brand` → `--lf-color-brand`, from the shared tokens' `:host` block. */
const aliases = new Map(
  [...withoutComments(readFileSync(join(src, 'tokens.ts'), 'utf8')).matchAll(/(--_[a-z-]+):\s*var\((--lf-[a-z0-9-]+)/g)].map((m) => [m[1]!, m[2]!]),
);
const publicForm = (value: string): string => value.replace(/var\((--_[a-z-]+)\)/g, (all, alias: string) => (aliases.has(alias) ? `var(${aliases.get(alias)})` : all));

/** The files whose styles an element adopts: its own file and each module named in `static styles = [...]`. */
function styleFiles(elementFile: string): string[] {
  const text = withoutComments(readFileSync(elementFile, 'utf8'));
  const start = text.indexOf('static override styles = [');
  assert.ok(start >= 0, `${elementFile}: no static styles array`);
  const array = text.slice(start, text.indexOf('];', start)).replace(/css`[\s\S]*?`/g, '');
  const names = [...array.slice(array.indexOf('[') + 1).matchAll(/\b([A-Za-z_$][\w$]*)\b/g)].map((m) => m[1]!);
  const files = [elementFile];
  for (const name of names) {
    const imp = new RegExp(`import\\s*{[^}]*\\b${name}\\b[^}]*}\\s*from\\s*'([^']+)'`).exec(text);
    assert.ok(imp, `${elementFile}: cannot find where ${name} comes from`);
    files.push(resolve(dirname(elementFile), imp[1]!.replace(/\.js$/, '.ts')));
  }
  return files;
}

const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName!, file: join(root, m.path), cssProperties: d.cssProperties ?? [] })),
);

test('the manifest describes the six elements', () => assert.equal(elements.length, 6));

for (const el of elements) {
  test(`<${el.tag}> documents every --lf-* token it reads, with the default the code uses`, () => {
    const read = new Map<string, string[]>();
    for (const file of styleFiles(el.file)) for (const [name, values] of tokensIn(file)) read.set(name, [...(read.get(name) ?? []), ...values]);
    const documented = new Map(el.cssProperties.map((p) => [p.name, p]));
    assert.deepEqual([...documented.keys()].sort(), [...read.keys()].sort(), `<${el.tag}>: documented vs read --lf-* tokens`);
    for (const [name, values] of read) {
      const defaults = [...new Set(values.map(publicForm))];
      assert.ok(defaults.length >= 1, `${name} is read with no fallback anywhere in <${el.tag}>'s styles`);
      const doc = documented.get(name)!;
      assert.ok(doc.default, `<${el.tag}> ${name} has no default in the manifest`);
      assert.ok(doc.description && !/\bTODO\b/.test(doc.description), `<${el.tag}> ${name} has no description`);
      assert.ok(defaults.includes(squash(doc.default!)), `<${el.tag}> ${name}: manifest default ${doc.default} is not what the code uses (${defaults.join(' | ')})`);
    }
  });
}

test('each --lf-* token falls back to one value wherever it is read', () => {
  const all = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const files = walk(src);
  const declaredIn = new Set<string>();
  for (const file of files) {
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const m of text.matchAll(/(--lf-[a-z0-9-]+)\s*:/g)) declaredIn.add(m[1]!);
    for (const [name, values] of tokensIn(file)) for (const v of values) all.set(name, (all.get(name) ?? new Set()).add(publicForm(v)));
  }
  const manifestNames = new Set(elements.flatMap((e) => e.cssProperties.map((p) => p.name)));
  assert.deepEqual([...all.keys()].filter((n) => !manifestNames.has(n)), [], 'tokens in the source that no element documents');
  for (const [name, values] of all) {
    // Tokens set on :host (the per-element max widths) are read without a fallback: their value is the declaration.
    if (declaredIn.has(name)) continue;
    const fallbacks = [...values];
    assert.equal(fallbacks.length, 1, `${name} falls back to different values: ${fallbacks.join(' | ')}`);
  }
});
