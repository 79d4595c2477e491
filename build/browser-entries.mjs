// Why: a page can load @levelfit/engine with an import map and no bundler only if what it imports is ES
// modules all the way down, and the engine's json-rules-engine is CommonJS. So the engine also ships
// dist/browser/: each of its entries built once more with its dependencies included, shared code in common
// chunks (so `@levelfit/engine` and `@levelfit/engine/lms` share one engine). The package's exports map says
// which entries have such a build (a `browser` condition); this reads it, so the two cannot disagree.
// test/node/packages.test.ts installs the packed tarballs and imports them in Chromium through an import map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `{ name: source }` for rollup's `input`: e.g. `{ index: '<pkg>/lib/index.js', lms: '<pkg>/lib/lms/index.js' }`. */
export default function browserEntries(packageDir) {
  const { exports } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const input = {};
  for (const conditions of Object.values(exports)) {
    if (typeof conditions !== 'object' || !conditions.browser) continue;
    const name = /^\.\/dist\/browser\/(.+)\.js$/.exec(conditions.browser)?.[1];
    if (!name) throw new Error(`browser-entries: ${conditions.browser} is not ./dist/browser/<name>.js`);
    input[name] = join(packageDir, conditions.default);
  }
  return input;
}
