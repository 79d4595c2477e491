// The elements package's public surface: the root exports element classes, event classes and their types,
// defineElement, tokens and the localization entry (at most 40 names, nothing from src/internal or the draft
// store), and the exports map has a define.js for every element folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';

const pkgDir = new URL('../../packages/elements/', import.meta.url);
const src = new URL('src/', pkgDir);

function rootExports(): string[] {
  const file = new URL('index.ts', src).pathname;
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, experimentalDecorators: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(symbol).map((s) => s.name);
}

test('the elements root exports at most 40 names: elements, events, defineElement, tokens, localization', () => {
  const names = rootExports();
  assert.ok(names.length <= 40, `${names.length} names: ${names.join(', ')}`);
  for (const name of ['LfSelfAssessment', 'LfLevelFit', 'LfCompetenceMatrix', 'LfCareerLevels', 'LfQuiz']) assert.ok(names.includes(name), name);
  for (const name of ['LfChangeEvent', 'LfErrorEvent', 'LfSubmitEvent', 'LfQuizChangeEvent', 'LfQuizSubmitEvent']) assert.ok(names.includes(name), name);
  for (const name of ['defineElement', 'tokens', 'configureLocalization']) assert.ok(names.includes(name), name);
  for (const gone of ['parseDraft', 'staleKeyFor', 'STALE_REASONS', 'DraftController', 'QuizDraftController', 'FrameworkView', 'isQuizSubmitEvent', 'LfElement']) {
    assert.ok(!names.includes(gone), `${gone} is not public`);
  }
  const index = readFileSync(new URL('index.ts', src), 'utf8');
  assert.doesNotMatch(index, /^export (?!type )[^;]*from '\.\/(internal|drafts)\//m, 'only types come from src/internal and the draft store');
});

test('the exports map has ./<element>/define.js for every element folder, and each file exists', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
  const folders = readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/define.ts`, src)))
    .map((d) => d.name)
    .sort();
  assert.deepEqual(folders, ['career-levels', 'competence-matrix', 'level-fit', 'quiz', 'review', 'self-assessment']);
  for (const folder of folders) {
    const entry = pkg.exports[`./${folder}/define.js`];
    assert.ok(entry, `exports has ./${folder}/define.js`);
    assert.equal(entry.default, `./lib/${folder}/define.js`);
    assert.equal(entry.types, `./lib/${folder}/define.d.ts`);
  }
  for (const [key, entry] of Object.entries(pkg.exports)) {
    const srcFile = entry.default.replace(/^\.\/lib\//, '').replace(/\.js$/, '.ts');
    assert.ok(existsSync(new URL(srcFile, src)), `${key} → src/${srcFile} exists`);
  }
});

test('the elements package declares what its source imports', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const used = new Set<string>();
  const walk = (dir: URL): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(new URL(`${d.name}/`, dir));
      else if (d.name.endsWith('.ts')) {
        for (const [, spec] of readFileSync(new URL(d.name, dir), 'utf8').matchAll(/^import[^;]*? from '([^'.][^']*)'/gm)) {
          used.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
        }
      }
    }
  };
  walk(src);
  for (const name of used) assert.ok(declared.has(name), `${name} is declared`);
  for (const name of declared) assert.ok(used.has(name), `${name} is used`);
});
