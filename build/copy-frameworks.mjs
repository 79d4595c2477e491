// Why: the embed bundle carries only the default framework, so a page on it loads any other built-in
// framework by URL. This copies data/frameworks/*.json to dist/frameworks/ beside the bundle.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export default function copyFrameworks({ from, to }) {
  return {
    name: 'copy-frameworks',
    writeBundle() {
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from).filter((n) => n.endsWith('.json'))) copyFileSync(join(from, f), join(to, f));
    },
  };
}
