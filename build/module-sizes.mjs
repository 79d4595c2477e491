// Why: scripts/check-bundle.mjs says what makes a bundle large without a visualizer plugin. This writes
// `<output file>.modules.json` beside each bundle: every module's id (relative to the repository), its
// rendered (tree-shaken, pre-terser) code and that code's length, largest first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export default function moduleSizes({ root }) {
  const shortId = (id) => id.replace(/^\0/, '').replace(root, '').replace(/\?.*$/, '');
  return {
    name: 'module-sizes',
    generateBundle(options, bundle) {
      const rows = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, m] of Object.entries(chunk.modules)) rows.push({ id: shortId(id), renderedLength: m.renderedLength, code: m.code ?? '' });
      }
      rows.sort((a, b) => b.renderedLength - a.renderedLength);
      const file = resolve(options.file.replace(/\.js$/, '.modules.json'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(rows, null, 1)}\n`);
    },
  };
}
