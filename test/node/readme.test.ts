// The README's engine example is examples/01-assess.mjs, which `npm run test:examples` runs; this keeps the
// README's copy identical to the file, so the snippet people read is the code CI runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

test('every README code block marked "example: FILE" is that file, byte for byte', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const marked = [...readme.matchAll(/<!-- example: (\S+) -->\n```js\n([\s\S]*?)```/g)];
  assert.ok(marked.length >= 1, 'the README has at least one marked example');
  for (const [, file, code] of marked) {
    assert.equal(code, readFileSync(new URL(file!, root), 'utf8'), `README copy of ${file} differs from the file`);
  }
});
