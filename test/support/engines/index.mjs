// One small driver interface over the three browser engines care workers use, so the cross-engine journeys
// (test/e2e/engines.mjs) are written once:
//
//   const engine = await launchEngine('firefox');     // 'chromium' | 'firefox' | 'webkit'
//   const page = await engine.open({ width, height });  // a fresh page with its own storage
//   await page.goto(url); await page.reload();
//   await page.evaluate(fn, arg);                        // fn runs in the page; arg and result are JSON
//   await page.press('Tab');                            // Tab, Shift+Tab, Enter, Space, ArrowDown, ArrowUp
//   await page.resize({ width, height });               // the viewport as near as the engine allows; returns it
//   await page.close(); await engine.close();
//
// Chromium and Firefox ESR go through puppeteer-core (CDP and WebDriver BiDi); WebKitGTK through W3C
// WebDriver (WebKitWebDriver + MiniBrowser under Xvfb) with selenium-webdriver. Every engine is a Debian
// package: nothing downloads a browser. An engine that cannot start throws, with what to install; the suite
// fails rather than skipping it.
import { launchPuppeteer } from './puppeteer.mjs';
import { launchWebKit } from './webkit.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The Debian packages that provide each engine, for the error a missing one gives. */
export const PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'webkit2gtk-driver xvfb xauth' };

export async function launchEngine(name) {
  try {
    if (name === 'chromium' || name === 'firefox') return await launchPuppeteer(name);
    if (name === 'webkit') return await launchWebKit();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${name} could not start (${why.split('\n')[0]}). Install it with: apt-get install ${PACKAGES[name]} (.ci/run does this)`);
  }
  throw new Error(`unknown engine "${name}" (expected one of ${ENGINES.join(', ')})`);
}

/**
 * Polls `fn(arg)` in the page until it returns a truthy value, and returns that value; throws `what` (with the
 * last value) after `timeout` ms. The same on every engine: WebDriver classic has no waitForFunction.
 */
export async function waitFor(page, fn, arg, { timeout = 30_000, what = 'a condition', interval = 50 } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > until) throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
