// An engine that cannot start must fail the cross-engine journeys by name, saying what to install, never be
// skipped: each engine is pointed at a browser that is not there and must reject with that message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, PACKAGES, launchEngine } from '../support/engines/index.mjs';

const MISSING = '/nonexistent/levelfit-no-such-browser';
const ENV = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH', webkit: 'WEBKIT_DRIVER_PATH' } as const;

for (const name of ENGINES) {
  test(`${name} that cannot start fails with what to install`, async () => {
    const saved = process.env[ENV[name]];
    process.env[ENV[name]] = MISSING;
    try {
      await assert.rejects(launchEngine(name), (err: Error) => {
        assert.match(err.message, new RegExp(`^${name} could not start`));
        assert.ok(err.message.includes(`apt-get install ${PACKAGES[name]}`), err.message);
        return true;
      });
    } finally {
      if (saved === undefined) delete process.env[ENV[name]];
      else process.env[ENV[name]] = saved;
    }
  });
}

test('an unknown engine is an error, not a skip', async () => {
  await assert.rejects(launchEngine('netscape'), /unknown engine "netscape"/);
});
