#!/usr/bin/env node
// Installs the real LRS the cmi5 tests use (test/lrs: Learning Locker's xapi-statements) into its own folder.
// It is kept out of the root install because it is old: it declares Node 6-8 (npm would warn EBADENGINE on
// every newcomer's `npm ci`) and brings about 350 packages no other part of levelfit needs. Installs only when
// test/lrs/package-lock.json changed since the last install, so repeated test runs do not reinstall.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'lrs');
const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8');
const installed = join(dir, 'node_modules', '.package-lock.json');
const current = (file) => {
  try {
    return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).packages?.['node_modules/xapi-statements']);
  } catch {
    return null;
  }
};
const wanted = JSON.stringify(JSON.parse(lock).packages?.['node_modules/xapi-statements']);
if (existsSync(installed) && current(installed) === wanted) {
  console.log('install-lrs: test/lrs is up to date');
} else {
  console.log('install-lrs: installing the test LRS into test/lrs (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('install-lrs: `npm ci` in test/lrs failed; the cmi5 tests need this LRS and cannot run without it');
    process.exit(r.status ?? 1);
  }
}
