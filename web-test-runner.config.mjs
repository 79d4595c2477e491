// @web/test-runner in Debian Chromium (no browser download). See ../shared/notes/toolchain-probe.md pitfalls 2 and 3.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';

const commonjs = fromRollup(rollupCommonjs);

// The cmi5 browser tests talk to a loopback LMS with a real LRS (test/support/cmi5-lms.mjs), started on the
// first `cmi5-lms` command only, so other test files do not pay for it.
let cmi5Lms = null;
const cmi5LmsPlugin = {
  name: 'cmi5-lms',
  async executeCommand({ command }) {
    if (command !== 'cmi5-lms') return undefined;
    cmi5Lms ??= import('./test/support/cmi5-lms.mjs').then((m) => m.startCmi5Lms());
    return { base: (await cmi5Lms).base };
  },
  async serverStop() {
    if (cmi5Lms) await (await cmi5Lms).close();
  },
};
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true },
  mimeTypes: { '**/*.cjs': 'js' },
  plugins: [
    cmi5LmsPlugin,
    {
      name: 'json-rules-engine-entry',
      resolveImport: ({ source }) =>
        source === 'json-rules-engine' ? '/node_modules/json-rules-engine/dist/json-rules-engine.js' : undefined,
    },
    esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    commonjs({
      strictRequires: false,
      include: ['**/node_modules/json-rules-engine/**', '**/node_modules/clone/**', '**/node_modules/eventemitter2/**', '**/node_modules/hash-it/**'],
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  concurrency: 1,
};
