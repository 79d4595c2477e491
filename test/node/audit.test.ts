/** scripts/audit.mjs reads `npm audit --json`: clean, vulnerable, or not answered (never a silent pass). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without type declarations
import { readAudit } from '../../scripts/audit.mjs';

const read = readAudit as (status: number | null, stdout: string) => { outcome: string; text: string };
const metadata = (counts: Record<string, number>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });

test('no vulnerabilities: clean', () => {
  assert.equal(read(0, metadata({ total: 0 })).outcome, 'clean');
});

test('vulnerabilities: named by level, and the run fails', () => {
  const r = read(1, metadata({ high: 2, low: 1, total: 3 }));
  assert.equal(r.outcome, 'vulnerable');
  assert.match(r.text, /2 high/);
  assert.match(r.text, /1 low/);
});

test('a registry without the audit endpoint, or no report at all: said plainly, not a pass', () => {
  const mirror = read(1, JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 }));
  assert.equal(mirror.outcome, 'unavailable');
  assert.match(mirror.text, /405 Method Not Allowed/);
  assert.equal(read(1, '').outcome, 'unavailable');
  assert.equal(read(null, 'npm error network').outcome, 'unavailable');
});
