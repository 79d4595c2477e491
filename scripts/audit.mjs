#!/usr/bin/env node
// `npm audit --omit=dev` for CI: the packages a provider installs, checked against the registry's advisories.
// Known vulnerabilities fail the run (exit 1). A registry that cannot answer (a mirror without the audit
// endpoint, no network) does not fail it, but says so plainly: the dependencies were not checked.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What `npm audit --json` said: `{ outcome: 'clean' | 'vulnerable' | 'unavailable', text }`. */
export function readAudit(status, stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { outcome: 'unavailable', text: `npm audit gave no report (exit ${status})` };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const found = Object.entries(counts).filter(([level, n]) => level !== 'total' && n > 0);
    if (!found.length) return { outcome: 'clean', text: 'no known vulnerabilities in the runtime dependencies' };
    return { outcome: 'vulnerable', text: `known vulnerabilities in the runtime dependencies: ${found.map(([level, n]) => `${n} ${level}`).join(', ')}` };
  }
  const why = report?.message ?? report?.error?.summary ?? `exit ${status}`;
  return { outcome: 'unavailable', text: `the registry did not answer the audit (${why})` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const { outcome, text } = readAudit(run.status, run.stdout ?? '');
  if (outcome === 'clean') console.log(`npm audit --omit=dev: OK, ${text}`);
  else if (outcome === 'vulnerable') {
    console.error(`npm audit --omit=dev: FAIL, ${text}`);
    spawnSync('npm', ['audit', '--omit=dev'], { stdio: 'inherit' });
    process.exit(1);
  } else {
    console.warn(`npm audit --omit=dev: NOT RUN, ${text}; the runtime dependencies were not checked for known vulnerabilities`);
  }
}
