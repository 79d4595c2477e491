// Chromium (CDP) and Firefox ESR (WebDriver BiDi) behind the driver interface of ./index.mjs, through
// puppeteer-core and the Debian browsers.
import puppeteer from 'puppeteer-core';

/** Read when an engine starts, so a caller (or a test) can point at another build. */
const pathOf = (name) => (name === 'firefox' ? (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr') : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));

/** Firefox has taken 30 s to start on two busy cores, puppeteer's own limit: a slow start is not a failure. */
const LAUNCH_TIMEOUT = 120_000;

export async function launchPuppeteer(name) {
  const browser = await puppeteer.launch(
    name === 'firefox'
      ? { browser: 'firefox', protocol: 'webDriverBiDi', executablePath: pathOf('firefox'), headless: true, timeout: LAUNCH_TIMEOUT }
      : {
          browser: 'chrome',
          executablePath: pathOf('chromium'),
          headless: true,
          timeout: LAUNCH_TIMEOUT,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
  );
  const version = await browser.version();
  return {
    name,
    version,
    async open({ width = 1280, height = 900 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      page.setDefaultTimeout(60_000);
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err instanceof Error ? err.message : String(err)));
      return {
        engine: name,
        goto: (url) => page.goto(url, { waitUntil: 'load' }).then(() => undefined),
        reload: () => page.reload({ waitUntil: 'load' }).then(() => undefined),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async press(key) {
          if (key === 'Shift+Tab') {
            await page.keyboard.down('Shift');
            await page.keyboard.press('Tab');
            await page.keyboard.up('Shift');
          } else await page.keyboard.press(key === 'Space' ? ' ' : key); // BiDi knows the space bar only as ' '
        },
        async resize({ width: w, height: h }) {
          await page.setViewport({ width: w, height: h });
          return page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
        },
        /** Uncaught errors the protocol reported (the page's own listener records them too). */
        errors: () => pageErrors.splice(0),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
